package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// QuoteReversed: curly quotation marks face the right way.
var QuoteReversed = register(&lint.Rule{
	ID:       "quote/reversed",
	Severity: lint.Warning,
	Summary:  "Curly quotation mark facing the wrong way",
	Doc: `Checks that a curly opening mark (“) opens a quotation and a closing mark
(”) closes it, and that apostrophes use ’ rather than ‘. Scrapers and
word processors that "smarten" quotes get the direction wrong when the
spacing around the mark is wrong; the result reads as a quotation turned
inside out.

Two shapes are reported. A quotation whose marks are reversed and sit on
the wrong side of their spaces, as in the seed:

Bad:  He noted” the upcoming period will see ongoing strikes ... military operations. “
Good: He noted “the upcoming period will see ongoing strikes ... military operations.”

and a single mark of the wrong shape in the right place:

Bad:  He said ”we will stay“ and left.   Lebanon‘s army
Good: He said “we will stay” and left.   Lebanon’s army

Fix: turns each mark around; for a reversed quotation the spaces move with
the marks, and a space left at the end of the paragraph is dropped. Safe
when the mark's neighbours show its direction (only quote marks and
spaces change); unsafe when only the pairing does.`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		for pi := range d.Paragraphs {
			para := &d.Paragraphs[pi]
			for _, q := range para.Quotes {
				if !q.Double {
					continue
				}
				if q.Reversed {
					reportReversedQuotation(p, para, q)
					continue
				}
				if q.Open >= 0 {
					if m := para.Marks[q.Open]; m.Shape == article.ShapeClose {
						p.Reportf(m.Span, quoteMarkFix("use “", m, "\u201c", m.Role == article.RoleOpening),
							"closing mark ” opens a quotation; use “")
					}
				}
				if q.Close >= 0 {
					if m := para.Marks[q.Close]; m.Shape == article.ShapeOpen {
						p.Reportf(m.Span, quoteMarkFix("use ”", m, "\u201d", m.Role == article.RoleClosing),
							"opening mark “ closes a quotation; use ”")
					}
				}
			}
			for _, m := range para.Marks {
				if m.Role == article.RoleApostrophe && m.Char == '\u2018' {
					p.Reportf(m.Span, quoteMarkFix("use ’", m, "\u2019", true),
						"opening mark ‘ used as an apostrophe; use ’")
				}
			}
		}
	},
})

// reportReversedQuotation reports `noted” the ... operations. “` with a fix
// giving `noted “the ... operations.”`.
func reportReversedQuotation(p *lint.Pass, para *article.Paragraph, q article.Quote) {
	src := p.Doc.Src
	opener, closer := para.Marks[q.Open], para.Marks[q.Close]
	inner := q.Inner
	if blanksAfter(src, inner.Start, inner.End) == inner.End {
		p.Reportf(q.Span, nil, "quotation marks are reversed: ” opens the quotation and “ closes it")
		return
	}
	// The opener hops over the spaces after it: `” the` becomes ` “the`.
	spacesEnd := blanksAfter(src, opener.Span.End, inner.End)
	open := lint.Edit{Start: opener.Span.Start, End: spacesEnd,
		Text: string(src[opener.Span.End:spacesEnd]) + "\u201c"}
	// The closer hops back over the spaces before it: `. “` becomes `.”`;
	// whatever followed (the paragraph's end, or a space) stays.
	spacesStart := blanksBefore(src, inner.Start, closer.Span.Start)
	close := lint.Edit{Start: spacesStart, End: closer.Span.End, Text: "\u201d"}
	safe := opener.Role == article.RoleClosing && (closer.Free || closer.Role == article.RoleClosing)
	fix := &lint.Fix{Description: "turn the quotation marks around", Safety: lint.Unsafe, Edits: []lint.Edit{open, close}}
	if safe {
		fix.Safety = lint.Safe
	}
	p.Reportf(q.Span, fix, "quotation marks are reversed: ” opens the quotation and “ closes it")
}
