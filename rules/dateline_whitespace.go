package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// DatelineWhitespace: the dateline matches its layout only loosely.
var DatelineWhitespace = register(&lint.Rule{
	ID:       "dateline/whitespace",
	Severity: lint.Warning,
	Summary:  "Dateline has stray or missing whitespace",
	Doc: `Checks that the dateline's spacing and punctuation read exactly as its
layout writes them: one space between the parts, " - " before the time,
no leading or trailing spaces. Readers that split the dateline on its
separators miss the time otherwise.

Bad:  "Wednesday  7 August 2024-21:29 "
Good: "Wednesday 7 August 2024 - 21:29"

Fix: rewrites the line with the layout's spacing, keeping every part as
written (safe: only spaces change). How names are capitalised is
dateline/names' business. No fix when it would have to split a run of
digits.`,
	Fix: lint.FixSometimes,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if !datelineUsable(d) || d.Dateline.Exact {
			return
		}
		line, want := d.String(d.Dateline.Span), d.Dateline.Canonical
		var fix *lint.Fix
		if looseFixSafe(line, want) {
			fix = lint.SafeFix("rewrite the dateline as "+quote(want), d.Dateline.Span.Start, d.Dateline.Span.End, want)
		}
		p.Reportf(d.Dateline.Span, fix, "dateline differs from the layout in %s; want %s", looseDifference(line, want), quote(want))
	},
})
