package rules

import (
	"bytes"

	"github.com/corpuslint/corpuslint/internal/lint"
)

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// EncodingBOM: the file does not start with a byte-order mark.
var EncodingBOM = register(&lint.Rule{
	ID:       "encoding/bom",
	Severity: lint.Warning,
	Summary:  "File starts with a byte-order mark",
	Doc: `Checks that the file does not start with the UTF-8 byte-order mark (the
bytes EF BB BF, U+FEFF). UTF-8 has no byte order to mark; editors on
Windows add it, and it then sits invisibly at the start of the header line,
which no longer matches its template.

Bad:  "<U+FEFF> date 2024-08-07 0"
Good: " date 2024-08-07 0"

Fix: deletes the mark (safe: an encoding repair that removes no letter or
digit).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		if bytes.HasPrefix(p.Doc.Src, utf8BOM) {
			p.Reportf(lintSpan(0, 3), lint.SafeFix("delete the byte-order mark", 0, 3, ""), "byte-order mark U+FEFF at the start of the file")
		}
	},
})
