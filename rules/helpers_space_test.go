package rules

import (
	"bytes"
	"math/rand"
	"testing"
)

func TestIndexTwoSpaces(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []byte(" a \t\x80")
	for n := 0; n < 20000; n++ {
		text := make([]byte, rng.Intn(40))
		for k := range text {
			text[k] = alphabet[rng.Intn(len(alphabet))]
		}
		from := 0
		if len(text) > 0 {
			from = rng.Intn(len(text))
		}
		want := bytes.Index(text[from:], []byte("  "))
		if want >= 0 {
			want += from
		}
		if got := indexTwoSpaces(text, from); got != want {
			t.Fatalf("indexTwoSpaces(%q, %d) = %d, want %d", text, from, got, want)
		}
	}
}
