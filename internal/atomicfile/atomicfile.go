// Package atomicfile writes files that a reader, or a crash, sees whole or
// not at all.
package atomicfile

import (
	"io"
	"os"
	"path/filepath"
)

// Write creates or replaces the file at path with what write writes. The
// bytes go to a hidden temporary file in the same folder, which is synced
// and renamed over path only once complete: a failed write leaves the old
// file as it was, and no temporary file behind. The new file is readable
// by everyone (0644), like a file an editor saves.
//
// Fixed articles are written by runner.WriteFileAtomic instead, which also
// keeps the original's permissions and owner and writes through symlinks.
func Write(path string, write func(w io.Writer) error) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	err = write(tmp)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
