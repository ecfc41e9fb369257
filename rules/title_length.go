package rules

import "github.com/corpuslint/corpuslint/internal/lint"

type titleLengthOptions struct {
	Min int `yaml:"min" doc:"fewest characters a title may have"`
	Max int `yaml:"max" doc:"most characters a title may have"`
}

// TitleLength: the title's length is within bounds.
var TitleLength = register(&lint.Rule{
	ID:       "title/length",
	Severity: lint.Warning,
	Summary:  "Title is too short or too long",
	Doc: `Checks that the title's length, in characters (Unicode code points,
leading and trailing spaces left out), is within bounds. A very short
title is usually a section label taken for the headline; a very long one,
a paragraph.

Bad:  "Iraq" (4 characters)
Good: "Iraqi Resistance: Ain Al Assad Operation Marks New Phase" (56)

There is no fix: shortening or lengthening a title is an editor's job.`,
	Options: &titleLengthOptions{Min: 10, Max: 200},
	Run: func(p *lint.Pass) {
		o := p.Options.(*titleLengthOptions)
		d := p.Doc
		if d.Title == nil || !hasAlnum(d.Text(d.Title.Span)) {
			return // title/empty speaks for a title without words
		}
		s := trimSpaces(d, d.Title.Span)
		n := d.RuneCount(s)
		switch {
		case n < o.Min:
			p.Reportf(s, nil, "title is %s long; want at least %d", plural(n, "character"), o.Min)
		case n > o.Max:
			p.Reportf(s, nil, "title is %s long; want at most %d", plural(n, "character"), o.Max)
		}
	},
})
