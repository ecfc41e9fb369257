package rules

import (
	"sort"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// minRepeatedWords is the length from which a repeated sentence is reported:
// short ones ("He said no.") recur by chance.
const minRepeatedWords = 8

// CorpusRepeatedSentence: an article does not repeat one of its sentences.
var CorpusRepeatedSentence = register(&lint.Rule{
	ID:       "corpus/repeated-sentence",
	Severity: lint.Warning,
	Summary:  "An article repeats one of its own sentences",
	Doc: `Checks that an article does not repeat a sentence of 8 or more words.
The usual cause is a teaser or lead pasted above the body by the site, or
a paragraph the scraper captured twice. Sentences are compared word by
word, ignoring case, punctuation and spacing. The later copy is reported,
with the line of the first.

Bad:  "The Iraqi resistance threatened escalation after the court ruling."
      as the first paragraph and again as the third
Good: every sentence of 8 or more words appears once`,
	Run: func(p *lint.Pass) {
		d := p.Doc
		type sentence struct {
			hash uint64
			span article.Span
		}
		var seen []sentence
		for _, para := range d.Paragraphs {
			for _, s := range para.Sentences {
				h, words := sentenceHash(d, s)
				if words >= minRepeatedWords {
					seen = append(seen, sentence{h, s})
				}
			}
		}
		if len(seen) < 2 {
			return
		}
		// Sort by hash, keeping document order among equals: the first of
		// each run is the original, the rest are repeats.
		sort.SliceStable(seen, func(i, j int) bool { return seen[i].hash < seen[j].hash })
		for i := 1; i < len(seen); i++ {
			if seen[i].hash != seen[i-1].hash {
				continue
			}
			first := i - 1
			for first > 0 && seen[first-1].hash == seen[i].hash {
				first--
			}
			p.Reportf(seen[i].span, nil, "sentence repeats the one on line %d", d.LineAt(seen[first].span.Start)+1)
		}
	},
})

// sentenceHash hashes a sentence's words, case folded, and counts them.
func sentenceHash(d *article.Doc, s article.Span) (hash uint64, words int) {
	hash = 14695981039346656037
	d.Words(s, func(w article.Span) bool {
		for _, c := range d.Src[w.Start:w.End] {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			hash = (hash ^ uint64(c)) * 1099511628211
		}
		hash = (hash ^ ' ') * 1099511628211 // word boundary
		words++
		return true
	})
	return hash, words
}
