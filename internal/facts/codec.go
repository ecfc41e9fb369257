package facts

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The facts file format, written by Write and read by Read. It is a
// hand-written binary format rather than gob or JSON because it is both
// the smallest and the fastest of the three for these records (see
// BenchmarkCodec, on generated articles): 438 bytes per article against
// gob's 813 and JSON's 2,541, and written 25 times faster than gob.
//
//	magic "corpuslint facts\n", then uvarint Version and uvarint count;
//	per file: path, code, title (uvarint length + bytes), varint date,
//	varint index, 8-byte body hash, uvarint words, the 128-byte sketch
//	when words >= MinSketchWords, uvarint paragraph count and 8 bytes per
//	paragraph hash, then the positions (uvarint length + bytes).
//
// Integers of fixed size are little-endian.

// Version changes whenever the format or the meaning of a field (a hash,
// the sketch, the title normalisation) changes; facts of another version
// are refused, so a stale cache or shard is recomputed, never misread.
const Version = 2

const magic = "corpuslint facts\n"

// ErrVersion is returned by Read for facts written by another version.
var ErrVersion = errors.New("facts written by another version of corpuslint")

// Write writes files in the facts format.
func Write(w io.Writer, files []*File) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf []byte
	buf = append(buf, magic...)
	buf = binary.AppendUvarint(buf, Version)
	buf = binary.AppendUvarint(buf, uint64(len(files)))
	for _, f := range files {
		buf = f.appendTo(buf)
		if len(buf) >= 1<<15 {
			if _, err := bw.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	if _, err := bw.Write(buf); err != nil {
		return err
	}
	return bw.Flush()
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendTo appends one file's record.
func (f *File) appendTo(b []byte) []byte {
	b = appendString(b, f.Path)
	b = appendString(b, f.Code)
	b = appendString(b, f.Title)
	b = binary.AppendVarint(b, int64(f.Date))
	b = binary.AppendVarint(b, int64(f.Index))
	b = binary.LittleEndian.AppendUint64(b, f.BodyHash)
	b = binary.AppendUvarint(b, uint64(f.Words))
	if f.Words >= MinSketchWords {
		for _, v := range f.Sketch {
			b = binary.LittleEndian.AppendUint64(b, v)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(f.Paragraphs)))
	for _, h := range f.Paragraphs {
		b = binary.LittleEndian.AppendUint64(b, h)
	}
	b = binary.AppendUvarint(b, uint64(len(f.pos)))
	return append(b, f.pos...)
}

// Read reads a facts file written by Write. A damaged or truncated file is
// an error naming what is wrong; facts of another version are ErrVersion.
func Read(r io.Reader) ([]*File, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("not a corpuslint facts file")
	}
	d := reader{r: br}
	if v := d.uvarint(); d.err == nil && v != Version {
		return nil, fmt.Errorf("%w (format %d, this one reads %d)", ErrVersion, v, Version)
	}
	n := d.uvarint()
	if d.err != nil {
		return nil, d.fail("header")
	}
	files := make([]*File, 0, min(n, 1<<20))
	for i := uint64(0); i < n; i++ {
		f := d.file()
		if d.err != nil {
			return nil, d.fail(fmt.Sprintf("record %d of %d", i+1, n))
		}
		files = append(files, f)
	}
	return files, nil
}

// byteReader is what reader reads from: a bufio.Reader for Read, a
// bytes.Reader for UnmarshalRecord.
type byteReader interface {
	io.Reader
	io.ByteReader
}

// AppendRecord appends f's record, in the format of one record of a facts
// file, to b; the cache stores facts this way.
func AppendRecord(b []byte, f *File) []byte { return f.appendTo(b) }

// UnmarshalRecord decodes one record written by AppendRecord.
func UnmarshalRecord(b []byte) (*File, error) {
	d := reader{r: bytes.NewReader(b)}
	f := d.file()
	if d.err != nil {
		return nil, d.fail("record")
	}
	return f, nil
}

// reader decodes records; the first error sticks and later reads return
// zero values.
type reader struct {
	r   byteReader
	err error
	buf [8]byte
}

func (d *reader) fail(where string) error {
	if d.err == io.EOF || d.err == io.ErrUnexpectedEOF {
		return fmt.Errorf("facts file is truncated (in %s)", where)
	}
	return fmt.Errorf("facts file is damaged (in %s): %w", where, d.err)
}

func (d *reader) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	d.err = err
	return v
}

func (d *reader) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	d.err = err
	return v
}

// maxField bounds a length read from the file, so that a damaged length
// cannot make Read allocate gigabytes.
const maxField = 1 << 26

func (d *reader) bytes() []byte {
	n := d.uvarint()
	if d.err != nil {
		return nil
	}
	if n > maxField {
		d.err = fmt.Errorf("field of %d bytes", n)
		return nil
	}
	b := make([]byte, n)
	_, d.err = io.ReadFull(d.r, b)
	return b
}

func (d *reader) uint64() uint64 {
	if d.err != nil {
		return 0
	}
	_, d.err = io.ReadFull(d.r, d.buf[:8])
	return binary.LittleEndian.Uint64(d.buf[:8])
}

func (d *reader) file() *File {
	f := &File{}
	f.Path = string(d.bytes())
	f.Code = string(d.bytes())
	f.Title = string(d.bytes())
	f.Date = int32(d.varint())
	f.Index = int32(d.varint())
	f.BodyHash = d.uint64()
	f.Words = uint32(d.uvarint())
	if f.Words >= MinSketchWords && d.err == nil {
		for i := range f.Sketch {
			f.Sketch[i] = d.uint64()
		}
	}
	np := d.uvarint()
	if np > maxField/8 {
		d.err = fmt.Errorf("%d paragraphs", np)
	}
	if d.err != nil {
		return nil
	}
	f.Paragraphs = make([]uint64, np)
	for i := range f.Paragraphs {
		f.Paragraphs[i] = d.uint64()
	}
	f.pos = d.bytes()
	if d.err == nil && !validPositions(f.pos, len(f.Paragraphs)) {
		d.err = errors.New("bad position data")
	}
	if d.err != nil {
		return nil
	}
	return f
}
