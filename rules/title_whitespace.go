package rules

import (
	"bytes"

	"github.com/corpuslint/corpuslint/internal/lint"
)

// TitleWhitespace: no leading, trailing, doubled spaces or tabs in the title.
var TitleWhitespace = register(&lint.Rule{
	ID:       "title/whitespace",
	Severity: lint.Warning,
	Summary:  "Title has leading, trailing or doubled spaces, or tabs",
	Doc: `Checks that the title has no spaces or tabs before or after it, and
exactly one space between words. Stray whitespace breaks exact title
matching and deduplication across the corpus.

Bad:  "  Iraqi Resistance:  Ain Al Assad Operation "
Good: "Iraqi Resistance: Ain Al Assad Operation"

Fix: removes leading and trailing whitespace and turns each inner run into
one space (safe: whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if d.Title == nil {
			return
		}
		s := d.Title.Span
		if title := d.Text(s); len(title) == 0 || !isSpace(title[0]) && !isSpace(title[len(title)-1]) &&
			bytes.IndexByte(title, '\t') < 0 && !bytes.Contains(title, []byte("  ")) {
			return // the usual title, checked with two quick searches rather than byte by byte
		}
		for i := s.Start; i < s.End; {
			if !isSpace(d.Src[i]) {
				i++
				continue
			}
			start := i
			for i < s.End && isSpace(d.Src[i]) {
				i++
			}
			span := lintSpan(start, i)
			switch {
			case start == s.Start:
				p.Reportf(span, lint.SafeFix("remove the leading whitespace", start, i, ""), "whitespace before the title")
			case i == s.End:
				p.Reportf(span, lint.SafeFix("remove the trailing whitespace", start, i, ""), "whitespace after the title")
			case i-start > 1:
				p.Reportf(span, lint.SafeFix("use one space", start, i, " "), "%d spaces or tabs in a row in the title", i-start)
			case d.Src[start] == '\t':
				p.Reportf(span, lint.SafeFix("use a space", start, i, " "), "tab in the title")
			}
		}
	},
})
