package rules_test

import (
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/rules"
)

// BenchmarkSpaceEncodingRules parses the seed and runs the space/*,
// encoding/* and scraped-page layout rules over it: the cost per article
// of a clean, mostly ASCII corpus (the target is 100,000 articles, 270 MB,
// in about 2 s on 2 cores with every rule).
func BenchmarkSpaceEncodingRules(b *testing.B) {
	ar, err := txtar.ParseFile(filepath.Join(fixtureRoot, "space", "punctuation", "good-seed.txtar"))
	if err != nil {
		b.Fatal(err)
	}
	src := ar.Files[0].Data
	sel, err := rules.Registry().Select([]string{"space", "encoding", "layout/title-repeated", "layout/site-chrome"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	var configured []lint.Configured
	for _, r := range sel {
		configured = append(configured, lint.Default(r))
	}
	layout := article.DefaultLayout()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		doc := article.Parse("seed.txt", src, layout)
		if diags, _ := lint.Check(doc, configured); len(diags) != 0 {
			b.Fatal(diags)
		}
	}
}
