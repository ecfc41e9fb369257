package rules

import (
	"github.com/corpuslint/corpuslint/internal/lint"
)

type datelineDateOptions struct {
	MaxDays int `yaml:"max_days" doc:"how many days the dateline's date may lie from the header's date stamp"`
}

// DatelineDate: the dateline's date agrees with the header's.
var DatelineDate = register(&lint.Rule{
	ID:       "dateline/date",
	Severity: lint.Error,
	Summary:  "Dateline date disagrees with the header date",
	Doc: `Checks that the dateline's date is the header's date stamp. When they
differ, the article was filed under the wrong day or its dateline belongs
to another article. Both dates must be real dates for the check to run
(header/date and dateline/calendar report the others).

Bad:  " date 2024-08-07 0" with "Thursday 8 August 2024 - 01:10"
Good: " date 2024-08-07 0" with "Wednesday 7 August 2024 - 21:29"

There is no fix: which of the two dates is right cannot be known.`,
	Options: &datelineDateOptions{MaxDays: 0},
	Run: func(p *lint.Pass) {
		o := p.Options.(*datelineDateOptions)
		d := p.Doc
		if !datelineUsable(d) {
			return
		}
		header, ok := headerDate(d)
		if !ok {
			return
		}
		date, ok := d.Dateline.Calendar, d.Dateline.CalendarValid
		if !ok {
			return
		}
		days := int(date.Sub(header).Hours() / 24)
		if days < 0 {
			days = -days
		}
		if days <= o.MaxDays {
			return
		}
		p.Reportf(d.Dateline.Date, nil, "dateline date %s disagrees with the header date %s",
			quote(d.String(d.Dateline.Date)), quote(stripSpaces(d.Header.DateText)))
	},
})
