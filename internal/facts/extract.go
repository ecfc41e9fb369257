package facts

import (
	"slices"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/textpos"
)

// Extract makes the facts of a parsed article. It reads the model only:
// each paragraph's bytes for its hash (eight bytes at a time), and the
// hashes of its words, which the parser made, for the sketch. A run that
// keeps the facts of many files uses Store.Extract instead.
func Extract(doc *article.Doc) *File {
	n := len(doc.Paragraphs)
	f := &File{}
	x := extraction{hashes: make([]uint64, 0, n), enc: encoder{b: make([]byte, 0, 16+10*n)}}
	code := x.extract(doc, f)
	if t := doc.Title; t != nil {
		f.Title = NormaliseTitle(doc.Text(t.Span))
	}
	f.Code = string(code)
	f.Paragraphs, f.pos = x.hashes, x.enc.b
	return f
}

// extraction is the work of Extract: it fills a File but for its strings
// and slices, leaving the paragraph hashes and the positions in its own
// buffers for the caller to keep, so that a Store can reuse them from
// file to file.
type extraction struct {
	hashes []uint64
	enc    encoder
}

// extract fills f but for Title, Code, Paragraphs and pos, and returns
// the story code's text.
func (x *extraction) extract(doc *article.Doc, f *File) (code []byte) {
	x.hashes, x.enc = x.hashes[:0], encoder{b: x.enc.b[:0]}
	f.Path, f.Date, f.Index = doc.Path, NoDate, -1
	var head [headSpans]Span
	if t := doc.Title; t != nil {
		head[spanTitle] = resolveSpan(doc, t.LineIndex, t.Span)
	}
	if sc := doc.StoryCode; sc != nil && sc.Code.Len() > 0 {
		code = doc.Text(sc.Code)
		head[spanCode] = resolveSpan(doc, sc.LineIndex, sc.Code)
	}
	if h := doc.Header; h != nil && !h.Malformed {
		if fl, ok := h.Field("index"); ok {
			if n, err := strconv.ParseInt(h.IndexText, 10, 32); err == nil && n >= 0 {
				f.Index = int32(n)
				head[spanIndex] = resolveSpan(doc, h.LineIndex, fl.Span)
			}
		}
		if h.DateOK {
			f.Date = days(h.Date)
		}
	}
	if f.Date == NoDate && doc.Dateline != nil {
		if dl := doc.Dateline; dl.CalendarValid {
			f.Date = days(dl.Calendar)
		}
	}

	for _, s := range head {
		x.enc.headSpan(s)
	}
	body := uint64(bodySeed)
	var sk sketcher
	sk.reset()
	for i := range doc.Paragraphs {
		p := &doc.Paragraphs[i] // not a copy: a Paragraph is 128 bytes
		h := HashParagraph(doc.Text(p.Span))
		x.hashes = append(x.hashes, h)
		body = mix(body*prime1 ^ h)
		x.enc.paragraph(paragraphSpan(doc, p))
		sk.words(p.Words)
	}
	if len(doc.Paragraphs) > 0 {
		f.BodyHash = body | 1 // never 0, which means "no body"
	}
	f.Words = uint32(min(sk.n, 1<<32-1))
	if sk.n >= MinSketchWords {
		f.Sketch = sk.sketch()
	}
	return code
}

const bodySeed = 0x424f4459424f4459 // "BODYBODY"

func days(t time.Time) int32 { return int32(t.Unix() / 86400) }

// Day returns the date of a File.Date value.
func Day(d int32) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// resolveSpan resolves a span that lies on line li.
func resolveSpan(doc *article.Doc, li int, s article.Span) Span {
	return Span{resolve(doc, li, s.Start), resolve(doc, li, s.End)}
}

func resolve(doc *article.Doc, li, offset int) Pos {
	start := doc.Lines[li].Start
	runes, units := offset-start, offset-start // in ASCII, a byte is a character
	if !doc.Scan.ASCII {
		runes, units = textpos.Count(doc.Src[start:offset])
	}
	return Pos{Offset: uint32(offset), Line: uint32(li + 1), Col: uint32(runes + 1),
		Col16: uint32(units + 1), ByteCol: uint32(offset - start + 1)}
}

func paragraphSpan(doc *article.Doc, p *article.Paragraph) Span {
	first := doc.Lines[p.FirstLine]
	return Span{
		Start: Pos{Offset: uint32(first.Start), Line: uint32(p.FirstLine + 1), Col: 1, Col16: 1, ByteCol: 1},
		End:   resolve(doc, p.LastLine, p.Span.End),
	}
}

// NormaliseTitle folds what does not make two titles different: case, runs
// of spaces, and the style of quotation marks and apostrophes.
func NormaliseTitle(title []byte) string {
	var room [160]byte // most titles: the only allocation is the string
	return string(appendNormalisedTitle(room[:0], title))
}

// appendNormalisedTitle appends NormaliseTitle(title) to dst.
func appendNormalisedTitle(dst, title []byte) []byte {
	if b, ok := appendASCIITitle(dst, title); ok {
		return b
	}
	return appendTitleRunes(dst, title)
}

func appendTitleRunes(dst, title []byte) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(title); {
		r, size := rune(title[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(title[i:])
		}
		i += size
		switch r {
		case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\u2033':
			r = '"'
		case '\u2018', '\u2019', '\u201a', '\u2032', '`':
			r = '\''
		}
		if unicode.IsSpace(r) {
			space = len(dst) > start
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// appendASCIITitle is appendNormalisedTitle for the usual title, printable
// ASCII with single spaces, byte by byte; ok is false (and dst unchanged)
// for any other title.
func appendASCIITitle(dst, title []byte) ([]byte, bool) {
	start := len(dst)
	dst = slices.Grow(dst, len(title))[:start+len(title)]
	out := dst[start:]
	for i, c := range title {
		d := asciiTitleByte[c]
		if d == 0 { // a space, a control character or not ASCII
			if c != ' ' || i == 0 || i == len(title)-1 || title[i-1] == ' ' {
				return dst[:start], false
			}
			d = ' '
		}
		out[i] = d
	}
	return dst, true
}

// asciiTitleByte maps each printable ASCII byte but the space to what it
// becomes in a normalised title, and every other byte to 0.
var asciiTitleByte = func() (t [256]byte) {
	for c := byte('!'); c < 0x7f; c++ {
		t[c] = c
	}
	for c := byte('A'); c <= 'Z'; c++ {
		t[c] = c + 'a' - 'A'
	}
	t['`'] = '\''
	return t
}()
