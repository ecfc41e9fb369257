package tools

// reviewdog reads corpuslint's rdjsonl, sarif and checkstyle reports and
// must find the same problems as corpuslint's json report says there are:
// the same number, paths, rules, severities, lines and columns, and the
// same suggested replacements. The test builds corpuslint from the repository
// and reviewdog from this module's tool dependency, and runs reviewdog with
// its local reporter (what a person runs on a laptop) and its rdjsonl
// reporter (which prints what reviewdog understood, positions included).

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// jsonReport is corpuslint's --format json.
type jsonReport struct {
	Diagnostics []struct {
		Path      string `json:"path"`
		Rule      string `json:"rule"`
		Severity  string `json:"severity"`
		Message   string `json:"message"`
		Line      int    `json:"line"`
		Column    int    `json:"column"`
		EndLine   int    `json:"end_line"`
		EndColumn int    `json:"end_column"`
		Offset    int    `json:"offset"`
		EndOffset int    `json:"end_offset"`
		Fix       *struct {
			Edits []jsonEdit `json:"edits"`
		} `json:"fix"`
	} `json:"diagnostics"`
}

type jsonEdit struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	Text      string `json:"text"`
}

// rdDiagnostic is what reviewdog's rdjsonl reporter prints.
type rdDiagnostic struct {
	Message  string `json:"message"`
	Location struct {
		Path  string  `json:"path"`
		Range rdRange `json:"range"`
	} `json:"location"`
	Severity string `json:"severity"`
	Code     struct {
		Value string `json:"value"`
	} `json:"code"`
	Suggestions []struct {
		Range rdRange `json:"range"`
		Text  string  `json:"text"`
	} `json:"suggestions"`
}

type rdRange struct {
	Start rdPos `json:"start"`
	End   rdPos `json:"end"`
}

type rdPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// tools builds corpuslint and reviewdog once per test binary.
func tools(t *testing.T) (corpuslint, reviewdog string) {
	t.Helper()
	bin := t.TempDir()
	corpuslint = filepath.Join(bin, "corpuslint")
	build := exec.Command("go", "build", "-o", corpuslint, "./cmd/corpuslint")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building corpuslint: %v\n%s", err, out)
	}
	out, err := exec.Command("go", "tool", "-n", "reviewdog").Output()
	if err != nil {
		t.Fatalf("building reviewdog: %v", err)
	}
	return corpuslint, strings.TrimSpace(string(out))
}

// gitRepo makes a git repository holding files (name → content) and
// commits them, as reviewdog runs inside one.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"init", "-q"}, {"add", "-A"},
		{"-c", "user.name=ci", "-c", "user.email=ci@example.invalid", "commit", "-qm", "articles"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

// run runs a command in dir with stdin and returns its standard output;
// exit status 1 (problems found) is not a failure.
func run(t *testing.T, dir string, stdin []byte, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if exit, ok := err.(*exec.ExitError); err != nil && !(ok && exit.ExitCode() == 1) {
		t.Fatalf("%s %v: %v\n%s", filepath.Base(name), args, err, stderr.Bytes())
	}
	return out
}

func jsonLines(t *testing.T, data []byte) []rdDiagnostic {
	t.Helper()
	var out []rdDiagnostic
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d rdDiagnostic
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("reviewdog printed %q: %v", sc.Text(), err)
		}
		out = append(out, d)
	}
	return out
}

// byteColumn is the 1-based UTF-8 byte column of offset in src.
func byteColumn(src []byte, offset int) int {
	return offset - (bytes.LastIndexByte(src[:offset], '\n') + 1) + 1
}

// lineOf is the 1-based line of offset in src.
func lineOf(src []byte, offset int) int {
	return bytes.Count(src[:offset], []byte("\n")) + 1
}

// codePointColumn is the 1-based code point column of offset in src.
func codePointColumn(src []byte, offset int) int {
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	return len(bytes.Runes(src[start:offset])) + 1
}

