// Package runner checks a set of article files: it finds them, reads each
// once, parses it, runs the configured rules, applies fixes when asked,
// extracts the facts the corpus rules need, runs those over the whole set
// (corpus.go), and gathers the results into a report in a deterministic
// order, using and refreshing the cache when given one. It prints
// nothing; the command line decides what to show and the exit status.
package runner

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cespare/xxhash/v2"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/cache"
	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

// SettingsFor returns the settings to check the file at path with (the
// path as shown in output; for standard input, the --stdin-filename). The
// config package's loader provides one that finds each file's
// configuration; Fixed uses one set of settings everywhere. It is called
// from several goroutines at once.
type SettingsFor func(path string) (*config.Settings, error)

// Filter chooses what a folder walk checks.
type Filter interface {
	// Included reports whether a file found in a walk is checked.
	Included(path string) (bool, error)
	// SkipDir reports whether a walk leaves a folder out.
	SkipDir(dir string) (bool, error)
}

// Fixed returns a SettingsFor that gives every file the same settings.
func Fixed(s *config.Settings) SettingsFor {
	return func(string) (*config.Settings, error) { return s, nil }
}

// DefaultPattern selects the files checked inside walked folders.
const DefaultPattern = "*.txt"

// Options say what to check and how.
type Options struct {
	// Paths are files, folders, or StdinPath. Folders are walked.
	Paths []string
	// Pattern is the glob that file names inside walked folders must match
	// (DefaultPattern when empty). Files named as arguments always count.
	Pattern string
	// Filter, if set, decides which files and folders met while walking are
	// checked, instead of Pattern (the configuration's include, exclude and
	// .gitignore). Files named as arguments always count.
	Filter Filter
	// FollowSymlinks follows symlinks met while walking folders.
	FollowSymlinks bool
	// Jobs is the number of files checked at once (the CPU count when < 1).
	Jobs int
	// Settings gives each file its settings. Required.
	Settings SettingsFor

	// Fix applies safe fixes and writes the files back.
	Fix bool
	// UnsafeFixes applies unsafe fixes too (with Fix or Diff).
	UnsafeFixes bool
	// Diff computes what Fix would do without writing anything.
	Diff bool

	// Stdin is read for StdinPath, and StdinFilename names it in output.
	Stdin         io.Reader
	StdinFilename string
	// FixedStdout receives the fixed standard input article with Fix.
	FixedStdout io.Writer

	// ReadFile and WriteFile default to reading a regular file and to
	// WriteFileAtomic. Tests replace them to simulate failing disks.
	ReadFile  func(path string) ([]byte, error)
	WriteFile func(path string, data []byte) error

	// Shard and Shards, when Shards > 1, check only shard Shard (1 to
	// Shards) of the files: see ShardOf. The corpus rules are then skipped,
	// as with SkipCorpus.
	Shard, Shards int
	// SkipCorpus extracts the facts but leaves the corpus rules to a later
	// `corpuslint corpus` over the merged facts.
	SkipCorpus bool
	// Cache, if not nil, serves and stores per-file results and facts.
	Cache *cache.Cache
	// Version is corpuslint's version; it is part of the cache key.
	Version string
	// Progress, if not nil, is updated as files are found and checked.
	Progress *Progress
	// KeepFacts fills Result.Facts (for --facts-out) even when the corpus
	// rules' result comes from the cache.
	KeepFacts bool
}

// Progress counts a run's files as it goes, for a progress display that
// polls it from another goroutine.
type Progress struct {
	Found, Done atomic.Int64
	// Discovered is set when every file has been found: Found is final.
	Discovered atomic.Bool
}

// Result is what a run found and did.
type Result struct {
	// Report holds every checked file's diagnostics (after fixing, with
	// Fix), in path order, and one line per file that could not be checked
	// or internal error (Report.Errors).
	Report report.Report
	// Diffs are the unified diffs of the files Fix would change (with
	// Diff), in path order.
	Diffs []string
	// FixesApplied counts the fixes applied (with Fix) or that would be
	// (with Diff); FilesChanged the files they change.
	FixesApplied, FilesChanged int
	// FileErrors counts files (or arguments) that could not be checked or
	// written, WriteErrors those of them that could not be written, and
	// InternalErrors the rules that failed on a file.
	FileErrors, WriteErrors, InternalErrors int
	// SkippedSymlinks counts symlinks inside walked folders that were not
	// followed.
	SkippedSymlinks int
	// NotChecked counts files left unchecked because the run was cancelled.
	NotChecked int

	// Facts are the facts the corpus rules ran over (or, when they were
	// skipped, would have), in path order: the checked files' and, when the
	// run named files only, those the cache remembers (see corpus.go). With
	// the cache and an unchanged corpus they are not decoded, unless
	// Options.KeepFacts.
	Facts []*facts.File
	// CorpusSkipped is set when corpus rules were selected but not run (a
	// sharded run, or SkipCorpus).
	CorpusSkipped bool
	// Remembered counts the files whose facts came from the cache without
	// being checked in this run.
	Remembered int
	// CacheHits counts the files whose results came from the cache.
	CacheHits int
	// CacheWarning says why the cache was ignored or not saved, if it was.
	CacheWarning string
}

