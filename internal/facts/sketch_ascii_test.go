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
