package rules

import (
	"fmt"

	"github.com/corpuslint/corpuslint/internal/lint"
)

// SpacePunctuation: no space before , . ; : ! ? ) or after (.
var SpacePunctuation = register(&lint.Rule{
	ID:       "space/punctuation",
	Severity: lint.Warning,
	Summary:  "Space before , . ; : ! ? ) or after (",
	Doc: `Checks the title and body for a space before a comma, period, semicolon,
colon, exclamation mark, question mark or closing parenthesis, and for a
space after an opening parenthesis. English puts these marks against the
word; a space before them is a scraping or typing slip, and a line break
may then separate the mark from its word.

It stays silent on an ellipsis ("and so on ..."), on a period or comma that
opens a token (".NET", ".5"), on a colon after a short label at the start of
a line ("Story Code : 1152650", "News Link : ..."), and on a mark that does
not follow a word or a closing quote or bracket.

Bad:  "with US support , resulting in over 39,700 martyrs ."
Bad:  "the Islamic Resistance ( Nujuba )"
Good: "with US support, resulting in over 39,700 martyrs."

Fix: deletes the spaces (safe: whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		eachProseLine(d, func(line int, text []byte, base int) {
			i := 0
			for i < len(text) && isSpaceByte(text[i]) {
				i++
			}
			for i < len(text) {
				if text[i] != ' ' {
					i++
					continue
				}
				start := i
				for i < len(text) && text[i] == ' ' {
					i++
				}
				if i == len(text) || text[i] == '\t' {
					continue
				}
				var msg string
				switch {
				case spaceBeforeMark(text, start, i, !isTitleLine(d, line)):
					msg = fmt.Sprintf("space before '%c'", text[i])
				case text[start-1] == '(' && text[i] != ')':
					msg = "space after '('"
				default:
					continue
				}
				p.Reportf(lintSpan(base+start, base+i), lint.SafeFix("delete the space", base+start, base+i, ""), "%s", msg)
			}
		})
	},
})
