package rules

import (
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/lint"
)

type titleAllCapsOptions struct {
	MinLetters int `yaml:"min_letters" doc:"fewest cased letters a title needs before it is judged"`
}

// TitleAllCaps: the title is not written in capitals only.
var TitleAllCaps = register(&lint.Rule{
	ID:       "title/all-caps",
	Severity: lint.Warning,
	Summary:  "Title is in all capitals",
	Doc: `Checks that the title is not written entirely in capital letters. The
corpus writes titles in title case; an all-capitals title comes from a
scraped banner or teaser and reads as shouting. Titles with few letters
(an acronym alone) are left alone.

Bad:  "IRAQI RESISTANCE: AIN AL ASSAD OPERATION MARKS NEW PHASE"
Good: "Iraqi Resistance: Ain Al Assad Operation Marks New Phase"

There is no fix: which words are acronyms cannot be known.`,
	Options: &titleAllCapsOptions{MinLetters: 6},
	Run: func(p *lint.Pass) {
		o := p.Options.(*titleAllCapsOptions)
		d := p.Doc
		if d.Title == nil {
			return
		}
		upper := 0
		text := d.Text(d.Title.Span)
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRune(text[i:])
			if unicode.IsLower(r) {
				return
			}
			if unicode.IsUpper(r) {
				upper++
			}
			i += size
		}
		if upper >= o.MinLetters {
			p.Reportf(trimSpaces(d, d.Title.Span), nil, "title is in all capitals")
		}
	},
})
