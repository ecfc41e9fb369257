package facts

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/article"
)

// Near-duplicate bodies are found with MinHash over word 3-shingles, the
// classic estimator of Jaccard similarity between two documents' sets of
// shingles (Broder 1997). It was chosen over SimHash because its estimate
// is the quantity a maintainer can reason about ("80% of the three-word
// phrases are shared"), its error is known (binomial: the standard error
// of the estimate is sqrt(J(1-J)/64), 0.05 at J = 0.75), and banding finds
// candidate pairs without comparing every pair.
//
// To keep extraction at one hash per shingle rather than 64, the signature
// uses one-permutation hashing: each shingle's hash picks one of 64 bins by
// its top six bits and competes for that bin's minimum; empty bins (short
// bodies) borrow the nearest non-empty bin to their right, rotated
// (Shrivastava and Li, 2014). Only the low 16 bits of each minimum are kept
// (b-bit MinHash): two different minima then agree by chance with
// probability 2^-16, a bias too small to matter, and a signature takes 128
// bytes.

// MinHashBins is the number of values in a Sketch.
const MinHashBins = 64

// MinSketchWords is the fewest body words for which a sketch is made and
// compared: below it a body has too few shingles for the estimate to mean
// much, and exact copies are corpus/duplicate-body's business anyway.
const MinSketchWords = 50

// Sketch is a body's MinHash signature: 64 values of 16 bits, packed four
// to a word so that a band is one word and bins compare four at a time.
type Sketch [MinHashBins / 4]uint64

// Similarity estimates the Jaccard similarity of the two bodies' shingle
// sets: the fraction of bins whose values agree.
func (s *Sketch) Similarity(o *Sketch) float64 {
	return float64(s.Matches(o)) / MinHashBins
}

// Matches counts the bins whose values agree.
func (s *Sketch) Matches(o *Sketch) int {
	const low15, high = 0x7FFF7FFF7FFF7FFF, 0x8000800080008000
	differ := 0
	for i := range s {
		x := s[i] ^ o[i]
		// The high bit of each 16-bit lane is set when the lane is not 0.
		differ += bits.OnesCount64(((x & low15) + low15 | x) & high)
	}
	return MinHashBins - differ
}

// Band returns the four values of band b (0..Bands-1) as one key: two
// sketches with equal keys in some band are candidates.
func (s *Sketch) Band(b int) uint64 { return s[b] }

// Bands is the number of bands of a Sketch. With bands of four values, a
// pair with Jaccard similarity J becomes a candidate with probability
// 1-(1-J^4)^16: 0.998 at 0.75, 0.98 at 0.7, 0.12 at 0.3.
const Bands = MinHashBins / 4

const emptyBin = ^uint64(0)

// sketcher builds a sketch from the body's words, one at a time.
type sketcher struct {
	mins   [MinHashBins]uint64
	w1, w2 uint64 // the hashes of the two previous words
	n      int    // words seen
}

func (s *sketcher) reset() {
	for i := range s.mins {
		s.mins[i] = emptyBin
	}
	s.n = 0
}

// word adds a word (given as its hash) and the shingle it ends.
func (s *sketcher) word(h uint64) {
	s.n++
	if s.n >= 3 {
		sh := mix(s.w2*prime1 ^ (s.w1<<21 | s.w1>>43) ^ h*prime2)
		bin := sh >> 58
		if v := sh & (1<<58 - 1); v < s.mins[bin] {
			s.mins[bin] = v
		}
	}
	s.w2, s.w1 = s.w1, h
}

func (s *sketcher) sketch() Sketch {
	var out Sketch
	if s.n < 3 {
		return out
	}
	for i := range s.mins {
		v := s.mins[i]
		for k := 1; v == emptyBin && k < MinHashBins; k++ {
			if next := s.mins[(i+k)%MinHashBins]; next != emptyBin {
				v = mix(next + uint64(k)*prime1)
			}
		}
		out[i/4] |= uint64(uint16(v)) << (16 * (i % 4))
	}
	return out
}

