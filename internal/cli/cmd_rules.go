package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/corpuslint/corpuslint/internal/lint"
)

var rulesCommand = register(&Command{
	Name:    "rules",
	Args:    "[RULE|FAMILY ...]",
	Summary: "list the rules: ID, severity, fix, one line each",
	Run:     runRules,
})

func runRules(env *Env, args []string) int {
	fs := pflag.NewFlagSet("rules", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	help := fs.BoolP("help", "h", false, "print this help")
	if err := fs.Parse(args); err != nil {
		return env.Usagef("rules: %v", err)
	}
	if *help {
		fmt.Fprintf(env.Stdout, "usage: corpuslint rules [RULE|FAMILY ...]\n\n"+
			"Lists the rules (all, or those named) with their default severity,\n"+
			"whether they offer fixes, and what they check. Rules marked \"(off)\"\n"+
			"run only when selected by ID.\n")
		return ExitOK
	}
	reg := env.App.Registry
	list := reg.All()
	if fs.NArg() > 0 {
		list = nil
		seen := map[string]bool{}
		for _, s := range fs.Args() {
			rules, ok := reg.Match(s)
			if !ok {
				return env.Usagef("rules: %v", unknownRule(reg, s))
			}
			for _, r := range rules {
				if !seen[r.ID] {
					seen[r.ID] = true
					list = append(list, r)
				}
			}
		}
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tFIX\tSUMMARY")
	for _, r := range list {
		sev := r.Severity.String()
		if r.Disabled {
			sev += " (off)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, sev, r.Fix.Answer(), r.Summary)
	}
	tw.Flush()
	return ExitOK
}

func unknownRule(reg *lint.Registry, s string) error {
	if near := reg.Nearest(s); near != "" {
		return fmt.Errorf("unknown rule or family %q (did you mean %q?)", s, near)
	}
	return fmt.Errorf("unknown rule or family %q (see `corpuslint rules`)", s)
}
