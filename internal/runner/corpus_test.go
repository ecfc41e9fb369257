package runner

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/cache"
	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// corpusRules adds test/same-code, a corpus rule reporting files that
// share a story code, to the test rules.
func corpusRules() *lint.Registry {
	reg := testRules()
	reg.Add(&lint.Rule{ID: "test/same-code", Severity: lint.Error, Summary: "s",
		Corpus: func(p *lint.CorpusPass) {
			byCode := map[string][]*facts.File{}
			for _, f := range p.Files {
				byCode[f.Code] = append(byCode[f.Code], f)
			}
			for _, f := range p.Files {
				if len(byCode[f.Code]) > 1 {
					p.Reportf(f, f.CodeSpan(), "code %s shared", f.Code)
				}
			}
		}})
	return reg
}

func corpusSettings(t *testing.T) *config.Settings {
	s, err := config.Defaults(corpusRules(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func diagLines(res *Result) []string {
	var out []string
	for _, d := range res.Report.Diagnostics() {
		out = append(out, fmt.Sprintf("%s:%d:%d %s %s", d.Path, d.Start.Line, d.Start.Column, d.Rule, d.Severity))
	}
	return out
}

func TestRunCorpusRules(t *testing.T) {
	t.Chdir(t.TempDir())
	write(t, "c/a.txt", goodArticle)
	write(t, "c/b.txt", goodArticle)
	write(t, "c/x.txt", strings.Replace(goodArticle, "1152650", "1152651", 1))
	res, err := Run(context.Background(), Options{Paths: []string{"c"}, Settings: Fixed(corpusSettings(t))})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"c/a.txt:6:14 test/same-code error", "c/b.txt:6:14 test/same-code error"}
	if got := diagLines(res); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(res.Facts) != 3 || res.Facts[0].Path != "c/a.txt" {
		t.Errorf("facts %d", len(res.Facts))
	}
	if !res.Report.Files[0].Diagnostics[0].Corpus {
		t.Error("corpus diagnostic not marked")
	}
}

// TestRunCorpusPerFileSettings: a file whose settings do not select the
// rule gets no diagnostic from it; severities are the file's own.
func TestRunCorpusPerFileSettings(t *testing.T) {
	t.Chdir(t.TempDir())
	write(t, "a.txt", goodArticle)
	write(t, "b.txt", goodArticle)
	write(t, "c.txt", goodArticle)
	on := corpusSettings(t)
	warn := *on
	warn.Rules = slices.Clone(on.Rules)
	for i := range warn.Rules {
		warn.Rules[i].Severity = lint.Warning
	}
	off := *on
	off.Rules = nil
	for _, c := range on.Rules {
		if !c.Rule.IsCorpus() {
			off.Rules = append(off.Rules, c)
		}
	}
	settings := func(path string) (*config.Settings, error) {
		switch filepath.Base(path) {
		case "b.txt":
			return &warn, nil
		case "c.txt":
			return &off, nil
		}
		return on, nil
	}
	res, _ := Run(context.Background(), Options{Paths: []string{"."}, Settings: settings})
	want := []string{"a.txt:6:14 test/same-code error", "b.txt:6:14 test/same-code warning"}
	if got := diagLines(res); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestShardsPartition: the shards of a corpus hold every file once, and
// their facts checked by CheckCorpus give one run's corpus diagnostics.
func TestShardsPartition(t *testing.T) {
	t.Chdir(t.TempDir())
	for i := range 12 {
		write(t, fmt.Sprintf("c/%02d.txt", i), strings.Replace(goodArticle, "1152650", fmt.Sprint(1152650+i%5), 1))
	}
	s := Fixed(corpusSettings(t))
	one, _ := Run(context.Background(), Options{Paths: []string{"c"}, Settings: s})
	var all []*facts.File
	seen := map[string]int{}
	for k := 1; k <= 3; k++ {
		res, err := Run(context.Background(), Options{Paths: []string{"c"}, Settings: s, Shard: k, Shards: 3})
		if err != nil {
			t.Fatal(err)
		}
		if !res.CorpusSkipped || len(res.Report.Diagnostics()) != 0 {
			t.Errorf("shard %d ran the corpus rules", k)
		}
		for _, f := range res.Report.Files {
			seen[f.Path]++
		}
		all = append(all, res.Facts...)
	}
	if len(seen) != 12 {
		t.Errorf("shards hold %d files", len(seen))
	}
	for p, n := range seen {
		if n != 1 {
			t.Errorf("%s in %d shards", p, n)
		}
	}
	merged, err := CheckCorpus(all, s)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := diagLines(merged), diagLines(one); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("merged shards %q, one run %q", got, want)
	}
	if _, err := Run(context.Background(), Options{Paths: []string{"c"}, Settings: s, Shard: 4, Shards: 3}); err == nil {
		t.Error("shard 4/3 accepted")
	}
}

func TestRunCache(t *testing.T) {
	t.Chdir(t.TempDir())
	write(t, "c/a.txt", goodArticle)
	write(t, "c/b.txt", goodArticle+"\tTab")
	s := corpusSettings(t)
	run := func(s *config.Settings, fix bool) *Result {
		t.Helper()
		ch, err := cache.Open(".cache")
		if err != nil || ch.Warning != "" {
			t.Fatal(err, ch.Warning)
		}
		res, err := Run(context.Background(), Options{Paths: []string{"c"}, Settings: Fixed(s), Cache: ch, Version: "v1", Fix: fix})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := run(s, false)
	second := run(s, false)
	if first.CacheHits != 0 || second.CacheHits != 2 {
		t.Errorf("hits %d then %d, want 0 then 2", first.CacheHits, second.CacheHits)
	}
	if got, want := diagLines(second), diagLines(first); !slices.Equal(got, want) {
		t.Errorf("cached %q, fresh %q", got, want)
	}
	if !reflect.DeepEqual(second.Report.Files, first.Report.Files) {
		t.Errorf("cached report differs:\n%+v\n%+v", second.Report.Files, first.Report.Files)
	}

	// Other settings: other entries.
	other := *s
	other.Rules = slices.Clone(s.Rules)
	other.Rules[0].Severity = lint.Info
	if res := run(&other, false); res.CacheHits != 0 {
		t.Errorf("changed settings: %d hits", res.CacheHits)
	}
	// One entry per file: the first settings' entries were replaced.
	if res := run(s, false); res.CacheHits != 0 {
		t.Errorf("settings back: %d hits", res.CacheHits)
	}
	// A changed file is checked again.
	write(t, "c/a.txt", goodArticle+"\n")
	if res := run(s, false); res.CacheHits != 1 {
		t.Errorf("one file changed: %d hits, want 1", res.CacheHits)
	}
	// --fix checks a file whose cached report has fixes, then refreshes
	// its entry: the next run is all hits.
	if res := run(s, true); res.FilesChanged != 1 {
		t.Errorf("fix changed %d files", res.FilesChanged)
	}
	if res := run(s, false); res.CacheHits != 2 {
		t.Errorf("after fix: %d hits, want 2", res.CacheHits)
	}
}

func TestSettingsHash(t *testing.T) {
	s := corpusSettings(t)
	if SettingsHash(s, "v1") != SettingsHash(s, "v1") {
		t.Error("hash not deterministic")
	}
	if SettingsHash(s, "v1") == SettingsHash(s, "v2") {
		t.Error("version not in the hash")
	}
	other := *s
	other.Rules = s.Rules[1:]
	if SettingsHash(s, "v1") == SettingsHash(&other, "v1") {
		t.Error("rules not in the hash")
	}
}

// TestRunCorpusCached: an unchanged corpus reuses the corpus rules'
// result; a change to any file runs them again.
func TestRunCorpusCached(t *testing.T) {
	t.Chdir(t.TempDir())
	write(t, "c/a.txt", goodArticle)
	write(t, "c/b.txt", goodArticle)
	s := Fixed(corpusSettings(t))
	run := func() []string {
		t.Helper()
		ch, _ := cache.Open(".cache")
		res, err := Run(context.Background(), Options{Paths: []string{"c"}, Settings: s, Cache: ch})
		if err != nil {
			t.Fatal(err)
		}
		return diagLines(res)
	}
	want := []string{"c/a.txt:6:14 test/same-code error", "c/b.txt:6:14 test/same-code error"}
	for i := range 2 {
		if got := run(); !slices.Equal(got, want) {
			t.Errorf("run %d: %q", i+1, got)
		}
	}
	write(t, "c/b.txt", strings.Replace(goodArticle, "1152650", "1152651", 1))
	if got := run(); len(got) != 0 {
		t.Errorf("after the change: %q", got)
	}
	write(t, "c/b.txt", goodArticle)
	if got := run(); !slices.Equal(got, want) {
		t.Errorf("changed back: %q", got)
	}
}
