package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// DatelineMissing: the layout has a dateline and the file has none.
var DatelineMissing = register(&lint.Rule{
	ID:       "dateline/missing",
	Severity: lint.Error,
	Summary:  "File has no dateline",
	Doc: `Checks that the dateline is where the layout puts it (by default line 2,
right after the header). The dateline is the only place an article states
its publication time. A line there that looks like a date (a digit and a
month or weekday name) but does not parse is reported by dateline/format
instead.

Bad:  " date 2024-08-07 0", then the title on line 2
Good: " date 2024-08-07 0", then "Wednesday 7 August 2024 - 21:29"

There is no fix: the time of day cannot be known.`,
	Run: func(p *lint.Pass) {
		d := p.Doc
		m, ok := d.MissingElement(article.ElemDateline)
		if !ok || quiet(d) {
			return
		}
		p.Reportf(lineSpan(d, m.Line), nil, "no dateline; want a line in the layout %s", datelineLayouts(d))
	},
})
