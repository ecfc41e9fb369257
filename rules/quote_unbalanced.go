package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// QuoteUnbalanced: every double quotation in a paragraph is closed.
var QuoteUnbalanced = register(&lint.Rule{
	ID:       "quote/unbalanced",
	Severity: lint.Warning,
	Summary:  "Double quotation opened and never closed, or closed and never opened",
	Doc: `Checks that each paragraph's double quotation marks (curly “ ” and
straight ") pair up. Scrapers drop or duplicate quote marks, and a reader
cannot tell where the quoted words end. The diagnostic points at the mark
left without a partner.

News style lets a quotation run over several paragraphs: each continued
paragraph reopens it with an opening mark and only the last one closes it.
A paragraph left open that way is not reported. Apostrophes (Lebanon's,
Gaza’s, forces') are never quote marks, and single quotation marks are not
checked (they cannot be told from apostrophes reliably). Reversed marks
such as the seed's ` + "`noted” the ... operations. “`" + ` are quote/reversed's
business.

Bad:  He said “we will continue the operations.
Good: He said “we will continue the operations.”
Good: “We will continue,     (next paragraph)     “until the last soldier leaves.”`,
	Fix: lint.FixNever,
	Run: func(p *lint.Pass) {
		d := p.Doc
		for pi := range d.Paragraphs {
			para := &d.Paragraphs[pi]
			for _, q := range para.Quotes {
				if !q.Double || q.Reversed || q.Balanced() {
					continue
				}
				if q.Open >= 0 {
					m := para.Marks[q.Open]
					p.Reportf(m.Span, nil, "quotation opened with %c is never closed in this paragraph", m.Char)
				} else {
					m := para.Marks[q.Close]
					p.Reportf(m.Span, nil, "closing %c has no opening quotation mark in this paragraph", m.Char)
				}
			}
		}
	},
})
