package rules

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
)

// TestAttributedBodyMatchesFind: attribution/missing looks verbs up by the
// model's word hashes; it must answer as the matcher's walk over the
// body's text does. Bodies are random words, verb forms in any case or
// glued to other text, phrases split over lines and paragraphs, and
// verb look-alikes outside ASCII.
func TestAttributedBodyMatchesFind(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	words := []string{"the", "army", "Said", "SAID", "said,", "saidx", "unsaid", "saïd", "SAÏD", "according", "According",
		"to", "To", "toward", "tells", "told.", "“Noted”", "note-taking", "re-stated", "stating", "x", "1999", "it's", "-", "'", "déclarer", "DÉCLARER"}
	seps := []string{" ", "  ", "\n", "\n\n", "\n\n\n", " \n\n ", ", ", "\t"}
	custom := []string{"say", "according to", "point out", "déclarer"}
	layout := article.DefaultLayout()
	found := 0
	for range 20000 {
		var b strings.Builder
		b.WriteString(" date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nTitle\n\nStory Code : 1\n")
		for i := range 1 + r.Intn(8) {
			if i > 0 {
				b.WriteString(seps[r.Intn(len(seps))])
			}
			b.WriteString(words[r.Intn(len(words))])
		}
		d := article.Parse("t.txt", []byte(b.String()), layout)
		for _, verbs := range [][]string{DefaultAttributionVerbs, custom} {
			m := attributionFor(verbs)
			want := m.find(d, d.Body)
			if got := attributedBody(d, m); got != want {
				t.Fatalf("verbs %q in %q: attributedBody says %v, find %v", verbs, d.Src, got, want)
			}
			if want {
				found++
			}
		}
	}
	if found < 5000 || found > 35000 {
		t.Errorf("weak test: %d of 40000 bodies attributed", found)
	}
}
