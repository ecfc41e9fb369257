package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// HeaderFormat: line 1 sits where the header belongs but is no header.
var HeaderFormat = register(&lint.Rule{
	ID:       "header/format",
	Severity: lint.Error,
	Summary:  "Line 1 does not match the header template",
	Doc: `Checks that line 1 matches the layout's header template at least loosely
(any spacing, any letter case). A line that does not is taken as a broken
header, so that the dateline and the title are still found below it; its
date and index cannot be read, and the other header rules say nothing
about it.

Bad:  " date: 07/08/2024"
Good: " date 2024-08-07 0"

There is no fix: what the line should say cannot be known.`,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if d.Header == nil || !d.Header.Malformed {
			return
		}
		p.Reportf(d.Header.Span, nil, "line 1 does not match the header template %s", quote(d.Layout.Header))
	},
})
