package rules

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// WordRepeatedOptions configures word/repeated.
type WordRepeatedOptions struct {
	Allow []string `yaml:"allow" doc:"words whose doubling is grammatical (had had, that that); compared case-insensitively"`
}

// WordRepeated: a word typed twice.
var WordRepeated = register(&lint.Rule{
	ID:       "word/repeated",
	Severity: lint.Warning,
	Summary:  "Word repeated (the the)",
	Doc: `Checks for a word immediately repeated, compared case-insensitively, with
only spaces or a line break between: "the the", "in\nin". It is the most
common typing and scraping slip and spell checkers miss it.

Left alone: repeats that are both capitalised, which are names (Abdullah
Abdullah; Boutros Boutros-Ghali is not a repeat at all); grammatical
repeats listed in the allow option (had had, that that); numbers; and
lines laid out as tables (tabs, runs of spaces or | between cells).

Bad:  The sources stated that the the operation was a response.
Good: The sources stated that the operation was a response.
Good: Afghan politician Abdullah Abdullah said that that was final.

Fix: deletes the second occurrence and the space before it (unsafe: it
changes the words).`,
	Fix: lint.FixAlways,
	Options: &WordRepeatedOptions{Allow: []string{
		"had", "that", "is", "was", "do", "very", "so", "no", "ha", "bye", "far", "many", "more",
		"again", "now", "yes", "well", "blah", "knock", "tsk",
	}},
	Run: func(p *lint.Pass) {
		opts, _ := p.Options.(*WordRepeatedOptions)
		if opts == nil {
			opts = &WordRepeatedOptions{}
		}
		d := p.Doc
		src := d.Src
		for pi := range d.Paragraphs {
			para := &d.Paragraphs[pi]
			if !mayRepeatWord(d.Text(para.Span)) {
				continue // the usual case, decided without walking words
			}
			tables := tableLines{d: d}
			prev := article.Span{Start: -1}
			d.Words(para.Span, func(w article.Span) bool {
				if prev.Start >= 0 && w.Len() == prev.Len() && onlyWhitespace(src[prev.End:w.Start]) &&
					bytes.EqualFold(src[prev.Start:prev.End], src[w.Start:w.End]) &&
					repeatCounts(src, prev, w, opts.Allow) && !tables.any(prev.Start, w.Start) {
					p.Reportf(w, lint.UnsafeFix("delete the repeated word", prev.End, w.End, ""),
						"word %q repeated", src[w.Start:w.End])
				}
				prev = w
				return true
			})
		}
	},
})

// mayRepeatWord is a cheap necessary condition for a repeated word in
// text. The rule reports equal words with only spaces, tabs and line
// breaks between them, so the first ends a whitespace-separated token and
// the second starts the next: some suffix of the first token equals (in
// ASCII case) the prefix of the same length of the second, and is a whole
// word there (no ASCII letter or digit just before the suffix or just
// after the prefix, which Doc.Words would have made part of the word).
// Bytes outside ASCII are not judged (case folding and word runes beyond
// ASCII): they make the pair a candidate.
func mayRepeatWord(text []byte) bool {
	prevStart, prevEnd, prevPlain := -1, -1, false
	for i := 0; i < len(text); {
		for i < len(text) && byteClass[text[i]] == classBreak {
			i++
		}
		start := i
		plain := true // only ASCII letters and digits
		for i < len(text) {
			c := byteClass[text[i]]
			if c == classBreak {
				break
			}
			plain = plain && c == classAlnum
			i++
		}
		if start == i {
			break
		}
		if prevEnd >= 0 {
			a, b := text[prevStart:prevEnd], text[start:i]
			if prevPlain {
				// The usual case: the first word can only be all of a.
				if n := len(a); n <= len(b) && suffixIsWord(a, b, n) {
					return true
				}
			} else if tokensMayRepeat(a, b) {
				return true
			}
		}
		prevStart, prevEnd, prevPlain = start, i, plain
	}
	return false
}

