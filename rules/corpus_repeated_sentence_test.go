package rules

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// TestRepeatedSentenceMatchesPairwise: the rule finds repeats through
// keys in a small hash set, falling back to a full comparison when the
// set would fill. Its reports must be those of comparing every pair of
// long sentences, for articles of a few sentences to well past the set's
// capacity, with and without repeats.
func TestRepeatedSentenceMatchesPairwise(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	vocabulary := strings.Fields("the army said on Monday that forces had THE Army reached town and Town")
	sentence := func() string {
		words := make([]string, 3+r.Intn(10))
		for i := range words {
			words[i] = vocabulary[r.Intn(len(vocabulary))]
		}
		words[0] = "The"
		return strings.Join(words, " ") + "."
	}
	layout := article.DefaultLayout()
	reports := 0
	for _, sentences := range []int{1, 5, 20, 63, 64, 65, 100, 200} {
		for range 20 {
			var pool, paras []string
			for range sentences {
				s := sentence()
				if len(pool) > 0 && r.Intn(20) == 0 {
					s = pool[r.Intn(len(pool))] // a planted repeat
				}
				pool = append(pool, s)
			}
			for len(pool) > 0 {
				n := min(1+r.Intn(4), len(pool))
				paras, pool = append(paras, strings.Join(pool[:n], " ")), pool[n:]
			}
			src := " date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nTitle\n\nStory Code : 1\n" + strings.Join(paras, "\n\n") + "\n"
			d := article.Parse("t.txt", []byte(src), layout)
			diags, errs := lint.Check(d, []lint.Configured{lint.Default(CorpusRepeatedSentence)})
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			var got, want []string
			for _, diag := range diags {
				got = append(got, fmt.Sprint(diag.Span, diag.Message))
			}
			want = pairwiseRepeats(d)
			if !slices.Equal(got, want) {
				t.Fatalf("%d sentences:\n got %q\nwant %q\nin %q", sentences, got, want, src)
			}
			reports += len(got)
		}
	}
	if reports < 50 {
		t.Errorf("weak test: only %d repeats reported", reports)
	}
}

// pairwiseRepeats reports, in document order, each long sentence whose
// words (ignoring case) equal those of an earlier one.
func pairwiseRepeats(d *article.Doc) []string {
	type long struct {
		span  article.Span
		words []string
	}
	var all []long
	for _, p := range d.Paragraphs {
		for _, s := range p.Sentences {
			var words []string
			d.Words(s, func(w article.Span) bool {
				words = append(words, strings.ToLower(d.String(w)))
				return true
			})
			if len(words) >= minRepeatedWords {
				all = append(all, long{s, words})
			}
		}
	}
	var out []string
	for i := range all {
		for j := range i {
			if slices.Equal(all[i].words, all[j].words) {
				out = append(out, fmt.Sprint(all[i].span, fmt.Sprintf("sentence repeats the one on line %d", d.LineAt(all[j].span.Start)+1)))
				break
			}
		}
	}
	return out
}
