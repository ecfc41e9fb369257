package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/cespare/xxhash/v2"
	"github.com/spf13/pflag"

	"github.com/corpuslint/corpuslint/internal/atomicfile"
	"github.com/corpuslint/corpuslint/internal/baseline"
	"github.com/corpuslint/corpuslint/internal/cache"
	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/runner"
)

// corpusFlags are the main command's flags about the corpus as a whole:
// sharding, facts, the cache, the baseline and progress.
type corpusFlags struct {
	factsOut            string
	shard               string
	noCache             bool
	cacheDir            string
	baseline, writeBase string
	noProgress          bool
	cpuProfile          string
}

func addCorpusFlags(fs *pflag.FlagSet, f *corpusFlags) {
	fs.StringVar(&f.shard, "shard", "", "check only part `K/N` of the files (1 <= K <= N), chosen by a hash of each path relative to the folder argument it was found under; corpus rules are left to 'corpuslint corpus'")
	fs.StringVar(&f.factsOut, "facts-out", "", "write the facts of the checked files to `file`, for 'corpuslint corpus'")
	fs.BoolVar(&f.noCache, "no-cache", false, "neither read nor write the cache")
	fs.StringVar(&f.cacheDir, "cache-dir", "", "keep the cache in `dir` (default: "+cache.DirName+" at the repository root, else in the current folder)")
	fs.StringVar(&f.baseline, "baseline", "", "hide the problems recorded in baseline `file`")
	fs.StringVar(&f.writeBase, "write-baseline", "", "record the current problems in baseline `file`, then hide them")
	fs.BoolVar(&f.noProgress, "no-progress", false, "never draw a progress bar (drawn only on a terminal, for long runs)")
	fs.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile to `file`")
	fs.MarkHidden("cpuprofile")
}

// parseShard reads "K/N".
func parseShard(s string) (k, n int, err error) {
	ks, ns, ok := strings.Cut(s, "/")
	if ok {
		k, err = strconv.Atoi(strings.TrimSpace(ks))
		if err == nil {
			n, err = strconv.Atoi(strings.TrimSpace(ns))
		}
	}
	switch {
	case !ok || err != nil:
		return 0, 0, fmt.Errorf("--shard wants K/N, e.g. 2/4, not %q", s)
	case n < 1:
		return 0, 0, fmt.Errorf("--shard %s: N must be at least 1", s)
	case k < 1 || k > n:
		return 0, 0, fmt.Errorf("--shard %s: K must be between 1 and %d", s, n)
	}
	return k, n, nil
}

// corpusRun is the state of the corpus flags for one run.
type corpusRun struct {
	flags        corpusFlags
	stopProfile  func()
	hidden       int
	stale        []baseline.Entry
	recorded     int
	baselineFile string
}

// prepare checks the flags and fills in the runner's options. It returns a
// usage error message, or "".
func (c *corpusRun) prepare(env *Env, opt *runner.Options, paths []string, stdinCount int) string {
	f := &c.flags
	if f.cpuProfile != "" {
		pf, err := os.Create(f.cpuProfile)
		if err != nil {
			return fmt.Sprintf("cannot create the profile: %v", err)
		}
		pprof.StartCPUProfile(pf)
		c.stopProfile = func() { pprof.StopCPUProfile(); pf.Close() }
	}
	if f.shard != "" {
		k, n, err := parseShard(f.shard)
		if err != nil {
			return err.Error()
		}
		if stdinCount > 0 {
			return "--shard cannot be used with standard input (-)"
		}
		if opt.Fix || opt.Diff {
			// Fixing is per file and needs no shards; keep the modes apart.
			return "--shard cannot be used with --fix or --diff"
		}
		opt.Shard, opt.Shards = k, n
	}
	if f.baseline != "" && f.writeBase != "" {
		return "--baseline and --write-baseline cannot be used together (--write-baseline hides what it records)"
	}
	if !f.noCache && stdinCount < len(paths) {
		dir := f.cacheDir
		if dir == "" {
			dir = filepath.Join(repoRoot(paths), cache.DirName)
		}
		ch, err := cache.Open(dir)
		if err != nil {
			fmt.Fprintf(env.Stderr, "corpuslint: warning: %v; running without it\n", err)
		} else {
			opt.Cache = ch
		}
	}
	if opt.Cache != nil {
		opt.Version = cacheVersion(env.App.Version)
	}
	opt.KeepFacts = f.factsOut != ""
	return ""
}

