// Command corpuslint lints and fixes corpora of plain-text news articles.
// Run `corpuslint --help` for its manual.
package main

import (
	"os"

	"github.com/corpuslint/corpuslint/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