// pathDiff is the diff of one file, for sorting diffs by path.
type pathDiff struct{ path, diff string }

// keptFile is what a run keeps of a checked file until its end: its
// report, and what the corpus pass needs. It is small, because a check of
// 100,000 files holds all of them at once.
type keptFile struct {
	file report.File
	// settings checked the file; facts are its facts when they select a
	// corpus rule.
	settings *config.Settings
	facts    *facts.File
	// cache is the file's key in the cache (nil without the cache).
	cache *cacheKey
}

// cacheKey is a file's key in the cache: its absolute path and the hashes
// of its text and settings. lazyFacts says its facts are in the cache,
// decoded only if the corpus rules must run.
type cacheKey struct {
	abs           string
	content, hash uint64
	lazyFacts     bool
}

// worker is one worker's share of a run: its buffers, and the tally of
// the files it checked, merged by Run when all are done.
type worker struct {
	buf   []byte      // reused for each file's text; nothing keeps it
	store facts.Store // the facts of the files it checked
	// kept are the checked files, in blocks of keptBlock: growing never
	// copies them (their addresses are kept) nor leaves doubled slack.
	kept [][]keptFile
	// inPathOrder points to the kept files in path order, once the
	// worker is done: the workers sort their shares at once, and Run
	// merges them.
	inPathOrder          []*keptFile
	errs                 []fileError
	diffs                []pathDiff
	checked, cacheHits   int
	internal, fileErrors int
	writeErrors          int
	fixes, changed       int
}

const keptBlock = 1024

// add tallies one file's outcome.
func (w *worker) add(r *fileResult) {
	w.errs = append(w.errs, r.errs...)
	w.internal += r.internal
	w.fileErrors += len(r.errs) - r.internal
	if r.unwritten {
		w.writeErrors++
	}
	if !r.checked {
		return
	}
	w.checked++
	if r.cached {
		w.cacheHits++
	}
	w.fixes += r.fixes
	if r.changed {
		w.changed++
	}
	if r.diff != "" {
		w.diffs = append(w.diffs, pathDiff{r.file.Path, r.diff})
	}
	k := keptFile{file: r.file, settings: r.settings, facts: r.facts}
	if r.abs != "" {
		k.cache = &cacheKey{abs: r.abs, content: r.content, hash: r.hash, lazyFacts: r.lazyFacts}
	}
	if n := len(w.kept); n == 0 || len(w.kept[n-1]) == keptBlock {
		w.kept = append(w.kept, make([]keptFile, 0, keptBlock))
	}
	last := &w.kept[len(w.kept)-1]
	*last = append(*last, k)
}

// sortKept fills w.inPathOrder.
func (w *worker) sortKept() {
	w.inPathOrder = make([]*keptFile, 0, w.checked)
	for _, block := range w.kept {
		for i := range block {
			w.inPathOrder = append(w.inPathOrder, &block[i])
		}
	}
	slices.SortFunc(w.inPathOrder, func(a, b *keptFile) int { return strings.Compare(a.file.Path, b.file.Path) })
}

// mergeByPath merges lists sorted by path into one, two at a time.
func mergeByPath(lists [][]*keptFile) []*keptFile {
	if len(lists) == 0 {
		return nil
	}
	for len(lists) > 1 {
		var next [][]*keptFile
		for i := 0; i < len(lists); i += 2 {
			if i+1 == len(lists) {
				next = append(next, lists[i])
				break
			}
			a, b := lists[i], lists[i+1]
			m := make([]*keptFile, 0, len(a)+len(b))
			for len(a) > 0 && len(b) > 0 {
				if b[0].file.Path < a[0].file.Path {
					m, b = append(m, b[0]), b[1:]
				} else {
					m, a = append(m, a[0]), a[1:]
				}
			}
			next = append(next, append(append(m, a...), b...))
		}
		lists = next
	}
	return lists[0]
}

