package rules

import (
	"sort"

	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// CorpusIndexSequence: the header indexes of one date run 0, 1, 2, ...
var CorpusIndexSequence = register(&lint.Rule{
	ID:       "corpus/index-sequence",
	Severity: lint.Warning,
	Summary:  "Header indexes of one date are not unique or have gaps",
	Doc: `Checks the number after the header date (" date 2024-08-07 3"), taken
as the article's number within its date: the numbers of one date are
unique and run from 0 without gaps. Off by default: in every file seen so
far the number is 0, so what it means is the archive's to say; turn it on
when it numbers the articles of a day. A repeated number is reported on
each file after the first that has it, a gap on the file after it.

Bad:  three files dated 2024-08-07 numbered 0, 1, 3
Good: three files dated 2024-08-07 numbered 0, 1, 2`,
	Disabled: true,
	Corpus: func(p *lint.CorpusPass) {
		var idx []int
		for i, f := range p.Files {
			if f.Index >= 0 && f.Date != facts.NoDate {
				idx = append(idx, i)
			}
		}
		sort.SliceStable(idx, func(a, b int) bool {
			fa, fb := p.Files[idx[a]], p.Files[idx[b]]
			if fa.Date != fb.Date {
				return fa.Date < fb.Date
			}
			return fa.Index < fb.Index
		})
		for i := 0; i < len(idx); {
			day := p.Files[idx[i]].Date
			j := i
			for j < len(idx) && p.Files[idx[j]].Date == day {
				j++
			}
			checkIndexes(p, idx[i:j])
			i = j
		}
	},
})

// checkIndexes checks the files of one date, sorted by index.
func checkIndexes(p *lint.CorpusPass, idx []int) {
	want := int32(0)     // the next index expected
	var prev *facts.File // the first file with the previous index
	for _, i := range idx {
		f := p.Files[i]
		day := formatDay(f.Date)
		switch {
		case prev != nil && f.Index == prev.Index:
			p.Reportf(f, f.IndexSpan(), "index %d of %s is also used by %s", f.Index, day, prev.Path)
			continue
		case f.Index > want && prev == nil:
			p.Reportf(f, f.IndexSpan(), "index %d is the lowest of %s; numbering starts at 0 (%d missing)", f.Index, day, f.Index)
		case f.Index > want:
			p.Reportf(f, f.IndexSpan(), "index %d of %s follows %d (%d missing)", f.Index, day, prev.Index, f.Index-want)
		}
		want = f.Index + 1
		prev = f
	}
}
