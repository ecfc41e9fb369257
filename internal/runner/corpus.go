package runner

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cespare/xxhash/v2"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

// The corpus pass. After every file has been checked, the corpus rules
// (corpus/*) run once over the facts of the files whose settings select at
// least one of them.
//
// Which files form the corpus: the files checked in this run. When the
// run names files only (no folder among its PATH arguments, as pre-commit
// runs it) and the cache is on, the files the cache remembers join them,
// provided they still exist and their settings are unchanged, so that the
// few files named are compared against the whole corpus; only the named
// files' diagnostics are reported. A run over folders is its own corpus,
// whatever the cache holds.
//
// Configuration: a corpus rule runs once, so it has one set of options:
// those of the first file, in path order, whose settings select it (with
// one configuration at the root of the corpus, that configuration's).
// Each diagnostic is then kept only when its file's own settings select
// the rule (per_file_ignores and nested configurations can turn it off
// for some files), and takes the severity those settings give the rule.

// corpusFile is one file of the corpus.
type corpusFile struct {
	path     string
	facts    *facts.File // nil until loaded, for facts left in the cache
	settings *config.Settings
	// report is where its diagnostics go; nil for a file only remembered.
	report *report.File
	// key is the file's key in the cache (cache only).
	key *cacheKey
}

// corpus runs the corpus pass of a run and adds its diagnostics to the
// checked files' reports. It returns the internal errors of rules that
// failed.
//
// With the cache, the corpus rules' diagnostics are stored under a key
// made of every file's path, text hash, settings hash and whether it is
// reported; an unchanged corpus reuses them and decodes no facts.
func (r *run) corpus(ctx context.Context, res *Result, files []corpusFile, nChecked int, namedFolder bool) []fileError {
	ch := r.opt.Cache
	// files are in path order, unless the cache adds those it remembers.
	if ch != nil && !namedFolder && ctx.Err() == nil {
		seen := make(map[string]bool, len(files))
		for _, f := range files {
			seen[r.abs(f.path)] = true
		}
		if more := r.remembered(seen); len(more) > 0 {
			files = append(files, more...)
			slices.SortFunc(files, func(a, b corpusFile) int { return strings.Compare(a.path, b.path) })
		}
	}
	for _, f := range files {
		if f.report == nil {
			res.Remembered++
		}
	}
	if ctx.Err() != nil {
		return nil
	}
	load := func() {
		res.Facts = make([]*facts.File, 0, len(files))
		for i := range files {
			f := &files[i]
			if f.facts == nil {
				f.facts = ch.Facts(f.key.abs, f.path)
			}
			if f.facts != nil {
				res.Facts = append(res.Facts, f.facts)
			}
		}
	}
	if r.opt.SkipCorpus || r.opt.Shards > 1 {
		// A shard that got no file still says why nothing ran.
		res.CorpusSkipped = len(files) > 0 || nChecked == 0
		load()
		return nil
	}
	if len(files) == 0 {
		return nil
	}
	var key uint64
	// Only when every file has its cache key (not with --diff or standard
	// input) can the result be stored.
	if ch != nil && !slices.ContainsFunc(files, func(f corpusFile) bool { return f.key == nil }) {
		key = corpusKey(files)
		if stored, ok := ch.Corpus(key); ok {
			byPath := make(map[string]*corpusFile, len(files))
			for i := range files {
				byPath[files[i].path] = &files[i]
			}
			for _, sf := range stored {
				if f := byPath[sf.Path]; f != nil && f.report != nil {
					f.report.Diagnostics = append(f.report.Diagnostics, sf.Diagnostics...)
				}
			}
			if r.opt.KeepFacts {
				load()
			}
			return nil
		}
	}
	load()
	// A file whose facts could not be decoded (a damaged entry) is left
	// out rather than failing the run.
	files = slices.DeleteFunc(files, func(f corpusFile) bool { return f.facts == nil })
	errs := runCorpus(files)
	if key != 0 && len(errs) == 0 {
		var found []report.File
		for _, f := range files {
			if f.report == nil {
				continue
			}
			var ds []report.Diagnostic
			for _, d := range f.report.Diagnostics {
				if d.Corpus {
					ds = append(ds, d)
				}
			}
			if len(ds) > 0 {
				found = append(found, report.File{Path: f.path, Diagnostics: ds})
			}
		}
		ch.SetCorpus(key, found)
	}
	return errs
}

