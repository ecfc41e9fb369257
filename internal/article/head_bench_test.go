package article

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/corpusgen"
)

// BenchmarkParseHead reads the heads of generated articles (2% with a
// defect): header, dateline, title and story code with the blank lines
// between them, not the body. "lines" adds splitting the whole file into
// lines, which the head needs first. ns/op is per file.
func BenchmarkParseHead(b *testing.B) {
	const n = 64 // few enough to stay in cache, as a file just read is
	texts, _ := corpusgen.New(corpusgen.Options{Seed: 11, Files: n, DefectRate: 0.02}).Texts()
	lines := make([][]Line, n)
	for i := range texts {
		lines[i] = splitLines(nil, texts[i])
	}
	layout := DefaultLayout()
	b.Run("head", func(b *testing.B) {
		d := new(Doc)
		i := 0
		for b.Loop() {
			*d = Doc{Path: "a.txt", Src: texts[i%n], Layout: layout, Lines: lines[i%n]}
			i++
			p := parser{d: d}
			p.head()
		}
	})
	b.Run("lines", func(b *testing.B) {
		i := 0
		for b.Loop() {
			src := texts[i%n]
			i++
			d := &Doc{Path: "a.txt", Src: src, Layout: layout}
			d.Lines = splitLines(nil, src)
			p := parser{d: d}
			p.head()
		}
	})
}
