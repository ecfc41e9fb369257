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
		for pi := range d.Paragraphs {
			words := d.Paragraphs[pi].Words
			tables := tableLines{d: d}
			// Equal hashes (case folded) first: they rule out nearly every
			// pair without reading the text. The test is kept apart from
			// the rest, which seldom runs, so that the loop stays short.
			for k := 1; k < len(words); k++ {
				if words[k].Hash == words[k-1].Hash {
					reportRepeat(p, words[k-1], words[k], opts.Allow, &tables)
				}
			}
		}
	},
})

// reportRepeat reports word b if it repeats word a, the word before it.
func reportRepeat(p *lint.Pass, a, b article.Word, allow []string, tables *tableLines) {
	d, src := p.Doc, p.Doc.Src
	if a.Len() != b.Len() {
		return
	}
	as, bs := a.Span(), b.Span()
	if onlyWhitespace(src[as.End:bs.Start]) && bytes.EqualFold(d.Text(as), d.Text(bs)) &&
		repeatCounts(src, as, bs, allow) && !tables.any(as.Start, bs.Start) {
		p.Reportf(bs, lint.UnsafeFix("delete the repeated word", as.End, bs.End, ""),
			"word %q repeated", d.Text(bs))
	}
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
