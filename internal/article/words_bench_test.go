package article

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/corpusgen"
)

func benchTexts() ([][]byte, int) {
	const n = 200
	g := corpusgen.New(corpusgen.Options{Seed: 11, Files: n})
	var texts [][]byte
	size := 0
	for i := 0; i < n; i++ {
		t, _ := g.Article(i)
		texts = append(texts, t)
		size += len(t)
	}
	return texts, size / n
}

// BenchmarkAppendWords finds the words of generated articles, the
// parser's costliest step; MB/s is of article text.
func BenchmarkAppendWords(b *testing.B) {
	texts, size := benchTexts()
	b.SetBytes(int64(size))
	out := make([]Word, 0, 4096)
	for i := 0; i < b.N; i++ {
		t := texts[i%len(texts)]
		out = appendWords(out[:0], t, Span{0, len(t)})
	}
}