// fileResult is one file's outcome, as checkOne returns it.
type fileResult struct {
	file      report.File
	checked   bool
	errs      []fileError
	internal  int
	unwritten bool
	diff      string
	fixes     int
	changed   bool
	// settings checked the file; facts are its facts when they select a
	// corpus rule; cached says the results came from the cache.
	settings *config.Settings
	facts    *facts.File
	cached   bool
	// With the cache: the file's absolute path and the hashes of its text
	// and settings; lazyFacts says its facts are in the cache, decoded only
	// if the corpus rules must run.
	abs           string
	content, hash uint64
	lazyFacts     bool
}

// Run checks the files named by opt.Paths. It returns an error only for a
// mistake in the options; problems with files are in the Result.
// Cancelling ctx stops the run between files: a file being fixed is
// finished, and no file is left half-written.
//
// Files are checked as discovery finds them, by opt.Jobs workers; then the
// corpus rules run over the facts of the files that select them (see
// corpus.go), and the cache, if any, is saved.
func Run(ctx context.Context, opt Options) (*Result, error) {
	if opt.Pattern == "" {
		opt.Pattern = DefaultPattern
	}
	if opt.WriteFile == nil {
		opt.WriteFile = WriteFileAtomic
	}
	if _, err := filepath.Match(opt.Pattern, ""); err != nil {
		return nil, fmt.Errorf("bad file pattern %q: %v", opt.Pattern, err)
	}
	if opt.Shards > 1 && (opt.Shard < 1 || opt.Shard > opt.Shards) {
		return nil, fmt.Errorf("shard %d/%d: K must be between 1 and %d", opt.Shard, opt.Shards, opt.Shards)
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("cannot find the current folder: %v", err)
	}
	r := &run{opt: opt, cwd: cwd, infos: map[*config.Settings]*settingsInfo{}}
	found, dispatched, workers := r.checkAll(ctx)

	res := &Result{SkippedSymlinks: found.skippedSymlinks, NotChecked: found.count - dispatched}
	errs := found.errs
	res.FileErrors = len(found.errs)
	var diffs []pathDiff
	lists := make([][]*keptFile, 0, len(workers))
	for _, w := range workers {
		errs = append(errs, w.errs...)
		diffs = append(diffs, w.diffs...)
		res.InternalErrors += w.internal
		res.WriteErrors += w.writeErrors
		res.FileErrors += w.fileErrors
		res.Report.FilesChecked += w.checked
		res.CacheHits += w.cacheHits
		res.FixesApplied += w.fixes
		res.FilesChanged += w.changed
		lists = append(lists, w.inPathOrder)
	}
	// In path order once, for the report and the corpus pass alike, which
	// adds its diagnostics to the report's files.
	checked := mergeByPath(lists)
	res.Report.Files = make([]report.File, len(checked))
	files := make([]corpusFile, 0, len(checked))
	for i, c := range checked {
		res.Report.Files[i] = c.file
		if c.facts != nil || c.cache != nil && c.cache.lazyFacts {
			files = append(files, corpusFile{path: c.file.Path, facts: c.facts, settings: c.settings, report: &res.Report.Files[i], key: c.cache})
		}
	}
	// The workers' records are not used from here on: the collector can
	// free them before the corpus rules allocate their tables.
	errs = append(errs, r.corpus(ctx, res, files, len(checked), found.namedFolder)...)
	if opt.Cache != nil {
		if ctx.Err() != nil {
			opt.Cache.Discard()
		} else if err := opt.Cache.Save(); err != nil {
			res.CacheWarning = err.Error()
		}
		if w := opt.Cache.Warning; w != "" && res.CacheWarning == "" {
			res.CacheWarning = w
		}
	}
	res.Report.Sort()
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].path < errs[j].path })
	for _, e := range errs {
		res.Report.Errors = append(res.Report.Errors, e.String())
	}
	sort.SliceStable(diffs, func(i, j int) bool { return diffs[i].path < diffs[j].path })
	for _, d := range diffs {
		res.Diffs = append(res.Diffs, d.diff)
	}
	return res, nil
}

// run is the state of one Run shared by its workers.
type run struct {
	opt Options
	cwd string

	mu    sync.Mutex
	infos map[*config.Settings]*settingsInfo
}

// settingsInfo is what a run derives from one *config.Settings: its hash
// for the cache, and whether it selects a corpus rule.
type settingsInfo struct {
	hash   uint64
	corpus bool
}

