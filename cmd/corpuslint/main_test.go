//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/corpuslint/corpuslint/internal/format"
	"github.com/corpuslint/corpuslint/rules"
)

// TestMain lets scripts run `corpuslint`: testscript re-runs this test
// binary as the command, so no separate build is needed.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"corpuslint": main})
}

// TestScripts runs the end-to-end suite in testdata/script. Besides the
// usual conditions, scripts may use:
//
//	[rule:ID]      the rule is built in (for scripts about rules still to come)
//	[format:NAME]  the output format is built in
//	[root]         the tests run as root (file permissions do not stop reads)
//
// and the commands
//
//	mkfifo PATH       make a named pipe
//	perm MODE PATH    check a file's permission bits (octal)
//	chomp PATH        drop the final newline that txtar gives every file
//	status N CMD ARGS run a command like exec and check its exit status
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:       "testdata/script",
		Condition: condition,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mkfifo": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: mkfifo PATH")
				}
				ts.Check(syscall.Mkfifo(ts.MkAbs(args[0]), 0o644))
			},
			"chomp": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: chomp PATH")
				}
				path := ts.MkAbs(args[0])
				data, err := os.ReadFile(path)
				ts.Check(err)
				ts.Check(os.WriteFile(path, []byte(strings.TrimSuffix(string(data), "\n")), 0o644))
			},
			"status": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: status N CMD [ARGS...]")
				}
				want, err := strconv.Atoi(args[0])
				ts.Check(err)
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var exit *exec.ExitError
					if !errors.As(err, &exit) {
						ts.Fatalf("%v", err)
					}
					got = exit.ExitCode()
				}
				if got != want {
					ts.Fatalf("exit status %d, want %d", got, want)
				}
			},
			"perm": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: perm MODE PATH")
				}
				want, err := strconv.ParseUint(args[0], 8, 32)
				ts.Check(err)
				info, err := os.Stat(ts.MkAbs(args[1]))
				ts.Check(err)
				if got := uint64(info.Mode().Perm()); (got == want) == neg {
					ts.Fatalf("%s has mode %o, want %s%o", args[1], got, map[bool]string{true: "not ", false: ""}[neg], want)
				}
			},
		},
	})
}

func condition(cond string) (bool, error) {
	if id, ok := strings.CutPrefix(cond, "rule:"); ok {
		return rules.Registry().Get(id) != nil, nil
	}
	if name, ok := strings.CutPrefix(cond, "format:"); ok {
		_, err := format.Get(name)
		return err == nil, nil
	}
	if cond == "root" {
		return os.Getuid() == 0, nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}
