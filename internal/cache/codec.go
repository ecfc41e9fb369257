package cache

import (
	"encoding/binary"
	"errors"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

// A report.File is stored as a sequence of uvarints and length-prefixed
// strings, written by appendFile and read by decodeFile; the path is not
// stored (the entry's key gives it). It is hand-written, like the facts
// codec, because gob would cost a type description and reflection per
// entry, and 100,000 entries must load in a few tens of milliseconds.

func appendUint(b []byte, v int) []byte { return binary.AppendUvarint(b, uint64(v)) }

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendBytes(b, s []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendPos(b []byte, p report.Position) []byte {
	b = appendUint(b, p.Offset)
	b = appendUint(b, p.Line)
	b = appendUint(b, p.Column)
	b = appendUint(b, p.UTF16Column)
	return appendUint(b, p.ByteColumn)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

// appendFile encodes f's diagnostics (f.Fixed is not stored: a cached
// result describes a text, not a run).
func appendFile(b []byte, f *report.File) []byte {
	b = appendUint(b, len(f.Diagnostics))
	for i := range f.Diagnostics {
		d := &f.Diagnostics[i]
		b = appendStr(b, d.Rule)
		b = appendUint(b, int(d.Severity))
		b = appendStr(b, d.Message)
		b = appendPos(b, d.Start)
		b = appendPos(b, d.End)
		b = appendStr(b, d.Source)
		b = appendUint(b, d.SourceStart)
		b = appendBool(b, d.SourceMore)
		b = appendStr(b, d.Snippet)
		b = appendBool(b, d.Corpus)
		b = appendBool(b, d.Fix != nil)
		if fx := d.Fix; fx != nil {
			b = appendStr(b, fx.Description)
			b = appendUint(b, int(fx.Safety))
			b = appendUint(b, len(fx.Edits))
			for _, e := range fx.Edits {
				b = appendPos(b, e.Start)
				b = appendPos(b, e.End)
				b = appendStr(b, e.Text)
			}
			b = appendUint(b, fx.BeforeLine)
			b = appendStr(b, fx.Before)
			b = appendStr(b, fx.After)
		}
	}
	return b
}

var errDamaged = errors.New("damaged cache entry")

// decoder reads what the append functions wrote; the first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uint() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 || v > 1<<40 {
		d.err = errDamaged
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) u64() uint64 {
	if d.err != nil || len(d.b) < 8 {
		d.err = errDamaged
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

func (d *decoder) bytes() []byte {
	n := d.uint()
	if d.err != nil || n > len(d.b) {
		d.err = errDamaged
		return nil
	}
	s := d.b[:n:n]
	d.b = d.b[n:]
	return s
}

func (d *decoder) str() string { return string(d.bytes()) }

func (d *decoder) bool() bool { return d.uint() != 0 }

func (d *decoder) pos() report.Position {
	return report.Position{Offset: d.uint(), Line: d.uint(), Column: d.uint(), UTF16Column: d.uint(), ByteColumn: d.uint()}
}

// decodeFile decodes what appendFile wrote, for the file at path.
func decodeFile(b []byte, path string) (report.File, error) {
	d := decoder{b: b}
	f := report.File{Path: path}
	n := d.uint()
	if n > len(b) {
		return f, errDamaged
	}
	if n > 0 {
		f.Diagnostics = make([]report.Diagnostic, n)
	}
	for i := range f.Diagnostics {
		x := &f.Diagnostics[i]
		x.Path = path
		x.Rule = d.str()
		x.Severity = lint.Severity(d.uint())
		x.Message = d.str()
		x.Start, x.End = d.pos(), d.pos()
		x.Source = d.str()
		x.SourceStart = d.uint()
		x.SourceMore = d.bool()
		x.Snippet = d.str()
		x.Corpus = d.bool()
		if d.bool() {
			fx := &report.Fix{Description: d.str(), Safety: lint.Safety(d.uint())}
			ne := d.uint()
			if ne > len(b) {
				return f, errDamaged
			}
			for range ne {
				fx.Edits = append(fx.Edits, report.Edit{Start: d.pos(), End: d.pos(), Text: d.str()})
			}
			fx.BeforeLine = d.uint()
			fx.Before, fx.After = d.str(), d.str()
			x.Fix = fx
		}
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = errDamaged
	}
	return f, d.err
}
