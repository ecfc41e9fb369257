package facts

import "math/bits"

// MatchesAtLeast returns s.Matches(o) and true when it is at least need,
// and false otherwise. It stops as soon as too many bins differ: most
// pairs the near-duplicate search verifies share one band by chance and
// differ in nearly every other bin, so they are rejected after a few
// words instead of all sixteen. (It counts as Matches does; a test keeps
// the two in step.)
func (s *Sketch) MatchesAtLeast(o *Sketch, need int) (int, bool) {
	const low15, high = 0x7FFF7FFF7FFF7FFF, 0x8000800080008000
	maxDiffer := MinHashBins - need
	differ := 0
	for i := range s {
		x := s[i] ^ o[i]
		differ += bits.OnesCount64(((x & low15) + low15 | x) & high)
		if differ > maxDiffer {
			return 0, false
		}
	}
	return MinHashBins - differ, true
}
