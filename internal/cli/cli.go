// Package cli is the corpuslint command: flag parsing, subcommands, and
// turning a run's result into output and an exit status. Everything runs
// in-process and returns the exit status, so tests can call it directly;
// only package main exits.
package cli

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/rules"
)

// Exit statuses.
const (
	ExitOK          = 0   // no problem of severity error
	ExitProblems    = 1   // a problem of severity error, or --diff found a change
	ExitUsage       = 2   // usage error, a file that could not be read or written, an internal error
	ExitInterrupted = 130 // stopped by a signal before every file was checked
)

// App is the command with its dependencies.
type App struct {
	// Registry holds the rules.
	Registry *lint.Registry
	// Settings builds the per-file settings resolver.
	Settings SettingsLoader
	// Getenv reads the environment (NO_COLOR, FORCE_COLOR, TERM).
	Getenv func(string) string
	// Version is printed by --version and given to formatters.
	Version string
}

// Default returns the app as the corpuslint binary runs it.
func Default() *App {
	return &App{
		Registry: rules.Registry(),
		Settings: ConfigSettings,
		Getenv:   os.Getenv,
		Version:  Version(),
	}
}

// Main runs corpuslint with the arguments after the program name and
// returns the exit status. An interrupt or SIGTERM stops the run between
// files; the file being fixed is finished first.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// The first signal stops the run between files; restoring the
		// default handling lets a second one end the process at once
		// (safe: files are replaced atomically).
		<-ctx.Done()
		stop()
	}()
	return Default().Run(ctx, args, stdin, stdout, stderr)
}

// Run runs one command line: a subcommand when the first argument names
// one, else the check itself.
func (a *App) Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{App: a, Ctx: ctx, Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if len(args) > 0 {
		if c := commands[args[0]]; c != nil {
			return c.Run(env, args[1:])
		}
		if args[0] == "help" {
			return a.check(env, []string{"--help"})
		}
	}
	return a.check(env, args)
}
