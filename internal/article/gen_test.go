package article

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/corpusgen"
)

// generatedTexts returns n generated articles and their mean size, for the
// benchmarks.
func generatedTexts(n int) ([][]byte, int) {
	return corpusgen.New(corpusgen.Options{Seed: 11, Files: n}).Texts()
}

// generatedDocs parses n generated articles for the benchmarks.
func generatedDocs(b *testing.B, n int) []*Doc {
	b.Helper()
	texts, _ := generatedTexts(n)
	docs := make([]*Doc, n)
	for i, text := range texts {
		docs[i] = Parse("a.txt", text, DefaultLayout())
	}
	return docs
}
