package rules

import "github.com/corpuslint/corpuslint/internal/lint"

// TitleTrailingPeriod: the title does not end with a full stop.
var TitleTrailingPeriod = register(&lint.Rule{
	ID:       "title/trailing-period",
	Severity: lint.Warning,
	Summary:  "Title ends with a period",
	Doc: `Checks that the title does not end with a full stop: headlines carry
none, and a final period usually means the first sentence of the body was
taken for the title. An ellipsis ("...") and a period that ends an
abbreviation or an initial ("U.S.", "Inc.") are fine; question and
exclamation marks are not this rule's business.

Bad:  "Iraqi Resistance Marks New Phase of Escalation."
Good: "Iraqi Resistance Marks New Phase of Escalation"

Fix: removes the period (unsafe: it changes punctuation).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		if d.Title == nil {
			return
		}
		s := trimSpaces(d, d.Title.Span)
		if s.Len() == 0 || d.Src[s.End-1] != '.' {
			return
		}
		if s.Len() >= 2 && d.Src[s.End-2] == '.' {
			return // an ellipsis
		}
		if d.EndsWithAbbreviation(s) {
			return
		}
		p.Reportf(lintSpan(s.End-1, s.End), lint.UnsafeFix("remove the period", s.End-1, s.End, ""), "title ends with a period")
	},
})