// words adds the words of text. For the sketch a word is a run of letters
// and digits, ASCII letters folded to lower case ("The" and "the" are one
// word); unlike Doc.Words, apostrophes and hyphens split words, which
// changes nothing for similarity and lets ASCII text go through a table
// lookup per byte instead of a rune decode.
func (s *sketcher) words(text []byte) {
	// A word's bytes are packed eight at a time into acc and folded into h
	// with one multiply per eight bytes, rather than one per byte.
	var w wordAcc
	for i := 0; i < len(text); {
		c := text[i]
		if w.n == 0 && asciiWord[c] != 0 {
			// Fast path: a word of ASCII letters and digits, hashed eight
			// bytes at a time; the same hash wordAcc computes byte by byte.
			// (asciiWord is 0 for bytes outside ASCII.)
			j := i + 1
			for j < len(text) && asciiWord[text[j]] != 0 {
				j++
			}
			if j == len(text) || text[j] < utf8.RuneSelf {
				s.word(asciiWordHashIn(text, i, j))
				i = j
				continue
			}
			// The word goes on with other letters: byte by byte.
			for _, b := range text[i:j] {
				w.add(asciiWord[b])
			}
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			if f := asciiWord[c]; f != 0 {
				w.add(f)
				continue
			}
		} else {
			r, size := utf8.DecodeRune(text[i:])
			if article.IsWordRune(r) {
				for _, b := range text[i : i+size] {
					w.add(b)
				}
				i += size
				continue
			}
			i += size
		}
		if w.n > 0 {
			s.word(w.sum())
		}
	}
	if w.n > 0 {
		s.word(w.sum())
	}
}

// wordAcc hashes the bytes of one word as they come.
type wordAcc struct {
	h, acc uint64
	k, n   int // bytes in acc, bytes in the word
}

func (w *wordAcc) add(b byte) {
	w.acc |= uint64(b) << (8 * w.k)
	w.k++
	w.n++
	if w.k == 8 {
		w.h = (w.h ^ w.acc) * prime2
		w.h = w.h<<29 | w.h>>35
		w.acc, w.k = 0, 0
	}
}

// sum returns the word's hash and starts the next word.
func (w *wordAcc) sum() uint64 {
	h := (w.h ^ w.acc ^ uint64(w.n)<<56) * prime1
	*w = wordAcc{}
	return h
}

// asciiWordHash is wordAcc's hash of a word made only of ASCII letters and
// digits: folding to lower case is setting bit 0x20, which digits have.
func asciiWordHash(b []byte) uint64 {
	var h uint64
	n := len(b)
	for len(b) >= 8 {
		h = (h ^ (binary.LittleEndian.Uint64(b) | 0x2020202020202020)) * prime2
		h = h<<29 | h>>35
		b = b[8:]
	}
	var acc uint64
	for i, c := range b {
		acc |= uint64(c|0x20) << (8 * i)
	}
	return (h ^ acc ^ uint64(n)<<56) * prime1
}

// asciiWordHashIn is asciiWordHash(text[i:j]), faster for short words: the
// last bytes of the word (fewer than eight) are loaded as one word from
// text when text holds eight bytes from there, and the bytes past j masked
// off, instead of being packed one by one.
func asciiWordHashIn(text []byte, i, j int) uint64 {
	tail := (j - i) % 8
	if j-tail+8 > len(text) {
		return asciiWordHash(text[i:j])
	}
	var h uint64
	for k := i; k+8 <= j; k += 8 {
		h = (h ^ (binary.LittleEndian.Uint64(text[k:]) | 0x2020202020202020)) * prime2
		h = h<<29 | h>>35
	}
	acc := (binary.LittleEndian.Uint64(text[j-tail:]) | 0x2020202020202020) & (1<<(8*tail) - 1)
	return (h ^ acc ^ uint64(j-i)<<56) * prime1
}

// asciiWord maps an ASCII byte to itself folded to lower case when it is a
// letter or digit, and every other byte (those outside ASCII too) to 0.
var asciiWord = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()
