package rules

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
)

// TestRepeatedWordHashNeverMisses: word/repeated compares the parser's
// word hashes before the words' text, so two words that are equal
// ignoring case must hash alike. Texts are random sequences of words that
// often repeat, with punctuation, joiners and letters outside ASCII; each
// pair that the rule's full comparison would take must have equal hashes.
func TestRepeatedWordHashNeverMisses(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	words := []string{"the", "The", "THE", "a", "at", "that", "hat", "don't", "DON'T", "x-ray", "X-Ray", "ray",
		"Élan", "élan", "ÉLAN", "café", "CAFÉ", "1999", "99", "\"the", "the,", "(at", "at)", "naïve", "NAÏVE",
		"–", "-", "'", "’s", "Lebanon’s", "LEBANON’S", "internationalisation", "INTERNATIONALISATION"}
	seps := []string{" ", "  ", "\n", " \n ", "\t", ", ", " - ", "\u00a0"}
	repeats := 0
	for range 20000 {
		var b strings.Builder
		b.WriteString(" date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nTitle\n\nStory Code : 1\n")
		for i := range 2 + r.Intn(6) {
			if i > 0 {
				b.WriteString(seps[r.Intn(len(seps))])
			}
			b.WriteString(words[r.Intn(len(words))])
		}
		d := article.Parse("t.txt", []byte(b.String()), article.DefaultLayout())
		for _, p := range d.Paragraphs {
			for k := 1; k < len(p.Words); k++ {
				a, w := p.Words[k-1], p.Words[k]
				if onlyWhitespace(d.Src[a.End:w.Start]) && bytes.EqualFold(d.Text(a.Span()), d.Text(w.Span())) {
					repeats++
					if a.Hash != w.Hash {
						t.Fatalf("%q and %q are equal ignoring case but hash apart", d.Text(a.Span()), d.Text(w.Span()))
					}
				}
			}
		}
	}
	if repeats < 1000 {
		t.Errorf("weak test: only %d repeats in 20000 texts", repeats)
	}
}