// cacheVersion is the version the cache keys results with: the version
// and a hash of the running executable, so that a development build (whose
// version says "devel") never reuses results of different code. Hashing
// the executable costs a few milliseconds.
func cacheVersion(version string) string {
	exe, err := os.Executable()
	if err != nil {
		return version
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		return version
	}
	return fmt.Sprintf("%s+%016x", version, xxhash.Sum64(data))
}

// repoRoot is the git root of the first path (the nearest folder above it
// holding .git), else the current folder.
func repoRoot(paths []string) string {
	for _, p := range paths {
		if p == runner.StdinPath {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			break
		}
		for dir := abs; ; {
			if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
				return dir
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
		break
	}
	return "."
}

// finish writes the facts and applies the baseline, before the report is
// formatted. It returns an error message for a file it could not write or
// read.
func (c *corpusRun) finish(res *runner.Result) error {
	f := &c.flags
	if c.stopProfile != nil {
		c.stopProfile()
	}
	if f.factsOut != "" {
		if err := writeFacts(f.factsOut, res.Facts); err != nil {
			return err
		}
	}
	switch {
	case f.writeBase != "":
		b := baseline.FromReport(&res.Report)
		if err := b.Write(f.writeBase); err != nil {
			return err
		}
		c.recorded = len(b.Entries)
		c.hidden, c.stale = b.Apply(&res.Report)
		c.baselineFile = f.writeBase
	case f.baseline != "":
		b, err := baseline.Read(f.baseline)
		if err != nil {
			return err
		}
		c.hidden, c.stale = b.Apply(&res.Report)
		c.baselineFile = f.baseline
	}
	return nil
}

// writeFacts writes a facts file atomically.
func writeFacts(path string, files []*facts.File) error {
	err := atomicfile.Write(path, func(w io.Writer) error { return facts.Write(w, files) })
	if err != nil {
		return fmt.Errorf("cannot write the facts to %s: %v", path, err)
	}
	return nil
}

// writeNotes writes the notes about the corpus pass, the cache and the
// baseline after the summary.
func (c *corpusRun) writeNotes(w io.Writer, res *runner.Result) {
	if res.CorpusSkipped {
		fmt.Fprintln(w, "note: corpus rules skipped in a sharded run; run 'corpuslint corpus' over every shard's --facts-out file")
	}
	if res.Remembered > 0 {
		fmt.Fprintf(w, "note: corpus rules compared the files named with %s remembered by the cache\n", plural(res.Remembered, "other file"))
	}
	if res.CacheWarning != "" {
		fmt.Fprintf(w, "warning: %s\n", res.CacheWarning)
	}
	if c.recorded > 0 || c.flags.writeBase != "" {
		fmt.Fprintf(w, "note: %s recorded in %s\n", plural(c.recorded, "problem"), c.baselineFile)
	} else if c.hidden > 0 {
		fmt.Fprintf(w, "note: %s hidden by the baseline %s\n", plural(c.hidden, "problem"), c.baselineFile)
	}
	if n := len(c.stale); n > 0 {
		entries := "1 baseline entry"
		if n != 1 {
			entries = fmt.Sprintf("%d baseline entries", n)
		}
		fmt.Fprintf(w, "note: %s of %s no longer match (fixed, or changed); stale entries do not fail the run; drop them with --write-baseline\n",
			entries, c.baselineFile)
		for i, e := range c.stale {
			if i == maxStaleShown {
				fmt.Fprintf(w, "  ... and %d more\n", n-maxStaleShown)
				break
			}
			fmt.Fprintf(w, "  stale: %s [%s] %s\n", e.Path, e.Rule, e.Message)
		}
	}
}

const maxStaleShown = 10
