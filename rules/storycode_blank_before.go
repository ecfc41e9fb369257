package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// StoryCodeBlankBefore: one blank line between the title and the story code.
var StoryCodeBlankBefore = register(&lint.Rule{
	ID:       "storycode/blank-before",
	Severity: lint.Warning,
	Summary:  "Wrong number of blank lines before the story code",
	Doc: `Checks that the story code line follows the element before it in the
layout with the layout's number of blank lines between them: by default
exactly one blank line after the title. Nothing is said when either line
is missing.

Bad:  "Iraqi Resistance: ...", "Story Code : 1152650"
Good: "Iraqi Resistance: ...", "", "Story Code : 1152650"

Fix: removes the extra blank lines or inserts the missing one (safe:
whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) { checkBlankBefore(p, article.ElemStoryCode) },
})
