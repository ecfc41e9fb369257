package facts

// Near-duplicate bodies are found with MinHash over word 3-shingles, the
// classic estimator of Jaccard similarity between two documents' sets of
// shingles (Broder 1997). It was chosen over SimHash because its estimate
// is the quantity a maintainer can reason about ("80% of the three-word
// phrases are shared"), its error is known (binomial: the standard error
// of the estimate is sqrt(J(1-J)/64), 0.05 at J = 0.8), and banding finds
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

// Sketch is a body's MinHash signature.
type Sketch [MinHashBins]uint16

// Similarity estimates the Jaccard similarity of the two bodies' shingle
// sets: the fraction of bins whose values agree.
func (s *Sketch) Similarity(o *Sketch) float64 {
	return float64(s.Matches(o)) / MinHashBins
}

// Matches counts the bins whose values agree.
func (s *Sketch) Matches(o *Sketch) int {
	n := 0
	for i := range s {
		if s[i] == o[i] {
			n++
		}
	}
	return n
}

// Band returns the four values of band b (0..MinHashBins/4-1) packed into
// one key: two sketches with equal keys in some band are candidates.
func (s *Sketch) Band(b int) uint64 {
	i := 4 * b
	return uint64(s[i]) | uint64(s[i+1])<<16 | uint64(s[i+2])<<32 | uint64(s[i+3])<<48
}

// Bands is the number of bands of a Sketch. With bands of four values, a
// pair with Jaccard similarity J becomes a candidate with probability
// 1-(1-J^4)^16: 0.9998 at 0.8, 0.98 at 0.7, 0.12 at 0.3.
const Bands = MinHashBins / 4

const emptyBin = ^uint64(0)

// sketcher builds a sketch from the body's words, one at a time.
type sketcher struct {
	mins   [MinHashBins]uint64
	w1, w2 uint64 // the hashes of the two previous words
	words  int
}

func (s *sketcher) reset() {
	for i := range s.mins {
		s.mins[i] = emptyBin
	}
	s.words = 0
}

// word adds a word (given as its hash) and the shingle it ends.
func (s *sketcher) word(h uint64) {
	s.words++
	if s.words >= 3 {
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
	if s.words < 3 {
		return out
	}
	for i := range s.mins {
		v := s.mins[i]
		for k := 1; v == emptyBin && k < MinHashBins; k++ {
			if next := s.mins[(i+k)%MinHashBins]; next != emptyBin {
				v = mix(next + uint64(k)*prime1)
			}
		}
		out[i] = uint16(v)
	}
	return out
}

// wordHash hashes a word with ASCII letters folded to lower case, so that
// "The" at a sentence start and "the" inside one are the same word.
func wordHash(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range w {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}
