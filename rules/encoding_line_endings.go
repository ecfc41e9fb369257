package rules

import (
	"strings"

	"github.com/corpuslint/corpuslint/internal/lint"
)

// EncodingLineEndings: lines end in LF.
var EncodingLineEndings = register(&lint.Rule{
	ID:       "encoding/line-endings",
	Severity: lint.Warning,
	Summary:  "Line ends in CRLF or a lone CR",
	Doc: `Checks that every line ends in a line feed (LF). Files saved on Windows end
lines in CRLF, old Mac files in a lone CR; mixed in one corpus they make
identical articles differ and leave a stray "\r" at the end of every line
for tools that split on LF. One diagnostic per file, at the first such
line, counts them.

Bad:  "Wednesday 7 August 2024 - 21:29\r\n"
Good: "Wednesday 7 August 2024 - 21:29\n"

Fix: converts every line ending to LF (safe: line endings only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		var edits []lint.Edit // none in most files: no allocation for them
		crlf, cr, first := 0, 0, -1
		for i, l := range d.Lines {
			switch {
			case l.EOL == 2:
				crlf++
			case l.EOL == 1 && d.Src[l.End] == '\r':
				cr++
			default:
				continue
			}
			if first < 0 {
				first = i
			}
			edits = append(edits, lint.Edit{Start: l.End, End: l.End + l.EOL, Text: "\n"})
		}
		if first < 0 {
			return
		}
		var parts []string
		if crlf > 0 {
			parts = append(parts, plural(crlf, "line")+" ending in CRLF")
		}
		if cr > 0 {
			parts = append(parts, plural(cr, "line")+" ending in a lone CR")
		}
		fix := &lint.Fix{Description: "convert line endings to LF", Safety: lint.Safe, Edits: edits}
		l := d.Lines[first]
		p.Reportf(lintSpan(l.End, l.End+l.EOL), fix, "%s (want LF)", strings.Join(parts, " and "))
	},
})
