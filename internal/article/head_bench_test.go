package article

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/corpusgen"
)

// BenchmarkParseHead reads the head of generated articles (2% with a
// defect): splitting the lines and matching header, dateline, title and
// story code, without the body. ns/op is per file.
func BenchmarkParseHead(b *testing.B) {
	const n = 1000
	g := corpusgen.New(corpusgen.Options{Seed: 11, Files: n, DefectRate: 0.02})
	texts := make([][]byte, n)
	for i := range texts {
		texts[i], _ = g.Article(i)
	}
	layout := DefaultLayout()
	i := 0
	for b.Loop() {
		src := texts[i%n]
		i++
		d := &Doc{Path: "a.txt", Src: src, Layout: layout}
		d.Lines = splitLines(src)
		p := parser{d: d}
		p.head()
	}
}
