package lint

import (
	"fmt"

	"github.com/corpuslint/corpuslint/internal/article"
)

// Safety says whether a fix may be applied without a human looking.
type Safety int

const (
	// Safe fixes change only whitespace, line endings, quote marks in
	// unambiguous positions, and encoding repairs that round-trip exactly.
	Safe Safety = iota
	// Unsafe fixes may change meaning (deleting a line, choosing a word) and
	// are applied only with --unsafe-fixes.
	Unsafe
)

func (s Safety) String() string {
	if s == Safe {
		return "safe"
	}
	return "unsafe"
}

// MarshalText writes "safe" or "unsafe".
func (s Safety) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Edit replaces the bytes [Start, End) of the source with Text. Start ==
// End inserts.
type Edit struct {
	Start, End int
	Text       string
}

// Fix is a suggested change: a description and non-overlapping edits.
type Fix struct {
	Description string
	Safety      Safety
	Edits       []Edit
}

// Diagnostic is one problem found in one file. Positions are byte spans;
// lines and columns are the formatters' business.
type Diagnostic struct {
	Rule     string
	Severity Severity
	Message  string
	Span     article.Span
	Fix      *Fix
}

// SafeFix returns a safe fix made of one edit.
func SafeFix(description string, start, end int, text string) *Fix {
	return oneEditFix(description, Safe, Edit{start, end, text})
}

// UnsafeFix returns an unsafe fix made of one edit.
func UnsafeFix(description string, start, end int, text string) *Fix {
	return oneEditFix(description, Unsafe, Edit{start, end, text})
}

// oneEditFix allocates the fix and its edit together: most fixes have one
// edit, and a file full of problems then costs one allocation per fix
// rather than two.
func oneEditFix(description string, safety Safety, e Edit) *Fix {
	f := &struct {
		Fix
		edit [1]Edit
	}{Fix: Fix{Description: description, Safety: safety}, edit: [1]Edit{e}}
	f.Edits = f.edit[:]
	return &f.Fix
}

// Validate checks that a fix's edits are in range, sorted and disjoint.
func (f *Fix) Validate(srcLen int) error {
	prevEnd := -1
	for i, e := range f.Edits {
		if e.Start < 0 || e.End < e.Start || e.End > srcLen {
			return fmt.Errorf("edit %d [%d,%d) out of range (source has %d bytes)", i, e.Start, e.End, srcLen)
		}
		if e.Start < prevEnd {
			return fmt.Errorf("edit %d [%d,%d) overlaps the edit before it", i, e.Start, e.End)
		}
		prevEnd = e.End
	}
	return nil
}
