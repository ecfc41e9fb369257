package rules_test

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/rules"
)

// TestPathologicalBodies runs every rule, and fixing, over bodies that are
// one construct repeated 100,000 times. Work that is quadratic in the
// length of a line or a paragraph shows up here as a test that does not
// finish (each case takes milliseconds when linear), and a rule that
// reports per repetition as more than MaxPerRule diagnostics.
func TestPathologicalBodies(t *testing.T) {
	const head = " date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nA title for the test\n\nStory Code : 1152650\n"
	units := map[string]string{
		"open quotes":     "“",
		"close quotes":    "” ",
		"straight quotes": `"a `,
		"apostrophes":     "it's ",
		"repeated word":   "the ",
		"lines":           "x\n",
		"paragraphs":      "x\n\n",
		"double spaces":   "a  ",
		"no-break spaces": "a\u00a0",
		"abbreviations":   "U.S. ",
		"commas":          "a,b",
		"mojibake":        "Iâ€™m ",
		"combining marks": "e\u0301",
		"dashes":          "a - b – c — ",
		"controls":        "\x01a",
		"invalid bytes":   "\xff",
		"sentence ends":   "A.B",
	}
	var all []lint.Configured
	for _, r := range rules.Registry().All() {
		all = append(all, lint.Default(r))
	}
	check := func(src []byte) []lint.Diagnostic {
		diags, errs := lint.Check(article.Parse("x.txt", src, article.DefaultLayout()), all)
		for _, e := range errs {
			t.Fatalf("%v", e)
		}
		return diags
	}
	for name, unit := range units {
		t.Run(name, func(t *testing.T) {
			src := []byte(head + strings.Repeat(unit, 100_000) + "\n")
			diags := check(src)
			perRule := map[string]int{}
			for _, d := range diags {
				perRule[d.Rule]++
			}
			for rule, n := range perRule {
				if n > lint.MaxPerRule+1 {
					t.Errorf("%s: %d diagnostics", rule, n)
				}
			}
			lint.FixLoop(src, true, check)
		})
	}
}
