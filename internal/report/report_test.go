package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// TestSourceWindow: a long line is cut to a window around the span, and
// the report says where the window starts and that the line goes on.
func TestSourceWindow(t *testing.T) {
	line := strings.Repeat("é", 1000) + "TARGET" + strings.Repeat("ü", 1000)
	src := "Title\n" + line + "\n"
	at := strings.Index(src, "TARGET")
	f := Resolve("a.txt", []byte(src), []lint.Diagnostic{{Rule: "a/b", Span: article.Span{Start: at, End: at + 6}}})
	d := f.Diagnostics[0]
	if !d.SourceMore || d.SourceStart != 1001-sourceWindow || utf8.RuneCountInString(d.Source) != 2*sourceWindow {
		t.Errorf("window: start %d, more %v, %d code points", d.SourceStart, d.SourceMore, utf8.RuneCountInString(d.Source))
	}
	if got := []rune(d.Source)[d.Start.Column-d.SourceStart:]; !strings.HasPrefix(string(got), "TARGET") {
		t.Errorf("the span is not where SourceStart says: %q", string(got[:10]))
	}
	short := Resolve("a.txt", []byte("Title\nshort line\n"), []lint.Diagnostic{{Rule: "a/b", Span: article.Span{Start: 6, End: 11}}})
	if d := short.Diagnostics[0]; d.SourceMore || d.SourceStart != 1 || d.Source != "short line" {
		t.Errorf("short line: %+v", d)
	}
}
