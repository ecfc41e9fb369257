package rules

import (
	"unicode"

	"github.com/corpuslint/corpuslint/internal/article"
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
				if !gluedToNextSentence(src, q, closing, para.Span.End) {
					continue
				}
				p.Reportf(closing.Span,
					fixWithSafety("insert a space", directionShown(closing), closing.Span.End, closing.Span.End, " "),
					"closing quotation mark %c is glued to the next sentence", closing.Char)
			}
		}
	},
})

// gluedToNextSentence reports whether a quotation ends a sentence and the
// next sentence (a capital, a digit or an opening quote) follows its
// closing mark with no space. A lowercase word there ("What?”she asked) is
// a missing space, quote/spacing's business.
func gluedToNextSentence(src []byte, q article.Quote, closing article.QuoteMark, end int) bool {
	if !sentenceEndBefore(src, q.Inner.Start, closing.Span.Start) {
		return false
	}
	next := runeAt(src, closing.Span.End, end)
	return next >= '0' && next <= '9' || unicode.IsUpper(next) || next == '\u201c' || next == '"'
}
