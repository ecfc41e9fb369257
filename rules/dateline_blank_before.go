package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// DatelineBlankBefore: the layout's blank lines (none by default) between
// the header and the dateline.
var DatelineBlankBefore = register(&lint.Rule{
	ID:       "dateline/blank-before",
	Severity: lint.Warning,
	Summary:  "Wrong number of blank lines before the dateline",
	Doc: `Checks that the dateline follows the element before it in the layout with
the layout's number of blank lines between them: by default it comes
right under the header, with no blank line. The two lines are read as a
pair; a blank line between them splits the head. Nothing is said when
either line is missing.

Bad:  " date 2024-08-07 0", "", "Wednesday 7 August 2024 - 21:29"
Good: " date 2024-08-07 0", "Wednesday 7 August 2024 - 21:29"

Fix: removes the extra blank lines or inserts the missing ones (safe:
whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) { checkBlankBefore(p, article.ElemDateline) },
})
