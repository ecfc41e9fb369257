package rules

import (
	"bytes"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// EncodingMojibake: no UTF-8 text decoded as Windows-1252 or Latin-1.
var EncodingMojibake = register(&lint.Rule{
	ID:       "encoding/mojibake",
	Severity: lint.Error,
	Summary:  "UTF-8 text decoded as Windows-1252 or Latin-1 (mojibake)",
	Doc: `Checks the file for mojibake: UTF-8 text that was decoded as Windows-1252
or Latin-1 and saved again as UTF-8, so that each accented letter or curly
quote became two to four characters: "â€™" for "’", "â€œ" for "“",
"Ã©" for "é". A sequence counts only when re-encoding the repaired
character gives back exactly the characters in the file under one code
page; a two-byte sequence led by a letter other than "Â" or "Ã" (such as
"É" before "”", which is ordinary text) counts only next to another one.

Bad:  "the â€œIsraeliâ€ entity" / "Gazaâ€™s"
Good: "the “Israeli” entity" / "Gaza’s"

Fix: restores the intended characters. Safe when the repair round-trips
exactly (it restores the letters that were meant); a sequence whose last
byte was lost ("â€" followed by U+FFFD, most often a closing "”") gets an
unsafe fix.`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		for _, m := range findMojibake(d) {
			p.Reportf(m.span, lint.SafeFix("restore "+m.repair, m.span.Start, m.span.End, m.repair),
				"mojibake %q should read %q", d.String(m.span), m.repair)
		}
		// "â€" + U+FFFD: the third byte of a "”" (0x9D, undefined in
		// Windows-1252) was replaced on decoding. The lead was recorded by the
		// scan because "€" is the image of a continuation byte.
		eachNotable(d, article.KindMojibakeLead, func(n article.Notable) {
			if bytes.HasPrefix(d.Src[n.Offset:], lostQuote) {
				end := n.Offset + len(lostQuote)
				p.Reportf(lintSpan(n.Offset, end), lint.UnsafeFix("replace with ”", n.Offset, end, "\u201d"),
					"mojibake %q with a lost byte, probably \"”\"", lostQuote)
			}
		})
	},
})

// lostQuote is "â€" followed by U+FFFD.
var lostQuote = []byte("\u00e2\u20ac\ufffd")
