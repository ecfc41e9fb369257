package lint

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
)

// BenchmarkCheckReports runs two rules that report 300 problems each with
// a fix, out of position order: the cost of reporting, sorting and
// validating diagnostics on a file full of problems.
func BenchmarkCheckReports(b *testing.B) {
	src := make([]byte, 4096)
	doc := &article.Doc{Path: "a.txt", Src: src}
	report := func(p *Pass) {
		for i := 300; i > 0; i-- {
			p.Reportf(article.Span{Start: 10 * i, End: 10*i + 2}, SafeFix("replace with one space", 10*i, 10*i+2, " "), "%d spaces between words", 2)
		}
	}
	rules := []Configured{
		Default(&Rule{ID: "t/a", Run: report}),
		Default(&Rule{ID: "t/b", Run: report}),
	}
	b.ReportAllocs()
	for b.Loop() {
		if diags, _ := Check(doc, rules); len(diags) != 600 {
			b.Fatal(len(diags))
		}
	}
}

// TestCheckOrder checks that Check returns diagnostics by position, then
// rule, then end, then message, keeping report order among equals.
func TestCheckOrder(t *testing.T) {
	doc := &article.Doc{Path: "a.txt", Src: make([]byte, 100)}
	rules := []Configured{
		Default(&Rule{ID: "t/b", Run: func(p *Pass) {
			p.Reportf(article.Span{Start: 5, End: 9}, nil, "m")
			p.Reportf(article.Span{Start: 5, End: 6}, nil, "z")
			p.Reportf(article.Span{Start: 5, End: 6}, nil, "a")
			p.Reportf(article.Span{Start: 1, End: 2}, SafeFix("f", 1, 2, ""), "first")
		}}),
		Default(&Rule{ID: "t/a", Run: func(p *Pass) {
			p.Reportf(article.Span{Start: 5, End: 9}, nil, "same")
			p.Reportf(article.Span{Start: 5, End: 9}, nil, "same")
		}}),
	}
	diags, errs := Check(doc, rules)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Rule+":"+d.Message)
	}
	want := []string{"t/b:first", "t/a:same", "t/a:same", "t/b:a", "t/b:z", "t/b:m"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k := range want {
		if got[k] != want[k] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	if diags[0].Fix == nil || len(diags[0].Fix.Edits) != 1 || diags[0].Fix.Edits[0] != (Edit{1, 2, ""}) {
		t.Errorf("fix: %+v", diags[0].Fix)
	}
}

// BenchmarkCheckClean runs 60 rules that find nothing: the engine's own
// cost per file and rule, which every file pays.
func BenchmarkCheckClean(b *testing.B) {
	doc := &article.Doc{Path: "a.txt", Src: make([]byte, 4096)}
	var rules []Configured
	for i := 0; i < 60; i++ {
		rules = append(rules, Default(&Rule{ID: "t/x", Run: func(p *Pass) {}}))
	}
	b.ReportAllocs()
	for b.Loop() {
		Check(doc, rules)
	}
}

// TestCheckPanic checks that a rule that panics loses its diagnostics and
// becomes an error, and that the rules after it still run.
func TestCheckPanic(t *testing.T) {
	doc := &article.Doc{Path: "a.txt", Src: make([]byte, 100)}
	report := func(p *Pass) { p.Reportf(article.Span{Start: 1, End: 2}, nil, "found") }
	rules := []Configured{
		Default(&Rule{ID: "t/a", Run: report}),
		Default(&Rule{ID: "t/b", Run: func(p *Pass) {
			report(p)
			panic("boom")
		}}),
		Default(&Rule{ID: "t/corpus", Corpus: func(*CorpusPass) {}}),
		Default(&Rule{ID: "t/c", Run: func(p *Pass) { panic("bang") }}),
		Default(&Rule{ID: "t/d", Run: report}),
	}
	diags, errs := Check(doc, rules)
	if len(diags) != 2 || diags[0].Rule != "t/a" || diags[1].Rule != "t/d" {
		t.Errorf("diagnostics %+v, want one of t/a and one of t/d", diags)
	}
	if len(errs) != 2 || errs[0].Rule != "t/b" || errs[0].Value != "boom" || errs[1].Rule != "t/c" || errs[0].Path != "a.txt" || errs[0].Stack == "" {
		t.Errorf("errors %+v, want t/b boom and t/c bang", errs)
	}
}

// TestCheckDroppedPerRule checks that the note on problems past MaxPerRule
// belongs to the rule that had them and not to the rules after it.
func TestCheckDroppedPerRule(t *testing.T) {
	doc := &article.Doc{Path: "a.txt", Src: make([]byte, 100)}
	rules := []Configured{
		Default(&Rule{ID: "t/many", Run: func(p *Pass) {
			for i := 0; i < MaxPerRule+5; i++ {
				p.Reportf(article.Span{Start: 1, End: 2}, nil, "found")
			}
		}}),
		Default(&Rule{ID: "t/one", Run: func(p *Pass) { p.Reportf(article.Span{Start: 3, End: 4}, nil, "found") }}),
	}
	diags, _ := Check(doc, rules)
	count := map[string]int{}
	for _, d := range diags {
		count[d.Rule]++
	}
	if count["t/many"] != MaxPerRule+1 || count["t/one"] != 1 {
		t.Errorf("diagnostics per rule %v, want %d for t/many (with the note) and 1 for t/one", count, MaxPerRule+1)
	}
}
