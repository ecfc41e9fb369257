package facts

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/textpos"
)

// Extract makes the facts of a parsed article. It reads the model only:
// each paragraph's bytes for its hash (eight bytes at a time), and the
// hashes of its words, which the parser made, for the sketch.
func Extract(doc *article.Doc) *File {
	f := &File{Path: doc.Path, Date: NoDate, Index: -1}
	var head [headSpans]Span
	if t := doc.Title; t != nil {
		f.Title = NormaliseTitle(doc.Text(t.Span))
		head[spanTitle] = resolveSpan(doc, t.LineIndex, t.Span)
	}
	if sc := doc.StoryCode; sc != nil && sc.Code.Len() > 0 {
		f.Code = doc.String(sc.Code)
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
		if t, ok := doc.Dateline.CalendarDate(); ok {
			f.Date = days(t)
		}
	}

	enc := encoder{b: make([]byte, 0, 16+10*len(doc.Paragraphs))}
	for _, s := range head {
		enc.headSpan(s)
	}
	f.Paragraphs = make([]uint64, len(doc.Paragraphs))
	body := uint64(bodySeed)
	var sk sketcher
	sk.reset()
	for i, p := range doc.Paragraphs {
		h := HashParagraph(doc.Text(p.Span))
		f.Paragraphs[i] = h
		body = mix(body*prime1 ^ h)
		enc.paragraph(paragraphSpan(doc, p))
		sk.words(p.Words)
	}
	if len(doc.Paragraphs) > 0 {
		f.BodyHash = body | 1 // never 0, which means "no body"
	}
	f.Words = uint32(min(sk.n, 1<<32-1))
	if sk.n >= MinSketchWords {
		f.Sketch = sk.sketch()
	}
	f.pos = enc.b
	return f
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

func paragraphSpan(doc *article.Doc, p article.Paragraph) Span {
	first := doc.Lines[p.FirstLine]
	return Span{
		Start: Pos{Offset: uint32(first.Start), Line: uint32(p.FirstLine + 1), Col: 1, Col16: 1, ByteCol: 1},
		End:   resolve(doc, p.LastLine, p.Span.End),
	}
}

// NormaliseTitle folds what does not make two titles different: case, runs
// of spaces, and the style of quotation marks and apostrophes.
func NormaliseTitle(title []byte) string {
	if t, ok := normaliseASCIITitle(title); ok {
		return t
	}
	return normaliseTitleRunes(title)
}

func normaliseTitleRunes(title []byte) string {
	var b strings.Builder
	b.Grow(len(title))
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
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// normaliseASCIITitle is NormaliseTitle for the usual title, printable
// ASCII with single spaces, byte by byte; ok is false for any other title.
func normaliseASCIITitle(title []byte) (string, bool) {
	var room [160]byte // most titles: the only allocation is the string
	buf := room[:0]
	for i, c := range title {
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		case c == ' ':
			if i == 0 || i == len(title)-1 || title[i-1] == ' ' {
				return "", false
			}
		case c < ' ' || c >= 0x7f:
			return "", false
		}
		buf = append(buf, c)
	}
	return string(buf), true
}
