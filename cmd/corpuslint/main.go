// Command corpuslint lints and fixes corpora of plain-text news articles.
// Run `corpuslint --help` for its manual.
package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/corpuslint/corpuslint/internal/cli"
)

func main() {
	tuneGC()
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// gcHeadroom is how far the heap may grow past what is live before a
// collection, once the live heap is large.
const gcHeadroom = 16 << 20

// tuneGC gives the garbage collector a fixed headroom rather than one in
// proportion to the live heap. A check allocates much that dies with each
// file, and keeps a little of each file (its facts and its report, about
// 0.7 KiB) to the end: with a headroom in proportion (GOGC=100, or the
// 200 and 200 MiB limit used before), memory grows by two or three times
// what is kept, for every file. So as the live heap grows, GOGC is set to
// the percentage that gives gcHeadroom, but never above 100 (the default,
// while the heap is small) nor below 10. The facts are kept in large
// blocks with few pointers (facts.Store), so a collection of a large heap
// costs little more than one of a small heap. Measured on 100,000 generated
// articles: peak RSS 204 MiB -> 114 MiB (GOGC=100 alone: 148 MiB).
// GOGC in the environment turns this off; GOMEMLIMIT is obeyed as usual.
func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	go func() {
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		last := 100
		for range time.Tick(10 * time.Millisecond) {
			metrics.Read(live)
			percent := int(min(max(gcHeadroom*100/max(live[0].Value.Uint64(), 1), 10), 100))
			if percent != last {
				debug.SetGCPercent(percent)
				last = percent
			}
		}
	}()
}
