package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// TitleBlankBefore: one blank line between the dateline and the title.
var TitleBlankBefore = register(&lint.Rule{
	ID:       "title/blank-before",
	Severity: lint.Warning,
	Summary:  "Wrong number of blank lines before the title",
	Doc: `Checks that the title follows the element before it in the layout with
the layout's number of blank lines between them: by default exactly one
blank line after the dateline. Readers find the title by that blank line.
Nothing is said when either line is missing.

Bad:  "Wednesday 7 August 2024 - 21:29", "Iraqi Resistance: ..."
Good: "Wednesday 7 August 2024 - 21:29", "", "Iraqi Resistance: ..."

Fix: removes the extra blank lines or inserts the missing one (safe:
whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) { checkBlankBefore(p, article.ElemTitle) },
})
