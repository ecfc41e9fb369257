package rules

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
)

// TestMayRepeatWordNeverMisses: whenever two words of a text are equal
// (ignoring case) with only whitespace between them, which is what
// word/repeated looks at, the prefilter lets the text through. Texts are
// random sequences of words that often repeat, with punctuation, joiners
// and letters outside ASCII.
func TestMayRepeatWordNeverMisses(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	words := []string{"the", "The", "THE", "a", "at", "that", "hat", "don't", "x-ray", "ray", "Élan", "élan",
		"café", "CAFÉ", "1999", "99", "\"the", "the,", "(at", "at)", "naïve", "ïve", "–", "-", "'", "’s"}
	seps := []string{" ", "  ", "\n", " \n ", "\t", ", ", " - ", "\u00a0"}
	passed, repeats := 0, 0
	for range 20000 {
		var b strings.Builder
		n := 2 + r.Intn(6)
		for i := range n {
			if i > 0 {
				b.WriteString(seps[r.Intn(len(seps))])
			}
			b.WriteString(words[r.Intn(len(words))])
		}
		text := []byte(b.String())
		d := &article.Doc{Src: text}
		repeat := false
		prev := article.Span{Start: -1}
		d.Words(article.Span{Start: 0, End: len(text)}, func(w article.Span) bool {
			if prev.Start >= 0 && onlyWhitespace(text[prev.End:w.Start]) &&
				bytes.EqualFold(text[prev.Start:prev.End], text[w.Start:w.End]) {
				repeat = true
			}
			prev = w
			return true
		})
		got := mayRepeatWord(text)
		if repeat {
			repeats++
			if !got {
				t.Fatalf("%q has a repeated word, the prefilter says no", text)
			}
		}
		if got {
			passed++
		}
	}
	if repeats == 0 || passed == 20000 {
		t.Errorf("weak test: %d repeats, %d of 20000 passed the prefilter", repeats, passed)
	}
}
