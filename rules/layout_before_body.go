package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// LayoutBeforeBody: the layout's blank lines (none by default) between the
// head and the first paragraph.
var LayoutBeforeBody = register(&lint.Rule{
	ID:       "layout/before-body",
	Severity: lint.Warning,
	Summary:  "Wrong number of blank lines between the head and the body",
	Doc: `Checks the blank lines between the last head element (the story code by
default) and the first paragraph: the layout wants none by default, the
first paragraph coming right under "Story Code : ...". Readers tell the
head from the body by that.

Bad:  "Story Code : 1152650", "", "Lebanon's al-Akhbar newspaper reported ..."
Good: "Story Code : 1152650", "Lebanon's al-Akhbar newspaper reported ..."

Fix: removes the extra blank lines or inserts the missing one (safe:
whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if len(d.Paragraphs) == 0 {
			return // layout/empty-body speaks for a file without a body
		}
		for _, r := range d.BlankRuns {
			if r.Where != article.WhereBeforeBody || r.Count == r.Expected {
				continue
			}
			next := r.FirstLine + r.Count
			span := d.Lines[next].Span
			if r.Count > r.Expected {
				span = lintSpan(d.Lines[r.FirstLine+r.Expected].Start, d.Lines[next-1].End)
			}
			what := "the head"
			if r.After != "" {
				what = "the " + elementName(r.After)
			}
			p.Reportf(span, fixBlankLines(d, r.FirstLine, r.Count, r.Expected, next, "leave "+blankCount(r.Expected)+" before the body"),
				"%s between %s and the body; %s", blankCount(r.Count), what, wantBlanks(r.Expected))
		}
	},
})
