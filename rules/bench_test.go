package rules_test

import (
	"sort"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/corpusgen"
	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/rules"
)

// BenchmarkEngine parses generated articles held in memory and runs every
// default rule on them, extracting their facts as the runner does: the
// per-file cost of a check, without I/O. MB/s is of article text.
func BenchmarkEngine(b *testing.B) {
	settings, err := config.Defaults(rules.Registry(), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	const n = 1000
	texts, size := corpusgen.New(corpusgen.Options{Seed: 11, Files: n, DefectRate: 0.02}).Texts()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc := article.Parse("a.txt", texts[i%n], settings.Layout)
		lint.Check(doc, settings.Rules)
		facts.Extract(doc)
		doc.Release()
	}
}

// BenchmarkCorpusRules runs the default corpus rules over the facts of
// 100,000 generated articles with 2% defects. (corpus/index-sequence, off
// by default, would report most files: generated headers all say 0.)
func BenchmarkCorpusRules(b *testing.B) {
	const n = 100000
	g := corpusgen.New(corpusgen.Options{Seed: 12, Files: n, DefectRate: 0.02})
	layout := article.DefaultLayout()
	all := make([]*facts.File, n)
	for i := range all {
		text, _ := g.Article(i)
		all[i] = facts.Extract(article.Parse(g.Path(i), text, layout))
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Path < all[j].Path })
	var configured []lint.Configured
	for _, r := range rules.Registry().All() {
		if r.IsCorpus() && !r.Disabled {
			configured = append(configured, lint.Default(r))
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		diags, errs := lint.RunCorpus(all, configured)
		if len(errs) > 0 || len(diags) == 0 {
			b.Fatalf("%d diagnostics, errors %v", len(diags), errs)
		}
	}
}

// parsedCorpus returns the default settings and 1,000 generated articles
// (2% with defects) parsed with them.
func parsedCorpus(b *testing.B) (*config.Settings, []*article.Doc) {
	settings, err := config.Defaults(rules.Registry(), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	const n = 1000
	g := corpusgen.New(corpusgen.Options{Seed: 11, Files: n, DefectRate: 0.02})
	docs := make([]*article.Doc, n)
	for i := range docs {
		text, _ := g.Article(i)
		docs[i] = article.Parse(g.Path(i), text, settings.Layout)
	}
	return settings, docs
}

// BenchmarkCheck runs every default per-file rule together, as lint.Check
// does for each file, over 1,000 generated articles parsed beforehand: the
// cost of the rules pass per article, without parsing or facts.
func BenchmarkCheck(b *testing.B) {
	settings, docs := parsedCorpus(b)
	n := len(docs)
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		lint.Check(docs[i%n], settings.Rules)
		i++
	}
}

// BenchmarkRules runs each default per-file rule alone over 1,000
// generated articles parsed beforehand: the cost of one rule per article,
// to find and measure the expensive ones (go test -bench Rules/space).
func BenchmarkRules(b *testing.B) {
	settings, docs := parsedCorpus(b)
	n := len(docs)
	for _, c := range settings.Rules {
		if c.Rule.Run == nil {
			continue
		}
		one := []lint.Configured{c}
		b.Run(c.Rule.ID, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				lint.Check(docs[i%n], one)
				i++
			}
		})
	}
}
