package runner

import (
	"path/filepath"
	"testing"
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
