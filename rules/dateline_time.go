package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// DatelineTime: the dateline's time of day exists.
var DatelineTime = register(&lint.Rule{
	ID:       "dateline/time",
	Severity: lint.Error,
	Summary:  "Dateline time is out of range",
	Doc: `Checks that the dateline's time is a real time of day: hour 0 to 23,
minute and second 0 to 59. An impossible time usually means two digits
were swapped or the line was damaged.

Bad:  "Wednesday 7 August 2024 - 24:29", "Wednesday 7 August 2024 - 21:92"
Good: "Wednesday 7 August 2024 - 21:29"

There is no fix: the right time cannot be known.`,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if !datelineUsable(d) || d.Dateline.Time.Len() == 0 {
			return
		}
		dl := d.Dateline
		var what string
		switch {
		case dl.Hour > 23:
			what = "the hour is past 23"
		case dl.Minute > 59:
			what = "the minute is past 59"
		case dl.Second > 59:
			what = "the second is past 59"
		default:
			return
		}
		p.Reportf(dl.Time, nil, "time %s is not a time of day: %s", quote(d.String(dl.Time)), what)
	},
})
