package article

import "testing"

// BenchmarkAppendWords finds the words of generated articles, each read as
// one span; MB/s is of article text.
func BenchmarkAppendWords(b *testing.B) {
	texts, size := generatedTexts(200)
	b.SetBytes(int64(size))
	out := make([]Word, 0, 4096)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := texts[i%len(texts)]
		out = appendWords(out[:0], t, Span{0, len(t)})
	}
}

// BenchmarkAppendWordsParagraphs finds the words of generated articles
// paragraph by paragraph, as the parser calls appendWords; MB/s is of
// article text. Judge a change to the word pass on this one: work set up
// per call weighs here, not in BenchmarkAppendWords.
func BenchmarkAppendWordsParagraphs(b *testing.B) {
	texts, size := generatedTexts(200)
	spans := make([][]Span, len(texts))
	for k, t := range texts {
		for _, p := range Parse("t.txt", t, DefaultLayout()).Paragraphs {
			spans[k] = append(spans[k], p.Span)
		}
	}
	b.SetBytes(int64(size))
	out := make([]Word, 0, 4096)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := texts[i%len(texts)]
		out = out[:0]
		for _, s := range spans[i%len(texts)] {
			out = appendWords(out, t, s)
		}
	}
}
