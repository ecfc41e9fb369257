//go:build ignore

// generate writes a generated corpus: go run bench/generate.go -n 10000 -out DIR
// It is a go:build ignore program, not a main package of the module, so
// that installing the module installs corpuslint only.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/corpuslint/corpuslint/internal/corpusgen"
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	seed := flag.Uint64("seed", 1, "seed: the same seed writes the same corpus")
	rate := flag.Float64("defects", 0, "fraction of articles (0 to 1) with one injected defect")
	out := flag.String("out", "", "directory to write (created if needed)")
	manifest := flag.String("manifest", "", "optional file listing the injected defects (path, kind, other file)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "generate: -out DIR is required")
		os.Exit(2)
	}
	g := corpusgen.New(corpusgen.Options{Seed: *seed, Files: *n, DefectRate: *rate})
	defects, err := g.Write(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
	if *manifest != "" {
		f, err := os.Create(*manifest)
		if err != nil {
			fmt.Fprintln(os.Stderr, "generate:", err)
			os.Exit(1)
		}
		for _, d := range defects {
			fmt.Fprintf(f, "%s\t%s\t%s\n", d.Path, d.Kind, d.Other)
		}
		if err := f.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "generate:", err)
			os.Exit(1)
		}
	}
	fmt.Fprintf(os.Stderr, "generate: %d articles in %s, %d with defects\n", *n, *out, len(defects))
}
