package runner

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// binarySniff is how much of a file is searched for a NUL byte to decide
// that it is not text.
const binarySniff = 8 << 10

// errBinary marks a file skipped because it looks binary.
type errBinary struct{ offset int }

func (e errBinary) Error() string {
	return fmt.Sprintf("binary file (NUL byte at offset %d), skipped", e.offset)
}

// readFile reads a regular file whole. It re-checks the file type on the
// open file, since the walk's answer may be stale.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", describeError(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", describeError(err))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("is %s, not a regular file; refusing to read it", describeMode(info.Mode()))
	}
	return readAll(f, info.Size())
}

// readAll reads r to the end, allocating once when size is right.
func readAll(r io.Reader, size int64) ([]byte, error) {
	var buf bytes.Buffer
	if size > 0 && size < 1<<40 {
		buf.Grow(int(size) + 1) // +1 so that ReadFrom sees EOF without growing
	}
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, fmt.Errorf("cannot read: %s", describeError(err))
	}
	return buf.Bytes(), nil
}

// sniffBinary returns an error when src has a NUL byte near its start.
func sniffBinary(src []byte) error {
	head := src[:min(len(src), binarySniff)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return errBinary{offset: i}
	}
	return nil
}
