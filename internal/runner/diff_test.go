package runner

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

func TestUnifiedDiffExact(t *testing.T) {
	before := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n"
	after := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\nz"
	want := `--- a/x.txt
+++ b/x.txt
@@ -1,5 +1,5 @@
 a
-b
+B
 c
 d
 e
@@ -12,3 +12,4 @@
 l
 m
 n
+z
\ No newline at end of file
`
	if got := UnifiedDiff("x.txt", []byte(before), []byte(after)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := UnifiedDiff("x.txt", []byte(before), []byte(before)); got != "" {
		t.Errorf("equal texts gave a diff:\n%s", got)
	}
}

func TestUnifiedDiffFinalNewline(t *testing.T) {
	got := UnifiedDiff("d/y.txt", []byte("one\ntwo"), []byte("one\ntwo\n"))
	want := "--- a/d/y.txt\n+++ b/d/y.txt\n@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n+two\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestUnifiedDiffApplies applies the diffs of random edits back to the
// original text and checks that they give the edited text, which also
// checks the hunk headers' line numbers and counts.
func TestUnifiedDiffApplies(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n++ {
		var lines []string
		for i := rng.Intn(40); i > 0; i-- {
			lines = append(lines, strconv.Itoa(rng.Intn(8))+"\n")
		}
		edited := append([]string(nil), lines...)
		for k := rng.Intn(5); k > 0; k-- {
			i := rng.Intn(len(edited) + 1)
			switch rng.Intn(3) {
			case 0:
				edited = append(edited[:i], append([]string{"new\n"}, edited[i:]...)...)
			case 1:
				if i < len(edited) {
					edited = append(edited[:i], edited[i+1:]...)
				}
			case 2:
				if i < len(edited) {
					edited[i] = "changed\n"
				}
			}
		}
		before, after := strings.Join(lines, ""), strings.Join(edited, "")
		if rng.Intn(4) == 0 {
			after = strings.TrimSuffix(after, "\n")
		}
		d := UnifiedDiff("f", []byte(before), []byte(after))
		got, err := applyUnified(before, d)
		if err != nil {
			t.Fatalf("case %d: %v\nbefore %q\nafter %q\ndiff:\n%s", n, err, before, after, d)
		}
		if got != after {
			t.Fatalf("case %d: applying the diff gave %q, want %q\ndiff:\n%s", n, got, after, d)
		}
	}
}

// applyUnified is a strict patch: context and removed lines must match
// and the hunk headers must be right.
func applyUnified(src, diff string) (string, error) {
	if diff == "" {
		return src, nil
	}
	old := strings.SplitAfter(src, "\n")
	if old[len(old)-1] == "" {
		old = old[:len(old)-1]
	}
	lines := strings.SplitAfter(diff, "\n")
	var out []string
	at := 0 // next old line to copy
	for i := 2; i < len(lines) && lines[i] != ""; {
		var os, oc, ns, nc int
		h := lines[i]
		if _, err := fmt.Sscanf(normalizeHeader(h), "@@ -%d,%d +%d,%d @@", &os, &oc, &ns, &nc); err != nil {
			return "", fmt.Errorf("bad hunk header %q: %v", h, err)
		}
		start := os - 1
		if oc == 0 {
			start = os
		}
		if start < at {
			return "", fmt.Errorf("hunk %q goes backwards", h)
		}
		out = append(out, old[at:start]...)
		at = start
		i++
		gotOld, gotNew := 0, 0
		for ; i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@"); i++ {
			l := lines[i]
			text := l[1:]
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], `\ No newline`) {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch l[0] {
			case ' ', '-':
				if at >= len(old) || old[at] != text {
					return "", fmt.Errorf("line %d: want %q, file has %q", at+1, text, old[min(at, len(old)-1)])
				}
				at++
				gotOld++
				if l[0] == ' ' {
					out = append(out, text)
					gotNew++
				}
			case '+':
				out = append(out, text)
				gotNew++
			default:
				return "", fmt.Errorf("bad diff line %q", l)
			}
		}
		if gotOld != oc || gotNew != nc {
			return "", fmt.Errorf("hunk %q has %d old and %d new lines", h, gotOld, gotNew)
		}
	}
	out = append(out, old[at:]...)
	return strings.Join(out, ""), nil
}

// normalizeHeader writes the counts that diff -u leaves out when they are 1.
func normalizeHeader(h string) string {
	f := strings.Fields(h)
	for i := 1; i <= 2 && i < len(f); i++ {
		if !strings.Contains(f[i], ",") {
			f[i] += ",1"
		}
	}
	return strings.Join(f, " ")
}

func TestUnifiedDiffHugeLine(t *testing.T) {
	line := strings.Repeat("word ", 2<<20) // 10 MB on one line
	d := UnifiedDiff("big.txt", []byte(line), []byte(line+"\n"))
	if !strings.HasPrefix(d, "--- a/big.txt\n+++ b/big.txt\n@@ -1 +1 @@\n-word ") {
		t.Errorf("unexpected diff start %q", d[:min(80, len(d))])
	}
}