func (r *run) info(s *config.Settings) *settingsInfo {
	r.mu.Lock()
	defer r.mu.Unlock()
	if in := r.infos[s]; in != nil {
		return in
	}
	in := &settingsInfo{hash: SettingsHash(s, r.opt.Version)}
	for _, c := range s.Rules {
		if c.Rule.IsCorpus() {
			in.corpus = true
		}
	}
	r.infos[s] = in
	return in
}

// abs returns the absolute form of a path as shown, the cache's key.
func (r *run) abs(path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	return filepath.Join(r.cwd, path)
}

// found is what discovery reports besides the inputs.
type found struct {
	count           int
	errs            []fileError
	skippedSymlinks int
	// namedFolder is true when a PATH argument is a folder (see corpus.go).
	namedFolder bool
}

// checkAll walks the arguments and checks each input as it is found, on a
// pool of workers. It returns what discovery found, how many inputs were
// handed out before ctx was cancelled, and the workers' results.
func (r *run) checkAll(ctx context.Context) (found, int, []*worker) {
	opt := r.opt
	n := opt.Jobs
	if n < 1 {
		n = runtime.NumCPU()
	}
	// Inputs go to the workers in batches: one channel operation, and at
	// most one wake-up of a sleeping worker, per batch rather than per file.
	jobs := make(chan []input, 8)
	workers := make([]*worker, n)
	var wg sync.WaitGroup
	for i := range workers {
		w := &worker{}
		workers[i] = w
		wg.Add(1)
		go func() {
			defer wg.Done()
			for batch := range jobs {
				for _, in := range batch {
					res := r.checkOne(in, w)
					w.add(&res)
					if opt.Progress != nil {
						opt.Progress.Done.Add(1)
					}
				}
			}
			w.sortKept()
		}()
	}
	d := &discovery{pattern: opt.Pattern, follow: opt.FollowSymlinks, filter: opt.Filter, filterErrs: map[string]bool{}, seen: map[string]bool{},
		shard: opt.Shard - 1, shards: opt.Shards}
	var f found
	dispatched := 0
	var batch []input
	flush := func() {
		if len(batch) > 0 {
			jobs <- batch
			dispatched += len(batch)
			batch = nil
		}
	}
	d.emit = func(in input) {
		f.count++
		if ctx.Err() != nil {
			return // counted as not checked
		}
		if opt.Progress != nil {
			opt.Progress.Found.Add(1)
		}
		if batch == nil {
			batch = make([]input, 0, jobBatch)
		}
		if batch = append(batch, in); len(batch) == jobBatch {
			flush()
		}
	}
	for _, p := range opt.Paths {
		if p != StdinPath {
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				f.namedFolder = true
			}
		}
	}
	d.run(opt.Paths, opt.StdinFilename)
	if ctx.Err() == nil {
		flush()
	}
	if opt.Progress != nil {
		opt.Progress.Discovered.Store(true)
	}
	close(jobs)
	wg.Wait()
	f.errs, f.skippedSymlinks = d.errs, d.skippedSymlinks
	return f, dispatched, workers
}

// jobBatch is how many inputs a worker takes at a time: enough to make the
// hand-over cost nothing per file, few enough that a run of a hundred files
// still keeps every worker busy.
const jobBatch = 16

