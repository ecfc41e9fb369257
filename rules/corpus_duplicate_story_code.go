package rules

import (
	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// CorpusDuplicateStoryCode: no two files share a story code.
var CorpusDuplicateStoryCode = register(&lint.Rule{
	ID:       "corpus/duplicate-story-code",
	Severity: lint.Error,
	Summary:  "Several files have the same story code",
	Doc: `Checks that every story code appears in one file only. The story code is
the site's identifier of an article: two files with one code are the same
article scraped twice, or a scraper that wrote the wrong code. Each file
that shares the code is reported, naming the others.

Bad:  a.txt and b.txt both have "Story Code : 1152650"
Good: a.txt has "Story Code : 1152650", b.txt "Story Code : 1152651"`,
	Corpus: func(p *lint.CorpusPass) {
		groups := groupBy(p.Files,
			func(f *facts.File) (string, bool) { return f.Code, f.Code != "" })
		for _, g := range groups {
			for _, f := range g {
				p.Reportf(f, f.CodeSpan(), "story code %s is also used by %s", f.Code, otherFiles(g, f))
			}
		}
	},
})
