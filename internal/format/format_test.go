package format

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from current output")

// trickyArticle is based on the seed article, with everything a formatter
// can get wrong: a wrong weekday, a tab, wide characters, a no-break
// space, an escape sequence and text that looks like workflow commands
// and XML, a CRLF line, a doubled blank line, a doubled space, and no
// final newline.
const trickyArticle = " date 2024-08-07 0\n" +
	"Tuesday 7 August 2024 - 21:29\n" +
	"\n" +
	"Iraqi Resistance: Ain Al Assad Operation Marks New Phase of Escalation\n" +
	"\n" +
	"Story Code : 1152650\n" +
	"Lebanon's al-Akhbar\tnewspaper quoted 東京 sources on the “Israeli” entity.\n" +
	"\n" +
	"The sources stated\u00a0that the \x1b[31mred\x1b[0m ::error::%0A ]]> <b>&amp;</b>  operation was a response.\r\n" +
	"\n" +
	"\n" +
	"The entity carried out a genocidal war in Gaza, resulting in over 39,700 martyrs."

// hostile is article-like text that tries to break out of every format:
// an escape sequence, CR and LF, a workflow command, percent escapes, a
// CDATA end, markup, quotes, a bidi override and an invalid UTF-8 byte.
const hostile = "\x1b[2J\x1b]0;pwned\x07 CR\rLF\n::error file=x::injected %0A%25 ]]> <x a=\"'\"> & \u202e \xff \x00 end"

// span returns the byte span of the nth (0-based) occurrence of needle.
func span(t testing.TB, src, needle string, nth int) article.Span {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		at := strings.Index(src[from:], needle)
		if at < 0 {
			t.Fatalf("%q occurs fewer than %d times", needle, nth+1)
		}
		if i == nth {
			return article.Span{Start: from + at, End: from + at + len(needle)}
		}
		from += at + len(needle)
	}
}

func fix(safety lint.Safety, desc string, s article.Span, text string) *lint.Fix {
	return &lint.Fix{Description: desc, Safety: safety, Edits: []lint.Edit{{Start: s.Start, End: s.End, Text: text}}}
}

// testReport builds a report the way the runner does (report.Resolve on
// the engine's diagnostics), from hand-made diagnostics on hand-made files.
func testReport(t testing.TB) *report.Report {
	src := trickyArticle
	at := func(needle string, nth int) article.Span { return span(t, src, needle, nth) }
	blank := at("\n\n\n", 0)
	eof := article.Span{Start: len(src), End: len(src)}
	diags := []lint.Diagnostic{
		{Rule: "dateline/weekday", Severity: lint.Error, Span: at("Tuesday", 0),
			Message: `7 August 2024 was a Wednesday, not a Tuesday`,
			Fix:     fix(lint.Safe, "write Wednesday", at("Tuesday", 0), "Wednesday")},
		{Rule: "space/tab", Severity: lint.Warning, Span: at("\t", 0),
			Message: "tab inside a paragraph", Fix: fix(lint.Safe, "replace the tab with a space", at("\t", 0), " ")},
		{Rule: "word/foreign-script", Severity: lint.Info, Span: at("東京", 0),
			Message: "word in a non-Latin script: “東京”"},
		{Rule: "space/nbsp", Severity: lint.Warning, Span: at("\u00a0", 0),
			Message: "no-break space between words", Fix: fix(lint.Safe, "replace it with a space", at("\u00a0", 0), " ")},
		{Rule: "encoding/control-char", Severity: lint.Error, Span: at("\x1b[31m", 0),
			Message: "control character in text: " + hostile,
			Fix: &lint.Fix{Description: "delete the escape sequences " + hostile, Safety: lint.Unsafe, Edits: []lint.Edit{
				{Start: at("\x1b[31m", 0).Start, End: at("\x1b[31m", 0).End},
				{Start: at("\x1b[0m", 0).Start, End: at("\x1b[0m", 0).End},
			}}},
		{Rule: "space/double", Severity: lint.Warning, Span: at("  ", 0),
			Message: "two spaces between words", Fix: fix(lint.Safe, "delete one space", article.Span{Start: at("  ", 0).Start, End: at("  ", 0).Start + 1}, "")},
		{Rule: "layout/line-ending", Severity: lint.Warning, Span: at("\r", 0),
			Message: "CRLF line ending", Fix: fix(lint.Safe, "use LF", at("\r", 0), "")},
		{Rule: "layout/blank-lines", Severity: lint.Warning, Span: article.Span{Start: blank.Start + 1, End: blank.End},
			Message: "2 blank lines between paragraphs", Fix: fix(lint.Safe, "remove 1 blank line", article.Span{Start: blank.Start + 1, End: blank.Start + 2}, "")},
		{Rule: "layout/final-newline", Severity: lint.Warning, Span: eof,
			Message: "no newline at end of file", Fix: fix(lint.Safe, "add a final newline", eof, "\n")},
	}
	odd := " date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nThe ministry said the talks had ended.\n"
	oddPath := "corpus/2024 08/odd,name:100%.txt"
	oddDiags := []lint.Diagnostic{{
		Rule: "title/trailing-period", Severity: lint.Info, Span: span(t, odd, ".", 0),
		Message: "title ends with a period", Fix: fix(lint.Safe, "remove the period", span(t, odd, ".", 0), ""),
	}}
	r := &report.Report{
		Files: []report.File{
			report.Resolve("corpus/000_tricky.txt", []byte(src), diags),
			report.Resolve(oddPath, []byte(odd), oddDiags),
			report.Resolve("corpus/clean.txt", []byte(odd), nil),
		},
		FilesChecked: 3,
		Errors:       []string{"corpus/missing.txt: no such file or directory"},
	}
	r.Sort()
	return r
}

