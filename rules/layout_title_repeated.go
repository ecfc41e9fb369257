package rules

import (
	"bytes"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/lint"
)

// LayoutTitleRepeated: the body does not start with the title again.
var LayoutTitleRepeated = register(&lint.Rule{
	ID:       "layout/title-repeated",
	Severity: lint.Warning,
	Summary:  "Title repeated as the first line of the body",
	Doc: `Checks that the first line of the body is not the title again. Scrapers
that take both the page's title and its article block often get the
headline twice, once in the head and once as the first body line. Lines are
compared ignoring case and runs of spaces.

Bad:  "Story Code : 1152650\nIraqi Resistance: Ain Al Assad Operation...\n\nLebanon's al-Akhbar..."
Good: "Story Code : 1152650\nLebanon's al-Akhbar..."

Fix: deletes the line, and the blank lines after it (unsafe: it deletes
text).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if d.Title == nil || len(d.Paragraphs) == 0 {
			return
		}
		first := d.Paragraphs[0].FirstLine
		l := d.Lines[first]
		if !sameLine(d.Src[l.Start:l.End], d.Src[d.Title.Span.Start:d.Title.Span.End]) {
			return
		}
		start, end := deleteLineForward(d, first)
		p.Reportf(l.Span, lint.UnsafeFix("delete the repeated title", start, end, ""), "the title is repeated as the first line of the body")
	},
})

// sameLine compares two lines ignoring case (ASCII and simple Unicode
// folding) and the amount of spacing.
func sameLine(a, b []byte) bool {
	a, b = bytes.TrimSpace(a), bytes.TrimSpace(b)
	if len(a) == 0 || len(b) == 0 || firstWordsDiffer(a, b) {
		return false
	}
	return bytes.EqualFold(collapseSpaces(a), collapseSpaces(b))
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// firstWordsDiffer is a quick test for the usual case, a body line that
// is not the title: it compares the ASCII start of both up to the first
// space or other byte (collapsing spaces leaves the first word alone, and
// only non-ASCII text may fold to ASCII letters).
func firstWordsDiffer(a, b []byte) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		if x <= ' ' || y <= ' ' || x >= utf8.RuneSelf || y >= utf8.RuneSelf {
			return false
		}
		if x != y && lowerASCII(x) != lowerASCII(y) {
			return true
		}
	}
	return false
}

func collapseSpaces(s []byte) []byte {
	if bytes.Index(s, []byte("  ")) < 0 && bytes.IndexByte(s, '\t') < 0 {
		return s
	}
	return bytes.Join(bytes.Fields(s), []byte(" "))
}
