package cli

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corpuslint/corpuslint/internal/runner"
)

// lockedBuffer is a bytes.Buffer safe for the bar's goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestProgressBar(t *testing.T) {
	// Many files: drawn at once, with the count.
	var w lockedBuffer
	p := &runner.Progress{}
	p.Found.Store(progressFiles + 1)
	p.Done.Store(1234)
	p.Discovered.Store(true)
	stop := startProgress(&w, p)
	// The bar redraws every tick; wait for a drawing with the count rather
	// than for a fixed time, which a loaded machine may not keep to.
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(w.String(), "1234/2001") && time.Now().Before(deadline); {
		time.Sleep(progressTick)
	}
	stop()
	if out := w.String(); !strings.Contains(out, "1234/2001") {
		t.Errorf("bar output %q", out)
	}

	// Few files and a short run: nothing.
	var quiet lockedBuffer
	p = &runner.Progress{}
	p.Found.Store(10)
	stop = startProgress(&quiet, p)
	time.Sleep(2 * progressTick)
	stop()
	if quiet.String() != "" {
		t.Errorf("short run drew %q", quiet.String())
	}
	if isTerminal(&quiet) {
		t.Error("a buffer is a terminal")
	}
}
