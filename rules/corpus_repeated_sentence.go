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
		// Most articles repeat nothing: find out from the keys alone.
		if !keysMayRepeat(d) {
			return
		}
		type sentence struct {
			key   uint64
			span  article.Span
			words []article.Word
		}
		var all []sentence
		eachLongSentence(d, func(s article.Span, words []article.Word, key uint64) {
			all = append(all, sentence{key, s, words})
		})
		// Sorted by key, in document order within a key: a sentence repeats
		// the first earlier one of its key that has the same words.
		slices.SortStableFunc(all, func(a, b sentence) int { return cmp.Compare(a.key, b.key) })
		for i := 1; i < len(all); i++ {
			first := i
			for first > 0 && all[first-1].key == all[i].key {
				first--
			}
			for j := first; j < i; j++ {
				if sameWords(all[i].words, all[j].words) {
					p.Reportf(all[i].span, nil, "sentence repeats the one on line %d", d.LineAt(all[j].span.Start)+1)
					break
				}
			}
		}
	},
})

// eachLongSentence calls fn for each sentence of minRepeatedWords or more
// words, with its key (see sentenceKey). Equal sentences have equal keys;
// sentences with equal keys are compared word by word. A sentence's words
// are those that start inside it.
func eachLongSentence(d *article.Doc, fn func(s article.Span, words []article.Word, key uint64)) {
	for pi := range d.Paragraphs {
		p := &d.Paragraphs[pi]
		words := p.Words // those of this sentence on, as the walk goes
		for _, s := range p.Sentences {
			// Word offsets are int32 (a document with word lists fits).
			start, end := int32(s.Start), int32(s.End)
			for len(words) > 0 && words[0].Start < start {
				words = words[1:]
			}
			// A sentence is long when its minRepeatedWords-th word starts
			// inside it; only the words after that need testing one by one.
			n := 0
			if minRepeatedWords <= len(words) && words[minRepeatedWords-1].Start < end {
				n = minRepeatedWords
			}
			for n < len(words) && words[n].Start < end {
				n++
			}
			if n >= minRepeatedWords {
				fn(s, words[:n], sentenceKey(words[:keyWords], n))
			}
			words = words[n:]
		}
	}
}

// keysMayRepeat reports whether two long sentences of d may have the
// same key. It puts the keys in a hash set with open addressing on the
// stack (sorting them cost more than the walk that makes them); an
// article with more long sentences than the set holds at half load is
// answered "maybe", and the caller compares its sentences in full.
func keysMayRepeat(d *article.Doc) bool {
	const size = 128
	var set [size]uint64
	n, maybe := 0, false
	eachLongSentence(d, func(_ article.Span, _ []article.Word, key uint64) {
		if n++; maybe || n > size/2 {
			maybe = true
			return
		}
		if key == 0 {
			key = 1 // 0 marks an empty slot; a false "maybe" is harmless
		}
		i := key % size
		for set[i] != 0 {
			if set[i] == key {
				maybe = true
				return
			}
			i = (i + 1) % size
		}
		set[i] = key
	})
	return maybe
}

// A sentence's key hashes its first keyWords words in order, and the
// number of words it has. The words' hashes fold case, and punctuation
// and spacing lie between words, so sentences that read the same ignoring
// them have the same key.
const keyWords = 8

// Every long sentence has keyWords words (a compile-time check).
const _ = uint(minRepeatedWords - keyWords)

func sentenceKey(first []article.Word, words int) uint64 {
	// Two words' hashes to a multiplication, each with its own constant,
	// and the products summed: independent, they overlap in the processor
	// where a chain of multiplications would wait on each other.
	_ = first[keyWords-1]
	h := (uint64(first[0].Hash)<<32|uint64(first[1].Hash))*0x9E3779B185EBCA87 +
		(uint64(first[2].Hash)<<32|uint64(first[3].Hash))*0xC2B2AE3D27D4EB4F +
		(uint64(first[4].Hash)<<32|uint64(first[5].Hash))*0x165667B19E3779F9 +
		(uint64(first[6].Hash)<<32|uint64(first[7].Hash))*0x85EBCA77C2B2AE63
	h = (h ^ uint64(words)) * 0x27D4EB2F165667C5
	return h ^ h>>29
}

// sameWords reports whether two sentences have the same words (by hash),
// which makes a chance collision of two sentences' keys harmless.
func sameWords(a, b []article.Word) bool {
	return slices.EqualFunc(a, b, func(x, y article.Word) bool { return x.Hash == y.Hash })
}
