package rules

import (
	"encoding/binary"

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
		eachProseLine(d, func(line int, text []byte, base int) {
			if isTitleLine(d, line) {
				return // title/whitespace owns the title's spacing
			}
			const labels = true
			k := indentEnd(text) // indentation is not between words
			for {
				start := indexTwoSpaces(text, k)
				if start < 0 {
					return
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

// indexTwoSpaces returns the index of the first "  " in text at or after
// from, or -1. Spaces come every few bytes in prose, which makes
// bytes.Index stop at each one; this tests eight bytes at a time instead.
func indexTwoSpaces(text []byte, from int) int {
	const lows, highs = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	i := from
	for ; i+8 <= len(text); i += 7 { // overlap one byte so no pair straddles
		v := binary.LittleEndian.Uint64(text[i:]) ^ 0x2020202020202020
		// High bit set exactly in the bytes that were spaces.
		m := ^((v&lows + lows) | v | lows)
		if m&(m>>8) != 0 {
			break
		}
	}
	for ; i+1 < len(text); i++ {
		if text[i] == ' ' && text[i+1] == ' ' {
			return i
		}
	}
	return -1
}
