package rules

import "github.com/corpuslint/corpuslint/internal/lint"

type storyCodeDigitsOptions struct {
	Min int `yaml:"min" doc:"fewest digits a story code may have"`
	Max int `yaml:"max" doc:"most digits a story code may have"`
}

// StoryCodeDigits: the story code is digits only, of a plausible length.
var StoryCodeDigits = register(&lint.Rule{
	ID:       "storycode/digits",
	Severity: lint.Error,
	Summary:  "Story code is not a number of the expected length",
	Doc: `Checks that the story code is made of ASCII digits only and that their
number is within bounds. The site's older codes have 6 digits, newer ones
7; a code far off that was truncated or glued to other text.

Bad:  "Story Code : 1152", "Story Code : 11526S0"
Good: "Story Code : 1152650"

There is no fix: the right code cannot be known.`,
	Options: &storyCodeDigitsOptions{Min: 5, Max: 9},
	Run: func(p *lint.Pass) {
		o := p.Options.(*storyCodeDigitsOptions)
		d := p.Doc
		if d.StoryCode == nil || d.StoryCode.Code.Len() == 0 {
			return
		}
		code := d.StoryCode.Code
		for _, c := range d.Text(code) {
			if c < '0' || c > '9' {
				p.Reportf(code, nil, "story code %s is not made of digits only", quote(d.String(code)))
				return
			}
		}
		switch n := code.Len(); {
		case n < o.Min:
			p.Reportf(code, nil, "story code %s has %s; want at least %d", quote(d.String(code)), plural(n, "digit"), o.Min)
		case n > o.Max:
			p.Reportf(code, nil, "story code %s has %s; want at most %d", quote(d.String(code)), plural(n, "digit"), o.Max)
		}
	},
})
