package article

import (
	"encoding/binary"
	"math/bits"
)

// SpacingPair reports whether the bytes a, b (in this order, on one line)
// are a pair that a spacing rule looks at:
//   - a comma or sentence end followed by an ASCII letter or a non-ASCII
//     byte: a missing space ("earlier.The", "Gaza,with");
//   - two spaces: a doubled space;
//   - a space followed by , . ; : ! ? or ): a space before a mark;
//   - an opening parenthesis followed by a space.
//
// The rules decide whether the pair is a problem; most are not.
func SpacingPair(a, b byte) bool { return pairFirst[a]&pairSecond[b] != 0 }

// The pair kinds of SpacingPair as bits: a pair is one when its first
// byte's bits and its second byte's bits share one.
const (
	pairMissing = 1 << iota // , . ! ? then a letter
	pairDouble              // space then space
	pairBefore              // space then a mark
	pairParen               // ( then space
)

var pairFirst, pairSecond = func() (first, second [256]uint8) {
	for _, c := range []byte(",.!?") {
		first[c] |= pairMissing
	}
	first[' '] |= pairDouble | pairBefore
	first['('] |= pairParen
	for c := 0; c < 256; c++ {
		if c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			second[c] |= pairMissing
		}
	}
	second[' '] |= pairDouble | pairParen
	for _, c := range []byte(",.;:!?)") {
		second[c] |= pairBefore
	}
	return first, second
}()

// proseSpacing lists the spacing pairs (see Scan.Spacing) of the title
// (when it stands before the body) and of every body paragraph.
func proseSpacing(d *Doc) []int {
	var out []int
	if d.Title != nil && d.Title.LineIndex < d.BodyLine {
		out = spacingPairs(out, d.Src, d.Lines[d.Title.LineIndex].Span)
	}
	for _, p := range d.Paragraphs {
		for i := p.FirstLine; i <= p.LastLine; i++ {
			out = spacingPairs(out, d.Src, d.Lines[i].Span)
		}
	}
	return out
}

// spacingPairs appends the offsets of the spacing pairs in line l. Every
// pair holds a byte in 0x21..0x3F or is two spaces, so a test of eight
// bytes at a time (nextMaybePairs) passes over most prose, and names the
// few pairs of a block that need the exact test.
func spacingPairs(out []int, src []byte, l Span) []int {
	i, end := l.Start, l.End
	for {
		var m uint64
		if i, m = nextMaybePairs(src, i, end); m == 0 {
			break
		}
		for ; m != 0; m &= m - 1 {
			if k := i + bits.TrailingZeros64(m)/8; SpacingPair(src[k], src[k+1]) {
				out = append(out, k)
			}
		}
		i += 8
	}
	for ; i+1 < end; i++ {
		if SpacingPair(src[i], src[i+1]) {
			out = append(out, i)
		}
	}
	return out
}

// nextMaybePairs returns the first block of eight bytes from i, with the
// byte after it before end, that maybePairs names pairs in: its offset
// and their mask. Past the last such block, it returns the offset of the
// bytes left (fewer than nine) and 0. Being a loop without calls, it keeps
// its variables in registers.
func nextMaybePairs(src []byte, i, end int) (int, uint64) {
	// rest is src[i:end]; testing its length lets the compiler drop the
	// bounds checks of the loads.
	for rest := src[i:end]; len(rest) >= 9; rest, i = rest[8:], i+8 {
		if m := maybePairs(binary.LittleEndian.Uint64(rest), rest[8]); m != 0 {
			return i, m
		}
	}
	return i, 0
}

// maybePairs returns the pairs of the eight bytes of x and the byte after
// them, next, that might be spacing pairs, as the high bit of byte k for
// the pair that byte k starts: those that start with a byte in 0x21..0x3F
// (punctuation and digits), and those of a byte that may be a space
// followed by such a byte or another that may be a space. The byte tests
// are exact (no carry crosses bytes) or err on the side of yes, so the
// exact test of the pairs named is all that rules a pair out.
func maybePairs(x uint64, next byte) uint64 {
	const ones, lows, highs = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	// High bit set in the bytes whose low seven bits are above 0x20.
	above := x&lows + (0x7f-0x20)*ones
	// Of those, the bytes whose bits 7 and 6 are clear: 0x21..0x3F.
	punct := above &^ x &^ (x << 1) & highs
	// The others: spaces, tabs and controls, and some UTF-8 continuation
	// bytes (0x80..0xA0).
	low := ^above & highs
	// A mark second in a pair makes one only after a space: letting every
	// mark name the pair it ends too would name both pairs around each
	// comma and period of prose.
	second := (punct|low)>>8 | uint64(maybeSecond[next])<<63
	return punct | low&second
}

// maybeSecond marks the bytes that maybePairs takes for punctuation or a
// possible space: 0x21..0x3F and those whose low seven bits are at most
// 0x20.
var maybeSecond = func() (t [256]uint8) {
	for c := range 256 {
		if c >= 0x21 && c <= 0x3f || c&0x7f <= 0x20 {
			t[c] = 1
		}
	}
	return t
}()
