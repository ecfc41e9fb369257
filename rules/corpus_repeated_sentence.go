package rules

import (
	"cmp"
	"slices"

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
			key   uint64
			span  article.Span
			words []article.Word
		}
		count := 0
		for _, para := range d.Paragraphs {
			count += len(para.Sentences)
		}
		all := make([]sentence, 0, count)
		for _, para := range d.Paragraphs {
			words, k := para.Words, 0
			for _, s := range para.Sentences {
				for k < len(words) && words[k].Span.Start < s.Start {
					k++
				}
				first := k
				for k < len(words) && words[k].Span.Start < s.End {
					k++
				}
				if k-first >= minRepeatedWords {
					all = append(all, sentence{sentenceKey(words[first:k]), s, words[first:k]})
				}
			}
		}
		if len(all) < 2 {
			return
		}
		// Most articles repeat nothing: find out by sorting the keys alone
		// (plain integers sort fast, with no comparison function).
		keys := make([]uint64, len(all))
		for i := range all {
			keys[i] = all[i].key
		}
		slices.Sort(keys)
		repeats := false
		for i := 1; i < len(keys) && !repeats; i++ {
			repeats = keys[i] == keys[i-1]
		}
		if !repeats {
			return
		}
		// Sorted by key, in document order within a key: the first of each
		// run of equal sentences is the original, the rest are repeats.
		slices.SortStableFunc(all, func(a, b sentence) int { return cmp.Compare(a.key, b.key) })
		for i := 1; i < len(all); i++ {
			first := i - 1
			for first > 0 && all[first-1].key == all[i].key {
				first--
			}
			if all[i].key == all[first].key && sameWords(all[i].words, all[first].words) {
				p.Reportf(all[i].span, nil, "sentence repeats the one on line %d", d.LineAt(all[first].span.Start)+1)
			}
		}
	},
})

// sentenceKey hashes a sentence's words in order. The words' hashes fold
// case, and punctuation and spacing lie between words, so sentences that
// read the same ignoring them have the same key.
func sentenceKey(words []article.Word) uint64 {
	h := uint64(len(words))
	for _, w := range words {
		h = (h ^ w.Hash) * 0x9E3779B97F4A7C15
		h = h<<31 | h>>33
	}
	return h ^ h>>29
}

// sameWords reports whether two sentences have the same words (by hash),
// which makes a chance collision of two sentences' keys harmless.
func sameWords(a, b []article.Word) bool {
	return slices.EqualFunc(a, b, func(x, y article.Word) bool { return x.Hash == y.Hash })
}
