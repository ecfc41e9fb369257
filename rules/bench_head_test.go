package rules_test

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/rules"
)

// BenchmarkHeadRules runs the structural rules (header, dateline, title,
// storycode, layout) on generated articles (2% with a defect) parsed
// beforehand: their cost per file without the parse.
func BenchmarkHeadRules(b *testing.B) {
	sel, err := rules.Registry().Select([]string{"header", "dateline", "title", "storycode", "layout"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	var configured []lint.Configured
	for _, r := range sel {
		configured = append(configured, lint.Default(r))
	}
	_, docs := parsedCorpus(b)
	n := len(docs)
	b.ResetTimer()
	i := 0
	for b.Loop() {
		lint.Check(docs[i%n], configured)
		i++
	}
}
