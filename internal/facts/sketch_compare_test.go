package facts

import (
	"math/rand"
	"testing"
)

// TestMatchesAtLeastAgrees: MatchesAtLeast gives Matches' count exactly
// when it reaches need, and false exactly when it does not, for pairs
// from identical to unrelated.
func TestMatchesAtLeastAgrees(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for range 2000 {
		var a, b Sketch
		for i := range a {
			a[i] = r.Uint64()
		}
		b = a
		// Change a random number of bins, some only in their high or low bit.
		for range r.Intn(MinHashBins + 1) {
			bin := r.Intn(MinHashBins)
			flip := []uint64{1, 0x8000, uint64(r.Intn(1<<16-1) + 1)}[r.Intn(3)]
			b[bin/4] ^= flip << (16 * (bin % 4))
		}
		want := a.Matches(&b)
		for _, need := range []int{0, 1, 32, 48, want, want + 1, MinHashBins} {
			got, ok := a.MatchesAtLeast(&b, need)
			if ok != (want >= need) || ok && got != want {
				t.Fatalf("need %d: got %d, %v; Matches says %d", need, got, ok, want)
			}
		}
	}
}

// TestSketchPacksBins: sketch packs four bins a word, and fills empty bins
// from the nearest non-empty one to their right, as the plain per-bin
// form below does, whatever the bins left empty.
func TestSketchPacksBins(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	for range 5000 {
		var s sketcher
		s.reset()
		s.n = 3 + r.Intn(100)
		filled := r.Intn(MinHashBins + 1)
		for range filled {
			s.mins[r.Intn(MinHashBins)] = r.Uint64() >> 6
		}
		var want Sketch
		for i := range s.mins {
			v := s.mins[i]
			for k := 1; v == emptyBin && k < MinHashBins; k++ {
				if next := s.mins[(i+k)%MinHashBins]; next != emptyBin {
					v = mix(next + uint64(k)*prime1)
				}
			}
			want[i/4] |= uint64(uint16(v)) << (16 * (i % 4))
		}
		if got := s.sketch(); got != want {
			t.Fatalf("%d bins filled: got %x, want %x", filled, got, want)
		}
	}
}
