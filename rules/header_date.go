package rules

import (
	"errors"
	"strings"
	"time"

	"github.com/corpuslint/corpuslint/internal/lint"
)

// HeaderDate: the header's date is a real date in the template's layout.
var HeaderDate = register(&lint.Rule{
	ID:       "header/date",
	Severity: lint.Error,
	Summary:  "Header date is not a real date in the template's layout",
	Doc: `Checks that the header's {date} is a real calendar date written in the
template's Go time layout (default 2006-01-02). The date stamp orders the
archive; 2024-02-30 or 2024-8-7 breaks sorting and date arithmetic.

Bad:  " date 2024-02-30 0", " date 2024-8-7 0"
Good: " date 2024-08-07 0"

Fix: when the date is a real date written with missing zeros, rewrites it in
the layout (unsafe: it adds digits). An impossible date is not fixed.`,
	Fix: lint.FixSometimes,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if !headerUsable(d) || d.Header.DateText == "" {
			return
		}
		if _, ok := headerDate(d); ok {
			return
		}
		field, _ := d.Header.Field("date")
		layout := d.Layout.HeaderDateLayout()
		text := stripSpaces(d.Header.DateText)
		_, err := time.Parse(layout, text)
		var perr *time.ParseError
		if errors.As(err, &perr) && strings.Contains(perr.Message, "out of range") {
			p.Reportf(field.Span, nil, "header date %s is not a real calendar date", quote(text))
			return
		}
		var fix *lint.Fix
		if t, err := time.Parse(unpaddedLayout(layout), text); err == nil {
			want := t.Format(layout)
			fix = lint.UnsafeFix("write the date as "+quote(want), field.Span.Start, field.Span.End, want)
		}
		p.Reportf(field.Span, fix, "header date %s is not written as %s", quote(text), quote(layout))
	},
})

// unpaddedLayout accepts months, days and hours without their leading
// zero, so that "2024-8-7" can be read and rewritten as "2024-08-07".
func unpaddedLayout(layout string) string {
	return strings.NewReplacer("2006", "2006", "01", "1", "02", "2", "_2", "2", "03", "3").Replace(layout)
}
