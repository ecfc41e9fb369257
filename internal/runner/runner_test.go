package runner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// goodArticle is a well-formed article in the seed's layout.
const goodArticle = ` date 2024-08-07 0
Wednesday 7 August 2024 - 21:29

Iraqi Resistance Marks New Phase of Escalation

Story Code : 1152650
The sources stated that the operation was a response.
`

// testRules: test/no-newline reports a missing final newline as an error
// with a safe fix; test/tab reports each tab with an unsafe fix deleting
// it; test/panic panics on any file containing "PANIC".
func testRules() *lint.Registry {
	reg := lint.NewRegistry()
	reg.Add(&lint.Rule{ID: "test/no-newline", Severity: lint.Error, Summary: "s", Fix: lint.FixAlways,
		Run: func(p *lint.Pass) {
			src := p.Doc.Src
			if len(src) > 0 && src[len(src)-1] != '\n' {
				p.Reportf(article.Span{Start: len(src), End: len(src)}, lint.SafeFix("add", len(src), len(src), "\n"), "no final newline")
			}
		}})
	reg.Add(&lint.Rule{ID: "test/tab", Severity: lint.Warning, Summary: "s", Fix: lint.FixAlways,
		Run: func(p *lint.Pass) {
			for i, c := range p.Doc.Src {
				if c == '\t' {
					p.Reportf(article.Span{Start: i, End: i + 1}, lint.UnsafeFix("delete", i, i+1, ""), "tab")
				}
			}
		}})
	reg.Add(&lint.Rule{ID: "test/panic", Severity: lint.Error, Summary: "s",
		Run: func(p *lint.Pass) {
			if bytes.Contains(p.Doc.Src, []byte("PANIC")) {
				panic("boom")
			}
		}})
	return reg
}

