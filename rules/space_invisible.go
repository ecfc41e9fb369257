package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// SpaceInvisible: no invisible characters in the text.
var SpaceInvisible = register(&lint.Rule{
	ID:       "space/invisible",
	Severity: lint.Warning,
	Summary:  "Invisible character in the text",
	Doc: `Checks the file for characters that have no visible form: zero width space
(U+200B), word joiner (U+2060), left-to-right and right-to-left marks
(U+200E, U+200F), soft hyphen (U+00AD), and U+FEFF anywhere but at the
start of the file (there it is a byte-order mark: encoding/bom). Web pages
carry them for line breaking and bidirectional layout; in plain text they
split words invisibly, so that "Gaza" no longer matches "Ga<U+200B>za". Each
is named in the message by code point.

Bad:  "Lebanon's al-Akhbar<U+200B> newspaper"
Good: "Lebanon's al-Akhbar newspaper"

Fix: deletes the character. Safe for U+200B, U+2060, U+FEFF and U+00AD,
which change nothing visible; unsafe for the direction marks U+200E and
U+200F, whose removal can reorder the display of right-to-left text. No
fix when the character sits between invalid bytes that its removal would
join into a character.`,
	Fix: lint.FixSometimes,
	Run: func(p *lint.Pass) {
		eachNotable(p.Doc, article.KindInvisible, func(n article.Notable) {
			if n.Offset == 0 && n.Rune == 0xfeff {
				return // the byte-order mark
			}
			start, end := n.Offset, n.Offset+n.Size
			fix := lint.SafeFix("delete it", start, end, "")
			switch {
			case deletionJoins(p.Doc.Src, start, end):
				fix = nil // it separates invalid bytes: encoding/invalid-utf8 first
			case n.Rune == 0x200e || n.Rune == 0x200f:
				fix.Safety = lint.Unsafe
			}
			p.Reportf(lintSpan(start, end), fix, "invisible character %s", runeLabel(n.Rune))
		})
	},
})
