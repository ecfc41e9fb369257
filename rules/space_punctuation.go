package rules

import (
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
		// A space before a mark and a space after '(' are spacing pairs
		// (see article.SpacingPair): only those are looked at.
		eachSpacingLine(d, func(line int, text []byte, base int, pairs []int) {
			labels := !isTitleLine(d, line)
			indent := indentEnd(text)
			for _, at := range pairs {
				i := at - base // the mark: '(' first in its pair, the others second
				if text[i] != '(' {
					i++
				}
				c := text[i]
				if i < indent || !spacedMark[c] {
					continue
				}
				if c == '(' {
					j := i + 1
					for j < len(text) && text[j] == ' ' {
						j++
					}
					if j > i+1 && j < len(text) && text[j] != '\t' && text[j] != ')' {
						p.Reportf(lintSpan(base+i+1, base+j), lint.SafeFix("delete the space", base+i+1, base+j, ""), "space after '('")
					}
					continue
				}
				if i == 0 || text[i-1] != ' ' {
					continue
				}
				start := i - 1
				for start > 0 && text[start-1] == ' ' {
					start--
				}
				if start == 0 || text[start-1] == '\t' || !spaceBeforeMark(text, start, i, labels) {
					continue
				}
				p.Reportf(lintSpan(base+start, base+i), lint.SafeFix("delete the space", base+start, base+i, ""), "space before '%c'", c)
			}
		})
	},
})

// spacedMark marks the bytes this rule looks at: the marks that take no
// space before them, and the opening parenthesis.
var spacedMark = [256]bool{',': true, '.': true, ';': true, ':': true, '!': true, '?': true, ')': true, '(': true}
