package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// DatelineFormat: a line that looks like the dateline matches no layout.
var DatelineFormat = register(&lint.Rule{
	ID:       "dateline/format",
	Severity: lint.Error,
	Summary:  "Dateline matches no configured dateline layout",
	Doc: `Checks that the dateline matches one of the layout's Go time layouts
(default "Monday 2 January 2006 - 15:04"), at least loosely (any spacing,
any letter case). A line in the dateline's place that has a digit and a
month or weekday name but no such shape is reported here; its weekday,
date and time cannot be read, and the other dateline rules say nothing
about it.

Bad:  "Wednesday, August 7th 2024 at 9:29 PM"
Good: "Wednesday 7 August 2024 - 21:29"

There is no fix: which part is which cannot be known for sure.`,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if d.Dateline == nil || !d.Dateline.Malformed {
			return
		}
		p.Reportf(d.Dateline.Span, nil, "dateline does not match the layout %s", datelineLayouts(d))
	},
})
