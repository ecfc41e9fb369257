package runner

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReadCached(t *testing.T) {
	dir := t.TempDir()
	text := bytes.Repeat([]byte("Story Code : 1152650\n"), 500)
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	got, ok := readCached(path, nil)
	if !ok {
		if cachedReadOff.Load() {
			t.Skip("this kernel lacks openat2 with RESOLVE_CACHED or preadv2 with RWF_NOWAIT")
		}
		t.Fatal("a file just written is not read from the cache")
	}
	if !bytes.Equal(got, text) {
		t.Fatalf("read %d bytes, want the %d written", len(got), len(text))
	}
	// Into a buffer large enough: its storage is used.
	buf := make([]byte, 0, 64<<10)
	if got, ok := readCached(path, buf); !ok || !bytes.Equal(got, text) || &got[0] != &buf[:1][0] {
		t.Fatalf("with a buffer: ok %v, equal %v", ok, bytes.Equal(got, text))
	}

	// A path too long for readCached's stack buffer: the ordinary read.
	long := filepath.Join(dir, strings.Repeat("d", 200), strings.Repeat("f", 100)+".txt")
	if err := os.MkdirAll(filepath.Dir(long), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(long, text, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := readCached(long, nil); ok {
		t.Error("a path of 300 bytes was read by readCached")
	}
	if got, err := readFileInto(long, nil, false); err != nil || !bytes.Equal(got, text) {
		t.Errorf("a path of 300 bytes: %v", err)
	}

	// Anything but a non-empty regular file is left to the ordinary path,
	// a named pipe without blocking on it.
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, empty, dir, filepath.Join(dir, "missing.txt")} {
		if _, ok := readCached(p, nil); ok {
			t.Errorf("%s: read from the cache, want it left to the ordinary path", filepath.Base(p))
		}
	}
}

// Only folders on local file systems are read from the caches: /proc is
// not one, nor is a folder that does not exist; a walk marks its files
// with its folder's answer, and never a symlink's.
func TestOnLocalFileSystem(t *testing.T) {
	for _, dir := range []string{"/proc", filepath.Join(t.TempDir(), "missing")} {
		if onLocalFileSystem(dir) {
			t.Errorf("%s: said to be on a local file system", dir)
		}
	}
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("a.txt", filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	d, err := discover([]string{dir}, DefaultPattern, true, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := onLocalFileSystem(dir)
	if len(d.inputs) != 3 {
		t.Fatalf("found %d files, want 3", len(d.inputs))
	}
	for _, in := range d.inputs {
		if wantThis := want && filepath.Base(in.path) != "link.txt"; in.local != wantThis {
			t.Errorf("%s: local %v, want %v", in.path, in.local, wantThis)
		}
	}
}