func checkReviewdog(t *testing.T, files map[string]string, args ...string) {
	corpuslint, reviewdog := tools(t)
	dir := gitRepo(t, files)
	var want jsonReport
	if err := json.Unmarshal(run(t, dir, nil, corpuslint, append([]string{"-q", "--format", "json"}, args...)...), &want); err != nil {
		t.Fatal(err)
	}
	if len(want.Diagnostics) == 0 {
		t.Fatal("corpuslint found no problems: the test would prove nothing")
	}
	src := map[string][]byte{}
	for _, d := range want.Diagnostics {
		if src[d.Path] == nil {
			data, err := os.ReadFile(filepath.Join(dir, d.Path))
			if err != nil {
				t.Fatal(err)
			}
			src[d.Path] = data
		}
	}

	for _, input := range []string{"rdjsonl", "sarif", "checkstyle"} {
		t.Run(input, func(t *testing.T) {
			report := run(t, dir, nil, corpuslint, append([]string{"-q", "--format", input}, args...)...)
			rd := []string{"-f=" + input, "-filter-mode=nofilter", "-fail-level=none"}

			// The local reporter prints one line per problem it kept.
			local := run(t, dir, report, reviewdog, append(rd, "-reporter=local")...)
			if n := bytes.Count(local, []byte("\n")); n != len(want.Diagnostics) {
				t.Errorf("reviewdog -reporter=local printed %d lines, want %d problems:\n%s", n, len(want.Diagnostics), local)
			}

			got := jsonLines(t, run(t, dir, report, reviewdog, append(rd, "-reporter=rdjsonl")...))
			if len(got) != len(want.Diagnostics) {
				t.Fatalf("reviewdog read %d problems, corpuslint reported %d", len(got), len(want.Diagnostics))
			}
			// reviewdog counts columns in bytes for rdjsonl; it reads SARIF
			// regions as they are, and corpuslint's SARIF counts code points.
			column := byteColumn
			if input != "rdjsonl" {
				column = codePointColumn
			}
			for i, w := range want.Diagnostics {
				g, s := got[i], src[w.Path]
				if input == "sarif" {
					unsetStartColumn(&g)
				}
				wantRange := rdRange{
					Start: rdPos{w.Line, column(s, w.Offset)},
					End:   rdPos{w.EndLine, column(s, w.EndOffset)},
				}
				var edits []jsonEdit
				if w.Fix != nil {
					edits = w.Fix.Edits
				}
				if input == "checkstyle" {
					// Checkstyle has a start and no end, and no fixes.
					wantRange.End = rdPos{}
					edits = nil
				}
				if g.Location.Path != w.Path || g.Location.Range != wantRange || g.Code.Value != w.Rule ||
					g.Severity != strings.ToUpper(w.Severity) || g.Message != w.Message {
					t.Errorf("problem %d:\nreviewdog: %s %+v %s %s %q\ncorpuslint: %s %+v %s %s %q", i,
						g.Location.Path, g.Location.Range, g.Code.Value, g.Severity, g.Message,
						w.Path, wantRange, w.Rule, strings.ToUpper(w.Severity), w.Message)
				}
				if len(g.Suggestions) != len(edits) {
					t.Errorf("problem %d (%s %s:%d): reviewdog has %d suggestions, the fix has %d edits", i, w.Rule, w.Path, w.Line, len(g.Suggestions), len(edits))
					continue
				}
				for j, e := range edits {
					sg := g.Suggestions[j]
					wantEdit := rdRange{
						Start: rdPos{lineOf(s, e.Offset), column(s, e.Offset)},
						End:   rdPos{lineOf(s, e.EndOffset), column(s, e.EndOffset)},
					}
					if sg.Range != wantEdit || sg.Text != e.Text {
						t.Errorf("problem %d (%s %s:%d) suggestion %d: reviewdog %+v %q, fix %+v %q", i, w.Rule, w.Path, w.Line, j, sg.Range, sg.Text, wantEdit, e.Text)
					}
				}
			}
		})
	}
}

// unsetStartColumn undoes one normalisation of reviewdog's SARIF reader:
// a region that is not empty and starts in column 1 comes out with start
// column 0, which in reviewdog's format means "no column" (the start of
// the line), the same place.
func unsetStartColumn(d *rdDiagnostic) {
	fix := func(r *rdRange) {
		if r.Start.Column == 0 && r.Start.Line > 0 {
			r.Start.Column = 1
		}
	}
	fix(&d.Location.Range)
	for i := range d.Suggestions {
		fix(&d.Suggestions[i].Range)
	}
}

// TestReviewdogExampleCorpus: the bundled example corpus.
func TestReviewdogExampleCorpus(t *testing.T) {
	files := map[string]string{}
	entries, err := os.ReadDir(filepath.Join("..", "..", "examples", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("..", "..", "examples", "corpus", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files["examples/corpus/"+e.Name()] = string(data)
	}
	checkReviewdog(t, files, "examples/corpus")
}

// TestReviewdogHostile: multibyte text before the problems (so byte,
// code point and UTF-16 columns all differ), control characters and
// escape sequences, CRLF line ends, a line longer than reviewdog's 64 KiB
// line limit, and paths with spaces and non-ASCII letters.
func TestReviewdogHostile(t *testing.T) {
	head := " date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nCafé Owners in Kraków Protest New Rules\n\nStory Code : 1152650\n"
	long := strings.Repeat("Ministers said “the talks” would continue — 会谈将继续 — next week. ", 1200)
	files := map[string]string{
		"articles/multibyte é.txt": head +
			"The minister — “Ελλάδα” 🇬🇷 — said” the talks were difficult but serious.“\n\n" +
			"Officials said  the port 会谈 would reopen .\n",
		"articles/escapes.txt": head +
			"Officials said the \x1b[31mport\x1b[0m would reopen\x0c today.\n\nThe union said the vote was \x07close.  \n",
		"articles/crlf.txt": strings.ReplaceAll(head+"Officials said the port would reopen.\n\nThe union said  yes.\n", "\n", "\r\n"),
		"articles/long.txt": head + long + "and then said” it was over.“ \n\nThe union said  yes.\n",
	}
	checkReviewdog(t, files, "articles")
}