// corpusKey hashes what the corpus rules' diagnostics depend on: every
// file's path, text and settings (which hold the rules' options and
// severities and corpuslint's version), and which files are reported.
func corpusKey(files []corpusFile) uint64 {
	h := xxhash.New()
	var b [17]byte
	for _, f := range files {
		h.WriteString(f.path)
		binary.LittleEndian.PutUint64(b[0:], f.key.content)
		binary.LittleEndian.PutUint64(b[8:], f.key.hash)
		b[16] = 0
		if f.report != nil {
			b[16] = 1
		}
		h.Write(b[:])
	}
	return h.Sum64()
}

// remembered returns the files the cache knows that this run did not
// check (seen holds the checked files' absolute paths), that still exist,
// and whose settings now are those their facts were made with. Their
// facts stay in the cache until needed.
func (r *run) remembered(seen map[string]bool) []corpusFile {
	var out []corpusFile
	r.opt.Cache.Remembered(func(abs string, content, hash uint64) {
		if seen[abs] {
			return
		}
		if _, err := os.Stat(abs); err != nil {
			r.opt.Cache.Drop(abs) // deleted since
			return
		}
		path := abs
		if rel, err := filepath.Rel(r.cwd, abs); err == nil {
			path = rel
		}
		s, err := r.opt.Settings(path)
		if err != nil || r.info(s).hash != hash {
			return
		}
		out = append(out, corpusFile{path: path, settings: s, key: &cacheKey{abs: abs, content: content, hash: hash}})
	})
	return out
}

// runCorpus runs the corpus rules over files (in path order) and appends
// each diagnostic to its file's report, as described above.
func runCorpus(files []corpusFile) []fileError {
	var rules []lint.Configured
	chosen := map[string]bool{}
	var last *config.Settings // files share settings: look at each once in a row
	all := make([]*facts.File, len(files))
	for i := range files {
		f := &files[i]
		all[i] = f.facts
		if f.settings == last {
			continue
		}
		last = f.settings
		for _, c := range f.settings.Rules {
			if c.Rule.IsCorpus() && !chosen[c.Rule.ID] {
				chosen[c.Rule.ID] = true
				rules = append(rules, c)
			}
		}
	}
	diags, ruleErrs := lint.RunCorpus(all, rules)
	var errs []fileError
	for _, e := range ruleErrs {
		errs = append(errs, fileError{"(corpus)", fmt.Sprintf("internal error in rule %s: %v", e.Rule, e.Value)})
	}
	// Diagnostics come in path order, as files are: one walk matches them.
	i := 0
	for _, d := range diags {
		for i < len(files) && files[i].path < d.Path {
			i++
		}
		if i == len(files) || files[i].path != d.Path {
			continue // not a file of the corpus (a rule's mistake)
		}
		f := &files[i]
		if f.report == nil {
			continue // a file only remembered: not this run's business
		}
		sev, ok := severityIn(f.settings, d.Rule)
		if !ok {
			continue
		}
		rd := report.FromCorpus(d)
		rd.Severity = sev
		f.report.Diagnostics = append(f.report.Diagnostics, rd)
	}
	return errs
}

// severityIn returns the severity settings give a rule, and whether they
// select it at all.
func severityIn(s *config.Settings, id string) (lint.Severity, bool) {
	for _, c := range s.Rules {
		if c.Rule.ID == id {
			return c.Severity, true
		}
	}
	return 0, false
}

// CheckCorpus runs the corpus rules over facts made by earlier runs
// (`corpuslint corpus`, over the --facts-out files of a sharded run).
// settings gives each file its settings, as in a run; files must have
// distinct paths. The result has one report per file.
func CheckCorpus(files []*facts.File, settings SettingsFor) (*Result, error) {
	sorted := append([]*facts.File(nil), files...)
	slices.SortFunc(sorted, func(a, b *facts.File) int { return strings.Compare(a.Path, b.Path) })
	res := &Result{Facts: sorted}
	reports := make([]report.File, len(sorted))
	cf := make([]corpusFile, 0, len(sorted))
	var errs []fileError
	for i, f := range sorted {
		if i > 0 && sorted[i-1].Path == f.Path {
			return nil, fmt.Errorf("%s: the facts name this file twice", f.Path)
		}
		reports[i].Path = f.Path
		s, err := settings(f.Path)
		if err != nil {
			errs = append(errs, fileError{f.Path, err.Error()})
			res.FileErrors++
			continue
		}
		cf = append(cf, corpusFile{path: f.Path, facts: f, settings: s, report: &reports[i]})
	}
	ruleErrs := runCorpus(cf)
	res.InternalErrors = len(ruleErrs)
	errs = append(errs, ruleErrs...)
	res.Report.Files = reports
	res.Report.FilesChecked = len(cf)
	res.Report.Sort()
	for _, e := range errs {
		res.Report.Errors = append(res.Report.Errors, e.String())
	}
	return res, nil
}
