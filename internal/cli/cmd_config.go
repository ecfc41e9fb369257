package cli

import (
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/corpuslint/corpuslint/internal/config"
)

var configCommand = register(&Command{
	Name:    "config",
	Args:    "[PATH]",
	Summary: "print the effective configuration for a path, or the embedded default (--default)",
	Run:     runConfig,
})

func runConfig(env *Env, args []string) int {
	fs := pflag.NewFlagSet("config", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	def := fs.Bool("default", false, "print the embedded default configuration")
	file := fs.String("config", "", "use this configuration `file` instead of the nearest .corpuslint.yaml")
	isolated := fs.Bool("isolated", false, "ignore configuration files")
	help := fs.BoolP("help", "h", false, "print this help")
	if err := fs.Parse(args); err != nil {
		return env.Usagef("config: %v", err)
	}
	if *help {
		fmt.Fprintf(env.Stdout, "usage: corpuslint config [--default] [--config FILE | --isolated] [PATH]\n\n"+
			"Prints, as YAML, the configuration that applies to PATH (default: the\n"+
			"current folder): the nearest .corpuslint.yaml with every default filled\n"+
			"in, the rules that run with their severities and options, and the\n"+
			"per_file_ignores that apply. With --default, prints the embedded default\n"+
			"configuration, a starting point for a .corpuslint.yaml.\n\nOptions:\n%s", fs.FlagUsages())
		return ExitOK
	}
	if *def {
		if fs.NArg() > 0 {
			return env.Usagef("config: --default takes no PATH")
		}
		env.Stdout.Write(config.DefaultYAML())
		return ExitOK
	}
	if fs.NArg() > 1 {
		return env.Usagef("config: at most one PATH")
	}
	if *file != "" && *isolated {
		return env.Usagef("config: --config and --isolated cannot be used together")
	}
	path := "."
	if fs.NArg() == 1 {
		path = fs.Arg(0)
	}
	l := &config.Loader{Registry: env.App.Registry, ConfigFile: *file, Isolated: *isolated}
	out, err := l.Effective(path)
	if err != nil {
		return configError(env, err)
	}
	env.Stdout.Write(out)
	return ExitOK
}
