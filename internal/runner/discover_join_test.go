package runner

import (
	"path/filepath"
	"testing"
)

// TestJoinEntry: joinEntry gives what filepath.Join gives, for the clean
// folders discovery walks and the names ReadDir returns.
func TestJoinEntry(t *testing.T) {
	dirs := []string{".", "/", "a", "a/b", "/a/b", "..", "../a", "corpus-100000/000", "x.y", filepath.Clean("a//b/")}
	names := []string{"x.txt", "000", ".hidden", "..x", "a b", "é.txt"}
	for _, d := range dirs {
		d = filepath.Clean(d)
		for _, n := range names {
			if got, want := joinEntry(d, n), filepath.Join(d, n); got != want {
				t.Errorf("joinEntry(%q, %q) = %q, want %q", d, n, got, want)
			}
		}
	}
}
