package format

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/fatih/color"
	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

// full is the default human format, modelled on ruff and rustc:
//
//	a/x.txt:2:1: error [dateline/weekday] [*] Tuesday is not the weekday of 7 August 2024
//	  |
//	2 | Tuesday 7 August 2024 - 21:29
//	  | ^^^^^^^
//	  |
//	help: write Wednesday
//	  |
//	2 - Tuesday 7 August 2024 - 21:29
//	2 + Wednesday 7 August 2024 - 21:29
//
// Everything taken from the article is escaped or made visible; colour is
// decoration only, so the text reads the same without it.
func init() { register("full", writeFull) }

func writeFull(w io.Writer, r *report.Report, opt Options) error {
	bw := bufio.NewWriter(w)
	p := palette{on: opt.Color}
	for i, d := range r.Diagnostics() {
		if i > 0 {
			bw.WriteByte('\n')
		}
		writeFullDiagnostic(bw, d, p)
	}
	return bw.Flush()
}

// palette paints text when colour is on. fatih/color decides by itself
// from stdout being a terminal; here the caller's choice is forced.
type palette struct{ on bool }

func (p palette) paint(s string, attrs ...color.Attribute) string {
	if !p.on || s == "" {
		return s
	}
	c := color.New(attrs...)
	c.EnableColor()
	return c.Sprint(s)
}

func severityAttrs(s lint.Severity) []color.Attribute {
	switch s {
	case lint.Error:
		return []color.Attribute{color.FgRed, color.Bold}
	case lint.Warning:
		return []color.Attribute{color.FgYellow, color.Bold}
	}
	return []color.Attribute{color.FgCyan, color.Bold}
}

var (
	boldAttrs    = []color.Attribute{color.Bold}
	gutterAttrs  = []color.Attribute{color.FgBlue, color.Bold}
	markerAttrs  = []color.Attribute{color.FgMagenta}
	helpAttrs    = []color.Attribute{color.FgCyan, color.Bold}
	removedAttrs = []color.Attribute{color.FgRed}
	addedAttrs   = []color.Attribute{color.FgGreen}
)

func writeFullDiagnostic(b *bufio.Writer, d report.Diagnostic, p palette) {
	sev := severityAttrs(d.Severity)
	fmt.Fprintf(b, "%s: %s %s",
		p.paint(fmt.Sprintf("%s:%d:%d", oneLine(d.Path), d.Start.Line, d.Start.Column), color.Bold),
		p.paint(d.Severity.String(), sev...), p.paint("["+d.Rule+"]", color.Bold))
	if m := fixMarker(d.Fix); m != "" {
		b.WriteString(" " + p.paint(m, helpAttrs...))
	}
	b.WriteString(" " + oneLine(d.Message) + "\n")
	if d.Corpus {
		return // it compares files: there is no one line to show
	}

	var diff []diffLine
	if d.Fix != nil && (d.Fix.Before != "" || d.Fix.After != "") {
		diff = lineDiff(d.Fix.Before, d.Fix.After, d.Fix.BeforeLine)
	}
	width := len(strconv.Itoa(d.Start.Line))
	for _, l := range diff {
		width = max(width, len(strconv.Itoa(l.number)))
	}
	blank := strings.Repeat(" ", width)
	bar := p.paint("|", gutterAttrs...)
	number := func(n int) string { return p.paint(fmt.Sprintf("%*d", width, n), gutterAttrs...) }
	// row writes one gutter line, without trailing blanks when text is empty.
	row := func(left, sep, text string) {
		if text == "" {
			fmt.Fprintf(b, "%s %s\n", left, sep)
			return
		}
		fmt.Fprintf(b, "%s %s %s\n", left, sep, text)
	}

	source, underline := renderSpan(d, p)
	row(blank, bar, "")
	row(number(d.Start.Line), bar, source)
	row(blank, bar, p.paint(underline, sev...))

	if d.Fix == nil {
		return
	}
	row(blank, bar, "")
	help := oneLine(d.Fix.Description)
	if help == "" {
		help = "apply the suggested fix"
	}
	if d.Fix.Safety != lint.Safe {
		help += " (unsafe fix)"
	}
	fmt.Fprintf(b, "%s: %s\n", p.paint("help", helpAttrs...), help)
	if len(diff) == 0 {
		return
	}
	row(blank, bar, "")
	for _, l := range diff {
		text := renderLine(l.text, p)
		switch l.kind {
		case diffmatchpatch.DiffDelete:
			row(number(l.number), p.paint("-", removedAttrs...), text)
		case diffmatchpatch.DiffInsert:
			row(number(l.number), p.paint("+", addedAttrs...), text)
		default:
			row(number(l.number), bar, text)
		}
		if l.noNewline {
			row(blank, bar, p.paint(`\ no newline at end of file`, markerAttrs...))
		}
	}
}

