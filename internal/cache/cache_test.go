package cache

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

func sampleFile(path string) report.File {
	pos := func(off, line, col int) report.Position {
		return report.Position{Offset: off, Line: line, Column: col, UTF16Column: col, ByteColumn: col + 1}
	}
	return report.File{Path: path, Diagnostics: []report.Diagnostic{
		{Path: path, Rule: "space/multiple", Severity: lint.Warning, Message: "2 spaces", Start: pos(10, 2, 3), End: pos(12, 2, 5),
			Source: "a  b", SourceStart: 1, Snippet: "  ",
			Fix: &report.Fix{Description: "one space", Safety: lint.Safe, BeforeLine: 2, Before: "a  b\n", After: "a b\n",
				Edits: []report.Edit{{Start: pos(10, 2, 3), End: pos(12, 2, 5), Text: " "}}}},
		{Path: path, Rule: "corpus/x", Severity: lint.Error, Message: "dup", Start: pos(0, 1, 1), End: pos(0, 1, 1), Corpus: true, SourceMore: true},
	}}
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	c, err := Open(filepath.Join(dir, "cache"))
	if err != nil {
		t.Fatal(err)
	}
	f := sampleFile("a.txt")
	c.Put(file, 1, 2, &f, nil)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c, _ = Open(filepath.Join(dir, "cache"))
	got, fa, ok := c.Get(file, "shown/a.txt", 1, 2)
	want := sampleFile("shown/a.txt")
	if !ok || fa || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, %v, %v", got, fa, ok)
	}
	if _, _, ok := c.Get(file, "a.txt", 1, 3); ok {
		t.Error("hit with other settings")
	}
	if _, _, ok := c.Get(file, "a.txt", 9, 2); ok {
		t.Error("hit with other content")
	}

	// Nothing changed: the pack is not rewritten.
	before, _ := os.Stat(filepath.Join(dir, "cache", packName))
	c.Put(file, 1, 2, &f, nil)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(filepath.Join(dir, "cache", packName))
	if !os.SameFile(before, after) {
		t.Error("unchanged cache rewritten")
	}

	// A file deleted since is dropped when the pack is next written.
	os.Remove(file)
	other := filepath.Join(dir, "b.txt")
	os.WriteFile(other, []byte("y"), 0o644)
	c.Put(other, 1, 2, &f, nil)
	c.Save()
	c, _ = Open(filepath.Join(dir, "cache"))
	if c.Len() != 1 {
		t.Errorf("%d entries after the file was deleted, want 1", c.Len())
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, "cache", "*.tmp")); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

func TestDamaged(t *testing.T) {
	dir := t.TempDir()
	c, _ := Open(dir)
	f := sampleFile("a.txt")
	c.Put("/a.txt", 1, 2, &f, nil)
	c.Save()
	data, _ := os.ReadFile(filepath.Join(dir, packName))
	for _, cut := range []int{len(data) - 1, len(data) / 2, len(magic) + 1, 3} {
		os.WriteFile(filepath.Join(dir, packName), data[:cut], 0o644)
		c, err := Open(dir)
		if err != nil || c.Warning == "" || c.Len() != 0 {
			t.Errorf("cut at %d: err %v, warning %q, %d entries", cut, err, c.Warning, c.Len())
		}
	}
}
