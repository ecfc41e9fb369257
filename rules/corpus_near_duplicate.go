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
// banding: for each band in turn, the files are grouped by that band's key,
// and only files that share a key are compared. Exact copies are collapsed
// first, so that a body copied a thousand times is one candidate, not half
// a million pairs.
func nearDuplicates(files []*facts.File, threshold float64) []nearMatch {
	need := int(threshold*facts.MinHashBins + 0.999999)
	need = max(need, 1)
	// One representative per distinct body, the first in path order:
	// firstOf[i] is file i's representative, -1 if it has none. (The
	// search keeps its memory small: the run's heap is large by now, and
	// with the small headroom the run gives the collector, every 16 MB
	// allocated here costs a collection of the whole heap.)
	firstOf := firstByKey(files, func(f *facts.File) (uint64, bool) {
		return f.BodyHash, f.Words >= facts.MinSketchWords
	})
	n := 0
	for i, first := range firstOf {
		if first == int32(i) {
			n++
		}
	}
	reps := make([]int32, 0, n) // the representatives' file numbers
	for i, first := range firstOf {
		if first == int32(i) {
			reps = append(reps, first)
		}
	}
	if len(reps) < 2 {
		return nil
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
	// searchBands searches the bands first, first+step, ... and returns
	// the best match of each representative that has one.
	searchBands := func(first, step int) map[int32]nearMatch {
		best := make(map[int32]nearMatch)
		found := func(a, b int32, n int) {
			update(best, nearMatch{file: a, other: b, matches: n})
			update(best, nearMatch{file: b, other: a, matches: n})
		}
		groups := newKeyGroups(len(reps))
		var members []int32     // the representatives of one large group
		var side []facts.Sketch // their sketches, side by side
		for band := first; band < facts.Bands; band += step {
			groups.group(files, reps, band)
			for _, head := range groups.heads {
				a, b := reps[head], reps[groups.next[head]]
				if groups.next[groups.next[head]] < 0 { // a pair, as most groups are
					if n, ok := files[a].Sketch.MatchesAtLeast(&files[b].Sketch, need); ok {
						found(a, b, n)
					}
					continue
				}
				// Common phrases can make a thousand bodies share a
				// band's key by chance, all then compared pairwise:
				// their sketches are copied side by side first, so that
				// the comparisons read memory in order, and
				// MatchesAtLeast drops most pairs after a few words.
				members, side = members[:0], side[:0]
				for r := head; r >= 0; r = groups.next[r] {
					members = append(members, reps[r])
					side = append(side, files[reps[r]].Sketch)
				}
				for x := range side {
					for y := x + 1; y < len(side); y++ {
						if n, ok := side[x].MatchesAtLeast(&side[y], need); ok {
							found(members[x], members[y], n)
						}
					}
				}
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
	for i, first := range firstOf {
		if first < 0 {
			continue
		}
		if m, ok := best[first]; ok {
			out = append(out, nearMatch{file: int32(i), other: m.other, matches: m.matches})
		}
	}
	return out
}

// keyGroups groups the representatives by a band's key, keeping only the
// groups of two or more, in a hash table of open addressing: in a band of
// 100,000 sketches nearly all keys are distinct, and the table finds the
// few that are not in one pass, with no sort (on keys in memory, 37 ms
// for 16 bands where a radix sort took 60).
type keyGroups struct {
	// slots holds, for each key present, the mixed key's bits above
	// numBits and, below them, 1 + the number (in reps) of the last
	// representative inserted with it; 0 is an empty slot.
	slots   []uint64
	numBits uint
	// next links the representatives of a group, from the last inserted
	// to the first; -1 ends a group.
	next []int32
	// heads holds the last-inserted representative of each group of two
	// or more.
	heads []int32
}

func newKeyGroups(n int) *keyGroups {
	numBits := uint(bits.Len(uint(n))) // 1+n-1 fits
	return &keyGroups{
		slots:   make([]uint64, 1<<(bits.Len(uint(n))+1)), // at most half full
		numBits: numBits,
		next:    make([]int32, n),
	}
}

// group groups the representatives reps (file numbers) by their keys in
// band. Keys are compared on their bits above numBits after mixing; a
// chance collision of two keys only adds a candidate pair, which is
// verified anyway.
func (g *keyGroups) group(files []*facts.File, reps []int32, band int) {
	clear(g.slots)
	g.heads = g.heads[:0]
	slotShift := 64 - uint(bits.Len(uint(len(g.slots)-1)))
	mask := uint64(len(g.slots) - 1)
	for i, r := range reps {
		e := mixKey(files[r].Sketch.Band(band))<<g.numBits | uint64(i+1)
		for s := e >> slotShift; ; s = (s + 1) & mask {
			v := g.slots[s]
			if v == 0 {
				g.slots[s], g.next[i] = e, -1
				break
			}
			if v>>g.numBits == e>>g.numBits {
				prev := int32(v&(1<<g.numBits-1)) - 1
				g.next[i] = prev
				g.slots[s] = e
				if g.next[prev] < 0 {
					g.heads = append(g.heads, int32(s))
				}
				break
			}
		}
	}
	// The heads were noted by slot, as a group's last number changes.
	for k, s := range g.heads {
		g.heads[k] = int32(g.slots[s]&(1<<g.numBits-1)) - 1
	}
}

// mixKey spreads a band's bits so that its high bits, which survive the
// shift above, depend on all four values.
func mixKey(x uint64) uint64 {
	x ^= x >> 31
	x *= 0x7FB5D329728EA185
	x ^= x >> 27
	return x
}
