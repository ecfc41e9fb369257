package rules

import (
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
			key  uint64
			span article.Span
		}
		// Most articles repeat nothing, so sentences are first compared by
		// a key of their first few normalised bytes, which is cheap; only
		// sentences that share it are hashed in full. Equal sentences
		// have equal prefixes, so nothing is missed.
		count := 0
		for _, para := range d.Paragraphs {
			count += len(para.Sentences)
		}
		all := make([]sentence, 0, count)
		for _, para := range d.Paragraphs {
			for _, s := range para.Sentences {
				if s.Len() >= minRepeatedWords*2 { // 8 words take 15 bytes at least
					all = append(all, sentence{sentenceKeyN(d.Text(s), prefixBytes), s})
				}
			}
		}
		if len(all) < 2 {
			return
		}
		// Find the keys that occur twice by sorting the keys alone (plain
		// integers sort fast, with no comparison function).
		keys := make([]uint64, len(all))
		for i := range all {
			keys[i] = all[i].key
		}
		slices.Sort(keys)
		var shared []uint64 // sorted, each once
		for i := 1; i < len(keys); i++ {
			if keys[i] == keys[i-1] && (len(shared) == 0 || shared[len(shared)-1] != keys[i]) {
				shared = append(shared, keys[i])
			}
		}
		if len(shared) == 0 {
			return
		}
		// The sentences with a shared key, in document order: the first of
		// each run of equal full keys below is the original, the rest are
		// repeats.
		var cand []sentence
		for _, s := range all {
			if _, found := slices.BinarySearch(shared, s.key); found {
				cand = append(cand, s)
			}
		}
		byKey := func(a, b sentence) int {
			switch {
			case a.key < b.key:
				return -1
			case a.key > b.key:
				return 1
			}
			return 0
		}
		for i := range cand {
			cand[i].key = sentenceKey(d.Text(cand[i].span))
		}
		slices.SortStableFunc(cand, byKey)
		for i := 1; i < len(cand); i++ {
			if cand[i].key != cand[i-1].key {
				continue
			}
			first := i - 1
			for first > 0 && cand[first-1].key == cand[i].key {
				first--
			}
			// Words are counted only for the rare repeats.
			words := 0
			d.Words(cand[i].span, func(article.Span) bool { words++; return words < minRepeatedWords })
			if words >= minRepeatedWords {
				p.Reportf(cand[i].span, nil, "sentence repeats the one on line %d", d.LineAt(cand[first].span.Start)+1)
			}
		}
	},
})

// sentenceKey hashes a sentence's letters and digits, ASCII letters folded
// to lower case, with one space for each run of anything else: two
// sentences with the same key read the same ignoring case, punctuation
// and spacing. Bytes are packed eight at a time and mixed with one
// multiply per eight, which keeps this pass over the body cheap.
func sentenceKey(text []byte) uint64 { return sentenceKeyN(text, len(text)+1) }

// prefixBytes is how many normalised bytes the first, cheap comparison of
// corpus/repeated-sentence reads.
const prefixBytes = 24

// sentenceKeyN is sentenceKey over the first limit bytes of the normalised
// sentence.
func sentenceKeyN(text []byte, limit int) uint64 {
	var h, acc uint64
	k, n := 0, 0
	push := func(c byte) {
		n++
		acc |= uint64(c) << (8 * k)
		if k++; k == 8 {
			h = (h ^ acc) * 0x9E3779B97F4A7C15
			h = h<<29 | h>>35
			acc, k = 0, 0
		}
	}
	gap := false
	for _, c := range text {
		if n >= limit {
			break
		}
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80:
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		default:
			gap = true
			continue
		}
		if gap {
			push(' ')
			gap = false
		}
		push(c)
	}
	h = (h ^ acc ^ uint64(k)<<56) * 0xC2B2AE3D27D4EB4F
	return h ^ h>>29
}