// checkOne reads, checks and (with Fix) fixes one article. The text is
// dropped when it returns; the report keeps what formatters need.
func (r *run) checkOne(in input, w *worker) (res fileResult) {
	opt := r.opt
	res.file.Path = in.path
	fail := func(msg string) { res.errs = append(res.errs, fileError{in.path, msg}) }
	var src []byte
	var err error
	if in.stdin {
		src, err = readAll(opt.Stdin, 0)
	} else if opt.ReadFile != nil {
		src, err = opt.ReadFile(in.path)
	} else {
		src, err = readFileInto(in.path, w.buf, in.local)
		if err == nil && cap(src) > cap(w.buf) && cap(src) <= maxReusedBuffer {
			w.buf = src[:0]
		}
	}
	if err != nil {
		fail(err.Error())
		return res
	}
	if err := sniffBinary(src); err != nil {
		fail(err.Error())
		if in.stdin && opt.Fix && !opt.Diff {
			opt.FixedStdout.Write(src) // a pipeline must not lose the input
		}
		return res
	}
	settings, err := opt.Settings(in.path)
	if err != nil {
		fail(err.Error())
		return res
	}
	res.checked = true
	res.settings = settings
	info := r.info(settings)

	// The cache serves a file whose text and settings it has seen, unless
	// the run is to fix it and the cached report has fixes to apply.
	useCache := opt.Cache != nil && !in.stdin && !opt.Diff
	var abs string
	var content uint64 // the hash of src, when the cache is used
	if useCache {
		abs = r.abs(in.path)
		content = ContentHash(src)
		if f, hasFacts, ok := opt.Cache.Get(abs, in.path, content, info.hash); ok && !(opt.Fix && hasFixes(&f, opt.UnsafeFixes)) {
			res.file, res.cached = f, true
			res.abs, res.content, res.hash = abs, content, info.hash
			res.lazyFacts = hasFacts && info.corpus
			return res
		}
	}

	failed := map[string]bool{} // rules already reported as failing on this file
	var last *article.Doc       // the last text checked, for its facts
	check := func(text []byte) []lint.Diagnostic {
		if last != nil {
			last.Release() // its diagnostics hold no reference to it
		}
		doc := article.Parse(in.path, text, settings.Layout)
		last = doc
		diags, ruleErrs := lint.Check(doc, settings.Rules)
		for _, e := range ruleErrs {
			if !failed[e.Rule] {
				failed[e.Rule] = true
				res.errs = append(res.errs, fileError{in.path, fmt.Sprintf("internal error in rule %s: %v", e.Rule, e.Value)})
				res.internal++
			}
		}
		return diags
	}
	// done records the facts and caches the results of text, the final
	// text of the file (unchanged when it reads as src, whose hash is
	// known). Results with a failed rule are not cached, so that the
	// failure shows again next time.
	done := func(text []byte, unchanged bool) {
		if info.corpus {
			res.facts = w.store.Extract(last)
		}
		last.Release()
		last = nil
		if useCache && res.internal == 0 {
			if !unchanged {
				content = ContentHash(text)
			}
			res.abs, res.content, res.hash = abs, content, info.hash
			opt.Cache.Put(abs, res.content, info.hash, &res.file, res.facts)
		}
	}
	if !opt.Fix && !opt.Diff {
		res.file = report.Resolve(in.path, src, check(src))
		done(src, true)
		return res
	}

	fixed, n, diags := lint.FixLoop(src, opt.UnsafeFixes, check)
	res.changed = string(fixed) != string(src)
	res.fixes = n
	switch {
	case opt.Diff:
		if res.changed {
			res.diff = UnifiedDiff(in.path, src, fixed)
		}
		n = 0 // nothing was applied
	case in.stdin:
		if _, err := opt.FixedStdout.Write(fixed); err != nil {
			fail("cannot write the fixed article to standard output: " + err.Error())
			res.unwritten = true
		}
	case res.changed:
		if err := opt.WriteFile(in.path, fixed); err != nil {
			fail(err.Error() + " (file left unchanged)")
			res.unwritten = true
			// The file keeps its problems: report them against its text.
			res.changed, res.fixes = false, 0
			res.file = report.Resolve(in.path, src, check(src))
			done(src, true)
			return res
		}
	}
	res.file = report.Resolve(in.path, fixed, diags)
	done(fixed, !res.changed)
	res.file.Fixed = n
	return res
}

// maxReusedBuffer caps the read buffer a worker keeps between files, so
// that one huge file does not pin its size for the rest of the run.
const maxReusedBuffer = 4 << 20

// hasFixes reports whether a fix run would apply any of f's fixes.
func hasFixes(f *report.File, unsafe bool) bool {
	for _, d := range f.Diagnostics {
		if d.Fix != nil && (unsafe || d.Fix.Safety == lint.Safe) {
			return true
		}
	}
	return false
}

// ContentHash is the hash under which the cache knows a file's text:
// xxHash64, stable across processes and machines and several GB/s.
func ContentHash(src []byte) uint64 { return xxhash.Sum64(src) }

// SettingsHash identifies everything besides the text that a file's
// results depend on: corpuslint's version, the facts format, and the
// effective configuration (layout, rules, severities, options, custom
// rules), as `corpuslint config` prints it.
func SettingsHash(s *config.Settings, version string) uint64 {
	h := xxhash.New()
	fmt.Fprintf(h, "corpuslint %s\x00facts %d\x00", version, facts.Version)
	if s.Config != nil {
		if y, err := s.Config.Effective(s.Rules); err == nil {
			h.Write(y)
			return h.Sum64()
		}
	}
	// Settings made by hand (tests): describe them field by field.
	fmt.Fprintf(h, "%+v\x00", *s.Layout)
	for _, c := range s.Rules {
		fmt.Fprintf(h, "%s %s %+v\x00", c.Rule.ID, c.Severity, c.Options)
	}
	return h.Sum64()
}
