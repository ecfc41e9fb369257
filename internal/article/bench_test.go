package article_test

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/corpusgen"
)

// BenchmarkParse parses generated articles held in memory, releasing each
// document as the runner does. MB/s is of article text.
func BenchmarkParse(b *testing.B) {
	const n = 1000
	texts, size := corpusgen.New(corpusgen.Options{Seed: 11, Files: n, DefectRate: 0.02}).Texts()
	layout := article.DefaultLayout()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		article.Parse("a.txt", texts[i%n], layout).Release()
	}
}
