package baseline

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/corpuslint/corpuslint/internal/report"
)

func rep(diags ...report.Diagnostic) *report.Report {
	r := &report.Report{}
	for _, d := range diags {
		if len(r.Files) == 0 || r.Files[len(r.Files)-1].Path != d.Path {
			r.Files = append(r.Files, report.File{Path: d.Path})
		}
		f := &r.Files[len(r.Files)-1]
		f.Diagnostics = append(f.Diagnostics, d)
	}
	return r
}

func diag(path string, line int, snippet string) report.Diagnostic {
	return report.Diagnostic{Path: path, Rule: "space/multiple", Message: "m", Start: report.Position{Line: line, Column: 3}, Snippet: snippet}
}

func TestApply(t *testing.T) {
	b := FromReport(rep(diag("a.txt", 2, "  "), diag("a.txt", 5, "  "), diag("b.txt", 1, "\t")))
	// Lines moved and one of the two identical problems fixed; b.txt not
	// checked; c.txt new.
	r := rep(diag("a.txt", 9, "  "), diag("c.txt", 1, "  "))
	r.Files = append(r.Files, report.File{Path: "d.txt"})
	hidden, stale := b.Apply(r)
	if hidden != 1 || len(stale) != 1 || stale[0].Path != "a.txt" {
		t.Errorf("hidden %d, stale %+v", hidden, stale)
	}
	if got := r.Diagnostics(); len(got) != 1 || got[0].Path != "c.txt" {
		t.Errorf("left %+v", got)
	}
}

func TestWriteRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "base.json")
	b := FromReport(rep(diag("b.txt", 1, "x"), diag("a.txt", 2, "y")))
	if err := b.Write(path); err != nil {
		t.Fatal(err)
	}
	got, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Marshal(), b.Marshal()) || got.Entries[0].Path != "a.txt" {
		t.Errorf("read back %+v", got)
	}
	if _, err := Read(filepath.Join(t.TempDir(), "none.json")); err == nil {
		t.Error("missing file read")
	}
}
