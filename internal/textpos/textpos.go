// Package textpos converts byte offsets into 1-based lines and columns,
// counted in Unicode code points, UTF-16 units or bytes. The engine works
// in byte offsets; this conversion happens only when a report is made.
package textpos

import (
	"encoding/binary"
	"math/bits"
	"sort"
	"unicode/utf8"
)

// Position is a resolved place in a file. Line and the columns are 1-based;
// Column counts code points, UTF16Column UTF-16 code units, ByteColumn bytes.
type Position struct {
	Offset      int `json:"offset"`
	Line        int `json:"line"`
	Column      int `json:"column"`
	UTF16Column int `json:"-"`
	ByteColumn  int `json:"-"`
}

// Index resolves offsets in one text. Queries cost at most checkpointStep
// bytes of scanning after a line's checkpoints are built, so resolving many
// positions on a 100 MB line stays linear.
type Index struct {
	src         []byte
	lineStarts  []int
	checkpoints map[int][]checkpoint
}

type checkpoint struct{ runes, utf16 int }

const checkpointStep = 4096

// NewIndex indexes src. Lines end at "\n", "\r\n" or a lone "\r", as the
// article parser splits them.
func NewIndex(src []byte) *Index {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &Index{src: src, lineStarts: starts}
}

// Lines returns the number of lines (a final terminator starts no line
// that counts unless text follows it).
func (x *Index) Lines() int { return len(x.lineStarts) }

// LineStart returns the offset of the start of 1-based line n.
func (x *Index) LineStart(n int) int { return x.lineStarts[n-1] }

// LineText returns the content of 1-based line n without its terminator.
func (x *Index) LineText(n int) []byte {
	start := x.lineStarts[n-1]
	end := len(x.src)
	if n < len(x.lineStarts) {
		end = x.lineStarts[n]
	}
	for end > start && (x.src[end-1] == '\n' || x.src[end-1] == '\r') {
		end--
	}
	return x.src[start:end]
}

// Pos resolves a byte offset. Offsets inside a multi-byte character count
// as that character's start.
func (x *Index) Pos(offset int) Position {
	if offset < 0 {
		offset = 0
	}
	if offset > len(x.src) {
		offset = len(x.src)
	}
	line := sort.Search(len(x.lineStarts), func(i int) bool { return x.lineStarts[i] > offset })
	start := x.lineStarts[line-1]
	runes, units := 0, 0
	from := start
	if offset-start > checkpointStep {
		cps := x.lineCheckpoints(line)
		k := (offset - start) / checkpointStep
		if k > len(cps) {
			k = len(cps)
		}
		if k > 0 {
			runes, units = cps[k-1].runes, cps[k-1].utf16
			from = start + k*checkpointStep
		}
	}
	r, u := count(x.src[from:offset])
	return Position{Offset: offset, Line: line, Column: runes + r + 1, UTF16Column: units + u + 1, ByteColumn: offset - start + 1}
}

// lineCheckpoints returns the code point and UTF-16 counts at every
// checkpointStep bytes of a long line, building them once.
func (x *Index) lineCheckpoints(line int) []checkpoint {
	if cps, ok := x.checkpoints[line]; ok {
		return cps
	}
	if x.checkpoints == nil {
		x.checkpoints = map[int][]checkpoint{}
	}
	start := x.lineStarts[line-1]
	end := len(x.src)
	if line < len(x.lineStarts) {
		end = x.lineStarts[line]
	}
	var cps []checkpoint
	runes, units := 0, 0
	for at := start; at+checkpointStep <= end; at += checkpointStep {
		r, u := count(x.src[at : at+checkpointStep])
		runes, units = runes+r, units+u
		cps = append(cps, checkpoint{runes, units})
	}
	x.checkpoints[line] = cps
	return cps
}

// Count returns the number of code points and of UTF-16 units in b: the
// column of the offset just after b, less one, when b starts a line. It
// reads eight bytes at a time: every byte but a continuation byte
// (10xxxxxx) starts a code point, and a lead byte of four (11110xxx)
// starts one that takes two UTF-16 units.
func Count(b []byte) (runes, units int) {
	const high = 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if x&high == 0 {
			runes += 8
			units += 8
			continue
		}
		// x<<k moves bit 7-k of each byte to bit 7, where the masks look.
		cont := bits.OnesCount64(x &^ (x << 1) & high)
		four := bits.OnesCount64(x & (x << 1) & (x << 2) & (x << 3) & high)
		runes += 8 - cont
		units += 8 - cont + four
	}
	r, u := count(b[i:])
	return runes + r, units + u
}

// count returns the number of code points and of UTF-16 units in b. A
// character cut by the end of b counts where it starts; continuation bytes
// at the start of b are not counted again.
func count(b []byte) (runes, units int) {
	for _, c := range b {
		if c < utf8.RuneSelf {
			runes++
			units++
			continue
		}
		if c&0xC0 == 0x80 {
			continue // continuation byte
		}
		runes++
		units++
		if c >= 0xF0 {
			units++ // outside the BMP: a surrogate pair
		}
	}
	return runes, units
}