// testRegistry describes the test's rules the way rules/ does.
func testRegistry() *lint.Registry {
	reg := lint.NewRegistry()
	add := func(id string, sev lint.Severity, summary, doc string) {
		reg.Add(&lint.Rule{ID: id, Severity: sev, Summary: summary, Doc: doc, Run: func(*lint.Pass) {}})
	}
	add("dateline/weekday", lint.Error, "Weekday does not match the date",
		"Checks that the dateline's weekday is the weekday of its date.\nA wrong weekday means one of them is wrong.\n\nBad:  Tuesday 7 August 2024 - 21:29\nGood: Wednesday 7 August 2024 - 21:29\n\nFix: writes the right weekday (safe).")
	add("layout/final-newline", lint.Warning, "File does not end with exactly one newline",
		"Checks that the file ends with one newline.\n\nBad:  \"...destruction.\"\nGood: \"...destruction.\\n\"\n\nFix: adds it (safe).")
	add("space/tab", lint.Warning, "Tab inside a paragraph", "")
	// The other rules are unknown to the registry on purpose: the formats
	// must still describe them.
	return reg
}

func testOptions(color bool) Options {
	return Options{Color: color, Rules: testRegistry(), Version: "1.2.3"}
}

// goldenCases lists every golden file: each format without colour, and
// the human formats also with colour forced on.
func goldenCases() map[string]Options {
	cases := map[string]Options{}
	for _, name := range Names() {
		cases[name] = testOptions(false)
	}
	for _, name := range []string{"full", "concise", "statistics"} {
		cases[name+"-color"] = testOptions(true)
	}
	return cases
}

func render(t testing.TB, name string, r *report.Report, opt Options) []byte {
	t.Helper()
	f, err := Get(name)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f(&b, r, opt); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	for name, opt := range goldenCases() {
		t.Run(name, func(t *testing.T) {
			got := render(t, strings.TrimSuffix(name, "-color"), testReport(t), opt)
			file := filepath.Join("testdata", "golden", name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/format -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s (if the change is intended, rerun with -update and read the diff):\n%s", name, file, got)
			}
		})
	}
}

// TestEveryFormatRegistered guards against a format file going missing.
func TestEveryFormatRegistered(t *testing.T) {
	want := []string{"checkstyle", "concise", "full", "github", "gitlab", "json", "json-lines", "junit", "rdjsonl", "sarif", "statistics"}
	if got := strings.Join(Names(), " "); got != strings.Join(want, " ") {
		t.Errorf("Names() = %s, want %s", got, strings.Join(want, " "))
	}
	if _, err := Get("nope"); err == nil || !strings.Contains(err.Error(), "sarif") {
		t.Errorf("Get(unknown) error = %v, want one listing the formats", err)
	}
}

// TestEmptyReport: every format copes with a run that found nothing.
func TestEmptyReport(t *testing.T) {
	empty := &report.Report{FilesChecked: 2}
	for _, name := range Names() {
		out := render(t, name, empty, testOptions(false))
		switch name {
		case "full", "concise", "github", "rdjsonl", "json-lines":
			if len(out) != 0 {
				t.Errorf("%s: empty report printed %q", name, out)
			}
		default:
			if len(out) == 0 {
				t.Errorf("%s: empty report printed nothing", name)
			}
		}
	}
}
