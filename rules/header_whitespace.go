package rules

import (
	"strings"

	"github.com/corpuslint/corpuslint/internal/lint"
)

// HeaderWhitespace: the header matches its template only loosely.
var HeaderWhitespace = register(&lint.Rule{
	ID:       "header/whitespace",
	Severity: lint.Warning,
	Summary:  "Header has stray or missing whitespace, or the wrong letter case",
	Doc: `Checks that the header reads byte for byte as its template renders it:
the leading space, one space between the parts, no trailing space, no
spaces inside the date, and the literal words in the template's case.
Scripts that read the archive split the header on single spaces.

Bad:  "date  2024-08-07 0 "
Good: " date 2024-08-07 0"

Fix: rewrites the line in the template's form (safe: only spaces and letter
case change). No fix when it would have to split a run of digits, as in
" date 2024-08-070".`,
	Fix: lint.FixSometimes,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if !headerUsable(d) || d.Header.Exact && strings.IndexAny(d.Header.DateText, " \t") < 0 {
			return // the common case, without building the line
		}
		line := d.String(d.Header.Span)
		want := d.Layout.HeaderTemplate().Render(headerValues(d))
		if line == want {
			return
		}
		var fix *lint.Fix
		if looseFixSafe(line, want) {
			fix = lint.SafeFix("rewrite the header as "+quote(want), d.Header.Span.Start, d.Header.Span.End, want)
		}
		p.Reportf(d.Header.Span, fix, "header differs from the template in %s; want %s", looseDifference(line, want), quote(want))
	},
})
