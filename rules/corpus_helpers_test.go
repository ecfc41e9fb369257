package rules

import (
	"math/rand"
	"slices"
	"testing"
)

// TestRadixSorterSorts: radixSorter sorts as slices.Sort does, whatever
// the size, with repeated values, and with values bunched in one bucket.
func TestRadixSorterSorts(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	var s radixSorter
	for _, n := range []int{0, 1, 2, 3, 17, 100, 1000, 70000} {
		for _, kind := range []string{"spread", "repeated", "bunched"} {
			a := make([]uint64, n)
			for i := range a {
				switch kind {
				case "spread":
					a[i] = r.Uint64()
				case "repeated":
					a[i] = uint64(r.Intn(5)) << 61
				case "bunched":
					a[i] = 7<<60 | uint64(r.Intn(1000))
				}
			}
			want := slices.Clone(a)
			slices.Sort(want)
			s.sort(a)
			if !slices.Equal(a, want) {
				t.Fatalf("%d %s values: not sorted", n, kind)
			}
		}
	}
}
