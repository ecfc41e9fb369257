package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// LayoutBlankLines: paragraphs are separated by exactly one blank line.
var LayoutBlankLines = register(&lint.Rule{
	ID:       "layout/blank-lines",
	Severity: lint.Warning,
	Summary:  "Paragraphs separated by more than one blank line",
	Doc: `Checks that body paragraphs are separated by exactly one blank line, never
a run of them. Runs of blank lines are left by scrapers where images,
embeds or advertisements were removed, and make paragraph counts and
diffs noisy. Blank lines in the head are the head rules' business
(title/blank-before, storycode/blank-before, layout/before-body), and
those at the end of the file layout/final-newline's.

Bad:  "...several American troopers.", "", "", "The sources stated ..."
Good: "...several American troopers.", "", "The sources stated ..."

Fix: removes the extra blank lines (safe: whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		for _, r := range d.BlankRuns {
			if r.Where != article.WhereParagraph || r.Count <= r.Expected {
				continue
			}
			next := r.FirstLine + r.Count
			span := lintSpan(d.Lines[r.FirstLine+r.Expected].Start, d.Lines[next-1].End)
			p.Reportf(span, fixBlankLines(d, r.FirstLine, r.Count, r.Expected, next, "leave "+blankCount(r.Expected)),
				"%s between paragraphs; want %d", plural(r.Count, "blank line"), r.Expected)
		}
	},
})
