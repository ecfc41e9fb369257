package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// testApp has two rules of its own, so that exit statuses and summaries can
// be checked whatever rules are built in: test/shout reports every "!" as
// an error with an unsafe fix, test/panic panics on "PANIC".
func testApp() *App {
	reg := lint.NewRegistry()
	reg.Add(&lint.Rule{ID: "test/shout", Severity: lint.Error, Summary: "no shouting", Fix: lint.FixAlways,
		Run: func(p *lint.Pass) {
			for i, c := range p.Doc.Src {
				if c == '!' {
					p.Reportf(article.Span{Start: i, End: i + 1}, lint.UnsafeFix("use a period", i, i+1, "."), "exclamation mark")
				}
			}
		}})
	reg.Add(&lint.Rule{ID: "test/panic", Severity: lint.Warning, Summary: "panics",
		Run: func(p *lint.Pass) {
			if bytes.Contains(p.Doc.Src, []byte("PANIC")) {
				panic("boom")
			}
		}})
	return &App{Registry: reg, Settings: DefaultSettings, Getenv: func(string) string { return "" }, Version: "v9.9.9"}
}

func run(t *testing.T, app *App, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	status = app.Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return status, out.String(), errb.String()
}

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("loud.txt", []byte("Stop!\n"), 0o644)
	os.WriteFile("calm.txt", []byte("Stop.\n"), 0o644)
	os.WriteFile("bad.txt", []byte("PANIC.\n"), 0o644)

	status, out, errs := run(t, testApp(), "--format", "concise", "calm.txt")
	if status != ExitOK || out != "" || errs != "1 file checked; no problems\n" {
		t.Errorf("clean: %d %q %q", status, out, errs)
	}
	status, out, errs = run(t, testApp(), "--format", "concise", "loud.txt", "calm.txt")
	if status != ExitProblems || out != "loud.txt:1:5: error [test/shout] exclamation mark\n" {
		t.Errorf("error: %d %q", status, out)
	}
	if want := "2 files checked; 1 problem (1 error), 1 fixable with --unsafe-fixes\n"; errs != want {
		t.Errorf("summary %q, want %q", errs, want)
	}
	if status, _, _ = run(t, testApp(), "--format", "concise", "--exit-zero", "loud.txt"); status != ExitOK {
		t.Errorf("--exit-zero: %d", status)
	}
	// --unsafe-fixes alone counts unsafe fixes as fixable.
	_, _, errs = run(t, testApp(), "--format", "concise", "--unsafe-fixes", "loud.txt")
	if want := "1 file checked; 1 problem (1 error), 1 fixable with --fix\n"; errs != want {
		t.Errorf("summary %q, want %q", errs, want)
	}
	// An internal error is exit 2 even with --exit-zero, and names the rule and file.
	status, _, errs = run(t, testApp(), "--format", "concise", "--exit-zero", "bad.txt", "loud.txt")
	if status != ExitUsage || !strings.Contains(errs, "corpuslint: bad.txt: internal error in rule test/panic: boom\n") ||
		!strings.Contains(errs, "1 internal error") {
		t.Errorf("internal error: %d %q", status, errs)
	}
	// --fix without unsafe fixes leaves the error: exit 1; with them, 0.
	if status, _, _ = run(t, testApp(), "--format", "concise", "--fix", "loud.txt"); status != ExitProblems {
		t.Errorf("--fix: %d", status)
	}
	status, _, errs = run(t, testApp(), "--format", "concise", "--fix", "--unsafe-fixes", "loud.txt")
	if got, _ := os.ReadFile("loud.txt"); status != ExitOK || string(got) != "Stop.\n" {
		t.Errorf("--fix --unsafe-fixes: %d %q %q", status, got, errs)
	}
}

func TestOutputFileErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("a.txt", []byte("x\n"), 0o644)
	status, _, errs := run(t, testApp(), "--format", "concise", "-o", filepath.Join("no", "such", "dir", "r.txt"), "a.txt")
	if status != ExitUsage || !strings.Contains(errs, "cannot create the output file") {
		t.Errorf("%d %q", status, errs)
	}
}

func TestUseColor(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	var buf bytes.Buffer // not a terminal
	cases := []struct {
		mode string
		env  func(string) string
		want bool
	}{
		{"always", env(), true},
		{"always", env("NO_COLOR", "1"), true},
		{"never", env("FORCE_COLOR", "1"), false},
		{"auto", env(), false},
		{"auto", env("FORCE_COLOR", "1"), true},
		{"auto", env("FORCE_COLOR", "0"), false},
		{"auto", env("NO_COLOR", "1", "FORCE_COLOR", "1"), false},
		{"auto", env("NO_COLOR", ""), false},
	}
	for _, c := range cases {
		got, err := useColor(c.mode, c.env, &buf)
		if err != nil || got != c.want {
			t.Errorf("useColor(%s) = %v, %v; want %v", c.mode, got, err, c.want)
		}
	}
	if _, err := useColor("yes", env(), &buf); err == nil {
		t.Error("a bad mode was accepted")
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	_, out, _ := run(t, testApp(), "--help")
	for name := range commands {
		if !strings.Contains(out, "    corpuslint "+name) {
			t.Errorf("--help does not list the %s command", name)
		}
	}
	if _, out, _ = run(t, testApp(), "--version"); out != "corpuslint v9.9.9\n" {
		t.Errorf("--version printed %q", out)
	}
}

func TestRulesAndExplainUseTheAppRegistry(t *testing.T) {
	_, out, _ := run(t, testApp(), "rules")
	if !strings.Contains(out, "test/shout  error     yes  no shouting") {
		t.Errorf("rules:\n%s", out)
	}
	status, _, errs := run(t, testApp(), "explain", "test/shot")
	if status != ExitUsage || !strings.Contains(errs, `did you mean "test/shout"`) {
		t.Errorf("explain: %d %q", status, errs)
	}
}

func TestRuleOptions(t *testing.T) {
	type opts struct {
		MinWords int      `yaml:"min-words" doc:"shortest quotation checked"`
		Verbs    []string `yaml:"verbs"`
		Style    string   `yaml:"style,omitempty"`
		internal int
	}
	got := ruleOptions(&opts{MinWords: 8, Verbs: []string{"said", "told"}, Style: "curly"})
	want := []ruleOption{
		{"min-words", "int", "8", "shortest quotation checked"},
		{"verbs", "[]string", "[said told]", ""},
		{"style", "string", `"curly"`, ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("option %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
