package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/fatih/color"
	"github.com/spf13/pflag"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/format"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
	"github.com/corpuslint/corpuslint/internal/runner"
)

// checkFlags are the main command's flags.
type checkFlags struct {
	format, outputFile, color   string
	selects, ignores            []string
	fix, unsafeFixes, diff      bool
	exitZero, statistics, quiet bool
	jobs                        int
	followSymlinks              bool
	configFile                  string
	isolated                    bool
	stdinFilename               string
	version, help               bool
	corpus                      corpusFlags
}

func newCheckFlagSet(f *checkFlags) *pflag.FlagSet {
	fs := pflag.NewFlagSet("corpuslint", pflag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported by the caller, once
	fs.SortFlags = false
	fs.StringVar(&f.format, "format", "full", "report `format`: "+strings.Join(format.Names(), ", ")+"; --output-format is an alias")
	fs.StringVarP(&f.outputFile, "output-file", "o", "", "write the report to `file` instead of standard output")
	fs.StringVar(&f.color, "color", "auto", "`when` to colour the report: auto (on a terminal), always or never")
	fs.StringVar(&f.configFile, "config", "", "use the configuration `file` for every file instead of the nearest .corpuslint.yaml")
	fs.BoolVar(&f.isolated, "isolated", false, "ignore configuration files; use the embedded defaults")
	fs.StringSliceVar(&f.selects, "select", nil, "run only these rules or families (comma-separated `list`, repeatable; a rule that is off by default runs only when named by its ID)")
	fs.StringSliceVar(&f.ignores, "ignore", nil, "do not run these rules or families (comma-separated `list`, repeatable)")
	fs.BoolVar(&f.fix, "fix", false, "apply safe fixes in place, then report what is left")
	fs.BoolVar(&f.unsafeFixes, "unsafe-fixes", false, "with --fix or --diff, apply unsafe fixes too")
	fs.BoolVar(&f.diff, "diff", false, "print a unified diff of what --fix would change; write nothing")
	fs.BoolVar(&f.exitZero, "exit-zero", false, "exit 0 even when problems of severity error are found")
	fs.BoolVar(&f.statistics, "statistics", false, "print a count of problems per rule instead of each problem")
	fs.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "check `n` files at once (default: the number of CPUs)")
	fs.BoolVar(&f.followSymlinks, "follow-symlinks", false, "follow symlinks found inside folders")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "<stdin>", "`name` that the article read from standard input (PATH -) is reported under and configured by")
	addCorpusFlags(fs, &f.corpus)
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print no summary or notes on standard error")
	fs.BoolVar(&f.version, "version", false, "print the version and exit")
	fs.BoolVarP(&f.help, "help", "h", false, "print this help and exit")
	fs.SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if name == "output-format" {
			name = "format"
		}
		return pflag.NormalizedName(name)
	})
	return fs
}

