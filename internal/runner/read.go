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

// MaxArticleSize is the largest file corpuslint reads. An article is a few
// kilobytes; a file over a gigabyte is a mistake (a dump, a disk image),
// and the document model keeps 32-bit offsets for its words.
const MaxArticleSize = 1 << 30

// errTooLarge is the error for a file over MaxArticleSize.
var errTooLarge = fmt.Errorf("too large: over %d bytes (1 GiB), the most an article may have; skipped", MaxArticleSize)

// errBinary marks a file skipped because it looks binary.
type errBinary struct{ offset int }

func (e errBinary) Error() string {
	return fmt.Sprintf("binary file (NUL byte at offset %d), skipped", e.offset)
}

// readFileInto reads a regular file whole, re-checking the file type on
// the open file, since the walk's answer may be stale. It reads into buf's
// storage when it is large enough, so that a worker reuses one buffer for
// file after file instead of handing the garbage collector a few hundred
// MB per run. A file on a local file system is first tried from the
// kernel's caches (readCached).
func readFileInto(path string, buf []byte, local bool) ([]byte, error) {
	if local {
		if src, ok := readCached(path, buf); ok {
			return src, nil
		}
	}
	if src, ok := readRegularFast(path, buf); ok {
		return src, nil
	}
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
	size := info.Size()
	if size > MaxArticleSize {
		return nil, errTooLarge
	}
	if size <= 0 {
		return readAll(f, size)
	}
	buf = readBuffer(buf, size)
	n := 0
	for n < len(buf) {
		m, err := f.Read(buf[n:])
		n += m
		if err == io.EOF {
			return buf[:n], nil
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read: %s", describeError(err))
		}
	}
	// The file grew while being read: read the rest the slow way.
	rest, err := readAll(f, 0)
	if err != nil {
		return nil, err
	}
	if n+len(rest) > MaxArticleSize {
		return nil, errTooLarge
	}
	return append(buf[:n:n], rest...), nil
}

// readBuffer returns buf, or a new buffer when buf is too small, sliced to
// read a file of size bytes: one byte more than the size, so that a file
// that grew is noticed.
func readBuffer(buf []byte, size int64) []byte {
	if int64(cap(buf)) < size+1 {
		buf = make([]byte, size+1+size/4)
	}
	return buf[:size+1]
}

// readAll reads r to the end, allocating once when size is right, and
// refuses more than MaxArticleSize bytes.
func readAll(r io.Reader, size int64) ([]byte, error) {
	var buf bytes.Buffer
	if size > 0 && size <= MaxArticleSize {
		buf.Grow(int(size) + 1) // +1 so that ReadFrom sees EOF without growing
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, MaxArticleSize+1)); err != nil {
		return nil, fmt.Errorf("cannot read: %s", describeError(err))
	}
	if buf.Len() > MaxArticleSize {
		return nil, errTooLarge
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
