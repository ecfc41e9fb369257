package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// SpaceTrailing: no spaces or tabs at the end of a line.
var SpaceTrailing = register(&lint.Rule{
	ID:       "space/trailing",
	Severity: lint.Warning,
	Summary:  "Spaces or tabs at the end of a line",
	Doc: `Checks that no line ends in spaces or tabs, blank lines included. Trailing
whitespace is invisible, makes identical paragraphs compare unequal, and is
usually left by a scraper that joined table cells or stripped markup. The
header, dateline, title and story code lines are left to the head rules, which
compare them with their templates.

Bad:  "...two days earlier.  \n"
Good: "...two days earlier.\n"

Fix: deletes the trailing spaces and tabs (safe: whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		for i, l := range d.Lines {
			if templatedLine(d, i) || isTitleLine(d, i) { // title/whitespace owns the title
				continue
			}
			end := l.End
			start := end
			for start > l.Start && isSpaceByte(d.Src[start-1]) {
				start--
			}
			if start == end {
				continue
			}
			what := "trailing whitespace"
			if start == l.Start {
				what = "whitespace on a blank line"
			}
			p.Reportf(lintSpan(start, end), lint.SafeFix("delete the trailing whitespace", start, end, ""),
				"%s (%s)", what, plural(end-start, "character"))
		}
	},
})
