package runner

import (
	"fmt"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// diffContext is the number of unchanged lines shown around a change, as
// in `diff -u`.
const diffContext = 3

type diffLine struct {
	op   byte // ' ', '-' or '+'
	text string
}

// UnifiedDiff returns the unified diff that turns before into after, with
// the a/ and b/ path prefixes that `git apply` and `patch -p1` expect, or
// "" when the texts are equal.
func UnifiedDiff(path string, before, after []byte) string {
	if string(before) == string(after) {
		return ""
	}
	lines := diffLines(string(before), string(after))
	var b strings.Builder
	fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", path, path)
	// oldNo and newNo are the 1-based line numbers of lines[i] on each side.
	oldNo := make([]int, len(lines)+1)
	newNo := make([]int, len(lines)+1)
	oldNo[0], newNo[0] = 1, 1
	for i, l := range lines {
		oldNo[i+1], newNo[i+1] = oldNo[i], newNo[i]
		if l.op != '+' {
			oldNo[i+1]++
		}
		if l.op != '-' {
			newNo[i+1]++
		}
	}
	for _, h := range hunks(lines) {
		oldCount := oldNo[h[1]] - oldNo[h[0]]
		newCount := newNo[h[1]] - newNo[h[0]]
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(oldNo[h[0]], oldCount), hunkRange(newNo[h[0]], newCount))
		for _, l := range lines[h[0]:h[1]] {
			b.WriteByte(l.op)
			b.WriteString(l.text)
			if !strings.HasSuffix(l.text, "\n") {
				b.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	return b.String()
}

// diffLines diffs the texts line by line. Each distinct line becomes one
// rune, so the diff's cost depends on the number of lines, not their
// length: a 100 MB line is one symbol. There is no time limit, so the
// result is the same on a loaded machine.
func diffLines(before, after string) []diffLine {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	c1, c2, table := dmp.DiffLinesToChars(before, after)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(c1, c2, false), table)
	var out []diffLine
	for _, d := range diffs {
		op := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = '-'
		case diffmatchpatch.DiffInsert:
			op = '+'
		}
		text := d.Text
		for text != "" {
			n := strings.IndexByte(text, '\n') + 1
			if n == 0 {
				n = len(text)
			}
			out = append(out, diffLine{op, text[:n]})
			text = text[n:]
		}
	}
	return out
}

// hunks groups the changed lines into [start, end) ranges of lines with
// their context; changes closer than twice the context share a hunk.
func hunks(lines []diffLine) [][2]int {
	var out [][2]int
	for i := 0; i < len(lines); {
		if lines[i].op == ' ' {
			i++
			continue
		}
		start := max(0, i-diffContext)
		end := i // one past the last changed line of this hunk
		for j := i; j < len(lines); {
			if lines[j].op != ' ' {
				j++
				end = j
				continue
			}
			k := j
			for k < len(lines) && lines[k].op == ' ' {
				k++
			}
			if k == len(lines) || k-j > 2*diffContext {
				break
			}
			j = k
		}
		out = append(out, [2]int{start, min(len(lines), end+diffContext)})
		i = end
	}
	return out
}

// hunkRange writes a hunk header's "start,count", as diff -u does: the
// count is left out when it is 1, and an empty range starts at the line
// before it.
func hunkRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start-1)
	case 1:
		return fmt.Sprintf("%d", start)
	}
	return fmt.Sprintf("%d,%d", start, count)
}