func testSettings(t *testing.T) SettingsFor {
	s, err := config.Defaults(testRules(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return Fixed(s)
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func inputPaths(d *discovery) []string {
	var out []string
	for _, in := range d.inputs {
		out = append(out, filepath.ToSlash(in.path))
	}
	return out
}

func errorLines(d *discovery) []string {
	var out []string
	for _, e := range d.errs {
		out = append(out, filepath.ToSlash(e.String()))
	}
	return out
}

func TestDiscoverWalk(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "c/b.txt", "")
	write(t, "c/a.txt", "")
	write(t, "c/notes.md", "")
	write(t, "c/.hidden/x.txt", "")
	write(t, "c/.git/y.txt", "")
	write(t, "c/deep/er/z.txt", "")
	write(t, "top.md", "")
	d, err := discover([]string{"c", "top.md", "./c/a.txt", "-"}, DefaultPattern, false, "<stdin>", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"c/a.txt", "c/b.txt", "c/deep/er/z.txt", "top.md", "<stdin>"}
	if got := inputPaths(d); !reflect.DeepEqual(got, want) {
		t.Errorf("inputs %q, want %q", got, want)
	}
	if len(d.errs) != 0 {
		t.Errorf("unexpected errors %q", errorLines(d))
	}
}

func TestDiscoverSymlinks(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "c/a.txt", "")
	write(t, "other/o.txt", "")
	for _, l := range [][2]string{{".", "c/up"}, {"../other", "c/side"}, {"a.txt", "c/alias.txt"}} {
		if err := os.Symlink(l[0], l[1]); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	d, _ := discover([]string{"c"}, DefaultPattern, false, "", nil)
	if got := inputPaths(d); !reflect.DeepEqual(got, []string{"c/a.txt"}) || d.skippedSymlinks != 3 || len(d.errs) != 0 {
		t.Errorf("not following: inputs %q, skipped %d, errors %q", got, d.skippedSymlinks, errorLines(d))
	}
	d, _ = discover([]string{"c"}, DefaultPattern, true, "", nil)
	if got, want := inputPaths(d), []string{"c/a.txt", "c/alias.txt", "c/side/o.txt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("following: inputs %q, want %q", got, want)
	}
	if got, want := errorLines(d), []string{"c/up: symlink loop: leads back to a folder above it"}; !reflect.DeepEqual(got, want) {
		t.Errorf("following: errors %q, want %q", got, want)
	}
}

func TestSniffBinary(t *testing.T) {
	if sniffBinary([]byte("plain text\n")) != nil {
		t.Error("text taken for binary")
	}
	late := append(bytes.Repeat([]byte("a"), binarySniff), 0)
	if sniffBinary(late) != nil {
		t.Error("a NUL after the sniffed prefix made the file binary")
	}
	if err := sniffBinary([]byte("ab\x00")); err == nil || !strings.Contains(err.Error(), "offset 2") {
		t.Errorf("got %v", err)
	}
}

func TestRunReportsInOrderWithManyWorkers(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	var want []string
	for i := 0; i < 40; i++ {
		p := fmt.Sprintf("c/%02d/a%d.txt", i%7, i)
		write(t, p, strings.TrimSuffix(goodArticle, "\n")+"\tx")
		want = append(want, p)
	}
	res, err := Run(context.Background(), Options{Paths: []string{"c"}, Jobs: 8, Settings: testSettings(t)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Report.Files {
		got = append(got, filepath.ToSlash(f.Path))
		if len(f.Diagnostics) != 2 || f.Diagnostics[0].Rule != "test/tab" || f.Diagnostics[1].Rule != "test/no-newline" {
			t.Errorf("%s: diagnostics %+v", f.Path, f.Diagnostics)
		}
	}
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("files in order %q, want %q", got, want)
	}
	if res.Report.FilesChecked != 40 || res.FileErrors != 0 {
		t.Errorf("checked %d, file errors %d", res.Report.FilesChecked, res.FileErrors)
	}
}

func TestRunPanicIsInternalErrorAndRunGoesOn(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "a.txt", goodArticle+"PANIC")
	write(t, "b.txt", strings.TrimSuffix(goodArticle, "\n"))
	res, err := Run(context.Background(), Options{Paths: []string{"."}, Jobs: 2, Settings: testSettings(t), Fix: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.InternalErrors != 1 || len(res.Report.Errors) != 1 || res.Report.Errors[0] != "a.txt: internal error in rule test/panic: boom" {
		t.Errorf("internal errors %d: %q", res.InternalErrors, res.Report.Errors)
	}
	// The other rules still ran on a.txt, and b.txt was fixed.
	if res.Report.FilesChecked != 2 || res.FixesApplied != 2 {
		t.Errorf("checked %d files, applied %d fixes", res.Report.FilesChecked, res.FixesApplied)
	}
	if b, _ := os.ReadFile("b.txt"); string(b) != goodArticle {
		t.Errorf("b.txt not fixed: %q", b)
	}
}

func TestRunFixAndUnsafe(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	text := strings.TrimSuffix(goodArticle, "\n") + "\tend"
	write(t, "a.txt", text)
	write(t, "b.txt", text)
	res, err := Run(context.Background(), Options{Paths: []string{"a.txt"}, Settings: testSettings(t), Fix: true})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile("a.txt")
	if string(got) != text+"\n" || res.FixesApplied != 1 || res.FilesChanged != 1 {
		t.Errorf("safe fix: %q, %d fixes, %d files", got, res.FixesApplied, res.FilesChanged)
	}
	// The unsafe tab fix is left, and reported against the fixed text.
	d := res.Report.Files[0].Diagnostics
	if len(d) != 1 || d[0].Rule != "test/tab" || res.Report.Files[0].Fixed != 1 {
		t.Errorf("remaining %+v", d)
	}
	res, _ = Run(context.Background(), Options{Paths: []string{"b.txt"}, Settings: testSettings(t), Fix: true, UnsafeFixes: true})
	got, _ = os.ReadFile("b.txt")
	if string(got) != goodArticle[:len(goodArticle)-1]+"end\n" || len(res.Report.Files[0].Diagnostics) != 0 {
		t.Errorf("unsafe fix: %q, remaining %+v", got, res.Report.Files[0].Diagnostics)
	}
}

func TestRunDiffWritesNothing(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	text := strings.TrimSuffix(goodArticle, "\n")
	write(t, "a.txt", text)
	write(t, "b.txt", goodArticle)
	res, _ := Run(context.Background(), Options{Paths: []string{"."}, Settings: testSettings(t), Diff: true})
	if got, _ := os.ReadFile("a.txt"); string(got) != text {
		t.Error("--diff changed the file")
	}
	if len(res.Diffs) != 1 || !strings.HasPrefix(res.Diffs[0], "--- a/a.txt\n+++ b/a.txt\n") || res.FilesChanged != 1 {
		t.Errorf("diffs %q, files changed %d", res.Diffs, res.FilesChanged)
	}
}

func TestRunWriteFailureLeavesFileAndOthersGoOn(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	text := strings.TrimSuffix(goodArticle, "\n")
	write(t, "a.txt", text)
	write(t, "b.txt", text)
	failing := func(path string, data []byte) error {
		if filepath.Base(path) == "a.txt" {
			return errors.New("cannot write: disk full")
		}
		return WriteFileAtomic(path, data)
	}
	res, _ := Run(context.Background(), Options{Paths: []string{"."}, Settings: testSettings(t), Fix: true, WriteFile: failing})
	if got, _ := os.ReadFile("a.txt"); string(got) != text {
		t.Errorf("a.txt changed: %q", got)
	}
	if got, _ := os.ReadFile("b.txt"); string(got) != text+"\n" {
		t.Errorf("b.txt not fixed: %q", got)
	}
	if res.WriteErrors != 1 || res.FileErrors != 1 || res.Report.Errors[0] != "a.txt: cannot write: disk full (file left unchanged)" {
		t.Errorf("errors %q (write %d, file %d)", res.Report.Errors, res.WriteErrors, res.FileErrors)
	}
	// a.txt keeps its problem, reported as it is in the file.
	if d := res.Report.Files[0].Diagnostics; len(d) != 1 || d[0].Rule != "test/no-newline" || res.FixesApplied != 1 {
		t.Errorf("a.txt diagnostics %+v, fixes %d", d, res.FixesApplied)
	}
}

func TestRunUnreadableAndBinary(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "a.txt", goodArticle)
	write(t, "b.txt", "PK\x03\x04\x00\x00")
	write(t, "c.txt", goodArticle)
	read := func(path string) ([]byte, error) {
		if path == "c.txt" {
			return nil, errors.New("cannot read: input/output error")
		}
		return readFileInto(path, nil, false)
	}
	res, _ := Run(context.Background(), Options{Paths: []string{"."}, Settings: testSettings(t), ReadFile: read})
	want := []string{"b.txt: binary file (NUL byte at offset 4), skipped", "c.txt: cannot read: input/output error"}
	if !reflect.DeepEqual(res.Report.Errors, want) || res.FileErrors != 2 || res.Report.FilesChecked != 1 {
		t.Errorf("errors %q, file errors %d, checked %d", res.Report.Errors, res.FileErrors, res.Report.FilesChecked)
	}
}

func TestRunStdinFix(t *testing.T) {
	var out bytes.Buffer
	res, _ := Run(context.Background(), Options{
		Paths: []string{StdinPath}, Settings: testSettings(t), Fix: true,
		Stdin: strings.NewReader("no newline"), StdinFilename: "in.txt", FixedStdout: &out,
	})
	if out.String() != "no newline\n" || res.Report.Files[0].Path != "in.txt" || res.FixesApplied != 1 {
		t.Errorf("stdout %q, files %+v", out.String(), res.Report.Files)
	}
}

func TestRunCancelled(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "a.txt", goodArticle)
	write(t, "b.txt", goodArticle)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, _ := Run(ctx, Options{Paths: []string{"."}, Settings: testSettings(t)})
	if res.NotChecked != 2 || res.Report.FilesChecked != 0 {
		t.Errorf("not checked %d, checked %d", res.NotChecked, res.Report.FilesChecked)
	}
}

func TestRunHugeSingleLine(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large file")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "big.txt")
	write(t, p, strings.Repeat("word ", 4<<20)) // 20 MB, one line, no final newline
	res, err := Run(context.Background(), Options{Paths: []string{p}, Settings: testSettings(t), Fix: true})
	if err != nil || res.FixesApplied != 1 {
		t.Fatalf("err %v, fixes %d, errors %q", err, res.FixesApplied, res.Report.Errors)
	}
	// The report keeps a window of the line, not the line.
	for _, d := range res.Report.Files[0].Diagnostics {
		if len(d.Source) > 4096 {
			t.Errorf("report keeps %d bytes of source", len(d.Source))
		}
	}
}

// TestRunRefusesHugeFile: a file over MaxArticleSize (here a sparse one,
// which costs no disk) is an error naming it, without being read, and the
// other files are still checked.
func TestRunRefusesHugeFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "a.txt", goodArticle)
	write(t, "huge.txt", "")
	if err := os.Truncate("huge.txt", MaxArticleSize+1); err != nil {
		t.Skipf("cannot make a sparse file: %v", err)
	}
	res, err := Run(context.Background(), Options{Paths: []string{"."}, Jobs: 2, Settings: testSettings(t)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.FilesChecked != 1 || res.FileErrors != 1 {
		t.Fatalf("checked %d, file errors %d", res.Report.FilesChecked, res.FileErrors)
	}
	if e := res.Report.Errors; len(e) != 1 || !strings.HasPrefix(e[0], "huge.txt: too large") {
		t.Errorf("errors %q", e)
	}
}
