// Package facts holds what the corpus rules know about each file: a compact
// record extracted once from the parsed article after the per-file pass.
// The corpus rules (corpus/*) compare these records across the whole corpus
// without ever holding the files' texts; the records are small enough that
// 100,000 of them take a few tens of MiB, and they serialize (Write/Read)
// for the cache and for merging shards.
//
// Positions are resolved when the record is made, so a corpus diagnostic
// can be reported with lines and columns without reading the file again.
package facts

import (
	"github.com/cespare/xxhash/v2"

	"github.com/corpuslint/corpuslint/internal/textpos"
)

// NoDate marks a file whose date is unknown.
const NoDate = int32(-1 << 31)

// File is the facts of one article.
type File struct {
	// Path is the file's path as the run names it.
	Path string
	// Code is the story code ("" when the file has none).
	Code string
	// Date is the article's date in days since 1970-01-01: the header's
	// date, else the dateline's; NoDate when neither parses.
	Date int32
	// Index is the number after the header date, -1 when absent or not a
	// number.
	Index int32
	// Title is the normalised title (see NormaliseTitle), "" when absent.
	Title string
	// BodyHash identifies the body's text (see Extract); 0 for an empty body.
	BodyHash uint64
	// Words counts the body's words.
	Words uint32
	// Sketch is the body's MinHash signature (see sketch.go); valid when
	// Words >= MinSketchWords.
	Sketch Sketch
	// Paragraphs are the hashes of the body paragraphs, in order.
	Paragraphs []uint64
	// pos holds the head spans and the paragraph spans, varint-encoded
	// (see positions.go): resolved positions cost about 10 bytes each
	// this way instead of 40.
	pos []byte
}

// Pos is a resolved position: a byte offset and its 1-based line and
// columns (code points, UTF-16 units, bytes), as textpos resolves them.
type Pos struct {
	Offset, Line, Col, Col16, ByteCol uint32
}

// Position converts to the form the reports use.
func (p Pos) Position() textpos.Position {
	return textpos.Position{Offset: int(p.Offset), Line: int(p.Line), Column: int(p.Col),
		UTF16Column: int(p.Col16), ByteColumn: int(p.ByteCol)}
}

// Span is a resolved byte range [Start, End). The zero Span means "absent".
type Span struct {
	Start, End Pos
}

// Valid reports whether the span is present.
func (s Span) Valid() bool { return s.Start.Line > 0 }

// Head elements whose spans a File keeps, in the order they are encoded.
const (
	spanTitle = iota
	spanCode
	spanIndex
	headSpans
)

// TitleSpan is the title line's span (invalid when the file has no title).
func (f *File) TitleSpan() Span { return f.headSpan(spanTitle) }

// CodeSpan is the story code's span.
func (f *File) CodeSpan() Span { return f.headSpan(spanCode) }

// IndexSpan is the header index's span.
func (f *File) IndexSpan() Span { return f.headSpan(spanIndex) }

// ParagraphSpans returns the spans of the body paragraphs, in order.
func (f *File) ParagraphSpans() []Span {
	out := make([]Span, 0, len(f.Paragraphs))
	d := decoder{b: f.pos}
	d.head(nil)
	for range f.Paragraphs {
		out = append(out, d.paragraph())
	}
	return out
}

// BodySpan runs from the start of the first paragraph to the end of the
// last (invalid for an empty body).
func (f *File) BodySpan() Span {
	spans := f.ParagraphSpans()
	if len(spans) == 0 {
		return Span{}
	}
	return Span{spans[0].Start, spans[len(spans)-1].End}
}

func (f *File) headSpan(which int) Span {
	var spans [headSpans]Span
	d := decoder{b: f.pos}
	d.head(&spans)
	return spans[which]
}

// Size estimates the bytes a File occupies in memory, for the memory
// budget's tests and benchmarks.
func (f *File) Size() int {
	const header = 2*16 + 16 + 4 + 4 + 8 + 4 + 2*MinHashBins + 2*24 // strings, ints, slices
	return header + len(f.Path) + len(f.Code) + len(f.Title) + 8*cap(f.Paragraphs) + cap(f.pos)
}

const (
	prime1 = 0x9E3779B97F4A7C15
	prime2 = 0xC2B2AE3D27D4EB4F
)

// mix is splitmix64's finaliser: every input bit affects every output bit.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// HashParagraph returns the hash under which a paragraph's text (trimmed of
// spaces at both ends) is compared; config-declared boilerplate is hashed
// with it too.
func HashParagraph(text []byte) uint64 {
	for len(text) > 0 && isSpace(text[0]) {
		text = text[1:]
	}
	for len(text) > 0 && isSpace(text[len(text)-1]) {
		text = text[:len(text)-1]
	}
	// xxHash64: several GB/s, and the same on every machine, unlike
	// hash/maphash, since the hashes are kept in caches and facts files.
	return xxhash.Sum64(text)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
