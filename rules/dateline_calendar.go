package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// DatelineCalendar: the dateline's date exists.
var DatelineCalendar = register(&lint.Rule{
	ID:       "dateline/calendar",
	Severity: lint.Error,
	Summary:  "Dateline date does not exist",
	Doc: `Checks that the dateline's date is a real calendar date: a known month
name (or a month number from 1 to 12), and a day that the month has. An
impossible date cannot be sorted, compared with the header or given a
weekday, so dateline/weekday and dateline/date say nothing about it.

Bad:  "Saturday 31 February 2024 - 21:29", "Wednesday 7 Agust 2024 - 21:29"
Good: "Thursday 29 February 2024 - 21:29"

There is no fix: which part is wrong cannot be known.`,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if !datelineUsable(d) || d.Dateline.Date.Len() == 0 {
			return
		}
		dl := d.Dateline
		if dl.Month == 0 && dl.MonthSpan.Len() > 0 {
			p.Reportf(dl.MonthSpan, nil, "%s is not a month name", quote(dl.MonthText))
			return
		}
		if !dl.CalendarValid {
			p.Reportf(dl.Date, nil, "%s is not a real calendar date", quote(d.String(dl.Date)))
		}
	},
})
