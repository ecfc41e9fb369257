package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// DatelineNames: weekday and month names are written as the layout writes them.
var DatelineNames = register(&lint.Rule{
	ID:       "dateline/names",
	Severity: lint.Warning,
	Summary:  "Dateline weekday or month name is not written as the layout writes it",
	Doc: `Checks that the dateline's weekday and month names are capitalised and,
full or short, as in the layout: "Monday" and "January" in the layout mean
"Wednesday" and "August", "Mon" and "Jan" mean "Wed" and "Aug". Mixed
forms make the corpus harder to search and to parse. A weekday that is the
wrong day is dateline/weekday's business; a name that is no month at all,
dateline/calendar's.

Bad:  "wednesday 7 Aug 2024 - 21:29"
Good: "Wednesday 7 August 2024 - 21:29"

Fix: rewrites the name. Safe when only the letter case changes, unsafe
when a short name is written in full or the other way round.`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if !datelineUsable(d) {
			return
		}
		dl := d.Dateline
		if wd, ok := parseWeekday(dl.WeekdayText); ok && dl.Weekday.Len() > 0 {
			// A weekday that is the wrong day gets dateline/weekday's fix,
			// which also sets its form.
			t, valid := dl.Calendar, dl.CalendarValid
			if !valid || t.Weekday() == wd {
				if want := weekdayName(wd, dl.WeekdayLong); dl.WeekdayText != want {
					p.Reportf(dl.Weekday, nameFix(dl.Weekday, dl.WeekdayText, want), "weekday %s should be written %s", quote(dl.WeekdayText), quote(want))
				}
			}
		}
		if dl.MonthSpan.Len() > 0 && !dl.MonthNumeric && dl.Month >= 1 && dl.Month <= 12 {
			if want := monthName(dl.Month, dl.MonthLong); dl.MonthText != want {
				p.Reportf(dl.MonthSpan, nameFix(dl.MonthSpan, dl.MonthText, want), "month %s should be written %s", quote(dl.MonthText), quote(want))
			}
		}
	},
})
