package lint

import (
	"fmt"
	"sort"
	"strings"
)

// Select resolves --select and --ignore style lists (rule IDs, family names,
// or ALL) into the rules to run, sorted by ID. With no selectors, the rules
// enabled by default run. A rule that is off by default runs only when its
// own ID is selected.
func (r *Registry) Select(selectors, ignores []string) ([]*Rule, error) {
	chosen := map[string]*Rule{}
	if len(selectors) == 0 {
		for _, rule := range r.All() {
			if !rule.Disabled {
				chosen[rule.ID] = rule
			}
		}
	}
	for _, s := range selectors {
		rules, ok := r.Match(s)
		if !ok {
			return nil, r.unknown(s)
		}
		for _, rule := range rules {
			if !rule.Disabled || rule.ID == s {
				chosen[rule.ID] = rule
			}
		}
	}
	for _, s := range ignores {
		rules, ok := r.Match(s)
		if !ok {
			return nil, r.unknown(s)
		}
		for _, rule := range rules {
			delete(chosen, rule.ID)
		}
	}
	out := make([]*Rule, 0, len(chosen))
	for _, rule := range chosen {
		out = append(out, rule)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (r *Registry) unknown(s string) error {
	if near := r.Nearest(s); near != "" {
		return fmt.Errorf("unknown rule or family %q (did you mean %q?)", s, near)
	}
	return fmt.Errorf("unknown rule or family %q (see `corpuslint rules`)", s)
}

// Nearest returns the known rule ID or family closest to s in edit
// distance, or "" when nothing is close.
func (r *Registry) Nearest(s string) string {
	best, bestDist := "", len(s)/2+2
	candidates := r.Families()
	for _, rule := range r.All() {
		candidates = append(candidates, rule.ID)
	}
	for _, c := range candidates {
		if d := EditDistance(strings.ToLower(s), c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// EditDistance is the Levenshtein distance between a and b, in bytes: how
// "did you mean" suggestions find the nearest known name.
func EditDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
