package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
)

// Command is a subcommand, run as `corpuslint NAME [ARGS]`. Each lives in
// its own file (cmd_NAME.go) and registers itself; adding one touches no
// other file.
type Command struct {
	Name string
	// Args is the synopsis of its arguments, e.g. "RULE".
	Args string
	// Summary is one line for the main --help.
	Summary string
	// Run runs the command and returns the exit status.
	Run func(env *Env, args []string) int
}

// Env is what a command may use: the streams and the app's dependencies.
// Commands write only to these streams and never exit the process.
type Env struct {
	App    *App
	Ctx    context.Context
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// Usagef reports a usage error on stderr and returns exit status 2.
func (e *Env) Usagef(format string, args ...any) int {
	fmt.Fprintf(e.Stderr, "corpuslint: "+format+"\n", args...)
	fmt.Fprintln(e.Stderr, "Run 'corpuslint --help' for usage.")
	return ExitUsage
}

var commands = map[string]*Command{}

// register adds a subcommand; each command file calls it in a package-level
// var declaration.
func register(c *Command) *Command {
	if _, dup := commands[c.Name]; dup {
		panic("command " + c.Name + " registered twice")
	}
	commands[c.Name] = c
	return c
}

// sortedCommands lists the subcommands by name.
func sortedCommands() []*Command {
	out := make([]*Command, 0, len(commands))
	for _, c := range commands {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
