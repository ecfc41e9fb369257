package lint

import (
	"sort"
	"strings"
)

// MaxFixPasses bounds the lint-fix-lint loop. Fixes from different rules
// can overlap; the loser of each overlap is retried on the next pass
// against the re-linted text.
const MaxFixPasses = 10

// Applicable reports whether a fix may be applied at the given level.
func (f *Fix) Applicable(unsafe bool) bool {
	return f != nil && (f.Safety == Safe || unsafe)
}

// ApplyFixes applies the applicable fixes of diags to src. A fix is applied
// whole or not at all: one whose edits overlap an edit already taken is
// skipped (the next pass sees it again). It returns the new text and the
// number of fixes applied.
func ApplyFixes(src []byte, diags []Diagnostic, unsafe bool) ([]byte, int) {
	var fixes []*Fix
	for i := range diags {
		if f := diags[i].Fix; f.Applicable(unsafe) && len(f.Edits) > 0 {
			fixes = append(fixes, f)
		}
	}
	if len(fixes) == 0 {
		return src, 0
	}
	sort.SliceStable(fixes, func(i, j int) bool { return fixes[i].Edits[0].Start < fixes[j].Edits[0].Start })
	var taken []Edit // sorted by Start; fixes arrive nearly in order, so inserts are mostly appends
	applied := 0
	for _, f := range fixes {
		if overlapsAny(f.Edits, taken) {
			continue
		}
		for _, e := range f.Edits {
			i := sort.Search(len(taken), func(k int) bool { return taken[k].Start > e.Start })
			taken = append(taken, Edit{})
			copy(taken[i+1:], taken[i:])
			taken[i] = e
		}
		applied++
	}
	var b strings.Builder
	b.Grow(len(src))
	last := 0
	for _, e := range taken {
		b.Write(src[last:e.Start])
		b.WriteString(e.Text)
		last = e.End
	}
	b.Write(src[last:])
	return []byte(b.String()), applied
}

// overlapsAny reports whether any edit of a conflicts with an edit in
// taken (sorted by Start, disjoint). Two insertions at the same offset
// conflict too, since their order would be arbitrary.
func overlapsAny(a, taken []Edit) bool {
	for _, e := range a {
		// The first taken edit that could reach e is the one before the
		// first edit starting after e.Start.
		i := sort.Search(len(taken), func(k int) bool { return taken[k].Start > e.Start })
		for _, k := range [2]int{i - 1, i} {
			if k < 0 || k >= len(taken) {
				continue
			}
			if conflict(e, taken[k]) {
				return true
			}
		}
	}
	return false
}

func conflict(e, t Edit) bool {
	if e.Start < t.End && t.Start < e.End {
		return true
	}
	// Insertions at the same point as another edit's start are ambiguous.
	return e.Start == t.Start && (e.Start == e.End || t.Start == t.End)
}

// FixLoop lints, applies fixes and lints again until nothing applicable is
// left, the text stops changing, or MaxFixPasses is reached. check lints a
// text and returns its diagnostics. It returns the final text, the number
// of fixes applied, and the diagnostics of the final text.
func FixLoop(src []byte, unsafe bool, check func([]byte) []Diagnostic) ([]byte, int, []Diagnostic) {
	total := 0
	diags := check(src)
	for pass := 0; pass < MaxFixPasses; pass++ {
		out, n := ApplyFixes(src, diags, unsafe)
		if n == 0 || string(out) == string(src) {
			break
		}
		total += n
		src = out
		diags = check(src)
	}
	return src, total, diags
}
