package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// UnattributedQuoteOptions configures attribution/unattributed-quote.
type UnattributedQuoteOptions struct {
	Verbs    []string `yaml:"verbs" doc:"words and phrases that attribute a claim, as base forms; each also matches its inflections"`
	MaxWords int      `yaml:"max-words" doc:"a quotation longer than this many words needs an attribution"`
}

// AttributionUnattributedQuote: a long direct quotation says who said it.
var AttributionUnattributedQuote = register(&lint.Rule{
	ID:       "attribution/unattributed-quote",
	Severity: lint.Info,
	Summary:  "Long direct quotation with no attribution nearby",
	Doc: `Checks that a direct quotation longer than max-words words has an
attribution (said, told, according to, ...; see attribution/missing) in
its own paragraph or the one before it, outside any quotation. Short
quotations are names and scare quotes (the “Israeli” entity) and need
none. A quotation that runs over several paragraphs counts as one, and
its attribution may sit in any of them or just before the first.

Bad:  “We will continue to strike the occupation's bases until the last soldier leaves.”
Good: “We will continue to strike the occupation's bases until the last soldier leaves,” the official said.`,
	Fix:     lint.FixNever,
	Options: &UnattributedQuoteOptions{Verbs: DefaultAttributionVerbs, MaxWords: 10},
	Run: func(p *lint.Pass) {
		opts, _ := p.Options.(*UnattributedQuoteOptions)
		if opts == nil {
			opts = &UnattributedQuoteOptions{Verbs: DefaultAttributionVerbs, MaxWords: 10}
		}
		d := p.Doc
		matcher := attributionFor(opts.Verbs)
		// attributed caches each paragraph's answer: 0 unknown, 1 no, 2 yes.
		var attributed []int8
		isAttributed := func(i int) bool {
			if attributed == nil {
				attributed = make([]int8, len(d.Paragraphs))
			}
			if attributed[i] == 0 {
				attributed[i] = 1
				if paragraphAttributed(d, &d.Paragraphs[i], matcher) {
					attributed[i] = 2
				}
			}
			return attributed[i] == 2
		}
		for pi := range d.Paragraphs {
			para := &d.Paragraphs[pi]
			for _, q := range para.Quotes {
				if !q.Double || q.Open < 0 || q.ContinuesPrevious || q.Close < 0 && !q.ContinuesToNext {
					// An unclosed quotation's extent is unknown (quote/unbalanced
					// reports it); measuring it to the paragraph's end would
					// also make a run of open quotes quadratic.
					continue
				}
				words, last := quotationWords(d, pi, q, opts.MaxWords)
				if words <= opts.MaxWords {
					continue
				}
				found := false
				for k := max(pi-1, 0); k <= last && !found; k++ {
					found = isAttributed(k)
				}
				if !found {
					p.Reportf(q.Span, nil, "quotation of more than %d words with no attribution in this paragraph or the one before",
						opts.MaxWords)
				}
			}
		}
	},
})

// quotationWords counts the words of a quotation, following it over the
// paragraphs it continues into, and stops counting past limit. It returns
// the count and the index of the quotation's last paragraph.
func quotationWords(d *article.Doc, pi int, q article.Quote, limit int) (int, int) {
	n := 0
	for {
		d.Words(q.Inner, func(article.Span) bool {
			n++
			return n <= limit
		})
		if !q.ContinuesToNext || pi+1 >= len(d.Paragraphs) {
			return n, pi
		}
		pi++
		next := -1
		for k, nq := range d.Paragraphs[pi].Quotes {
			if nq.ContinuesPrevious {
				next = k
				break
			}
		}
		if next < 0 {
			return n, pi
		}
		q = d.Paragraphs[pi].Quotes[next]
	}
}
