package rules

import (
	"strings"

	"github.com/corpuslint/corpuslint/internal/lint"
)

// HeaderIndex: the header's index is a plain non-negative integer.
var HeaderIndex = register(&lint.Rule{
	ID:       "header/index",
	Severity: lint.Error,
	Summary:  "Header index is not a non-negative integer without leading zeros",
	Doc: `Checks that the header's {index} (the article's number that day, 0 in
every file seen so far) is a non-negative integer in plain decimal: digits
only, no sign, no leading zeros. Tools compare indexes as text and as
numbers; "00" and "0" must not both exist.

Bad:  " date 2024-08-07 00", " date 2024-08-07 -1"
Good: " date 2024-08-07 0"

Fix: drops leading zeros (unsafe: it removes digits). Anything else that is
not a number is not fixed.`,
	Fix: lint.FixSometimes,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if !headerUsable(d) || d.Header.IndexText == "" {
			return
		}
		field, _ := d.Header.Field("index")
		text := d.Header.IndexText
		for i := 0; i < len(text); i++ {
			if text[i] < '0' || text[i] > '9' {
				p.Reportf(field.Span, nil, "header index %s is not a non-negative integer", quote(text))
				return
			}
		}
		if len(text) > 1 && text[0] == '0' {
			want := strings.TrimLeft(text, "0")
			if want == "" {
				want = "0"
			}
			p.Reportf(field.Span, lint.UnsafeFix("write the index as "+want, field.Span.Start, field.Span.End, want),
				"header index %s has leading zeros", quote(text))
		}
	},
})
