package cli

import (
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/spf13/pflag"

	"github.com/corpuslint/corpuslint/internal/lint"
)

var explainCommand = register(&Command{
	Name:    "explain",
	Args:    "RULE",
	Summary: "print a rule's documentation and options (or a family's rules)",
	Run:     runExplain,
})

func runExplain(env *Env, args []string) int {
	fs := pflag.NewFlagSet("explain", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	help := fs.BoolP("help", "h", false, "print this help")
	if err := fs.Parse(args); err != nil {
		return env.Usagef("explain: %v", err)
	}
	if *help {
		fmt.Fprintf(env.Stdout, "usage: corpuslint explain RULE|FAMILY ...\n\n"+
			"Prints each rule's documentation: what it checks and why, a bad and a\n"+
			"good example, how it is fixed, and its options with their defaults.\n")
		return ExitOK
	}
	if fs.NArg() == 0 {
		return env.Usagef("explain: name a rule, e.g. corpuslint explain layout/final-newline")
	}
	reg := env.App.Registry
	var list []*lint.Rule
	for _, s := range fs.Args() {
		rules, ok := reg.Match(s)
		if !ok {
			return env.Usagef("explain: %v", unknownRule(reg, s))
		}
		list = append(list, rules...)
	}
	for i, r := range list {
		if i > 0 {
			fmt.Fprintln(env.Stdout)
		}
		explain(env.Stdout, r)
	}
	return ExitOK
}

func explain(w io.Writer, r *lint.Rule) {
	fmt.Fprintf(w, "%s: %s\n\n", r.ID, r.Summary)
	enabled := "yes"
	if r.Disabled {
		enabled = "no (select it by ID)"
	}
	fmt.Fprintf(w, "Severity: %s. Fixable: %s. Enabled by default: %s.\n\n", r.Severity, r.Fix.Answer(), enabled)
	fmt.Fprintln(w, strings.TrimRight(r.Doc, "\n"))
	fmt.Fprintln(w)
	opts := ruleOptions(r.Options)
	if len(opts) == 0 {
		fmt.Fprintln(w, "Options: none.")
		return
	}
	fmt.Fprintln(w, "Options:")
	for _, o := range opts {
		fmt.Fprintf(w, "  %s (%s, default %s)\n", o.name, o.typ, o.def)
		if o.doc != "" {
			fmt.Fprintf(w, "      %s\n", o.doc)
		}
	}
}

type ruleOption struct{ name, typ, def, doc string }

// ruleOptions lists a rule's options with their defaults written as
// explain shows them.
func ruleOptions(opts any) []ruleOption {
	var out []ruleOption
	for _, o := range lint.Options(opts) {
		def := fmt.Sprintf("%v", o.Default)
		if o.Type.Kind() == reflect.String {
			def = fmt.Sprintf("%q", def)
		}
		out = append(out, ruleOption{name: o.Name, typ: o.Type.String(), def: def, doc: o.Doc})
	}
	return out
}
