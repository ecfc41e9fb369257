package rules

import (
	"github.com/corpuslint/corpuslint/internal/lint"
)

// SpaceMultiple: words are separated by one space.
var SpaceMultiple = register(&lint.Rule{
	ID:       "space/multiple",
	Severity: lint.Warning,
	Summary:  "Two or more spaces between words",
	Doc: `Checks that words in the body are separated by a single space (the
title's spacing is title/whitespace's).
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
		// Two spaces are a spacing pair (see article.SpacingPair): only the
		// lines holding pairs are looked at.
		eachSpacingLine(d, func(line int, text []byte, base int, pairs []int) {
			if isTitleLine(d, line) {
				return // title/whitespace owns the title's spacing
			}
			const labels = true
			k := indentEnd(text) // indentation is not between words
			for _, at := range pairs {
				start := at - base
				if start < k || text[start] != ' ' || text[start+1] != ' ' {
					continue // inside the previous run, or another kind of pair
				}
				i := start + 2
				for i < len(text) && text[i] == ' ' {
					i++
				}
				k = i
				if i == len(text) || text[i] == '\t' || text[start-1] == '\t' ||
					spaceBeforeMark(text, start, i, labels) || text[start-1] == '(' && text[i] != ')' {
					continue
				}
				p.Reportf(lintSpan(base+start, base+i), lint.SafeFix("replace with one space", base+start, base+i, " "),
					"%d spaces between words", i-start)
			}
		})
	},
})
