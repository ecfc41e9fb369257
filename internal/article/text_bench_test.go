package article

import "testing"

// BenchmarkSplitSentences splits the paragraphs of generated articles
// into sentences. ns/op is per article.
func BenchmarkSplitSentences(b *testing.B) {
	docs := generatedDocs(b, 200)
	var out []Span
	i := 0
	for b.Loop() {
		d := docs[i%len(docs)]
		out = out[:0]
		marks := sentenceMarks(d.Src, len(d.Src))
		for _, p := range d.Paragraphs {
			out = splitSentences(out, d.Src, p.Span, &marks)
		}
		i++
	}
}
