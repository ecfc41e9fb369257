package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/corpuslint/corpuslint/internal/learn"
)

var initCommand = register(&Command{
	Name:    "init",
	Args:    "[PATH]",
	Summary: "learn a corpus's conventions and write a .corpuslint.yaml for it",
	Run:     runInit,
})

func runInit(env *Env, args []string) int {
	fs := pflag.NewFlagSet("init", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	force := fs.Bool("force", false, "overwrite an existing .corpuslint.yaml")
	examples := fs.Int("examples", 5, "how many deviating files to name per convention")
	help := fs.BoolP("help", "h", false, "print this help")
	if err := fs.Parse(args); err != nil {
		return env.Usagef("init: %v", err)
	}
	if *help {
		fmt.Fprintf(env.Stdout, "usage: corpuslint init [--force] [PATH]\n\n"+
			"Reads every *.txt article below PATH (default: the current folder), infers\n"+
			"the corpus's dominant conventions (header, dateline and story code\n"+
			"layout, blank line after the story code, quote, apostrophe and dash\n"+
			"style, title case) and writes them to PATH/.corpuslint.yaml. For each\n"+
			"convention it prints how many files follow it and how many deviate,\n"+
			"naming a few of the deviating files. Running corpuslint with the written\n"+
			"configuration reports the deviating files. An existing configuration is\n"+
			"kept unless --force.\n\nOptions:\n%s", fs.FlagUsages())
		return ExitOK
	}
	if fs.NArg() > 1 {
		return env.Usagef("init: at most one PATH")
	}
	root := "."
	if fs.NArg() == 1 {
		root = fs.Arg(0)
	}
	if info, err := os.Stat(root); err != nil || !info.IsDir() {
		return env.Usagef("init: %s is not a folder", root)
	}
	res, err := learn.Learn(root)
	if err != nil {
		fmt.Fprintf(env.Stderr, "corpuslint: init: %v\n", err)
		return ExitUsage
	}
	if res.Files == 0 {
		fmt.Fprintf(env.Stderr, "corpuslint: init: no *.txt articles below %s\n", root)
		return ExitUsage
	}
	io.WriteString(env.Stdout, res.Table(*examples))
	path, err := learn.Write(root, res, *force)
	if errors.Is(err, learn.ErrExists) {
		fmt.Fprintf(env.Stderr, "corpuslint: init: %v\n", err)
		return ExitUsage
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "corpuslint: init: cannot write the configuration: %v\n", err)
		return ExitUsage
	}
	fmt.Fprintf(env.Stdout, "\nwrote %s (%d articles read)\n", path, res.Files)
	return ExitOK
}
