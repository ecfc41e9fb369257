package rules_test

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// structuralFamilies are the families whose safe fixes must keep every
// letter and digit, up to case. (Encoding repairs elsewhere may change
// letters and still be safe, so they are not held to this.)
var structuralFamilies = map[string]bool{"header": true, "dateline": true, "title": true, "storycode": true, "layout": true}

// TestSafeFixesKeepLettersAndDigits applies every safe fix of a structural
// rule in every fixture on its own and checks the invariant behind "safe":
// the case-folded sequence of letters and digits does not change.
func TestSafeFixesKeepLettersAndDigits(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(fixtureRoot, "*", "*", "*.txtar"))
	checked := 0
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name != "input.txt" && f.Name != "fixed.txt" && f.Name != "unsafe-fixed.txt" {
				continue
			}
			src := f.Data
			if f.Name == "input.txt" && hasDirective(ar, "no-final-newline: true") {
				src = src[:len(src)-1]
			}
			doc := article.Parse("input.txt", src, article.DefaultLayout())
			diags, _ := lint.Check(doc, fixtureRules(t, file, ar))
			for _, d := range diags {
				fam, _, _ := strings.Cut(d.Rule, "/")
				if d.Fix == nil || d.Fix.Safety != lint.Safe || !structuralFamilies[fam] {
					continue
				}
				out, n := lint.ApplyFixes(src, []lint.Diagnostic{d}, false)
				if n != 1 {
					t.Errorf("%s: %s: fix not applied", file, d.Rule)
				}
				if foldedAlnum(out) != foldedAlnum(src) {
					t.Errorf("%s: %s: safe fix %q changes letters or digits", file, d.Rule, d.Fix.Description)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no safe fix was checked")
	}
}

func foldedAlnum(b []byte) string {
	var s strings.Builder
	for _, r := range string(b) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			s.WriteRune(unicode.ToLower(r))
		}
	}
	return s.String()
}
