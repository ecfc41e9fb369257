package rules_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/textpos"
	"github.com/corpuslint/corpuslint/rules"
)

var update = flag.Bool("update", false, "rewrite the want and fixed sections of fixtures from what the rules do now")

// fixtureRoot holds one folder per rule: fixtures/rules/FAMILY/NAME/*.txtar.
const fixtureRoot = "../fixtures/rules"

// A fixture is a txtar archive:
//
//	optional comment; a line "select: ID,ID" runs those rules instead of the folder's,
//	and a line "no-final-newline: true" drops the newline that txtar puts at the end of input.txt
//	-- input.txt --   the article
//	-- want --        expected diagnostics, one per line: "L:C-L:C rule/id [*] message"
//	                  ([*] marks a safe fix, [!] an unsafe one)
//	-- fixed.txt --   optional: the article after applying safe fixes until stable
//	-- unsafe-fixed.txt -- optional: the same with unsafe fixes too
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtureRoot, "*", "*", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures found under %s (%v)", fixtureRoot, err)
	}
	for _, file := range files {
		rel, _ := filepath.Rel(fixtureRoot, file)
		if isCorpusFixture(file) {
			continue // TestCorpusFixtures runs these
		}
		t.Run(filepath.ToSlash(rel), func(t *testing.T) { runFixture(t, file) })
	}
}

func fixtureRules(t *testing.T, file string, ar *txtar.Archive) []lint.Configured {
	reg := rules.Registry()
	dir := filepath.Dir(file)
	selectors := []string{filepath.Base(filepath.Dir(dir)) + "/" + filepath.Base(dir)}
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		if v, ok := strings.CutPrefix(line, "select:"); ok {
			selectors = strings.Split(strings.ReplaceAll(v, " ", ""), ",")
		}
	}
	if reg.Get(selectors[0]) == nil && selectors[0] != "ALL" && len(selectors) == 1 {
		if _, ok := reg.Match(selectors[0]); !ok {
			t.Fatalf("fixture folder names no known rule: %s", selectors[0])
		}
	}
	sel, err := reg.Select(selectors, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []lint.Configured
	for _, r := range sel {
		out = append(out, lint.Default(r))
	}
	return out
}

