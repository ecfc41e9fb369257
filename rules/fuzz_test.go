package rules_test

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/rules"
)

// letterExempt lists the rules whose safe fixes may change the sequence of
// letters and digits, with the reason. encoding/mojibake restores the
// letters that were meant ("Ã©" becomes "é"); instead of the letter
// invariant, its fixes must round-trip exactly, which checkMojibakeFix
// tests.
var letterExempt = map[string]bool{
	"encoding/mojibake": true,
}

// FuzzFixes runs every registered rule over arbitrary input and applies the
// safe fixes until stable, checking the fixing invariants: no rule panics
// or emits an invalid fix; fixing keeps valid UTF-8 valid; fixing the fixed
// text changes nothing; and no safe fix outside letterExempt changes the
// case-folded sequence of letters and digits.
func FuzzFixes(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtureRoot, "*", "*", "*.txtar"))
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, s := range ar.Files {
			if s.Name == "input.txt" {
				f.Add(s.Data)
			}
		}
	}
	// Inputs where fixes could interact badly: deleting a character between
	// two halves of an invalid sequence, fixes that touch each other.
	for _, s := range []string{
		"Title\n\nStory Code : 1\nA \xc3\u200b\xa9 b.\n",
		"T\n\nStory Code : 1\nGaza ,with  \t\u00a0 x .\r\n\u00c3\u00a9\u00c3\u00a9 \u00e2\u20ac\ufffd e\u0301\u00c3\n",
	} {
		f.Add([]byte(s))
	}
	var configured []lint.Configured
	for _, r := range rules.Registry().All() {
		configured = append(configured, lint.Default(r))
	}
	layout := article.DefaultLayout()
	f.Fuzz(func(t *testing.T, src []byte) {
		exemptApplied := false
		check := func(text []byte) []lint.Diagnostic {
			doc := article.Parse("fuzz.txt", text, layout)
			diags, errs := lint.Check(doc, configured)
			for _, e := range errs {
				t.Fatalf("%v\n%s\ninput: %q", e, e.Stack, text)
			}
			for _, d := range diags {
				if !d.Fix.Applicable(false) {
					continue
				}
				if letterExempt[d.Rule] {
					exemptApplied = true
					checkMojibakeFix(t, text, d)
					continue
				}
				// Each safe fix on its own keeps the letters.
				fixed, _ := lint.ApplyFixes(text, []lint.Diagnostic{d}, false)
				if !sameLetters(text, fixed) {
					t.Fatalf("safe fix of %s (%s) changes letters or digits:\n%q\n->\n%q", d.Rule, d.Message, text, fixed)
				}
			}
			return diags
		}
		fixed, _, _ := lint.FixLoop(src, false, check)
		if utf8.Valid(src) && !utf8.Valid(fixed) {
			t.Fatalf("fixing made valid UTF-8 invalid:\n%q\n->\n%q", src, fixed)
		}
		if !exemptApplied && !sameLetters(src, fixed) {
			t.Fatalf("safe fixes changed letters or digits:\n%q\n->\n%q", src, fixed)
		}
		again, n, _ := lint.FixLoop(fixed, false, check)
		if n != 0 || string(again) != string(fixed) {
			t.Fatalf("fixing is not idempotent (%d more fixes):\n%q\n->\n%q\n->\n%q", n, src, fixed, again)
		}
	})
}

// checkMojibakeFix checks that a mojibake repair round-trips: encoding the
// repaired text in UTF-8 and decoding the bytes as Windows-1252 or Latin-1
// gives back exactly the text it replaces.
func checkMojibakeFix(t *testing.T, src []byte, d lint.Diagnostic) {
	for _, e := range d.Fix.Edits {
		var cp1252, latin1 strings.Builder
		for _, b := range []byte(e.Text) {
			if b < utf8.RuneSelf {
				t.Fatalf("mojibake repair %q holds ASCII", e.Text)
			}
			cp1252.WriteRune(article.Cp1252Rune(b))
			latin1.WriteRune(rune(b))
		}
		old := string(src[e.Start:e.End])
		if cp1252.String() != old && latin1.String() != old {
			t.Fatalf("mojibake repair %q of %q does not round-trip (%q, %q)", e.Text, old, cp1252.String(), latin1.String())
		}
	}
}

// sameLetters reports whether a and b hold the same case-folded sequence
// of letters and digits.
func sameLetters(a, b []byte) bool {
	return foldLetters(a) == foldLetters(b)
}

func foldLetters(s []byte) string {
	var out strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		s = s[n:]
		if r == utf8.RuneError && n == 1 {
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out.WriteRune(unicode.ToLower(unicode.ToUpper(r)))
		}
	}
	return out.String()
}
