// Package baseline lets an existing archive adopt corpuslint: a baseline
// file records the problems a run found (--write-baseline), and later runs
// hide those problems (--baseline), so that CI fails only on new ones.
//
// A problem is recorded by its path, rule and fingerprint: the same
// fingerprint SARIF's partialFingerprints and GitLab's report carry
// (format.Fingerprints), a hash of the rule, the path, the matched text
// and how many identical matches precede it in the file. It survives
// lines moving and edits elsewhere in the file; it changes when the
// problem's own text changes, which makes the problem new.
//
// The file is JSON, with a version, entries sorted by path, rule and
// fingerprint, and the message for a reader's benefit (not matched on),
// so that it diffs well in review and two runs over the same corpus write
// the same bytes.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/corpuslint/corpuslint/internal/atomicfile"
	"github.com/corpuslint/corpuslint/internal/format"
	"github.com/corpuslint/corpuslint/internal/report"
)

// Version is the baseline format's version.
const Version = 1

// File is a baseline file.
type File struct {
	Version int     `json:"version"`
	Tool    string  `json:"tool"`
	Entries []Entry `json:"entries"`
}

// Entry is one recorded problem.
type Entry struct {
	Path        string `json:"path"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`
}

type key struct{ path, rule, fingerprint string }

// FromReport records every diagnostic of r.
func FromReport(r *report.Report) *File {
	prints := format.Fingerprints(r)
	b := &File{Version: Version, Tool: "corpuslint", Entries: []Entry{}}
	for i, d := range r.Diagnostics() {
		b.Entries = append(b.Entries, Entry{Path: d.Path, Rule: d.Rule, Fingerprint: prints[i], Message: d.Message})
	}
	b.sort()
	return b
}

func (b *File) sort() {
	sort.Slice(b.Entries, func(i, j int) bool {
		x, y := b.Entries[i], b.Entries[j]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
}

// Marshal returns the file's JSON, indented, with a final newline.
func (b *File) Marshal() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(b) // only strings and ints: it cannot fail
	return buf.Bytes()
}

// Write writes the baseline to path atomically: a temporary file in the
// same folder renamed into place, so a failed write leaves the old one.
func (b *File) Write(path string) error {
	err := atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(b.Marshal())
		return err
	})
	if err != nil {
		return fmt.Errorf("cannot write the baseline: %v", err)
	}
	return nil
}

// Read reads a baseline file, checking its version.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the baseline: %v", errors.Unwrap(err))
	}
	var b File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s: not a corpuslint baseline: %v", path, err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d, this corpuslint reads version %d (write it again with --write-baseline)", path, b.Version, Version)
	}
	return &b, nil
}

// Apply removes from r the diagnostics the baseline records and returns
// how many it hid and the stale entries: those of files checked in r that
// match no diagnostic any more (the problem was fixed, or its text
// changed). Entries of files r did not check are neither used nor stale.
// Each entry hides one diagnostic.
func (b *File) Apply(r *report.Report) (hidden int, stale []Entry) {
	left := map[key]int{}
	for _, e := range b.Entries {
		left[key{e.Path, e.Rule, e.Fingerprint}]++
	}
	prints := format.Fingerprints(r)
	checked := map[string]bool{}
	i := 0
	for fi := range r.Files {
		f := &r.Files[fi]
		checked[f.Path] = true
		kept := f.Diagnostics[:0]
		for _, d := range f.Diagnostics {
			k := key{d.Path, d.Rule, prints[i]}
			i++
			if left[k] > 0 {
				left[k]--
				hidden++
				continue
			}
			kept = append(kept, d)
		}
		f.Diagnostics = kept
	}
	for _, e := range b.Entries {
		k := key{e.Path, e.Rule, e.Fingerprint}
		if checked[e.Path] && left[k] > 0 {
			left[k]--
			stale = append(stale, e)
		}
	}
	return hidden, stale
}
