package article

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/corpusgen"
)

// generatedDocs parses n generated articles for the benchmarks.
func generatedDocs(b *testing.B, n int) []*Doc {
	b.Helper()
	g := corpusgen.New(corpusgen.Options{Seed: 11, Files: n})
	docs := make([]*Doc, n)
	for i := range docs {
		text, _ := g.Article(i)
		docs[i] = Parse(g.Path(i), text, DefaultLayout())
	}
	return docs
}