// check is the main command: lint (and fix) the PATHs.
func (a *App) check(env *Env, args []string) int {
	var f checkFlags
	fs := newCheckFlagSet(&f)
	if err := fs.Parse(args); err != nil {
		return env.Usagef("%v", err)
	}
	if f.help {
		writeHelp(env.Stdout, fs)
		return ExitOK
	}
	if f.version {
		fmt.Fprintf(env.Stdout, "corpuslint %s\n", a.Version)
		return ExitOK
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	stdinCount := 0
	for _, p := range paths {
		if p == runner.StdinPath {
			stdinCount++
		}
	}
	if stdinCount > 1 {
		return env.Usagef("standard input (-) can be read only once")
	}
	if f.jobs < 1 {
		return env.Usagef("--jobs must be at least 1, not %d", f.jobs)
	}
	if err := checkColorMode(f.color); err != nil {
		return env.Usagef("%v", err)
	}
	formatName := f.format
	if f.statistics {
		formatName = "statistics"
	}
	// --diff prints diffs, not a report, so it needs no formatter.
	var formatter format.Formatter
	if !f.diff || fs.Changed("format") || f.statistics {
		var err error
		if formatter, err = format.Get(formatName); err != nil {
			if f.statistics {
				return env.Usagef("--statistics needs the statistics format, which this build lacks")
			}
			return env.Usagef("%v", err)
		}
	}
	if f.configFile != "" && f.isolated {
		return env.Usagef("--config and --isolated cannot be used together")
	}
	sel := Selection{Select: cleanList(f.selects), Ignore: cleanList(f.ignores), ConfigFile: f.configFile, Isolated: f.isolated, Paths: paths}
	settingsFor, filter, err := a.Settings(a.Registry, sel)
	if err != nil {
		return configError(env, err)
	}

	opt := runner.Options{
		Paths:          paths,
		FollowSymlinks: f.followSymlinks,
		Jobs:           f.jobs,
		Settings:       settingsFor,
		Filter:         filter,
		Fix:            f.fix,
		UnsafeFixes:    f.unsafeFixes,
		Diff:           f.diff,
		Stdin:          env.Stdin,
		StdinFilename:  f.stdinFilename,
		FixedStdout:    env.Stdout,
	}
	cr := &corpusRun{flags: f.corpus}
	if msg := cr.prepare(env, &opt, paths, stdinCount); msg != "" {
		return env.Usagef("%s", msg)
	}
	// Where things go. With --fix on standard input the fixed article takes
	// standard output, so the report moves to standard error.
	stdinFix := f.fix && !f.diff && stdinCount == 1
	var out io.Writer = env.Stdout
	if stdinFix {
		out = env.Stderr
	}
	var outFile *os.File
	if f.outputFile != "" {
		if outFile, err = os.Create(f.outputFile); err != nil {
			return env.Usagef("cannot create the output file: %v", err)
		}
		defer outFile.Close()
		out = outFile
	}
	colored, err := useColor(f.color, a.Getenv, out)
	if err != nil {
		return env.Usagef("%v", err)
	}
	// Formatters built on fatih/color read its global switch.
	color.NoColor = !colored

	stopProgress := func() {}
	if !f.corpus.noProgress && !f.quiet && isTerminal(env.Stderr) {
		opt.Progress = &runner.Progress{}
		stopProgress = startProgress(env.Stderr, opt.Progress)
	}
	res, err := runner.Run(env.Ctx, opt)
	stopProgress()
	if err != nil {
		return env.Usagef("%v", err)
	}
	if err := cr.finish(res); err != nil {
		fmt.Fprintf(env.Stderr, "corpuslint: %v\n", err)
		return ExitUsage
	}

	status := ExitOK
	if f.diff {
		for _, d := range res.Diffs {
			io.WriteString(env.Stdout, d)
		}
		if res.FilesChanged > 0 && !f.exitZero {
			status = ExitProblems
		}
	} else {
		opt := format.Options{Color: colored, Rules: a.Registry, Version: a.Version}
		if wd, err := os.Getwd(); err == nil {
			if root, err := filepath.Abs(repoRoot(paths)); err == nil {
				opt.Root, opt.WorkDir = root, wd
			}
		}
		if err := formatter(out, &res.Report, opt); err != nil {
			fmt.Fprintf(env.Stderr, "corpuslint: cannot write the report: %v\n", err)
			return ExitUsage
		}
		if hasErrors(&res.Report) && !f.exitZero {
			status = ExitProblems
		}
	}
	if outFile != nil {
		if err := outFile.Close(); err != nil {
			fmt.Fprintf(env.Stderr, "corpuslint: %s: cannot write the report: %v\n", f.outputFile, err)
			return ExitUsage
		}
	}
	writeRunEnd(env, res, f, cr)
	switch {
	case env.Ctx.Err() != nil && res.NotChecked > 0:
		fmt.Fprintf(env.Stderr, "corpuslint: interrupted: %d files not checked\n", res.NotChecked)
		return ExitInterrupted
	case res.FileErrors > 0 || res.InternalErrors > 0:
		return ExitUsage
	}
	return status
}

// writeRunEnd writes to standard error what follows the report: the
// errors of files that could not be checked, then, unless quiet, the
// summary and the notes of the corpus pass.
func writeRunEnd(env *Env, res *runner.Result, f checkFlags, cr *corpusRun) {
	for _, e := range res.Report.Errors {
		fmt.Fprintf(env.Stderr, "corpuslint: %s\n", e)
	}
	if !f.quiet {
		writeSummary(env.Stderr, res, f)
		cr.writeNotes(env.Stderr, res)
	}
}

// configError reports a bad selection or configuration, one problem a
// line (a configuration error already names its file, line and column),
// with exit status 2.
func configError(env *Env, err error) int {
	var errs config.Errors
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Fprintf(env.Stderr, "corpuslint: %v\n", e)
		}
		return ExitUsage
	}
	return env.Usagef("%v", err)
}

