//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/corpuslint/corpuslint/internal/format"
	"github.com/corpuslint/corpuslint/internal/format/formattest"
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
//	sarif-valid PATH  check a file against the SARIF 2.1.0 schema
//
// and $SCHEMAS names the folder of the schemas the formats are checked
// against (internal/format/testdata/schemas), for xmllint.
func TestScripts(t *testing.T) {
	schemas, err := filepath.Abs(schemaDir)
	if err != nil {
		t.Fatal(err)
	}
	sarif := compileSARIFSchema(t)
	testscript.Run(t, testscript.Params{
		Dir:       "testdata/script",
		Condition: condition,
		Setup: func(env *testscript.Env) error {
			env.Setenv("SCHEMAS", schemas)
			return nil
		},
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
			"sarif-valid": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: sarif-valid PATH")
				}
				err := validateJSON(sarif, ts.MkAbs(args[0]))
				switch {
				case err != nil && !neg:
					ts.Fatalf("%s is not valid SARIF 2.1.0: %v", args[0], err)
				case err == nil && neg:
					ts.Fatalf("%s is valid SARIF 2.1.0", args[0])
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

// The schemas that internal/format's tests check the formats against: the
// same copies serve here, for the command's own output.
const schemaDir = "../../internal/format/testdata/schemas"

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := formattest.SARIFSchema(schemaDir)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateJSON(sch *jsonschema.Schema, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	inst, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}
