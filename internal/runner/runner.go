// Package runner checks a set of article files: it finds them, reads each
// once, parses it, runs the configured rules, applies fixes when asked, and
// gathers the results into a report in a deterministic order. It prints
// nothing; the command line decides what to show and the exit status.
package runner

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sort"
	"sync"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/config"
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
}

// fileResult is one file's outcome, gathered by a worker.
type fileResult struct {
	file      report.File
	checked   bool
	errs      []fileError
	internal  int
	unwritten bool
	diff      string
	fixes     int
	changed   bool
}

// Run checks the files named by opt.Paths. It returns an error only for a
// mistake in the options; problems with files are in the Result.
// Cancelling ctx stops the run between files: a file being fixed is
// finished, and no file is left half-written.
func Run(ctx context.Context, opt Options) (*Result, error) {
	if opt.Pattern == "" {
		opt.Pattern = DefaultPattern
	}
	if opt.ReadFile == nil {
		opt.ReadFile = readFile
	}
	if opt.WriteFile == nil {
		opt.WriteFile = WriteFileAtomic
	}
	found, err := discover(opt.Paths, opt.Pattern, opt.FollowSymlinks, opt.StdinFilename, opt.Filter)
	if err != nil {
		return nil, err
	}
	results := make([]fileResult, len(found.inputs))
	dispatched := checkAll(ctx, opt, found.inputs, results)

	res := &Result{SkippedSymlinks: found.skippedSymlinks, NotChecked: len(found.inputs) - dispatched}
	errs := found.errs
	res.FileErrors = len(found.errs)
	type pathDiff struct{ path, diff string }
	var diffs []pathDiff
	for _, r := range results[:dispatched] {
		errs = append(errs, r.errs...)
		res.InternalErrors += r.internal
		if r.unwritten {
			res.WriteErrors++
		}
		res.FileErrors += len(r.errs) - r.internal
		if !r.checked {
			continue
		}
		res.Report.FilesChecked++
		res.Report.Files = append(res.Report.Files, r.file)
		res.FixesApplied += r.fixes
		if r.changed {
			res.FilesChanged++
		}
		if r.diff != "" {
			diffs = append(diffs, pathDiff{r.file.Path, r.diff})
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

// checkAll checks inputs on a pool of workers, filling results by index,
// and returns how many inputs were handed out before ctx was cancelled
// (they are always a prefix of inputs).
func checkAll(ctx context.Context, opt Options, inputs []input, results []fileResult) int {
	workers := opt.Jobs
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	workers = max(1, min(workers, len(inputs)))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = checkOne(opt, inputs[i])
			}
		}()
	}
	dispatched := 0
feed:
	for i := range inputs {
		select {
		case <-ctx.Done():
			break feed
		case jobs <- i:
			dispatched++
		}
	}
	close(jobs)
	wg.Wait()
	return dispatched
}

// checkOne reads, checks and (with Fix) fixes one article. The text is
// dropped when it returns; the report keeps what formatters need.
func checkOne(opt Options, in input) (res fileResult) {
	res.file.Path = in.path
	fail := func(msg string) { res.errs = append(res.errs, fileError{in.path, msg}) }
	var src []byte
	var err error
	if in.stdin {
		src, err = readAll(opt.Stdin, 0)
	} else {
		src, err = opt.ReadFile(in.path)
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

	failed := map[string]bool{} // rules already reported as failing on this file
	check := func(text []byte) []lint.Diagnostic {
		doc := article.Parse(in.path, text, settings.Layout)
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
	if !opt.Fix && !opt.Diff {
		res.file = report.Resolve(in.path, src, check(src))
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
			return res
		}
	}
	res.file = report.Resolve(in.path, fixed, diags)
	res.file.Fixed = n
	return res
}
