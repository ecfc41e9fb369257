package facts

import (
	"math/rand"
	"testing"
)

// TestNormaliseASCIITitle: the byte-by-byte path for plain ASCII titles
// gives what the general one gives, and declines every title it cannot
// settle.
func TestNormaliseASCIITitle(t *testing.T) {
	r := rand.New(rand.NewSource(9))
	const chars = "aZ9 '\"`-.,:\t\x7f\x01"
	taken := 0
	for range 50000 {
		b := make([]byte, r.Intn(12))
		for i := range b {
			b[i] = chars[r.Intn(len(chars))]
		}
		if r.Intn(10) == 0 {
			b = append(b, "é’“"[r.Intn(3)*2:][:2]...)
		}
		// Both append after what dst already holds, and the ASCII path
		// leaves it as it was when it declines.
		got, ok := appendASCIITitle([]byte("x"), b)
		if !ok {
			if string(got) != "x" {
				t.Fatalf("%q: declined but left %q", b, got)
			}
			continue
		}
		taken++
		if want := appendTitleRunes([]byte("x"), b); string(got) != string(want) {
			t.Fatalf("%q: %q, want %q", b, got, want)
		}
	}
	if taken < 5000 {
		t.Errorf("weak test: the ASCII path took only %d titles", taken)
	}
}
