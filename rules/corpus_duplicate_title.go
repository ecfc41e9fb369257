package rules

import (
	"sort"

	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// DuplicateTitleOptions are corpus/duplicate-title's options.
type DuplicateTitleOptions struct {
	WithinDays int `yaml:"within_days" doc:"report only titles repeated within this many days of each other (0: at any distance)"`
}

// CorpusDuplicateTitle: no two articles have the same title.
var CorpusDuplicateTitle = register(&lint.Rule{
	ID:       "corpus/duplicate-title",
	Severity: lint.Warning,
	Summary:  "Several articles have the same title",
	Doc: `Checks that no two articles have the same title, after folding case,
runs of spaces and the style of quotation marks ("Iran's" and "IRAN’S"
are the same). A repeated title is usually the same story scraped twice
under two story codes, or a placeholder title the scraper filled in.
Recurring titles such as a daily column's can be limited with the
within_days option: only titles repeated within that many days of each
other are then reported (files without a date are then left out).

Bad:  a.txt and b.txt are both titled "Iraqi Resistance: Ain Al Assad Operation"
Good: the titles differ, or (with within_days: 7) the two are a year apart`,
	Options: &DuplicateTitleOptions{},
	Corpus: func(p *lint.CorpusPass) {
		within := p.Options.(*DuplicateTitleOptions).WithinDays
		groups := groupBy(p.Files,
			func(f *facts.File) (string, bool) { return f.Title, f.Title != "" })
		for _, g := range groups {
			if within <= 0 {
				for _, f := range g {
					p.Reportf(f, f.TitleSpan(), "title is also used by %s", otherFiles(g, f))
				}
				continue
			}
			reportTitlesWithin(p, g, int32(within))
		}
	},
})

// reportTitlesWithin reports each dated file of g that has another within
// days of it, naming those others.
func reportTitlesWithin(p *lint.CorpusPass, g []*facts.File, days int32) {
	dated := make([]*facts.File, 0, len(g))
	for _, f := range g {
		if f.Date != facts.NoDate {
			dated = append(dated, f)
		}
	}
	sort.SliceStable(dated, func(i, j int) bool { return dated[i].Date < dated[j].Date })
	for _, f := range dated {
		lo := sort.Search(len(dated), func(k int) bool { return dated[k].Date >= f.Date-days })
		hi := sort.Search(len(dated), func(k int) bool { return dated[k].Date > f.Date+days })
		if hi-lo < 2 {
			continue
		}
		near := append([]*facts.File(nil), dated[lo:hi]...)
		sort.Slice(near, func(a, b int) bool { return near[a].Path < near[b].Path })
		p.Reportf(f, f.TitleSpan(), "title is also used within %s by %s", plural(int(days), "day"), otherFiles(near, f))
	}
}
