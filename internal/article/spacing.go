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
// bytes at a time passes over most prose, and names the few pairs of a
// window that need the exact test. Windows overlap by one byte so that no
// pair straddles two.
func spacingPairs(out []int, src []byte, l Span) []int {
	line := src[l.Start:l.End]
	i := 0
	for ; i+8 <= len(line); i += 7 {
		w := line[i : i+8]
		for m := maybePairs(binary.LittleEndian.Uint64(w)); m != 0; m &= m - 1 {
			k := bits.TrailingZeros64(m) / 8
			if pairFirst[w[k]]&pairSecond[w[k+1]] != 0 {
				out = append(out, l.Start+i+k)
			}
		}
	}
	for ; i+1 < len(line); i++ {
		if SpacingPair(line[i], line[i+1]) {
			out = append(out, l.Start+i)
		}
	}
	return out
}

// maybePairs returns the pairs of eight bytes that might be spacing pairs,
// as the high bit of byte k for the pair of bytes k and k+1 (k < 7): those
// that start with a byte in 0x21..0x3F (punctuation and digits), and those
// of a byte that may be a space followed by such a byte or another that
// may be a space. The byte tests are exact (no carry crosses bytes) or err
// on the side of yes, so the exact test of the pairs named is all that
// rules a pair out.
func maybePairs(x uint64) uint64 {
	const ones, lows, highs = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	// High bit set in the bytes whose low seven bits are above 0x20.
	above := x&lows + (0x7f-0x20)*ones
	// Of those, the bytes whose bits 7 and 6 are clear: 0x21..0x3F.
	punct := above &^ x &^ (x << 1) & highs
	// The others: spaces, tabs and controls, and some UTF-8 continuation
	// bytes (0x80..0xA0).
	low := ^above & highs
	const firstSeven = highs >> 8 // byte 7 starts the next window's first pair
	// A mark second in a pair makes one only after a space: letting every
	// mark name the pair it ends too would name both pairs around each
	// comma and period of prose.
	return (punct | low&(punct>>8|low>>8)) & firstSeven
}
