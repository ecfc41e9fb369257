package cli

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/corpuslint/corpuslint/internal/runner"
)

// A progress bar (files done, files per second) is drawn on standard error
// when it is a terminal and the run is long: more than progressAfter, or
// more than progressFiles files found. Never otherwise, so that logs,
// pipes and machine-readable output stay clean. --no-progress and --quiet
// turn it off.
const (
	progressAfter = time.Second
	progressFiles = 2000
	progressTick  = 100 * time.Millisecond
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// startProgress polls p and draws a bar on w once the run proves long. The
// returned stop clears the bar; it must be called before anything else is
// written to w.
func startProgress(w io.Writer, p *runner.Progress) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		start := time.Now()
		tick := time.NewTicker(progressTick)
		defer tick.Stop()
		var bar *progressbar.ProgressBar
		sized := false
		for {
			select {
			case <-done:
				if bar != nil {
					bar.Clear()
				}
				return
			case <-tick.C:
			}
			found := p.Found.Load()
			if bar == nil {
				if time.Since(start) < progressAfter && found <= progressFiles {
					continue
				}
				bar = progressbar.NewOptions64(-1,
					progressbar.OptionSetWriter(w),
					progressbar.OptionSetDescription("checking"),
					progressbar.OptionShowCount(),
					progressbar.OptionShowIts(),
					progressbar.OptionSetItsString("files"),
					progressbar.OptionThrottle(progressTick),
					progressbar.OptionClearOnFinish(),
				)
			}
			if !sized && p.Discovered.Load() {
				bar.ChangeMax64(found)
				sized = true
			}
			bar.Set64(p.Done.Load())
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}
