package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// LayoutEmptyBody: the article has a body.
var LayoutEmptyBody = register(&lint.Rule{
	ID:       "layout/empty-body",
	Severity: lint.Error,
	Summary:  "Article has no body, or the file is empty",
	Doc: `Checks that the article has at least one body paragraph after its head.
A file that is empty or holds only blank lines is reported here, once,
and the head rules say nothing about it; it is a problem in the corpus,
not an error reading the file. Such files come from failed downloads.

Bad:  an empty file; or a head ending with "Story Code : 1152650" and
      nothing after it
Good: "Story Code : 1152650", "Lebanon's al-Akhbar newspaper reported ..."

There is no fix: the body cannot be guessed.`,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if len(d.Paragraphs) > 0 {
			return
		}
		switch {
		case len(d.Src) == 0:
			p.Reportf(lintSpan(0, 0), nil, "empty file")
		case quiet(d):
			p.Reportf(lintSpan(0, len(d.Src)), nil, "file holds only blank lines")
		default:
			last := -1
			for _, e := range d.Layout.Order {
				if line, ok := d.ElementLine(e); ok && line > last {
					last = line
				}
			}
			p.Reportf(d.Lines[last].Span, nil, "no body after the head")
		}
	},
})
