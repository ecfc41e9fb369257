package article

import "bytes"

// NextByte finds the next occurrence of any of up to eight bytes in
// src[:end], jumping with bytes.IndexByte (vectorised) rather than testing
// each byte: loops that look for a few punctuation bytes among letters
// (sentence ends, quote marks, commas) then cost a fraction of a
// byte-by-byte walk. It remembers where each byte occurs next, so that the
// text is searched about once per byte however many times From is called.
type NextByte struct {
	src  []byte
	end  int
	want [8]byte
	n    int    // bytes in want
	at   [8]int // next offset of want[k] found so far; end when there is none
}

// NewNextByte returns a NextByte for the bytes of want (at most eight) in
// src[:end].
func NewNextByte(src []byte, end int, want string) NextByte {
	if len(want) > 8 {
		panic("article.NewNextByte: more than eight bytes")
	}
	f := NextByte{src: src, end: end, n: len(want)}
	copy(f.want[:], want)
	for k := range f.at {
		f.at[k] = -1
	}
	return f
}

// From returns the first offset at or after i that holds one of the bytes,
// or end when there is none. Successive calls must not go backwards.
func (f *NextByte) From(i int) int {
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
