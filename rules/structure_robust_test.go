package rules_test

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/rules"
)

func structuralRules(t *testing.T) []lint.Configured {
	sel, err := rules.Registry().Select([]string{"header", "dateline", "title", "storycode", "layout"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []lint.Configured
	for _, r := range sel {
		out = append(out, lint.Default(r))
	}
	return out
}

// TestStructuralRulesOnDamagedArticles cuts, repeats and blanks lines of
// the seed at random (with a fixed seed) and checks that no structural rule
// panics or emits a bad fix, and that fixing settles.
func TestStructuralRulesOnDamagedArticles(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join(fixtureRoot, "layout", "empty-body", "good-seed-all-structural.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	seed := strings.Split(string(ar.Files[0].Data), "\n")
	configured := structuralRules(t)
	layout := article.DefaultLayout()
	check := func(src []byte) []lint.Diagnostic {
		diags, errs := lint.Check(article.Parse("x.txt", src, layout), configured)
		for _, e := range errs {
			t.Fatalf("%v on %q\n%s", e, src, e.Stack)
		}
		return diags
	}
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"", " ", "\t", "\r", " date 2024-08-07 0", "Story Code : 1", "Wednesday 31 February 2024 - 25:61", "STORY CODE:", "date", "."}
	applied, reported := 0, 0
	for i := 0; i < 300; i++ {
		lines := append([]string(nil), seed[:12]...)
		for k := rng.Intn(4) + 1; k > 0; k-- {
			j := rng.Intn(len(lines))
			switch rng.Intn(4) {
			case 0:
				lines = append(lines[:j], lines[j+1:]...)
			case 1:
				lines = append(lines[:j], append([]string{pieces[rng.Intn(len(pieces))]}, lines[j:]...)...)
			case 2:
				lines[j] = pieces[rng.Intn(len(pieces))]
			case 3:
				if s := lines[j]; s != "" {
					c := rng.Intn(len(s))
					lines[j] = s[:c] + s[c+1:]
				}
			}
			if len(lines) == 0 {
				lines = []string{""}
			}
		}
		src := []byte(strings.Join(lines, "\n"))
		reported += len(check(src))
		for _, unsafe := range []bool{false, true} {
			fixed, n, _ := lint.FixLoop(src, unsafe, check)
			applied += n
			if again, n, _ := lint.FixLoop(fixed, unsafe, check); n != 0 || !bytes.Equal(again, fixed) {
				t.Errorf("fixing did not settle (unsafe=%v) on %q", unsafe, src)
			}
		}
	}
	t.Logf("%d problems reported, %d fixes applied", reported, applied)
	if reported == 0 || applied == 0 {
		t.Fatal("the damaged articles exercised nothing")
	}
}

// TestStructuralRulesOnHugeLine checks a file of one long line, and one
// whose title is a long line. Work quadratic in a line's length would not
// finish; the time itself is not asserted (speed is a benchmark's job).
func TestStructuralRulesOnHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("long input")
	}
	size := 20 << 20
	if os.Getenv("CORPUSLINT_HUGE") != "" {
		size = 100 << 20
	}
	configured := structuralRules(t)
	layout := article.DefaultLayout()
	line := bytes.Repeat([]byte("Iraqi resistance. "), size/18)
	for _, src := range [][]byte{
		line,
		append([]byte(" date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\n"), append(line, "\n\nStory Code : 1152650\nBody.\n"...)...),
	} {
		_, errs := lint.Check(article.Parse("huge.txt", src, layout), configured)
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
	}
}

// BenchmarkStructuralRules parses the seed and runs every structural rule.
func BenchmarkStructuralRules(b *testing.B) {
	ar, err := txtar.ParseFile(filepath.Join(fixtureRoot, "layout", "empty-body", "good-seed-all-structural.txtar"))
	if err != nil {
		b.Fatal(err)
	}
	src := ar.Files[0].Data
	sel, _ := rules.Registry().Select([]string{"header", "dateline", "title", "storycode", "layout"}, nil)
	var configured []lint.Configured
	for _, r := range sel {
		configured = append(configured, lint.Default(r))
	}
	layout := article.DefaultLayout()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		lint.Check(article.Parse("seed.txt", src, layout), configured)
	}
}
