package facts

import (
	"math/bits"

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
	w1, w2 uint64 // the hashes of the two previous words (32 bits each)
	n      int    // words seen
}

func (s *sketcher) reset() {
	for i := range s.mins {
		s.mins[i] = emptyBin
	}
	s.n = 0
}

// words adds words, by their case-folded hashes (article.Word.Hash), and
// the shingles they end. The state is kept in locals through the loop,
// which runs once per word of the corpus.
func (s *sketcher) words(words []article.Word) {
	w1, w2, n := s.w1, s.w2, s.n
	for _, w := range words {
		n++
		if n >= 3 {
			// The two previous words' 32-bit hashes fill one word exactly,
			// and the third is mixed in by a multiply: two multiplies per
			// shingle, and the final shift brings high bits down to the
			// low 16 that a bin keeps.
			sh := (w2<<32 | w1 ^ uint64(w.Hash)*prime1) * prime2
			sh ^= sh >> 29
			bin := sh >> 58
			// min rather than a branch: which shingle wins is random.
			s.mins[bin] = min(s.mins[bin], sh&(1<<58-1))
		}
		w2, w1 = w1, uint64(w.Hash)
	}
	s.w1, s.w2, s.n = w1, w2, n
}

func (s *sketcher) sketch() Sketch {
	var out Sketch
	if s.n < 3 {
		return out
	}
	for w := range out {
		m := s.mins[4*w : 4*w+4]
		if m[0] == emptyBin || m[1] == emptyBin || m[2] == emptyBin || m[3] == emptyBin {
			m = []uint64{s.borrow(4 * w), s.borrow(4*w + 1), s.borrow(4*w + 2), s.borrow(4*w + 3)}
		}
		out[w] = uint64(uint16(m[0])) | uint64(uint16(m[1]))<<16 | uint64(uint16(m[2]))<<32 | uint64(uint16(m[3]))<<48
	}
	return out
}

// borrow returns bin i's minimum or, for an empty bin (short bodies
// leave some), a value derived from the nearest non-empty bin to its
// right, rotated.
func (s *sketcher) borrow(i int) uint64 {
	v := s.mins[i]
	for k := 1; v == emptyBin && k < MinHashBins; k++ {
		if next := s.mins[(i+k)%MinHashBins]; next != emptyBin {
			v = mix(next + uint64(k)*prime1)
		}
	}
	return v
}
