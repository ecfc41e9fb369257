package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// SpaceMultiple: words are separated by one space.
var SpaceMultiple = register(&lint.Rule{
	ID:       "space/multiple",
	Severity: lint.Warning,
	Summary:  "Two or more spaces between words",
	Doc: `Checks that words in the title and body are separated by a single space.
Doubled spaces come from typewriter habits and from scrapers that join
inline markup; they make identical sentences compare unequal. Spaces
before punctuation are space/punctuation's business, tabs space/tab's,
spaces at the end of a line space/trailing's.

Bad:  "resulting in over 39,700  martyrs"
Good: "resulting in over 39,700 martyrs"

Fix: replaces the run with one space (safe: whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		eachProseLine(d, func(line int, text []byte, base int) {
			i := 0
			for i < len(text) && isSpaceByte(text[i]) {
				i++ // indentation is not between words
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
				if i-start < 2 || i == len(text) || text[i] == '\t' || text[start-1] == '\t' ||
					spaceBeforeMark(text, start, i, !isTitleLine(d, line)) || text[start-1] == '(' && text[i] != ')' {
					continue
				}
				p.Reportf(lintSpan(base+start, base+i), lint.SafeFix("replace with one space", base+start, base+i, " "),
					"%d spaces between words", i-start)
			}
		})
	},
})
