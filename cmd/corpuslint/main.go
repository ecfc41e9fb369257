// Command corpuslint lints and fixes corpora of plain-text news articles.
// Run `corpuslint --help` for its manual.
package main

import (
	"os"
	"runtime/debug"

	"github.com/corpuslint/corpuslint/internal/cli"
)

func main() {
	tuneGC()
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC: a check allocates much that dies with each file and keeps little
// (the facts and results, under 1 KiB a file), so the heap may grow to
// three times what is live (GOGC=200) while that is small, but not past a
// soft limit that keeps 100,000 files under 256 MiB. GOGC and GOMEMLIMIT
// in the environment still win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(200 << 20)
	}
}
