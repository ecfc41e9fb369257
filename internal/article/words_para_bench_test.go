package article

import "testing"

// BenchmarkAppendWordsParagraphs finds the words of generated articles
// paragraph by paragraph, as the parser calls appendWords; MB/s is of
// article text.
func BenchmarkAppendWordsParagraphs(b *testing.B) {
	texts, size := benchTexts()
	var spans [][]Span
	for _, t := range texts {
		d := Parse("t.txt", t, DefaultLayout())
		var s []Span
		for _, p := range d.Paragraphs {
			s = append(s, p.Span)
		}
		spans = append(spans, s)
	}
	b.SetBytes(int64(size))
	out := make([]Word, 0, 4096)
	for i := 0; i < b.N; i++ {
		t := texts[i%len(texts)]
		out = out[:0]
		for _, s := range spans[i%len(texts)] {
			out = appendWords(out, t, s)
		}
	}
}
