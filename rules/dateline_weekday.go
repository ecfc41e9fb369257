package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// DatelineWeekday: the dateline's weekday is the weekday of its date.
var DatelineWeekday = register(&lint.Rule{
	ID:       "dateline/weekday",
	Severity: lint.Error,
	Summary:  "Dateline weekday disagrees with its date",
	Doc: `Checks that the dateline's weekday is the weekday on which its date
falls. A wrong weekday means one of the two was mistyped or the line was
copied from another article. Dates that do not exist are
dateline/calendar's business; how a right weekday is spelled is
dateline/names'.

Bad:  "Tuesday 7 August 2024 - 21:29"
Good: "Wednesday 7 August 2024 - 21:29"

Fix: writes the date's weekday in the layout's form, full or short (unsafe:
the date might be the mistyped part).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if !datelineUsable(d) || d.Dateline.Weekday.Len() == 0 {
			return
		}
		t, ok := d.Dateline.Calendar, d.Dateline.CalendarValid
		if !ok {
			return
		}
		dl := d.Dateline
		actual := t.Weekday()
		wd, known := parseWeekday(dl.WeekdayText)
		if known && wd == actual {
			return // the usual case: build no fix
		}
		want := weekdayName(actual, dl.WeekdayLong)
		fix := lint.UnsafeFix("write "+quote(want), dl.Weekday.Start, dl.Weekday.End, want)
		switch {
		case !known:
			p.Reportf(dl.Weekday, fix, "%s is not a weekday; %s was a %s", quote(dl.WeekdayText), d.String(dl.Date), actual)
		case wd != actual:
			p.Reportf(dl.Weekday, fix, "%s was a %s, not a %s", d.String(dl.Date), actual, wd)
		}
	},
})
