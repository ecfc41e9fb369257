//go:build ignore

// lintall runs the whole engine over a corpus the way the command does,
// without the command's flags and output: walk, read and check every file
// with two goroutines (all default rules), resolve the diagnostics to
// report form, extract each file's facts, then run the corpus rules over
// the facts. bench/run.sh measures the command itself; this program is
// kept to profile the engine alone (CHECK=bench-out/lintall bench/run.sh
// compares it with the baseline the same way). Usage:
//
//	go run bench/lintall.go [-cpuprofile FILE] [-facts-out FILE] DIR
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
	"github.com/corpuslint/corpuslint/rules"
)

func main() {
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile")
	factsOut := flag.String("facts-out", "", "write the facts of every file")
	workers := flag.Int("j", 2, "goroutines checking files")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: lintall [-cpuprofile FILE] [-facts-out FILE] DIR")
		os.Exit(2)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		check(err)
		check(pprof.StartCPUProfile(f))
		defer pprof.StopCPUProfile()
	}
	settings, err := config.Defaults(rules.Registry(), nil, nil)
	check(err)
	root := flag.Arg(0)

	paths := make(chan string, 1024)
	type result struct {
		facts []*facts.File
		diags int
		bytes int64
	}
	results := make([]result, *workers)
	var wg sync.WaitGroup
	for w := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := &results[w]
			for p := range paths {
				src, err := os.ReadFile(p)
				check(err)
				rel, _ := filepath.Rel(root, p)
				doc := article.Parse(filepath.ToSlash(rel), src, settings.Layout)
				diags, errs := lint.Check(doc, settings.Rules)
				for _, e := range errs {
					fmt.Fprintln(os.Stderr, e)
				}
				file := report.Resolve(doc.Path, src, diags)
				res.diags += len(file.Diagnostics)
				res.facts = append(res.facts, facts.Extract(doc))
				res.bytes += int64(len(src))
			}
		}()
	}
	check(filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".txt") {
			paths <- p
		}
		return nil
	}))
	close(paths)
	wg.Wait()

	var all []*facts.File
	diags, bytes := 0, int64(0)
	for _, r := range results {
		all = append(all, r.facts...)
		diags += r.diags
		bytes += r.bytes
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Path < all[j].Path })
	corpus, errs := lint.RunCorpus(all, settings.Rules)
	for _, e := range errs {
		fmt.Fprintln(os.Stderr, e)
	}
	byRule := map[string]int{}
	for _, d := range corpus {
		byRule[d.Rule]++
	}
	if *factsOut != "" {
		f, err := os.Create(*factsOut)
		check(err)
		check(facts.Write(f, all))
		check(f.Close())
	}
	fmt.Printf("%d files, %d bytes, %d per-file diagnostics, %d corpus diagnostics %v\n", len(all), bytes, diags, len(corpus), byRule)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "lintall:", err)
		os.Exit(1)
	}
}
