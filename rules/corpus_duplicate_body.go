package rules

import (
	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// CorpusDuplicateBody: no two files have the same body.
var CorpusDuplicateBody = register(&lint.Rule{
	ID:       "corpus/duplicate-body",
	Severity: lint.Error,
	Summary:  "Several files have the same body",
	Doc: `Checks that no two files have the same body: the same paragraphs in the
same order, each compared byte for byte after trimming the spaces at its
ends. The head (title, dates, story code) may differ: a republished
article under a new title or code is still a duplicate. Each file that
shares the body is reported at its body, naming the others.

Bad:  a.txt and b.txt, with different titles, have the same paragraphs
Good: every body differs (bodies that differ by a sentence or two are
      corpus/near-duplicate's business)`,
	Corpus: func(p *lint.CorpusPass) {
		groups := groupBy(p.Files,
			func(f *facts.File) (uint64, bool) { return f.BodyHash, f.BodyHash != 0 })
		for _, g := range groups {
			for _, f := range g {
				p.Reportf(f, f.BodySpan(), "body is the same as in %s", otherFiles(g, f))
			}
		}
	},
})
