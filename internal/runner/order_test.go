package runner

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/report"
)

// The suffix shortcut of matches must decide as filepath.Match does.
func TestMatchesAgreesWithMatch(t *testing.T) {
	patterns := []string{"*.txt", "*", "*.TXT", "*txt", "*.t?t", "*.[tx]xt", "a*.txt", "*.txt*", `*\.txt`}
	names := []string{"a.txt", ".txt", "txt", "a.TXT", "a.txt.bak", "atxt", "a.tx", "", "b.xxt", "a.ttt", "a*.txt"}
	for _, p := range patterns {
		d := &discovery{pattern: p}
		for _, name := range names {
			want, _ := filepath.Match(p, name)
			if got := d.matches(name); got != want {
				t.Errorf("pattern %q, name %q: matches = %v, filepath.Match = %v", p, name, got, want)
			}
		}
	}
}

// mergeByPath must give what sorting all the files by path gives.
func TestMergeByPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, k := range []int{0, 1, 2, 3, 5} {
		var lists [][]*keptFile
		var all []string
		for range k {
			var l []*keptFile
			for range rng.IntN(50) {
				p := fmt.Sprintf("c/%03d.txt", rng.IntN(1000))
				l = append(l, &keptFile{file: report.File{Path: p}})
				all = append(all, p)
			}
			slices.SortFunc(l, func(a, b *keptFile) int { return strings.Compare(a.file.Path, b.file.Path) })
			lists = append(lists, l)
		}
		slices.Sort(all)
		var got []string
		for _, f := range mergeByPath(lists) {
			got = append(got, f.file.Path)
		}
		if !slices.Equal(got, all) {
			t.Errorf("%d lists: merged %v, want %v", k, got, all)
		}
	}
}
