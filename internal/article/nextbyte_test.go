package article

import (
	"math/rand"
	"strings"
	"testing"
)

// TestNextByteMatchesWalk: NextByte.From finds the same offsets as testing
// each byte, for random texts and random forward steps.
func TestNextByteMatchesWalk(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	const chars = "ab .,!?'\"\xe2x"
	for range 2000 {
		src := make([]byte, r.Intn(60))
		for i := range src {
			src[i] = chars[r.Intn(len(chars))]
		}
		end := r.Intn(len(src) + 1)
		const want = ".!?\xe2"
		f := NewNextByte(src, end, want)
		for i := 0; i < end; i += 1 + r.Intn(3) {
			walk := i
			for walk < end && !strings.ContainsRune(want, rune(src[walk])) && src[walk] != 0xe2 {
				walk++
			}
			if got := f.From(i); got != walk {
				t.Fatalf("%q[:%d] from %d: %d, want %d", src, end, i, got, walk)
			}
		}
	}
}