// cleanList trims the items of a comma list and drops empty ones, so that
// "--select 'quote, space'" works.
func cleanList(items []string) []string {
	var out []string
	for _, s := range items {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func hasErrors(r *report.Report) bool {
	for _, f := range r.Files {
		for _, d := range f.Diagnostics {
			if d.Severity == lint.Error {
				return true
			}
		}
	}
	return false
}

// writeSummary writes the run's one-line summary, e.g.
//
//	3 files checked; 4 problems (1 error, 3 warnings), 2 fixable with --fix
func writeSummary(w io.Writer, res *runner.Result, f checkFlags) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s checked", plural(res.Report.FilesChecked, "file"))
	switch {
	case f.diff:
		fmt.Fprintf(&b, "; %s would change %s", plural(res.FixesApplied, "fix"), plural(res.FilesChanged, "file"))
	case f.fix:
		fmt.Fprintf(&b, "; %s applied to %s", plural(res.FixesApplied, "fix"), plural(res.FilesChanged, "file"))
	}
	bySeverity, safe, unsafe := countProblems(&res.Report)
	total := bySeverity[lint.Error] + bySeverity[lint.Warning] + bySeverity[lint.Info]
	left := ""
	if f.fix || f.diff {
		left = " left"
	}
	if total == 0 {
		fmt.Fprintf(&b, "; no problems%s", left)
	} else {
		var parts []string
		for _, s := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
			if n := bySeverity[s]; n > 0 {
				name := s.String()
				if s != lint.Info {
					name = plural(n, name)
				} else {
					name = fmt.Sprintf("%d info", n)
				}
				parts = append(parts, name)
			}
		}
		fmt.Fprintf(&b, "; %s%s (%s)", plural(total, "problem"), left, strings.Join(parts, ", "))
		if f.unsafeFixes {
			safe, unsafe = safe+unsafe, 0
		}
		if safe > 0 && !f.fix && !f.diff {
			fmt.Fprintf(&b, ", %d fixable with --fix", safe)
		}
		if unsafe > 0 {
			more := ""
			if safe > 0 && !f.fix && !f.diff {
				more = " more"
			}
			fmt.Fprintf(&b, ", %d%s fixable with --unsafe-fixes", unsafe, more)
		}
	}
	if n := res.FileErrors - res.WriteErrors; n > 0 {
		fmt.Fprintf(&b, "; %s could not be checked", plural(n, "file"))
	}
	if n := res.WriteErrors; n > 0 {
		fmt.Fprintf(&b, "; %s could not be written", plural(n, "file"))
	}
	if n := res.InternalErrors; n > 0 {
		fmt.Fprintf(&b, "; %s", plural(n, "internal error"))
	}
	fmt.Fprintln(w, b.String())
	if n := res.SkippedSymlinks; n > 0 {
		fmt.Fprintf(w, "note: %s not followed (use --follow-symlinks)\n", plural(n, "symlink"))
	}
	if res.Report.FilesChecked == 0 && res.FileErrors == 0 {
		// Most likely a wrong folder, or include/exclude/.gitignore leaving
		// everything out: say so rather than report a clean run.
		fmt.Fprintln(w, "note: no article files found (folders are searched for the configuration's include globs, default **/*.txt, minus exclude and .gitignore)")
	}
}

// countProblems sums the diagnostics by severity, and those with safe and
// unsafe fixes.
func countProblems(r *report.Report) (bySeverity map[lint.Severity]int, safe, unsafe int) {
	bySeverity = map[lint.Severity]int{}
	for _, f := range r.Files {
		for _, d := range f.Diagnostics {
			bySeverity[d.Severity]++
			if d.Fix == nil {
				continue
			}
			if d.Fix.Safety == lint.Safe {
				safe++
			} else {
				unsafe++
			}
		}
	}
	return bySeverity, safe, unsafe
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "x") {
		return fmt.Sprintf("%d %ses", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
