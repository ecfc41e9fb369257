package textpos

import (
	"math/rand"
	"strings"
	"testing"
)

func TestPos(t *testing.T) {
	src := []byte("ab\r\nçé😀x\rz\n")
	x := NewIndex(src)
	cases := []struct {
		offset, line, col, u16, bcol int
	}{
		{0, 1, 1, 1, 1},
		{2, 1, 3, 3, 3},
		{4, 2, 1, 1, 1},  // after \r\n
		{8, 2, 3, 3, 5},  // after ç (2 bytes) and é (2 bytes)
		{12, 2, 4, 5, 9}, // after the emoji: one code point, two UTF-16 units
		{14, 3, 1, 1, 1}, // after a lone \r
	}
	for _, c := range cases {
		p := x.Pos(c.offset)
		if p.Line != c.line || p.Column != c.col || p.UTF16Column != c.u16 || p.ByteColumn != c.bcol {
			t.Errorf("offset %d: got %+v, want line %d col %d utf16 %d byte %d", c.offset, p, c.line, c.col, c.u16, c.bcol)
		}
	}
	if got := string(x.LineText(2)); got != "çé😀x" {
		t.Errorf("LineText(2) = %q", got)
	}
}

func TestPosLongLineMatchesDirectCount(t *testing.T) {
	line := strings.Repeat("aé😀 ", 5000) // 40,000 bytes with every width of character
	x := NewIndex([]byte(line))
	for _, off := range []int{0, 1, 4095, 4096, 4097, 12345, 39999, 40000} {
		// move to a character boundary as callers do
		for off < len(line) && line[off]&0xC0 == 0x80 {
			off++
		}
		p := x.Pos(off)
		r, u := count([]byte(line[:off]))
		if p.Column != r+1 || p.UTF16Column != u+1 {
			t.Errorf("offset %d: got col %d utf16 %d, want %d %d", off, p.Column, p.UTF16Column, r+1, u+1)
		}
	}
}

// TestCountMatchesBytewise: Count, eight bytes at a time, agrees with the
// byte-by-byte count on random mixes of ASCII, two-, three- and four-byte
// characters, invalid bytes and cut characters, at every length.
func TestCountMatchesBytewise(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	pieces := []string{"a", "Z", " ", "\n", "é", "’", "“", "😀", "\xff", "\xf8", "\xc3", "\x80", "\xe2\x80"}
	for range 5000 {
		var b []byte
		for n := r.Intn(40); n > 0; n-- {
			b = append(b, pieces[r.Intn(len(pieces))]...)
		}
		for cut := 0; cut <= len(b); cut++ {
			runes, units := Count(b[:cut])
			wantRunes, wantUnits := count(b[:cut])
			if runes != wantRunes || units != wantUnits {
				t.Fatalf("%q: %d runes %d units, want %d %d", b[:cut], runes, units, wantRunes, wantUnits)
			}
		}
	}
}
