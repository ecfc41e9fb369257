package article

import "bytes"

// nextByte finds the next occurrence of any of up to three bytes in
// src[:end], jumping with bytes.IndexByte (vectorised) rather than testing
// each byte: loops that look for rare bytes among letters (sentence ends,
// quote marks) then cost a fraction of a byte-by-byte walk. It remembers
// where each byte occurs next, so that the text is searched once per byte
// however many times the caller asks.
type nextByte struct {
	src  []byte
	end  int
	want [3]byte
	n    int    // bytes in want
	at   [3]int // next offset of want[k] found so far; end when there is none
}

func newNextByte(src []byte, end int, want ...byte) nextByte {
	f := nextByte{src: src, end: end, n: len(want), at: [3]int{-1, -1, -1}}
	copy(f.want[:], want)
	return f
}

// from returns the first offset at or after i that holds one of the bytes,
// or end when there is none. Successive calls must not go backwards.
func (f *nextByte) from(i int) int {
	best := f.end
	for k := 0; k < f.n; k++ {
		if f.at[k] < i {
			f.at[k] = f.end
			if j := bytes.IndexByte(f.src[i:f.end], f.want[k]); j >= 0 {
				f.at[k] = i + j
			}
		}
		best = min(best, f.at[k])
	}
	return best
}
