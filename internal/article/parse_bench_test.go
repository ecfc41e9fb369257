package article_test

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/corpusgen"
)

// BenchmarkParse parses 1,000 generated articles held in memory: the
// model's cost per article, without I/O or rules. MB/s is of article text.
func BenchmarkParse(b *testing.B) {
	const n = 1000
	g := corpusgen.New(corpusgen.Options{Seed: 11, Files: n})
	texts := make([][]byte, n)
	size := 0
	for i := range texts {
		texts[i], _ = g.Article(i)
		size += len(texts[i])
	}
	layout := article.DefaultLayout()
	b.SetBytes(int64(size / n))
	i := 0
	for b.Loop() {
		article.Parse("a.txt", texts[i%n], layout)
		i++
	}
}
