//go:build unix

package runner

import (
	"os"
	"reflect"
	"syscall"
	"testing"
)

// Named pipes exist on Unix only.
func TestDiscoverBadPaths(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "c/a.txt", "")
	if err := syscall.Mkfifo("c/pipe.txt", 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := os.Symlink("self.txt", "c/self.txt"); err != nil {
		t.Skip("no symlinks here:", err)
	}
	d, _ := discover([]string{"missing.txt", "c", "c/pipe.txt"}, DefaultPattern, false, "", nil)
	want := []string{
		"missing.txt: no such file or folder",
		"c/pipe.txt: is a named pipe (FIFO), not a regular file; refusing to read it",
		"c/self.txt: symlink loop",
		// c/pipe.txt is walked and named: one problem, said once.
	}
	if got := errorLines(d); !reflect.DeepEqual(got, want) {
		t.Errorf("errors\n%q\nwant\n%q", got, want)
	}
	if got := inputPaths(d); !reflect.DeepEqual(got, []string{"c/a.txt"}) {
		t.Errorf("inputs %q", got)
	}
}
