package runner

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFileAtomic replaces the file at path with data so that a reader (or
// a crash) sees either the old content or the new, never a mix: the data
// goes to a temporary file in the same folder, is synced, and is renamed
// over the original. The original's permissions (and, where the platform
// allows, owner) are kept. A symlink is written through to its target and
// stays a symlink.
func WriteFileAtomic(path string, data []byte) (err error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("cannot write: %s", describeError(err))
	}
	info, err := os.Stat(real)
	if err != nil {
		return fmt.Errorf("cannot write: %s", describeError(err))
	}
	dir, base := filepath.Split(real)
	if dir == "" {
		dir = "."
	}
	// Hidden and not ending in .txt, so a concurrent walk never picks it up.
	tmp, err := os.CreateTemp(dir, "."+base+".corpuslint-*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write: %s", describeError(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("cannot write: %s", describeError(err))
	}
	if err = tmp.Chmod(info.Mode().Perm()); err != nil {
		return fmt.Errorf("cannot keep permissions: %s", describeError(err))
	}
	keepOwner(tmp, info)
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write: %s", describeError(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write: %s", describeError(err))
	}
	if err = os.Rename(tmp.Name(), real); err != nil {
		return fmt.Errorf("cannot replace the file: %s", describeError(err))
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable. It is best effort: some platforms and
// file systems cannot sync a folder, and the rename has happened anyway.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
