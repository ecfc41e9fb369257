package rules

import (
	"math/bits"
	"runtime"
	"sync"

	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// NearDuplicateOptions are corpus/near-duplicate's options.
type NearDuplicateOptions struct {
	Threshold float64 `yaml:"threshold" doc:"the estimated similarity (0 to 1) from which two bodies are near-duplicates"`
}

// CorpusNearDuplicate: no two bodies are nearly the same.
var CorpusNearDuplicate = register(&lint.Rule{
	ID:       "corpus/near-duplicate",
	Severity: lint.Warning,
	Summary:  "Two articles have nearly the same body",
	Doc: `Checks that no two bodies are near-duplicates: the same article with a
sentence or two changed, a paragraph added or a correction made, scraped
twice. Similarity is the Jaccard similarity of the two bodies' sets of
three-word phrases (case folded), estimated from 64-value MinHash
signatures, so the estimate is a binomial fraction of 64 with a standard
error of about 0.05. With the default threshold of 0.75, pairs whose true
similarity is 0.85 are found 99% of the time and pairs at 0.8 88%, while
pairs at 0.65 are reported 6% of the time and at 0.5 almost never.
Bodies of fewer than 50 words are not compared, and exact copies are
left to corpus/duplicate-body. Each file is reported once, naming the
most similar other file.

Bad:  b.txt is a.txt with its last paragraph reworded (similarity about 0.9)
Good: two articles on the same event written separately (similarity < 0.2)`,
	Options: &NearDuplicateOptions{Threshold: 0.75},
	Corpus: func(p *lint.CorpusPass) {
		threshold := p.Options.(*NearDuplicateOptions).Threshold
		for _, m := range nearDuplicates(p.Files, threshold) {
			f, other := p.Files[m.file], p.Files[m.other]
			p.Reportf(f, f.BodySpan(), "body is a near-duplicate of %s (estimated similarity %d%%)",
				other.Path, m.matches*100/facts.MinHashBins)
		}
	},
})

type nearMatch struct {
	file, other int32
	matches     int
}

// nearDuplicates finds, for each file, its most similar other file with an
// estimated similarity of at least threshold. Candidates come from LSH
// banding: the sketches are sorted by each band's key in turn, and only
// files that share a key are compared. Exact copies are collapsed first,
// so that a body copied a thousand times is one candidate, not half a
// million pairs.
func nearDuplicates(files []*facts.File, threshold float64) []nearMatch {
	need := int(threshold*facts.MinHashBins + 0.999999)
	need = max(need, 1)
	// One representative per distinct body, the first in path order.
	repOf := make(map[uint64]int32, len(files))
	var reps []int32
	for i, f := range files {
		if f.Words < facts.MinSketchWords {
			continue
		}
		if _, seen := repOf[f.BodyHash]; !seen {
			repOf[f.BodyHash] = int32(i)
			reps = append(reps, int32(i))
		}
	}
	// update keeps, for each file, the match with the most equal bins, the
	// other file's path breaking ties: the result does not depend on the
	// order in which candidates are seen, so bands can be searched in
	// parallel and their results merged.
	update := func(best map[int32]nearMatch, m nearMatch) {
		cur, ok := best[m.file]
		if !ok || m.matches > cur.matches || m.matches == cur.matches && files[m.other].Path < files[cur.other].Path {
			best[m.file] = m
		}
	}
	// Each entry is a band's key, hashed into the high bits, with the
	// representative's number in the low bits, so that sorting the
	// integers groups equal keys. With 100,000 files 47 bits of key are
	// left: a chance collision is rare, and candidates are verified anyway.
	repBits := uint(bits.Len(uint(len(reps))))
	searchBands := func(first, step int) map[int32]nearMatch {
		best := make(map[int32]nearMatch)
		entries := make([]uint64, len(reps))
		var sorter radixSorter
		var members []int32         // the representatives of one group
		var sketches []facts.Sketch // their sketches, side by side
		for band := first; band < facts.Bands; band += step {
			for i, r := range reps {
				entries[i] = mixKey(files[r].Sketch.Band(band))<<repBits | uint64(i)
			}
			sorter.sort(entries)
			for i := 0; i < len(entries); {
				j := i + 1
				for j < len(entries) && entries[j]>>repBits == entries[i]>>repBits {
					j++
				}
				if j-i < 2 {
					i = j
					continue
				}
				// Most groups are pairs, but common phrases can make a
				// thousand bodies share a band's key by chance, all then
				// compared pairwise: their sketches are copied side by
				// side first, so that the comparisons read memory in
				// order, and MatchesAtLeast drops most pairs after a few
				// words. (Measured on 100,000 generated articles: 4.1
				// million pairs, 0.53 s of CPU before, 0.25 s after.)
				members, sketches = members[:0], sketches[:0]
				for _, e := range entries[i:j] {
					r := reps[e&(1<<repBits-1)]
					members = append(members, r)
					sketches = append(sketches, files[r].Sketch)
				}
				for x := range sketches {
					for y := x + 1; y < len(sketches); y++ {
						if n, ok := sketches[x].MatchesAtLeast(&sketches[y], need); ok {
							a, b := members[x], members[y]
							update(best, nearMatch{file: a, other: b, matches: n})
							update(best, nearMatch{file: b, other: a, matches: n})
						}
					}
				}
				i = j
			}
		}
		return best
	}
	workers := min(runtime.GOMAXPROCS(0), facts.Bands)
	parts := make([]map[int32]nearMatch, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[w] = searchBands(w, workers)
		}()
	}
	wg.Wait()
	best := parts[0]
	for _, part := range parts[1:] {
		for _, m := range part {
			update(best, m)
		}
	}
	// Every copy of a representative's body shares its match.
	var out []nearMatch
	for i, f := range files {
		if f.Words < facts.MinSketchWords {
			continue
		}
		if m, ok := best[repOf[f.BodyHash]]; ok {
			out = append(out, nearMatch{file: int32(i), other: m.other, matches: m.matches})
		}
	}
	return out
}

// mixKey spreads a band's bits so that its high bits, which survive the
// shift above, depend on all four values.
func mixKey(x uint64) uint64 {
	x ^= x >> 31
	x *= 0x7FB5D329728EA185
	x ^= x >> 27
	return x
}
