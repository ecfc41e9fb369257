package format

import (
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/corpuslint/corpuslint/internal/report"
)

// TestUnderlineDisplayWidth: the carets start under the span and are as
// wide as it on screen, counting tabs to the tab stop and wide characters
// as two columns.
func TestUnderlineDisplayWidth(t *testing.T) {
	pos := func(col int) report.Position { return report.Position{Line: 1, Column: col} }
	cases := []struct {
		name, source     string
		start, end       int // code point columns
		srcStart         int
		more             bool
		wantSrc, wantUnd string
	}{
		{"ascii", "abc def", 5, 8, 1, false, "abc def", "    ^^^"},
		{"tab then wide", "x\t東京 y", 3, 5, 1, false, "x→  東京 y", "    ^^^^"},
		{"after wide", "x\t東京 y", 6, 7, 1, false, "x→  東京 y", "         ^"},
		{"empty span at end of line", "abc", 4, 4, 1, false, "abc", "   ^"},
		{"invisible", "a\u00a0b\u200bc", 2, 3, 1, false, "a<NBSP>b<ZWSP>c", " ^^^^^^"},
		{"window", "middle of a long line", 41, 47, 31, true, "…middle of a long line…", "           ^^^^^^"},
	}
	for _, c := range cases {
		d := report.Diagnostic{Start: pos(c.start), End: pos(c.end), Source: c.source, SourceStart: c.srcStart, SourceMore: c.more}
		src, und := renderSpan(d, palette{})
		if src != c.wantSrc || und != c.wantUnd {
			t.Errorf("%s:\n got %q\n     %q\nwant %q\n     %q", c.name, src, und, c.wantSrc, c.wantUnd)
		}
	}
	// A span that runs onto later lines is underlined to the end of its
	// first line, terminator included, and says where it ends.
	d := report.Diagnostic{Start: pos(3), End: report.Position{Line: 4, Column: 2}, Source: "abcd", SourceStart: 1}
	if _, und := renderSpan(d, palette{}); und != "  ^^^ …to 4:2" {
		t.Errorf("multi-line underline %q", und)
	}
}

func TestOneLine(t *testing.T) {
	cases := map[string]string{
		"plain “text” 東京":       "plain “text” 東京",
		"a\tb\r\nc":             `a\tb\r\nc`,
		"\x1b[31mred\x1b[0m":    `\x1b[31mred\x1b[0m`,
		"x\u0085y\u202ez":       `x\x85y\u202ez`,
		"zero\u200bwidth\ufeff": `zero\u200bwidth\ufeff`,
		"bad \xff byte":         `bad \xff byte`,
		"a\u2028b":              `a\u2028b`,
	}
	for in, want := range cases {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVisibleMarksInvisibles(t *testing.T) {
	var b strings.Builder
	for _, p := range visible("\x00\x1b\x7f\u00ad\u2009\u202e\ufeff\xfe\uE000", 0) {
		b.WriteString(p.text)
	}
	want := "<NUL><ESC><DEL><SHY><U+2009><RLO><BOM><0xFE><U+E000>"
	if b.String() != want {
		t.Errorf("visible = %q, want %q", b.String(), want)
	}
}

func TestLineDiffNumbers(t *testing.T) {
	got := lineDiff("one\ntwo\nthree\n", "one\n2\nthree\nfour", 10)
	type row struct {
		kind diffmatchpatch.Operation
		n    int
		text string
		eof  bool
	}
	want := []row{
		{diffmatchpatch.DiffEqual, 10, "one", false},
		{diffmatchpatch.DiffDelete, 11, "two", false},
		{diffmatchpatch.DiffInsert, 11, "2", false},
		{diffmatchpatch.DiffEqual, 12, "three", false},
		{diffmatchpatch.DiffInsert, 13, "four", true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, l := range got {
		if (row{l.kind, l.number, l.text, l.noNewline}) != want[i] {
			t.Errorf("line %d: got %+v, want %+v", i, l, want[i])
		}
	}
}
