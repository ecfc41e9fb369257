// Package report holds what the formatters print: diagnostics resolved to
// lines and columns, with the source text a reader needs to see them. It
// is built once per file from the engine's byte spans, so that formatters
// only format and the file's text need not be kept.
package report

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/textpos"
)

// Position re-exports textpos.Position for the formatters.
type Position = textpos.Position

// Edit is a fix's edit, resolved.
type Edit struct {
	Start, End Position
	Text       string
}

// Fix is a suggested fix, resolved. Before and After are the whole lines
// the edits touch, as they are and as they would be, for showing a diff.
type Fix struct {
	Description string
	Safety      lint.Safety
	Edits       []Edit
	BeforeLine  int // 1-based line where Before starts
	Before      string
	After       string
}

// Diagnostic is one problem, resolved for printing.
type Diagnostic struct {
	Path     string
	Rule     string
	Severity lint.Severity
	Message  string
	Start    Position
	End      Position // exclusive
	Fix      *Fix
	// Source is the text of the line where the diagnostic starts, cut to
	// a window around the span when the line is very long; SourceStart is
	// the 1-based code point column of Source's first character.
	Source      string
	SourceStart int
	// SourceMore is true when the line goes on after Source.
	SourceMore bool
	// Snippet is the matched text (capped), used for fingerprints.
	Snippet string
	// Corpus marks a diagnostic of a corpus rule (corpus/*): it compares
	// files, so it has positions but no Source or Snippet (the file's text
	// is not at hand when the corpus rules run), and formatters show no
	// source excerpt for it.
	Corpus bool
}

// File is the result for one file.
type File struct {
	Path        string
	Diagnostics []Diagnostic
	// Fixed counts the fixes applied to the file (with --fix).
	Fixed int
}

// Report is everything one run found.
type Report struct {
	Files []File
	// FilesChecked counts the files read and linted.
	FilesChecked int
	// Errors are files that could not be checked and internal errors, one
	// line each, already naming the file.
	Errors []string
}

// Diagnostics returns every diagnostic in output order: path, line, column, rule.
func (r *Report) Diagnostics() []Diagnostic {
	var out []Diagnostic
	for _, f := range r.Files {
		out = append(out, f.Diagnostics...)
	}
	return out
}

// Sort puts files in path order and each file's diagnostics in position order.
func (r *Report) Sort() {
	slices.SortStableFunc(r.Files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for _, f := range r.Files {
		if len(f.Diagnostics) < 2 {
			continue
		}
		slices.SortStableFunc(f.Diagnostics, func(a, b Diagnostic) int {
			if a.Start.Line != b.Start.Line {
				return a.Start.Line - b.Start.Line
			}
			if a.Start.Column != b.Start.Column {
				return a.Start.Column - b.Start.Column
			}
			return strings.Compare(a.Rule, b.Rule)
		})
	}
}

// Counts sums the diagnostics by severity, and the fixable ones.
func (r *Report) Counts() (bySeverity map[lint.Severity]int, fixable int) {
	bySeverity = map[lint.Severity]int{}
	for _, f := range r.Files {
		for _, d := range f.Diagnostics {
			bySeverity[d.Severity]++
			if d.Fix != nil {
				fixable++
			}
		}
	}
	return bySeverity, fixable
}

// Limits on the text kept per diagnostic, so that a report on a 100 MB
// line stays small.
const (
	sourceWindow = 240 // code points kept either side of the span start
	snippetMax   = 200 // bytes of matched text kept
)

// Resolve converts one file's diagnostics into report form.
func Resolve(path string, src []byte, diags []lint.Diagnostic) File {
	f := File{Path: path}
	if len(diags) == 0 {
		return f
	}
	idx := textpos.NewIndex(src)
	f.Diagnostics = make([]Diagnostic, 0, len(diags))
	for _, d := range diags {
		rd := Diagnostic{
			Path: path, Rule: d.Rule, Severity: d.Severity, Message: d.Message,
			Start: idx.Pos(d.Span.Start), End: idx.Pos(d.Span.End),
		}
		rd.Source, rd.SourceStart, rd.SourceMore = sourceWindowAround(idx, rd.Start)
		snip := src[d.Span.Start:d.Span.End]
		if len(snip) > snippetMax {
			snip = snip[:snippetMax]
		}
		rd.Snippet = string(snip)
		if d.Fix != nil {
			rd.Fix = resolveFix(idx, src, d.Fix)
		}
		f.Diagnostics = append(f.Diagnostics, rd)
	}
	return f
}

// FromCorpus converts a corpus rule's diagnostic into report form. Its
// positions were resolved when the file's facts were extracted.
func FromCorpus(d lint.CorpusDiagnostic) Diagnostic {
	return Diagnostic{
		Path: d.Path, Rule: d.Rule, Severity: d.Severity, Message: d.Message,
		Start: d.Start, End: d.End, Corpus: true,
	}
}

func sourceWindowAround(idx *textpos.Index, p Position) (text string, start int, more bool) {
	line := idx.LineText(p.Line)
	// A window holds at most 2*sourceWindow code points, so at most
	// 4*2*sourceWindow bytes: only then is counting the line's runes
	// worth it (counting a 100 MB line per diagnostic would not be).
	if len(line) <= 2*sourceWindow || (len(line) <= 8*sourceWindow && utf8.RuneCount(line) <= 2*sourceWindow) {
		return string(line), 1, false
	}
	// Walk back and forward sourceWindow code points from the span start.
	at := p.ByteColumn - 1
	if at > len(line) {
		at = len(line)
	}
	lo := at
	for n := 0; n < sourceWindow && lo > 0; n++ {
		_, size := utf8.DecodeLastRune(line[:lo])
		lo -= size
	}
	hi := at
	for n := 0; n < sourceWindow && hi < len(line); n++ {
		_, size := utf8.DecodeRune(line[hi:])
		hi += size
	}
	return string(line[lo:hi]), p.Column - utf8.RuneCount(line[lo:at]), hi < len(line)
}

func resolveFix(idx *textpos.Index, src []byte, fx *lint.Fix) *Fix {
	out := &Fix{Description: fx.Description, Safety: fx.Safety}
	if len(fx.Edits) == 0 {
		return out
	}
	for _, e := range fx.Edits {
		out.Edits = append(out.Edits, Edit{Start: idx.Pos(e.Start), End: idx.Pos(e.End), Text: e.Text})
	}
	first, last := out.Edits[0].Start.Line, out.Edits[len(out.Edits)-1].End.Line
	from := idx.LineStart(first)
	to := len(src)
	if last < idx.Lines() {
		to = idx.LineStart(last + 1)
	}
	if to-from > 4*sourceWindow {
		return out // too long to show as a diff; the edits are still there
	}
	out.BeforeLine = first
	out.Before = string(src[from:to])
	var b []byte
	at := from
	for _, e := range fx.Edits {
		b = append(b, src[at:e.Start]...)
		b = append(b, e.Text...)
		at = e.End
	}
	b = append(b, src[at:to]...)
	out.After = string(b)
	return out
}
