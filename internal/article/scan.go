package article

import (
	"encoding/binary"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Scan is what one pass over the file's characters found for the
// character-level rules (space/*, encoding/*): where the tabs, control
// characters, invalid bytes, unusual spaces, invisible characters and
// likely mojibake are, and which lines are not in Unicode NFC. It is
// computed once at parse time so that no rule walks the whole file for
// these on its own; an ASCII line costs one tight loop over its bytes.
type Scan struct {
	// ASCII is set when no byte of the file is 0x80 or above (then the file
	// is valid UTF-8 in NFC and only tabs and control characters can be
	// notable).
	ASCII bool
	// Notable lists the notable characters in file order. Line terminators
	// are not notable: Lines records them.
	Notable []Notable
	// Dropped counts notable characters found after Notable reached
	// MaxNotable; they are not listed. A file with that many is garbage,
	// and the rules report the first ones.
	Dropped int
	// NotNFC lists the lines (content spans) that change under NFC.
	NotNFC []Span
	// Spacing lists, in file order, the offsets p in the prose lines (the
	// title and the body's paragraphs; see SpacingPair) where src[p] and
	// src[p+1] are a pair of bytes that the spacing rules look at. Clean
	// prose has none, so those rules skip the lines without any.
	Spacing []int
}

// MaxNotable bounds Scan.Notable so that a huge binary file costs bounded
// memory.
const MaxNotable = 1 << 16

// Kind classifies a notable character.
type Kind uint8

const (
	// KindTab is a horizontal tab.
	KindTab Kind = iota + 1
	// KindControl is a C0 control other than tab, LF and CR; DEL; or a C1
	// control (U+0080 to U+009F).
	KindControl
	// KindInvalid is a run of bytes that is not valid UTF-8. Rune is
	// utf8.RuneError and Size the run's length.
	KindInvalid
	// KindSpace is a space separator other than U+0020 (U+00A0, U+2009...).
	KindSpace
	// KindInvisible is a character with no visible form that scrapers leave
	// in text: zero-width space, word joiner, direction marks, U+FEFF, soft
	// hyphen.
	KindInvisible
	// KindMojibakeLead is a character in U+00C2..U+00F4 directly followed by
	// the Windows-1252 or Latin-1 image of a UTF-8 continuation byte: the
	// possible start of UTF-8 text decoded as a single-byte code page
	// ("Ã©", "â€™"). The rule decides whether the sequence is mojibake.
	KindMojibakeLead
)

// Notable is one notable character.
type Notable struct {
	Offset int
	Size   int
	Rune   rune
	Kind   Kind
}

// Span returns the bytes the character occupies.
func (n Notable) Span() Span { return Span{n.Offset, n.Offset + n.Size} }

// asciiPlain marks the bytes that need no second look: printable ASCII.
var asciiPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	return t
}()

// plainWord reports whether eight bytes are all printable ASCII (0x20 to
// 0x7E), testing them at once: no high bit set, no byte below 0x20, no
// byte equal to 0x7F (the classic "has a byte less than n" and "has a zero
// byte" bit tricks, exact as yes/no answers).
func plainWord(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	del := x ^ (0x7f * ones)
	return (x|(x-0x20*ones)&^x|(del-ones)&^del)&highs == 0
}

// plainRun returns the end of the printable ASCII bytes of src from i,
// before end, found eight at a time: where a block of eight holding
// another byte starts, or where fewer than eight are left. Being a loop
// without calls, it keeps its variables in registers; inlined into scan,
// whose loop makes calls, it would keep them on the stack (15% more
// instructions).
//
//go:noinline
func plainRun(src []byte, i, end int) int {
	// rest is src[i:end]; testing its length lets the compiler drop the
	// bounds checks of the loads.
	for rest := src[i:end]; len(rest) >= 8 && plainWord(binary.LittleEndian.Uint64(rest)); rest = rest[8:] {
		i += 8
	}
	return i
}

func scan(src []byte, lines []Line) Scan {
	s := Scan{ASCII: true}
	add := func(n Notable) {
		if len(s.Notable) < MaxNotable {
			s.Notable = append(s.Notable, n)
		} else {
			s.Dropped++
		}
	}
	for _, l := range lines {
		lineASCII := true
		i, end := l.Start, l.End
		for i < end {
			if i = plainRun(src, i, end); i == end {
				break
			}
			c := src[i]
			if asciiPlain[c] {
				i++
				continue
			}
			if c < utf8.RuneSelf {
				kind := KindControl
				if c == '\t' {
					kind = KindTab
				}
				add(Notable{Offset: i, Size: 1, Rune: rune(c), Kind: kind})
				i++
				continue
			}
			lineASCII = false
			r, size := utf8.DecodeRune(src[i:end])
			if r == utf8.RuneError && size == 1 {
				j := i + 1
				for j < end && src[j] >= utf8.RuneSelf {
					if r2, n2 := utf8.DecodeRune(src[j:end]); r2 != utf8.RuneError || n2 != 1 {
						break
					}
					j++
				}
				add(Notable{Offset: i, Size: j - i, Rune: utf8.RuneError, Kind: KindInvalid})
				i = j
				continue
			}
			if kind := classifyRune(r); kind != 0 {
				add(Notable{Offset: i, Size: size, Rune: r, Kind: kind})
			} else if r >= 0xC2 && r <= 0xF4 && i+size < end && src[i+size] >= utf8.RuneSelf {
				if next, _ := utf8.DecodeRune(src[i+size : end]); ContinuationByte(next) >= 0 {
					add(Notable{Offset: i, Size: size, Rune: r, Kind: KindMojibakeLead})
				}
			}
			i += size
		}
		if !lineASCII {
			s.ASCII = false
			if !norm.NFC.IsNormal(src[l.Start:l.End]) {
				s.NotNFC = append(s.NotNFC, l.Span)
			}
		}
	}
	return s
}

// classifyRune returns the kind of a non-ASCII rune that is notable on its
// own, or 0.
func classifyRune(r rune) Kind {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return KindControl
	case r == 0xa0 || r == 0x1680 || r >= 0x2000 && r <= 0x200a || r == 0x202f || r == 0x205f || r == 0x3000:
		return KindSpace
	case r == 0x200b || r == 0x200e || r == 0x200f || r == 0x2060 || r == 0xfeff || r == 0xad:
		return KindInvisible
	}
	return 0
}

// cp1252High maps bytes 0x80..0x9F to their Windows-1252 characters; 0
// marks the five bytes the code page leaves undefined (decoders pass them
// through as the C1 control of the same value).
var cp1252High = [32]rune{
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
}

// Cp1252Byte returns the byte that Windows-1252 (with its undefined bytes
// passed through as C1 controls, as browsers decode it) or Latin-1 decodes
// to r, or -1 when no byte does.
func Cp1252Byte(r rune) int {
	if r >= 0x80 && r <= 0xff {
		return int(r)
	}
	for k, c := range cp1252High {
		if c == r && c != 0 {
			return 0x80 + k
		}
	}
	return -1
}

// Cp1252Rune returns what Windows-1252 decodes byte b (0x80..0xFF) to, as
// browsers decode it.
func Cp1252Rune(b byte) rune {
	if b >= 0x80 && b <= 0x9f {
		if c := cp1252High[b-0x80]; c != 0 {
			return c
		}
	}
	return rune(b)
}

// ContinuationByte returns the UTF-8 continuation byte (0x80..0xBF) whose
// Windows-1252 or Latin-1 image is r, or -1.
func ContinuationByte(r rune) int {
	if b := Cp1252Byte(r); b >= 0x80 && b <= 0xbf {
		return b
	}
	return -1
}
