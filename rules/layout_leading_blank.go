package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// LayoutLeadingBlank: the file does not start with blank lines.
var LayoutLeadingBlank = register(&lint.Rule{
	ID:       "layout/leading-blank",
	Severity: lint.Warning,
	Summary:  "File starts with blank lines",
	Doc: `Checks that the first line of the file is the first element of the
layout (the header by default), with no blank lines above it. Tools read
the header from line 1.

Bad:  "", " date 2024-08-07 0", ...
Good: " date 2024-08-07 0", ...

Fix: removes the blank lines (safe: whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if quiet(d) {
			return
		}
		for _, r := range d.BlankRuns {
			if r.Where != article.WhereStart || r.Count == 0 {
				continue
			}
			next := r.FirstLine + r.Count
			span := lintSpan(r.Offset, d.Lines[next-1].End)
			p.Reportf(span, fixBlankLines(d, r.FirstLine, r.Count, 0, next, "remove the blank lines at the start"),
				"%s at start of file", plural(r.Count, "blank line"))
		}
	},
})