// renderSpan returns the diagnostic's source line made visible and, below
// it, the underline: carets as wide as the span in display columns, one
// caret for an empty span, and a note when the span runs onto later lines.
func renderSpan(d report.Diagnostic, p palette) (source, underline string) {
	pieces := visible(d.Source, 0)
	var src strings.Builder
	lead := 0
	if d.SourceStart > 1 {
		src.WriteString("…")
		lead = 1
	}
	for _, pc := range pieces {
		if pc.marker {
			src.WriteString(p.paint(pc.text, markerAttrs...))
		} else {
			src.WriteString(pc.text)
		}
	}
	if d.SourceMore {
		src.WriteString("…")
	}

	// Span bounds as indexes into pieces (one piece per code point); an
	// end past the last piece covers the line terminator.
	start := clamp(d.Start.Column-d.SourceStart, 0, len(pieces))
	end := len(pieces) + 1
	if d.End.Line == d.Start.Line {
		end = d.End.Column - d.SourceStart
	}
	end = clamp(end, start, len(pieces)+1)
	pad, carets := lead, 0
	for i, pc := range pieces {
		switch {
		case i < start:
			pad += pc.width
		case i < end:
			carets += pc.width
		}
	}
	if end > len(pieces) {
		carets++ // the line terminator, or the end of the file
	}
	carets = max(carets, 1)
	underline = strings.Repeat(" ", pad) + strings.Repeat("^", carets)
	if d.End.Line > d.Start.Line {
		underline += fmt.Sprintf(" …to %d:%d", d.End.Line, d.End.Column)
	}
	return strings.TrimRight(src.String(), " "), underline
}

// renderLine makes a line of a diff visible.
func renderLine(line string, p palette) string {
	var b strings.Builder
	for _, pc := range visible(line, 0) {
		if pc.marker {
			b.WriteString(p.paint(pc.text, markerAttrs...))
		} else {
			b.WriteString(pc.text)
		}
	}
	return b.String()
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

// diffLine is one line of a fix's diff.
type diffLine struct {
	kind      diffmatchpatch.Operation
	number    int    // old line number for deletions and context, new for insertions
	text      string // without its "\n"; a "\r" before it stays and shows as <CR>
	noNewline bool   // the line ends the file without a newline
}

// lineDiff diffs before and after line by line, numbering from first. It
// uses go-diff's line mode with no timeout, so that the result never
// depends on the machine's speed.
func lineDiff(before, after string, first int) []diffLine {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	a, b, lines := dmp.DiffLinesToRunes(before, after)
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(a, b, false), lines)
	var out []diffLine
	oldN, newN := first, first
	for _, d := range diffs {
		for _, line := range strings.SplitAfter(d.Text, "\n") {
			if line == "" {
				continue
			}
			l := diffLine{kind: d.Type, text: strings.TrimSuffix(line, "\n"), noNewline: !strings.HasSuffix(line, "\n")}
			switch d.Type {
			case diffmatchpatch.DiffDelete:
				l.number = oldN
				oldN++
			case diffmatchpatch.DiffInsert:
				l.number = newN
				newN++
			default:
				l.number = oldN
				oldN++
				newN++
			}
			out = append(out, l)
		}
	}
	return out
}