func runFixture(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]*txtar.File{}
	for i := range ar.Files {
		sections[ar.Files[i].Name] = &ar.Files[i]
	}
	in := sections["input.txt"]
	if in == nil {
		t.Fatalf("%s: no input.txt section", file)
	}
	configured := fixtureRules(t, file, ar)
	layout := article.DefaultLayout()
	check := func(src []byte) []lint.Diagnostic {
		doc := article.Parse("input.txt", src, layout)
		diags, errs := lint.Check(doc, configured)
		for _, e := range errs {
			t.Errorf("%v\n%s", e, e.Stack)
		}
		return diags
	}
	src := in.Data
	if hasDirective(ar, "no-final-newline: true") {
		// txtar ends every section with a newline; this drops it.
		src = src[:len(src)-1]
	}
	got := renderDiagnostics(src, check(src))
	changed := false
	if want := sections["want"]; want == nil || string(want.Data) != got {
		if *update {
			changed = setSection(ar, "want", got)
		} else {
			var wantText string
			if want != nil {
				wantText = string(want.Data)
			}
			t.Errorf("diagnostics differ\n--- want\n%s--- got\n%s", wantText, got)
		}
	}
	for _, mode := range []struct {
		name   string
		unsafe bool
	}{{"fixed.txt", false}, {"unsafe-fixed.txt", true}} {
		sec := sections[mode.name]
		if sec == nil && !*update {
			continue
		}
		fixed, _, remaining := lint.FixLoop(src, mode.unsafe, check)
		if sec == nil {
			if string(fixed) != string(src) && !mode.unsafe {
				changed = setSection(ar, mode.name, string(fixed)) || changed
			}
			continue
		}
		if string(fixed) != string(sec.Data) {
			if *update {
				changed = setSection(ar, mode.name, string(fixed)) || changed
			} else {
				t.Errorf("%s differs\n--- want\n%q\n--- got\n%q", mode.name, sec.Data, fixed)
			}
		}
		if utf8.Valid(src) && !utf8.Valid(fixed) {
			t.Errorf("%s: fixing made valid UTF-8 invalid", mode.name)
		}
		if !mode.unsafe && !repairsEncoding(configured) && lettersAndDigits(src) != lettersAndDigits(fixed) {
			t.Errorf("%s: safe fixes changed the letters or digits of the text", mode.name)
		}
		// Fixing is idempotent: the fixed text has nothing left to fix.
		again, n, _ := lint.FixLoop(fixed, mode.unsafe, check)
		if n != 0 || string(again) != string(fixed) {
			t.Errorf("%s: fixing the fixed text changed it again (%d fixes)", mode.name, n)
		}
		for _, d := range remaining {
			if d.Fix.Applicable(mode.unsafe) {
				t.Errorf("%s: a fixable problem is left after fixing: %s", mode.name, d.Message)
			}
		}
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// lettersAndDigits returns the case-folded letters and digits of src in
// order: what safe fixes must never change.
func lettersAndDigits(src []byte) string {
	var b strings.Builder
	for _, r := range string(src) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// repairsEncoding reports whether encoding rules run: their safe fixes
// restore the letters that were meant, so they change letters by design.
func repairsEncoding(configured []lint.Configured) bool {
	for _, c := range configured {
		if c.Rule.Family() == "encoding" {
			return true
		}
	}
	return false
}

func hasDirective(ar *txtar.Archive, line string) bool {
	for _, l := range strings.Split(string(ar.Comment), "\n") {
		if strings.TrimSpace(l) == line {
			return true
		}
	}
	return false
}

func setSection(ar *txtar.Archive, name, data string) bool {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			if string(ar.Files[i].Data) == data {
				return false
			}
			ar.Files[i].Data = []byte(data)
			return true
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
	return true
}

// renderDiagnostics writes diagnostics in the fixtures' "want" form.
func renderDiagnostics(src []byte, diags []lint.Diagnostic) string {
	idx := textpos.NewIndex(src)
	var b strings.Builder
	for _, d := range diags {
		s, e := idx.Pos(d.Span.Start), idx.Pos(d.Span.End)
		mark := ""
		if d.Fix != nil {
			mark = " [*]"
			if d.Fix.Safety == lint.Unsafe {
				mark = " [!]"
			}
		}
		fmt.Fprintf(&b, "%d:%d-%d:%d %s%s %s\n", s.Line, s.Column, e.Line, e.Column, d.Rule, mark, d.Message)
	}
	return b.String()
}

// TestEveryRuleHasFixtures checks the registry against the fixtures folder:
// every rule has documentation, a case that reports something and one that
// reports nothing, and a fixable rule has a case showing its fix.
func TestEveryRuleHasFixtures(t *testing.T) {
	for _, r := range rules.Registry().All() {
		if r.Summary == "" || r.Doc == "" {
			t.Errorf("%s: missing Summary or Doc", r.ID)
		}
		if !strings.Contains(r.Doc, "Bad:") || !strings.Contains(r.Doc, "Good:") {
			t.Errorf("%s: Doc needs Bad: and Good: examples", r.ID)
		}
		if r.Fix != lint.FixNever && !strings.Contains(r.Doc, "Fix:") {
			t.Errorf("%s: fixable rule's Doc has no Fix: paragraph", r.ID)
		}
		files, _ := filepath.Glob(filepath.Join(fixtureRoot, r.ID, "*.txtar"))
		var hasBad, hasGood, hasFixed bool
		for _, f := range files {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range ar.Files {
				switch s.Name {
				case "want":
					if strings.Contains(string(s.Data), " "+r.ID+" ") {
						hasBad = true
					} else if len(strings.TrimSpace(string(s.Data))) == 0 {
						hasGood = true
					}
				case "fixed.txt", "unsafe-fixed.txt":
					hasFixed = true
				}
			}
		}
		if !hasBad || !hasGood {
			t.Errorf("%s: needs fixtures in %s/%s with a bad case (want names the rule) and a good case (empty want)", r.ID, fixtureRoot, r.ID)
		}
		if r.Fix != lint.FixNever && !hasFixed {
			t.Errorf("%s: fixable rule needs a fixture with fixed.txt or unsafe-fixed.txt", r.ID)
		}
	}
}
