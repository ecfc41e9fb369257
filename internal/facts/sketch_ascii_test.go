package facts

import (
	"math/rand"
	"testing"
)

// TestASCIIWordHashMatchesAcc: the fast path of sketcher.words hashes a
// word exactly as wordAcc does byte by byte, so sketches do not depend on
// which path a word took.
func TestASCIIWordHashMatchesAcc(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	const chars = "abcXYZ0129qQ"
	for n := 1; n < 40; n++ {
		for range 20 {
			b := make([]byte, n)
			for i := range b {
				b[i] = chars[r.Intn(len(chars))]
			}
			var w wordAcc
			for _, c := range b {
				w.add(asciiWord[c])
			}
			if got, want := asciiWordHash(b), w.sum(); got != want {
				t.Fatalf("%q: %x, want %x", b, got, want)
			}
		}
	}
}

// TestASCIIWordHashInMatches: the variant that loads a short word's bytes
// as one word from the surrounding text hashes as asciiWordHash does,
// whatever follows the word and however close it is to the end.
func TestASCIIWordHashInMatches(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	const chars = "abcXYZ0129qQ ,.-'\xc3\xa9"
	for n := 1; n < 40; n++ {
		for range 50 {
			text := make([]byte, n+r.Intn(12))
			for k := range text {
				text[k] = chars[r.Intn(len(chars))]
			}
			i := r.Intn(len(text))
			j := i + 1 + r.Intn(len(text)-i)
			word := make([]byte, j-i)
			for k := range word {
				word[k] = "abcXYZ0129qQ"[r.Intn(12)]
			}
			copy(text[i:], word)
			if got, want := asciiWordHashIn(text, i, j), asciiWordHash(word); got != want {
				t.Fatalf("%q[%d:%d]: %x, want %x", text, i, j, got, want)
			}
		}
	}
}
