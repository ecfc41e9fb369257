//go:build ignore

// readall is the read-only baseline of the benchmarks: it walks a corpus
// and reads every .txt file with two goroutines, doing nothing else, and
// prints the file and byte counts. corpuslint's time is compared with its
// time in the same run. Usage: go run bench/readall.go DIR
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: readall DIR")
		os.Exit(2)
	}
	paths := make(chan string, 1024)
	var files, bytes int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var n, b int64
			for p := range paths {
				data, err := os.ReadFile(p)
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
				n++
				b += int64(len(data))
			}
			mu.Lock()
			files, bytes = files+n, bytes+b
			mu.Unlock()
		}()
	}
	err := filepath.WalkDir(os.Args[1], func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".txt") {
			paths <- p
		}
		return nil
	})
	close(paths)
	wg.Wait()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d bytes\n", files, bytes)
}
