package article

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestMaybePairs(t *testing.T) {
	word := func(b [8]byte) uint64 {
		x := uint64(0)
		for k := 7; k >= 0; k-- {
			x = x<<8 | uint64(b[k])
		}
		return x
	}
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			b := [8]byte{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}
			b[pos] = byte(c)
			if got, want := maybePairs(word(b)) != 0, c >= 0x21 && c <= 0x3f && pos < 8; got != want {
				t.Fatalf("byte 0x%02x at %d: maybePairs %v, want %v", c, pos, got, want)
			}
		}
	}
	for pos := 0; pos < 8; pos++ {
		b := [8]byte{'a', ' ', 'c', ' ', 'e', ' ', 'g', ' '}
		b[pos] = ' '
		want := pos%2 == 0 // a space next to one of the others
		if got := maybePairs(word(b)) != 0; got != want {
			t.Fatalf("spaces %q: maybePairs %v, want %v", b, got, want)
		}
	}
}

// TestSpacingPairs compares the windowed search with a plain walk over
// random text made of the bytes that matter.
func TestSpacingPairs(t *testing.T) {
	alphabet := []byte("ab  ,.!?;:()Z9-\"'\xc3\xa9\t")
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 2000; n++ {
		src := make([]byte, rng.IntN(40))
		for k := range src {
			src[k] = alphabet[rng.IntN(len(alphabet))]
			if rng.IntN(3) > 0 {
				src[k] = 'x'
			}
		}
		lo := 0
		if len(src) > 0 {
			lo = rng.IntN(len(src))
		}
		var want []int
		for p := lo; p+1 < len(src); p++ {
			if SpacingPair(src[p], src[p+1]) {
				want = append(want, p)
			}
		}
		if got := spacingPairs(nil, src, Span{lo, len(src)}); !slices.Equal(got, want) {
			t.Fatalf("%q from %d: got %v, want %v", src, lo, got, want)
		}
	}
}

// BenchmarkProseSpacing finds the spacing pairs of generated articles.
func BenchmarkProseSpacing(b *testing.B) {
	docs := generatedDocs(b, 200)
	size := 0
	for _, d := range docs {
		size += len(d.Src)
	}
	b.SetBytes(int64(size / len(docs)))
	i := 0
	for b.Loop() {
		proseSpacing(docs[i%len(docs)])
		i++
	}
}
