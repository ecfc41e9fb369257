package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// QuoteSpacing: no space just inside a quotation, a space just outside it.
var QuoteSpacing = register(&lint.Rule{
	ID:       "quote/spacing",
	Severity: lint.Warning,
	Summary:  "Space inside a quotation's marks, or a word touching them outside",
	Doc: `Checks the spacing around double quotation marks: no space just inside a
quotation (“ text, text ”), and a space between a quotation and a word
that touches it from outside (said“we, go”and). Both come from scrapers
that rebuild text from HTML fragments.

Punctuation may touch a quotation from outside ((“, ”, ”. ”-backed); a
closing mark glued to the next sentence (Palestine.”Hezbollah) is
quote/glued-sentence's business. Reversed quotations are left to
quote/reversed, and marks with no partner to quote/unbalanced.

Bad:  He said “ we will continue ” and“the enemy will pay”.
Good: He said “we will continue” and “the enemy will pay”.

Fix: removes the spaces inside, inserts one space outside. Safe (only
whitespace changes) when the mark's direction is clear from a curly glyph
or from its neighbours; unsafe for a straight mark glued to words on both
sides.`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		src := d.Src
		for pi := range d.Paragraphs {
			para := &d.Paragraphs[pi]
			end := para.Span.End
			for _, q := range para.Quotes {
				if !q.Double || q.Reversed || !q.Balanced() || blanksAfter(src, q.Inner.Start, q.Inner.End) == q.Inner.End {
					continue
				}
				open := para.Marks[q.Open]
				if s := blanksAfter(src, open.Span.End, end); s > open.Span.End && s < end && src[s] != '\n' && src[s] != '\r' {
					p.Reportf(lintSpan(open.Span.End, s), lint.SafeFix("remove the space", open.Span.End, s, ""),
						"space after opening quotation mark %c", open.Char)
				}
				if isWordStart(runeBefore(src, para.Span.Start, open.Span.Start)) {
					p.Reportf(open.Span, fixWithSafety("insert a space", directionShown(open), open.Span.Start, open.Span.Start, " "),
						"no space before opening quotation mark %c", open.Char)
				}
				if q.Close < 0 {
					continue
				}
				closing := para.Marks[q.Close]
				if s := blanksBefore(src, q.Inner.Start, closing.Span.Start); s < closing.Span.Start {
					p.Reportf(lintSpan(s, closing.Span.Start), lint.SafeFix("remove the space", s, closing.Span.Start, ""),
						"space before closing quotation mark %c", closing.Char)
				}
				if isWordStart(runeAt(src, closing.Span.End, end)) && !gluedToNextSentence(src, q, closing, end) {
					p.Reportf(closing.Span, fixWithSafety("insert a space", directionShown(closing), closing.Span.End, closing.Span.End, " "),
						"no space after closing quotation mark %c", closing.Char)
				}
			}
		}
	},
})

// directionShown reports whether a mark's role in its quotation is shown
// by its glyph or its neighbours, rather than guessed from pairing.
func directionShown(m article.QuoteMark) bool {
	return m.Curly() || m.Role == article.RoleOpening || m.Role == article.RoleClosing
}

// sentenceEndBefore reports whether the text before offset i ends a
// sentence (. ! ? or …).
func sentenceEndBefore(src []byte, start, i int) bool {
	switch runeBefore(src, start, i) {
	case '.', '!', '?', '\u2026':
		return true
	}
	return false
}
