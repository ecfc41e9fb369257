package rules

import (
	"golang.org/x/text/unicode/norm"

	"github.com/corpuslint/corpuslint/internal/lint"
)

// EncodingNFC: the text is in Unicode Normalization Form C.
var EncodingNFC = register(&lint.Rule{
	ID:       "encoding/nfc",
	Severity: lint.Warning,
	Summary:  "Text not in Unicode NFC",
	Doc: `Checks that the text is in Unicode Normalization Form C, the composed form
that the web and most tools use. Text copied from some systems spells "é"
as "e" followed by a combining acute accent (U+0301): it looks the same but
does not match "é" in a search and counts as two characters.

Bad:  "Cafe\u0301 owners" (e + U+0301)
Good: "Café owners" (U+00E9)

Fix: rewrites the changed part in NFC. By the invariant that safe fixes
never change the case-folded sequence of letters and digits, the fix is
safe only when that sequence stays the same (combining marks reordered);
composing "e" and an accent into "é" changes a letter, so that fix is
unsafe, though the two spellings are canonically equivalent.`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		for _, line := range d.Scan.NotNFC {
			// Walk the line's normalization segments (boundaries where NFC of
			// the parts equals NFC of the whole) and report each run of
			// segments that NFC changes.
			text := d.Src[line.Start:line.End]
			runStart := -1
			i := 0
			for i < len(text) {
				n := norm.NFC.NextBoundary(text[i:], true)
				if n <= 0 {
					n = len(text) - i
				}
				normal := norm.NFC.IsNormal(text[i : i+n])
				if !normal && runStart < 0 {
					runStart = i
				}
				if normal && runStart >= 0 {
					reportNFC(p, line.Start+runStart, line.Start+i)
					runStart = -1
				}
				i += n
			}
			if runStart >= 0 {
				reportNFC(p, line.Start+runStart, line.End)
			}
		}
	},
})

func reportNFC(p *lint.Pass, start, end int) {
	old := p.Doc.Src[start:end]
	nfc := norm.NFC.Bytes(old)
	fix := lint.UnsafeFix("rewrite in NFC", start, end, string(nfc))
	if foldedLettersEqual(old, nfc) {
		fix.Safety = lint.Safe
	}
	p.Reportf(lintSpan(start, end), fix, "text not in Unicode NFC: %+q should be %+q", old, nfc)
}
