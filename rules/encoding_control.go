package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// maxControlReports bounds the diagnostics for one file (a binary file has
// thousands).
const maxControlReports = 20

// EncodingControl: no control characters besides tab and line endings.
var EncodingControl = register(&lint.Rule{
	ID:       "encoding/control",
	Severity: lint.Error,
	Summary:  "Control character in the text",
	Doc: `Checks the file for control characters other than tab, line feed and
carriage return: NUL, form feed, escape and the other C0 controls, DEL
(U+007F), and the C1 controls (U+0080 to U+009F). They have no place in
plain text; they come from binary junk, terminal output, or a single-byte
code page decoded wrongly. A C1 control inside mojibake ("â€" followed by
U+009D) is left to encoding/mojibake. Each is named by code point, up to
20 per file.

Bad:  "the Federal Supreme Court<U+000C> rejected a lawsuit"
Good: "the Federal Supreme Court rejected a lawsuit"

Fix: deletes the character (unsafe: whether it stood for a space, a line
break or nothing needs a look). No fix when the character sits between
invalid bytes that its removal would join into a character.`,
	Fix: lint.FixSometimes,
	Run: func(p *lint.Pass) {
		d := p.Doc
		var mojibake []mojibakeRun
		mojibakeDone := false
		count := 0
		var last article.Notable
		eachNotable(d, article.KindControl, func(n article.Notable) {
			if n.Rune >= 0x80 {
				if !mojibakeDone {
					mojibake, mojibakeDone = findMojibake(d), true
				}
				for _, m := range mojibake {
					if m.span.Contains(n.Offset) {
						return
					}
				}
			}
			count++
			last = n
			if count <= maxControlReports {
				var fix *lint.Fix
				if !deletionJoins(d.Src, n.Offset, n.Offset+n.Size) {
					fix = lint.UnsafeFix("delete it", n.Offset, n.Offset+n.Size, "")
				}
				p.Reportf(n.Span(), fix, "control character %s", runeLabel(n.Rune))
			}
		})
		if count > maxControlReports {
			p.Reportf(last.Span(), nil, "%d more control characters after the first %d (the last at byte offset %d)",
				count-maxControlReports, maxControlReports, last.Offset)
		}
	},
})
