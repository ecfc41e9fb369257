package rules

import (
	"sort"
	"strconv"

	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// CorpusStoryCodeOrder: story codes increase with the date.
var CorpusStoryCodeOrder = register(&lint.Rule{
	ID:       "corpus/story-code-order",
	Severity: lint.Warning,
	Summary:  "A story code is out of order with the dates",
	Doc: `Checks that story codes increase with the date, as they do on sites that
number articles as they publish them: a code out of order points at a
wrong date or a wrong code. Off by default, since not every site numbers
its articles in order. Only numeric codes and dated files are compared;
files of the same day are not compared with each other.

The files reported are the fewest whose removal leaves the codes in
order (the complement of a longest increasing run), so one wrong code is
one report, not one per later article. The message names a file it
conflicts with.

Bad:  2024-08-06 has code 1152700 and 2024-08-07 has code 1152650
Good: 2024-08-06 has code 1152600 and 2024-08-07 has code 1152650`,
	Disabled: true,
	Corpus: func(p *lint.CorpusPass) {
		type dated struct {
			f    *facts.File
			code int64
		}
		var items []dated
		for _, f := range p.Files {
			if f.Date == facts.NoDate {
				continue
			}
			if c, err := strconv.ParseInt(f.Code, 10, 64); err == nil {
				items = append(items, dated{f, c})
			}
		}
		// Same day: ordered by code, so they never conflict.
		sort.SliceStable(items, func(i, j int) bool {
			if items[i].f.Date != items[j].f.Date {
				return items[i].f.Date < items[j].f.Date
			}
			return items[i].code < items[j].code
		})
		codes := make([]int64, len(items))
		for i, it := range items {
			codes[i] = it.code
		}
		keep := longestNonDecreasing(codes)
		// Witnesses: the highest code before each item and the lowest after.
		hiBefore := make([]int, len(items)) // index of the max code strictly before, -1 if none
		best := -1
		for i := range items {
			hiBefore[i] = best
			if best < 0 || codes[i] > codes[best] {
				best = i
			}
		}
		loAfter := make([]int, len(items))
		best = -1
		for i := len(items) - 1; i >= 0; i-- {
			loAfter[i] = best
			if best < 0 || codes[i] < codes[best] {
				best = i
			}
		}
		for i, it := range items {
			if keep[i] {
				continue
			}
			f := it.f
			if w := hiBefore[i]; w >= 0 && codes[w] > it.code && items[w].f.Date < f.Date {
				p.Reportf(f, f.CodeSpan(), "story code %d dated %s is lower than %d in %s dated %s",
					it.code, formatDay(f.Date), codes[w], items[w].f.Path, formatDay(items[w].f.Date))
			} else if w := loAfter[i]; w >= 0 && codes[w] < it.code {
				p.Reportf(f, f.CodeSpan(), "story code %d dated %s is higher than %d in %s dated %s",
					it.code, formatDay(f.Date), codes[w], items[w].f.Path, formatDay(items[w].f.Date))
			}
		}
	},
})

// longestNonDecreasing marks the members of one longest non-decreasing
// subsequence of v (patience sorting, O(n log n)).
func longestNonDecreasing(v []int64) []bool {
	var tails []int // tails[k]: index of the smallest tail of a run of length k+1
	prev := make([]int, len(v))
	for i, x := range v {
		k := sort.Search(len(tails), func(k int) bool { return v[tails[k]] > x })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	keep := make([]bool, len(v))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	return keep
}