// byteClass sorts bytes for mayRepeatWord: the whitespace onlyWhitespace
// accepts between repeats, ASCII letters and digits, and the rest.
var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			t[c] = classBreak
		case isASCIIAlnum(byte(c)):
			t[c] = classAlnum
		default:
			t[c] = classOther
		}
	}
	return t
}()

const (
	classOther = iota
	classBreak
	classAlnum
)

// tokensMayRepeat reports whether a suffix of a may be the word that
// starts b (see mayRepeatWord).
func tokensMayRepeat(a, b []byte) bool {
	first := b[0]
	if first >= utf8.RuneSelf {
		return true
	}
	first = foldASCII(first)
	for n := 1; n <= len(a) && n <= len(b); n++ {
		c := a[len(a)-n]
		if c >= utf8.RuneSelf {
			return true
		}
		if foldASCII(c) != first {
			continue
		}
		if suffixIsWord(a, b, n) {
			return true
		}
	}
	return false
}

// suffixIsWord reports whether the last n bytes of a may equal the first
// n bytes of b as whole words.
func suffixIsWord(a, b []byte, n int) bool {
	if n < len(a) {
		if c := a[len(a)-n-1]; c >= utf8.RuneSelf {
			return true
		} else if isASCIIAlnum(c) {
			return false
		}
	}
	if n < len(b) {
		if c := b[n]; c >= utf8.RuneSelf {
			return true
		} else if isASCIIAlnum(c) {
			return false
		}
	}
	for k := 0; k < n; k++ {
		x, y := a[len(a)-n+k], b[k]
		if x >= utf8.RuneSelf || y >= utf8.RuneSelf {
			return true
		}
		if foldASCII(x) != foldASCII(y) {
			return false
		}
	}
	return true
}

func foldASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// onlyWhitespace reports whether b holds spaces and at most one line break.
func onlyWhitespace(b []byte) bool {
	breaks := 0
	for _, c := range b {
		switch c {
		case ' ', '\t':
		case '\n':
			breaks++
		case '\r':
		default:
			return false
		}
	}
	return len(b) > 0 && breaks <= 1
}

// repeatCounts applies the exceptions to two equal words a and b.
func repeatCounts(src []byte, a, b article.Span, allow []string) bool {
	first, _ := utf8.DecodeRune(src[a.Start:a.End])
	second, _ := utf8.DecodeRune(src[b.Start:b.End])
	if unicode.IsDigit(first) {
		return false // numbers in lists and scores
	}
	if unicode.IsUpper(first) && unicode.IsUpper(second) {
		return false // a name: Abdullah Abdullah
	}
	word := src[b.Start:b.End]
	for _, ok := range allow {
		if len(ok) == len(word) && bytes.EqualFold(word, []byte(ok)) {
			return false
		}
	}
	return true
}

// tableLines answers, with a cache of one line, whether the line holding
// an offset is laid out as a table.
type tableLines struct {
	d         *article.Doc
	line      int
	lineTable bool
	known     bool
}

func (t *tableLines) any(offsets ...int) bool {
	for _, off := range offsets {
		if t.at(off) {
			return true
		}
	}
	return false
}

func (t *tableLines) at(offset int) bool {
	li := t.d.LineAt(offset)
	if !t.known || li != t.line {
		t.line, t.known = li, true
		t.lineTable = tableLike(t.d.Text(t.d.Lines[li].Span))
	}
	return t.lineTable
}

// tableLike reports whether a line looks like a row of a table: a tab or a
// | between cells, or at least two runs of several spaces.
func tableLike(line []byte) bool {
	if bytes.IndexByte(line, '\t') >= 0 || bytes.IndexByte(line, '|') >= 0 {
		return true
	}
	runs := 0
	for i := 0; i+1 < len(line); i++ {
		if line[i] == ' ' && line[i+1] == ' ' {
			runs++
			for i+1 < len(line) && line[i+1] == ' ' {
				i++
			}
		}
	}
	return runs >= 2
}
