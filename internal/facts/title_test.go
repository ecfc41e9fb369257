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
		got, ok := normaliseASCIITitle(b)
		if !ok {
			continue
		}
		taken++
		if want := normaliseTitleRunes(b); got != want {
			t.Fatalf("%q: %q, want %q", b, got, want)
		}
	}
	if taken < 5000 {
		t.Errorf("weak test: the ASCII path took only %d titles", taken)
	}
}
