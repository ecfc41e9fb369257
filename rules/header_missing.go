package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// HeaderMissing: the layout has a machine header and the file has none.
var HeaderMissing = register(&lint.Rule{
	ID:       "header/missing",
	Severity: lint.Error,
	Summary:  "File has no machine header line",
	Doc: `Checks that the file starts with the machine header when the layout has
one (default template " date {date:2006-01-02} {index}", leading space
included). The header carries the archive's date stamp and the article's
index that day; tools that sort and deduplicate the corpus read it. The
header counts as missing when line 1 is already the dateline or the story
code; any other first line is taken as a broken header (header/format).

Bad:  "Wednesday 7 August 2024 - 21:29" on line 1
Good: " date 2024-08-07 0" on line 1, then the dateline

Fix: inserts a header built from the dateline's date with index 0 (unsafe:
it writes a date and an index that a person should confirm). No fix when
the dateline has no valid date.`,
	Fix: lint.FixSometimes,
	Run: func(p *lint.Pass) {
		d := p.Doc
		m, ok := d.MissingElement(article.ElemHeader)
		if !ok || quiet(d) {
			return
		}
		var fix *lint.Fix
		if tmpl := d.Layout.HeaderTemplate(); tmpl != nil && datelineUsable(d) {
			if t, ok := d.Dateline.Calendar, d.Dateline.CalendarValid; ok {
				text := tmpl.Render(map[string]string{"date": t.Format(d.Layout.HeaderDateLayout()), "index": "0"})
				fix = lint.UnsafeFix("insert the header "+quote(text)+" (check the index)", m.Offset, m.Offset, text+eolOf(d, m.Line))
			}
		}
		p.Reportf(lineSpan(d, m.Line), fix, "no header line before the %s; want the template %s",
			firstFound(d), quote(d.Layout.Header))
	},
})

// firstFound names the first head element the file does have.
func firstFound(d *article.Doc) string {
	for _, e := range d.Layout.Order {
		if _, ok := d.ElementLine(e); ok {
			return elementName(e)
		}
	}
	return "body"
}
