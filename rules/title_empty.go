package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// TitleEmpty: the title's line is blank or holds no words.
var TitleEmpty = register(&lint.Rule{
	ID:       "title/empty",
	Severity: lint.Error,
	Summary:  "Title line is empty or has no letters or digits",
	Doc: `Checks that the title says something: its line is not blank, and it holds
at least one letter or digit. Scrapers leave an empty line or a lone dash
when a page's headline element was missing.

Bad:  "Wednesday 7 August 2024 - 21:29", "", "", "", "Story Code : 1152650"
      (the title's line is blank), or a title "--"
Good: "Iraqi Resistance: Ain Al Assad Operation Marks New Phase"

There is no fix: the title cannot be guessed.`,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if line, ok := emptyTitleLine(d); ok {
			p.Reportf(d.Lines[line].Span, nil, "the title line is empty")
			return
		}
		if d.Title != nil && !hasAlnum(d.Text(d.Title.Span)) {
			p.Reportf(d.Title.Span, nil, "title %s has no letters or digits", excerpt(d, d.Title.Span))
		}
	},
})
