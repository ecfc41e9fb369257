package rules

import (
	"github.com/corpuslint/corpuslint/internal/lint"
)

// QuoteGluedSentence: a space follows a quotation that ends a sentence.
var QuoteGluedSentence = register(&lint.Rule{
	ID:       "quote/glued-sentence",
	Severity: lint.Warning,
	Summary:  "Closing quotation mark glued to the next sentence",
	Doc: `Checks that a quotation ending a sentence is followed by a space before
the next sentence. Scrapers that join HTML paragraphs or spans drop the
space, gluing two sentences together; sentence splitting, word counts and
readers all stumble on it.

Bad:  “We will not stop until the occupation ends in Palestine.”Hezbollah said.
Good: “We will not stop until the occupation ends in Palestine.” Hezbollah said.

Fix: inserts a space after the closing mark. Safe when the mark is curly
or its neighbours show it closes; unsafe for a straight mark whose
direction only the pairing gives.`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		src := d.Src
		for pi := range d.Paragraphs {
			para := &d.Paragraphs[pi]
			for _, q := range para.Quotes {
				if !q.Double || q.Reversed || q.Open < 0 || q.Close < 0 {
					continue
				}
				closing := para.Marks[q.Close]
				next := runeAt(src, closing.Span.End, para.Span.End)
				if !sentenceEndBefore(src, q.Inner.Start, closing.Span.Start) ||
					!(isWordStart(next) || next == '\u201c' || next == '"') {
					continue
				}
				p.Reportf(closing.Span,
					fixWithSafety("insert a space", directionShown(closing), closing.Span.End, closing.Span.End, " "),
					"closing quotation mark %c is glued to the next sentence", closing.Char)
			}
		}
	},
})
