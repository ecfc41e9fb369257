package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// LayoutFinalNewline: the file ends with exactly one newline.
var LayoutFinalNewline = register(&lint.Rule{
	ID:       "layout/final-newline",
	Severity: lint.Warning,
	Summary:  "File does not end with exactly one newline",
	Doc: `Checks that the file ends with one newline and no blank lines after the
last paragraph. Tools that concatenate or diff articles expect a final
newline, and trailing blank lines are noise that scrapers leave behind.

Bad:  "...weapons of mass destruction."       (no newline at the end)
Good: "...weapons of mass destruction.\n"

Fix: adds the missing newline, or removes the extra blank lines at the end
(safe: whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if len(d.Lines) == 0 {
			return // an empty file is layout/empty-body's business
		}
		last := d.Lines[len(d.Lines)-1]
		if last.EOL == 0 && !last.Blank(d.Src) {
			p.Reportf(lintSpan(len(d.Src), len(d.Src)), lint.SafeFix("add a final newline", len(d.Src), len(d.Src), "\n"),
				"no newline at end of file")
			return
		}
		for _, run := range d.BlankRuns {
			if run.Where != "end" {
				continue
			}
			// Keep the newline that ends the last non-blank line; drop the rest.
			start := run.Offset
			p.Reportf(lintSpan(start, len(d.Src)), lint.SafeFix("remove the blank lines at the end", start, len(d.Src), ""),
				"%s at end of file", plural(run.Count, "blank line"))
		}
	},
})
