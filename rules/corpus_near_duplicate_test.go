package rules

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/corpuslint/corpuslint/internal/facts"
)

// TestKeyGroupsGroups: keyGroups finds exactly the groups of two or more
// equal keys, whatever the size, with keys repeated many times, and with
// keys that differ only in their low bits (which mixKey spreads).
func TestKeyGroupsGroups(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for _, n := range []int{0, 1, 2, 3, 17, 100, 1000, 70000} {
		for _, kind := range []string{"spread", "repeated", "low-bits"} {
			keys := make([]uint64, n)
			for i := range keys {
				switch kind {
				case "spread":
					keys[i] = r.Uint64() % uint64(2*n) // some repeats
				case "repeated":
					keys[i] = uint64(r.Intn(5)) << 61
				case "low-bits":
					keys[i] = 7<<60 | uint64(r.Intn(n+1))
				}
			}
			want := map[uint64][]int32{}
			for i, k := range keys {
				want[k] = append(want[k], int32(i))
			}
			// Representatives are every other file; the keys are in band 2.
			files := make([]*facts.File, 2*n)
			reps := make([]int32, n)
			for i := range files {
				files[i] = &facts.File{}
			}
			for i, k := range keys {
				reps[i] = int32(2*i + 1)
				files[reps[i]].Sketch[2] = k
			}
			g := newKeyGroups(n)
			g.group(files, reps, 2)
			got := 0
			for _, head := range g.heads {
				var members []int32
				for m := head; m >= 0; m = g.next[m] {
					members = append(members, m)
				}
				slices.Reverse(members)
				if w := want[keys[head]]; !slices.Equal(members, w) {
					t.Fatalf("%d %s keys: group %v, want %v", n, kind, members, w)
				}
				got++
			}
			for _, w := range want {
				if len(w) > 1 {
					got--
				}
			}
			if got != 0 {
				t.Fatalf("%d %s keys: %d groups too many", n, kind, got)
			}
		}
	}
}
