package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/fatih/color"
	"github.com/spf13/pflag"

	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/format"
	"github.com/corpuslint/corpuslint/internal/runner"
)

var corpusCommand = register(&Command{
	Name:    "corpus",
	Args:    "FACTS...",
	Summary: "run the corpus rules over the --facts-out files of a sharded run",
	Run:     runCorpusCommand,
})

// runCorpusCommand merges the facts files of the shards of a run
// (`corpuslint --shard K/N --facts-out FILE`) and runs the corpus rules
// over them, reporting as the main command does. Sharding and merging
// give the corpus diagnostics one run over the whole corpus gives: the
// facts are the same, and the corpus rules see them in path order either
// way. Each file's settings are found from its path, as in a run, so run
// it from the folder the shards ran in.
func runCorpusCommand(env *Env, args []string) int {
	var f checkFlags
	fs := pflag.NewFlagSet("corpus", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.StringVar(&f.format, "format", "full", "report `format`: "+strings.Join(format.Names(), ", "))
	fs.StringVarP(&f.outputFile, "output-file", "o", "", "write the report to `file` instead of standard output")
	fs.StringVar(&f.color, "color", "auto", "`when` to colour the report: auto, always or never")
	fs.StringSliceVar(&f.selects, "select", nil, "run only these rules or families (comma-separated `list`)")
	fs.StringSliceVar(&f.ignores, "ignore", nil, "do not run these rules or families (comma-separated `list`)")
	fs.BoolVar(&f.exitZero, "exit-zero", false, "exit 0 even when problems of severity error are found")
	fs.BoolVar(&f.statistics, "statistics", false, "print a count of problems per rule instead of each problem")
	fs.StringVar(&f.corpus.baseline, "baseline", "", "hide the problems recorded in baseline `file`")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print no summary or notes on standard error")
	fs.BoolVarP(&f.help, "help", "h", false, "print this help and exit")
	if err := fs.Parse(args); err != nil {
		return env.Usagef("corpus: %v", err)
	}
	if f.help {
		fmt.Fprintf(env.Stdout, "usage: corpuslint corpus [OPTIONS] FACTS...\n\n"+
			"Runs the corpus rules (corpus/*) over the merged facts files written by\n"+
			"'corpuslint --shard K/N --facts-out FILE' on each shard, and reports\n"+
			"their problems as one run over the whole corpus would. Run it from the\n"+
			"folder the shards ran in, so that paths find their configuration.\n\nOptions:\n%s", fs.FlagUsages())
		return ExitOK
	}
	if fs.NArg() == 0 {
		return env.Usagef("corpus: name the facts files, e.g. corpuslint corpus shard-1.facts shard-2.facts")
	}
	if err := checkColorMode(f.color); err != nil {
		return env.Usagef("corpus: %v", err)
	}
	formatName := f.format
	if f.statistics {
		formatName = "statistics"
	}
	formatter, err := format.Get(formatName)
	if err != nil {
		return env.Usagef("corpus: %v", err)
	}
	a := env.App
	settingsFor, _, err := a.Settings(a.Registry, Selection{Select: cleanList(f.selects), Ignore: cleanList(f.ignores)})
	if err != nil {
		return env.Usagef("corpus: %v", err)
	}

	var all []*facts.File
	from := map[string]string{} // path → the facts file that holds it
	for _, name := range fs.Args() {
		files, err := readFactsFile(name)
		if err != nil {
			fmt.Fprintf(env.Stderr, "corpuslint: %s: %v\n", name, err)
			return ExitUsage
		}
		for _, ff := range files {
			if prev, dup := from[ff.Path]; dup {
				fmt.Fprintf(env.Stderr, "corpuslint: %s is in both %s and %s: were the shards of different runs merged?\n", ff.Path, prev, name)
				return ExitUsage
			}
			from[ff.Path] = name
		}
		all = append(all, files...)
	}
	res, err := runner.CheckCorpus(all, settingsFor)
	if err != nil {
		fmt.Fprintf(env.Stderr, "corpuslint: %v\n", err)
		return ExitUsage
	}
	cr := &corpusRun{flags: f.corpus}
	if err := cr.finish(res); err != nil {
		fmt.Fprintf(env.Stderr, "corpuslint: %v\n", err)
		return ExitUsage
	}

	var out io.Writer = env.Stdout
	var outFile *os.File
	if f.outputFile != "" {
		if outFile, err = os.Create(f.outputFile); err != nil {
			return env.Usagef("cannot create the output file: %v", err)
		}
		defer outFile.Close() // after the Close below, a no-op
		out = outFile
	}
	colored, _ := useColor(f.color, a.Getenv, out)
	color.NoColor = !colored
	if err := formatter(out, &res.Report, format.Options{Color: colored, Rules: a.Registry, Version: a.Version}); err != nil {
		fmt.Fprintf(env.Stderr, "corpuslint: cannot write the report: %v\n", err)
		return ExitUsage
	}
	if outFile != nil {
		if err := outFile.Close(); err != nil {
			fmt.Fprintf(env.Stderr, "corpuslint: %s: cannot write the report: %v\n", f.outputFile, err)
			return ExitUsage
		}
	}
	writeRunEnd(env, res, f, cr)
	switch {
	case res.FileErrors > 0 || res.InternalErrors > 0:
		return ExitUsage
	case hasErrors(&res.Report) && !f.exitZero:
		return ExitProblems
	}
	return ExitOK
}

func readFactsFile(name string) ([]*facts.File, error) {
	fh, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read the facts: %v", describeOpenError(err))
	}
	defer fh.Close()
	return facts.Read(fh)
}

func describeOpenError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
