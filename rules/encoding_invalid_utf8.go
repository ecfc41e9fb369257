package rules

import (
	"fmt"
	"strings"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// maxInvalidReports bounds the diagnostics for one file: a file in another
// encoding has an invalid byte in every accented word, and the first few
// say all there is to say.
const maxInvalidReports = 20

// EncodingInvalidUTF8: the file is valid UTF-8.
var EncodingInvalidUTF8 = register(&lint.Rule{
	ID:       "encoding/invalid-utf8",
	Severity: lint.Error,
	Summary:  "Bytes that are not valid UTF-8",
	Doc: `Checks that the file is valid UTF-8. Invalid bytes usually mean the file, or
a part pasted into it, was saved in a single-byte code page such as
Windows-1252 ("caf\xe9"), or was cut in the middle of a character. Tools
that read the corpus as UTF-8 replace such bytes with U+FFFD or stop. Each
run of invalid bytes is reported with its byte offset, up to 20 per file.

Bad:  "Caf\xe9 owners said" (0xE9 is "é" in Windows-1252)
Good: "Café owners said"

There is no fix: which code page the bytes came from cannot be known for
sure; re-decode the file from its source encoding.`,
	Fix: lint.FixNever,
	Run: func(p *lint.Pass) {
		d := p.Doc
		count := 0
		var last article.Notable
		eachNotable(d, article.KindInvalid, func(n article.Notable) {
			count++
			if count <= maxInvalidReports {
				p.Reportf(n.Span(), nil, "invalid UTF-8: %s at byte offset %d", hexBytes(d.Src[n.Offset:n.Offset+n.Size]), n.Offset)
			}
			last = n
		})
		if count > maxInvalidReports {
			p.Reportf(last.Span(), nil, "invalid UTF-8: %d more runs of invalid bytes after the first %d (the last at byte offset %d)",
				count-maxInvalidReports, maxInvalidReports, last.Offset)
		}
	},
})

// hexBytes writes "byte 0xE9" or "bytes 0xE9 0x80" (at most 8 shown).
func hexBytes(b []byte) string {
	var s strings.Builder
	if len(b) == 1 {
		s.WriteString("byte")
	} else {
		s.WriteString("bytes")
	}
	for k, c := range b {
		if k == 8 {
			fmt.Fprintf(&s, " ... (%d in all)", len(b))
			break
		}
		fmt.Fprintf(&s, " 0x%02X", c)
	}
	return s.String()
}
