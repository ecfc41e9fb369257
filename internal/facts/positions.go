package facts

import "encoding/binary"

// Positions are stored as unsigned varints, most of them as differences
// from the previous position, so that a typical one takes one to three
// bytes. The layout of File.pos:
//
//	for each head span (title, code, index):
//	    line (0: absent; then nothing more for this span)
//	    offset, col, col16-col, bytecol-col            (start)
//	    end offset-start offset, end col-start col,
//	    extra UTF-16 units, extra bytes                (end, on the same line)
//	for each paragraph (it starts a line, so its start columns are all 1):
//	    first line-previous last line, start offset-previous end offset,
//	    last line-first line, end offset-start offset,
//	    end col, end col16-end col, end bytecol-end col
type encoder struct {
	b                []byte
	lastLine, endOff uint32
}

func (e *encoder) put(v uint32) { e.b = binary.AppendUvarint(e.b, uint64(v)) }

// headSpan encodes a span that lies on one line.
func (e *encoder) headSpan(s Span) {
	if !s.Valid() {
		e.put(0)
		return
	}
	e.put(s.Start.Line)
	e.put(s.Start.Offset)
	e.put(s.Start.Col)
	e.put(s.Start.Col16 - s.Start.Col)
	e.put(s.Start.ByteCol - s.Start.Col)
	e.put(s.End.Offset - s.Start.Offset)
	e.put(s.End.Col - s.Start.Col)
	e.put((s.End.Col16 - s.End.Col) - (s.Start.Col16 - s.Start.Col))
	e.put((s.End.ByteCol - s.End.Col) - (s.Start.ByteCol - s.Start.Col))
}

// paragraph encodes a paragraph's span; paragraphs come in order.
func (e *encoder) paragraph(s Span) {
	e.put(s.Start.Line - e.lastLine)
	e.put(s.Start.Offset - e.endOff)
	e.put(s.End.Line - s.Start.Line)
	e.put(s.End.Offset - s.Start.Offset)
	e.put(s.End.Col)
	e.put(s.End.Col16 - s.End.Col)
	e.put(s.End.ByteCol - s.End.Col)
	e.lastLine, e.endOff = s.End.Line, s.End.Offset
}

type decoder struct {
	b                []byte
	lastLine, endOff uint32
}

func (d *decoder) get() uint32 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		// The encoder wrote every field, and Read checks what it loads, so
		// this is a programming error.
		panic("facts: truncated position data")
	}
	d.b = d.b[n:]
	return uint32(v)
}

// head decodes the head spans into spans (or skips them when nil).
func (d *decoder) head(spans *[headSpans]Span) {
	for i := 0; i < headSpans; i++ {
		var s Span
		if line := d.get(); line != 0 {
			s.Start.Line, s.End.Line = line, line
			s.Start.Offset = d.get()
			s.Start.Col = d.get()
			s.Start.Col16 = s.Start.Col + d.get()
			s.Start.ByteCol = s.Start.Col + d.get()
			s.End.Offset = s.Start.Offset + d.get()
			s.End.Col = s.Start.Col + d.get()
			s.End.Col16 = s.End.Col + (s.Start.Col16 - s.Start.Col) + d.get()
			s.End.ByteCol = s.End.Col + (s.Start.ByteCol - s.Start.Col) + d.get()
		}
		if spans != nil {
			spans[i] = s
		}
	}
}

func (d *decoder) paragraph() Span {
	var s Span
	s.Start.Line = d.lastLine + d.get()
	s.Start.Offset = d.endOff + d.get()
	s.Start.Col, s.Start.Col16, s.Start.ByteCol = 1, 1, 1
	s.End.Line = s.Start.Line + d.get()
	s.End.Offset = s.Start.Offset + d.get()
	s.End.Col = d.get()
	s.End.Col16 = s.End.Col + d.get()
	s.End.ByteCol = s.End.Col + d.get()
	d.lastLine, d.endOff = s.End.Line, s.End.Offset
	return s
}

// validPositions reports whether pos decodes fully for n paragraphs; Read
// uses it so that a damaged facts file is an error, not a panic later.
func validPositions(pos []byte, n int) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	d := decoder{b: pos}
	d.head(nil)
	for i := 0; i < n; i++ {
		d.paragraph()
	}
	return len(d.b) == 0
}
