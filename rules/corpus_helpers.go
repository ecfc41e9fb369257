package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/corpuslint/corpuslint/internal/facts"
)

// groupBy returns the groups of two or more files that share a non-empty
// key, each group in path order, the groups in order of their first file.
// It sorts indices rather than building a map, so that 100,000 files cost
// one slice.
func groupBy[K comparable](files []*facts.File, key func(*facts.File) (K, bool), less func(a, b K) bool) [][]*facts.File {
	idx := make([]int32, 0, len(files))
	keys := make([]K, len(files))
	for i, f := range files {
		if k, ok := key(f); ok {
			keys[i] = k
			idx = append(idx, int32(i))
		}
	}
	slices.SortFunc(idx, func(a, b int32) int {
		switch {
		case less(keys[a], keys[b]):
			return -1
		case less(keys[b], keys[a]):
			return 1
		}
		return int(a - b) // equal keys stay in path order
	})
	var groups [][]*facts.File
	for i := 0; i < len(idx); {
		j := i + 1
		for j < len(idx) && keys[idx[j]] == keys[idx[i]] {
			j++
		}
		if j-i >= 2 {
			g := make([]*facts.File, 0, j-i)
			for _, k := range idx[i:j] {
				g = append(g, files[k])
			}
			groups = append(groups, g)
		}
		i = j
	}
	sort.Slice(groups, func(a, b int) bool { return groups[a][0].Path < groups[b][0].Path })
	return groups
}

// maxNamed caps the files a message names; the rest are counted.
const maxNamed = 3

// otherFiles names the files of group other than self: "a.txt, b.txt and
// 4 more".
func otherFiles(group []*facts.File, self *facts.File) string {
	var names []string
	more := 0
	for _, f := range group {
		if f == self {
			continue
		}
		if len(names) < maxNamed {
			names = append(names, f.Path)
		} else {
			more++
		}
	}
	s := strings.Join(names, ", ")
	if more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}

// formatDay writes a File.Date as 2006-01-02.
func formatDay(d int32) string { return facts.Day(d).Format("2006-01-02") }
