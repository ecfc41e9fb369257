package rules

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/corpuslint/corpuslint/internal/facts"
)

// TestGroupByGroups: groupBy returns what grouping with a map gives, each
// group in path order and the groups in order of their first file, with
// keys unique, repeated a few times or very often, and absent.
func TestGroupByGroups(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for _, n := range []int{0, 1, 2, 10, 1000, 50000} {
		for _, distinct := range []int{1, 3, n/2 + 1, 4 * n} {
			files := make([]*facts.File, n)
			for i := range files {
				files[i] = &facts.File{Path: fmt.Sprintf("%06d.txt", i)}
				if r.Intn(10) > 0 {
					files[i].Title = fmt.Sprint(r.Intn(distinct))
				}
			}
			key := func(f *facts.File) (string, bool) { return f.Title, f.Title != "" }
			byKey := map[string][]*facts.File{}
			var order []string
			for _, f := range files {
				if k, ok := key(f); ok {
					if byKey[k] == nil {
						order = append(order, k)
					}
					byKey[k] = append(byKey[k], f)
				}
			}
			var want [][]*facts.File
			for _, k := range order {
				if len(byKey[k]) > 1 {
					want = append(want, byKey[k])
				}
			}
			got := groupBy(files, key)
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%d files, %d keys: %d groups, want %d", n, distinct, len(got), len(want))
			}
		}
	}
}
