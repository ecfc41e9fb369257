package lint

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
)

func diag(f *Fix) Diagnostic { return Diagnostic{Rule: "t/x", Fix: f} }

func TestApplyFixesSkipsOverlaps(t *testing.T) {
	src := []byte("aa  bb  cc")
	diags := []Diagnostic{
		diag(SafeFix("one space", 2, 4, " ")),
		diag(SafeFix("overlapping", 3, 5, "X")), // overlaps the first: skipped
		diag(SafeFix("one space", 6, 8, " ")),
		diag(UnsafeFix("unsafe", 0, 2, "AA")),
	}
	out, n := ApplyFixes(src, diags, false)
	if string(out) != "aa bb cc" || n != 2 {
		t.Fatalf("got %q, %d fixes", out, n)
	}
	out, n = ApplyFixes(src, diags, true)
	if string(out) != "AA bb cc" || n != 3 {
		t.Fatalf("with unsafe: got %q, %d fixes", out, n)
	}
}

func TestApplyFixesMultiEditFixIsAllOrNothing(t *testing.T) {
	src := []byte(`x ”quote“ y`)
	// A fix with two edits, and a single edit overlapping its second edit.
	swap := &Fix{Safety: Safe, Edits: []Edit{{2, 5, "“"}, {10, 13, "”"}}}
	other := SafeFix("other", 11, 12, "Z")
	out, n := ApplyFixes(src, []Diagnostic{diag(other), diag(swap)}, false)
	if n != 1 || string(out) != "x “quote” y" {
		t.Fatalf("got %q, %d", out, n)
	}
}

func TestApplyFixesInsertionsAtSamePointConflict(t *testing.T) {
	src := []byte("ab")
	out, n := ApplyFixes(src, []Diagnostic{diag(SafeFix("1", 1, 1, "X")), diag(SafeFix("2", 1, 1, "Y"))}, false)
	if n != 1 || (string(out) != "aXb" && string(out) != "aYb") {
		t.Fatalf("got %q, %d", out, n)
	}
}

func TestFixLoopConvergesAndIsBounded(t *testing.T) {
	// A checker that reports every double space: each pass halves runs.
	check := func(src []byte) []Diagnostic {
		var ds []Diagnostic
		for i := 0; i+1 < len(src); i++ {
			if src[i] == ' ' && src[i+1] == ' ' {
				ds = append(ds, diag(SafeFix("collapse", i, i+2, " ")))
				i++
			}
		}
		return ds
	}
	out, n, remaining := FixLoop([]byte("a        b"), false, check)
	if string(out) != "a b" || len(remaining) != 0 || n == 0 {
		t.Fatalf("got %q after %d fixes, %d left", out, n, len(remaining))
	}
	// A checker whose fix never converges stops after MaxFixPasses.
	flip := func(src []byte) []Diagnostic {
		next := "A"
		if string(src) == "A" {
			next = "B"
		}
		return []Diagnostic{diag(SafeFix("flip", 0, len(src), next))}
	}
	_, n, _ = FixLoop([]byte("B"), false, flip)
	if n != MaxFixPasses {
		t.Fatalf("flip-flop ran %d passes, want %d", n, MaxFixPasses)
	}
}

func TestFixValidate(t *testing.T) {
	bad := []*Fix{
		{Edits: []Edit{{-1, 0, ""}}},
		{Edits: []Edit{{3, 2, ""}}},
		{Edits: []Edit{{0, 11, ""}}},
		{Edits: []Edit{{0, 5, ""}, {4, 6, ""}}},
	}
	for i, f := range bad {
		if f.Validate(10) == nil {
			t.Errorf("case %d: invalid fix accepted", i)
		}
	}
	if err := (&Fix{Edits: []Edit{{0, 2, "x"}, {2, 2, "y"}, {5, 10, ""}}}).Validate(10); err != nil {
		t.Errorf("valid fix refused: %v", err)
	}
}

func TestCheckRecoversPanicsAndDropsInvalidFixes(t *testing.T) {
	panics := &Rule{ID: "t/panic", Run: func(p *Pass) { panic("boom") }}
	badFix := &Rule{ID: "t/badfix", Run: func(p *Pass) {
		p.Reportf(article.Span{Start: 0, End: 1}, SafeFix("out of range", 0, 99, ""), "x")
	}}
	ok := &Rule{ID: "t/ok", Severity: Warning, Run: func(p *Pass) { p.Reportf(article.Span{Start: 1, End: 2}, nil, "fine") }}
	doc := article.Parse("f.txt", []byte("abc\n"), article.DefaultLayout())
	diags, errs := Check(doc, []Configured{Default(panics), Default(badFix), Default(ok)})
	if len(errs) != 2 || errs[0].Rule != "t/panic" || errs[0].Path != "f.txt" {
		t.Fatalf("errors: %v", errs)
	}
	if len(diags) != 2 || diags[0].Fix != nil || diags[1].Severity != Warning {
		t.Fatalf("diags: %+v", diags)
	}
}

func TestSelect(t *testing.T) {
	reg := NewRegistry()
	run := func(*Pass) {}
	for _, id := range []string{"quote/unbalanced", "quote/reversed", "space/trailing", "space/tabs"} {
		reg.Add(&Rule{ID: id, Run: run})
	}
	reg.Add(&Rule{ID: "corpus/index-sequence", Disabled: true, Run: run})
	ids := func(rs []*Rule) (out []string) {
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	got, err := reg.Select([]string{"quote", "space"}, []string{"space/trailing"})
	if err != nil || len(got) != 3 {
		t.Fatalf("got %v, %v", ids(got), err)
	}
	got, _ = reg.Select(nil, nil)
	if len(got) != 4 {
		t.Fatalf("defaults: %v", ids(got))
	}
	got, _ = reg.Select([]string{"corpus"}, nil)
	if len(got) != 0 {
		t.Fatalf("a family selection enabled an off-by-default rule: %v", ids(got))
	}
	got, _ = reg.Select([]string{"corpus/index-sequence"}, nil)
	if len(got) != 1 {
		t.Fatalf("selecting by ID: %v", ids(got))
	}
	if _, err := reg.Select([]string{"quote/unbalance"}, nil); err == nil || err.Error() != `unknown rule or family "quote/unbalance" (did you mean "quote/unbalanced"?)` {
		t.Fatalf("unknown selector: %v", err)
	}
}

func TestReportsAreCappedPerRuleAndFile(t *testing.T) {
	many := &Rule{ID: "t/many", Severity: Warning, Run: func(p *Pass) {
		for i := 0; i < MaxPerRule+5; i++ {
			p.Reportf(article.Span{Start: i, End: i + 1}, SafeFix("x", i, i+1, "y"), "problem %d", i)
		}
	}}
	doc := article.Parse("f.txt", make([]byte, MaxPerRule+10), article.DefaultLayout())
	diags, _ := Check(doc, []Configured{Default(many)})
	if len(diags) != MaxPerRule+1 {
		t.Fatalf("got %d diagnostics, want %d and a note", len(diags), MaxPerRule)
	}
	var note *Diagnostic
	for i := range diags {
		if diags[i].Fix == nil {
			note = &diags[i]
		}
	}
	if note == nil || note.Span.Start != MaxPerRule || note.Message != "5 more problems of this rule in this file are not shown (at most 1000 are reported per rule and file)" {
		t.Fatalf("note: %+v", note)
	}
}
