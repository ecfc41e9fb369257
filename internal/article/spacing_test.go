package article

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestMaybePairs(t *testing.T) {
	word := func(b [9]byte) uint64 {
		x := uint64(0)
		for k := 7; k >= 0; k-- {
			x = x<<8 | uint64(b[k])
		}
		return x
	}
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 9; pos++ {
			b := [9]byte{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'}
			b[pos] = byte(c)
			// Between letters, a mark or digit names the pair it starts
			// (none as the byte after the eight: the next block's first
			// pair is that one).
			if got, want := maybePairs(word(b), b[8]) != 0, c >= 0x21 && c <= 0x3f && pos < 8; got != want {
				t.Fatalf("byte 0x%02x at %d: maybePairs %v, want %v", c, pos, got, want)
			}
			// After a space, any such byte or one that may be a space
			// names the pair.
			if pos > 0 {
				b[pos-1] = ' '
				want := c >= 0x21 && c <= 0x3f || c&0x7f <= 0x20
				if got := maybePairs(word(b), b[8])>>(8*pos-1)&1 == 1; got != want {
					t.Fatalf("space then byte 0x%02x at %d: maybePairs %v, want %v", c, pos, got, want)
				}
			}
		}
	}
	for pos := 0; pos < 9; pos++ {
		b := [9]byte{'a', ' ', 'c', ' ', 'e', ' ', 'g', ' ', 'i'}
		b[pos] = ' '
		want := pos%2 == 0 // a space next to one of the others
		if got := maybePairs(word(b), b[8]) != 0; got != want {
			t.Fatalf("spaces %q: maybePairs %v, want %v", b, got, want)
		}
	}
}

// TestSpacingPairs compares the pairs that the scan lists with a plain
// walk over the prose lines of random articles made of the bytes that
// matter, non-ASCII and control characters included.
func TestSpacingPairs(t *testing.T) {
	alphabet := []string{"a", "b", " ", " ", ",", ".", "!", "?", ";", ":", "(", ")", "Z", "9", "-", "\"", "'",
		"\u00e9", "\u201c", "\u00a0", "\t", "\x00", "\xff", "\xc3", "x", "x", "x", "x", "x", "x"}
	rng := rand.New(rand.NewPCG(1, 2))
	layout := DefaultLayout()
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		b.WriteString(" date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\n")
		lines := 1 + rng.IntN(6)
		for l := 0; l < lines; l++ {
			for k := rng.IntN(40); k > 0; k-- {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			b.WriteString([]string{"\n", "\n\n", "\n\n", "\nStory Code : 1\n"}[rng.IntN(4)])
		}
		d := Parse("a.txt", []byte(b.String()), layout)
		var want []int
		pairsOf := func(l Line) {
			for p := l.Start; p+1 < l.End; p++ {
				if SpacingPair(d.Src[p], d.Src[p+1]) {
					want = append(want, p)
				}
			}
		}
		if d.Title != nil && d.Title.LineIndex < d.BodyLine {
			pairsOf(d.Lines[d.Title.LineIndex])
		}
		for _, p := range d.Paragraphs {
			for i := p.FirstLine; i <= p.LastLine; i++ {
				pairsOf(d.Lines[i])
			}
		}
		if !slices.Equal(d.Scan.Spacing, want) {
			t.Fatalf("%q: got %v, want %v", d.Src, d.Scan.Spacing, want)
		}
	}
}

// BenchmarkProseSpacing finds the spacing pairs of generated articles.
// ns/op is per article.
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
