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
	// One representative per distinct body, the first in path order;
	// repOf[i] becomes file i's representative's number, -1 if it has
	// none.
	// The representatives' sketches are copied side by side, and their
	// keys band by band, so that the search below reads memory in order
	// rather than the files' records.
	repOf, _ := firstByKey(files, func(f *facts.File) (uint64, bool) {
		return f.BodyHash, f.Words >= facts.MinSketchWords
	})
	reps := make([]int32, 0, len(files)) // representative number -> file number
	sketches := make([]facts.Sketch, 0, len(files))
	var keys [facts.Bands][]uint64
	for b := range keys {
		keys[b] = make([]uint64, 0, len(files))
	}
	for i, f := range files {
		switch first := repOf[i]; {
		case first == int32(i):
			repOf[i] = int32(len(reps))
			reps = append(reps, int32(i))
			sketches = append(sketches, f.Sketch)
			for b := range keys {
				keys[b] = append(keys[b], f.Sketch.Band(b))
			}
		case first >= 0:
			repOf[i] = repOf[first] // its first file's, already a representative number
		}
	}
	if len(reps) < 2 {
		return nil
	}
	// better reports whether m beats cur, the best match so far of the
	// same representative: more equal bins, the other file's path
	// breaking ties. The result then does not depend on the order in
	// which candidates are seen, so bands can be searched in parallel and
	// their results merged.
	better := func(m, cur nearMatch) bool {
		return m.matches > cur.matches ||
			m.matches == cur.matches && files[reps[m.other]].Path < files[reps[cur.other]].Path
	}
	// searchBands searches the bands first, first+step, ... and returns
	// the best match of each representative (matches 0: none), in
	// representative numbers.
	searchBands := func(first, step int) []nearMatch {
		best := make([]nearMatch, len(reps))
		found := func(a, b int32, n int) {
			if m := (nearMatch{file: a, other: b, matches: n}); better(m, best[a]) {
				best[a] = m
			}
			if m := (nearMatch{file: b, other: a, matches: n}); better(m, best[b]) {
				best[b] = m
			}
		}
		groups := newKeyGroups(len(reps))
		var members []int32     // the representatives of one large group
		var side []facts.Sketch // their sketches, side by side
		for band := first; band < facts.Bands; band += step {
			groups.group(keys[band])
			for _, head := range groups.heads {
				a, b := head, groups.next[head]
				if groups.next[b] < 0 { // a pair, as most groups are
					if n, ok := sketches[a].MatchesAtLeast(&sketches[b], need); ok {
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
					members = append(members, r)
					side = append(side, sketches[r])
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
	parts := make([][]nearMatch, workers)
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
		for r, m := range part {
			if m.matches > 0 && better(m, best[r]) {
				best[r] = m
			}
		}
	}
	// Every copy of a representative's body shares its match.
	var out []nearMatch
	for i, r := range repOf {
		if r >= 0 && best[r].matches > 0 {
			m := best[r]
			out = append(out, nearMatch{file: int32(i), other: reps[m.other], matches: m.matches})
		}
	}
	return out
}

// keyGroups groups sketches by a band's key, keeping only the groups of
// two or more, in a hash table of open addressing: for a band
// of 100,000 sketches, nearly all of whose keys are distinct, this takes
// a third of the time of sorting them to find the few that are not.
type keyGroups struct {
	// slots holds, for each key present, the key's bits above numBits
	// and, below them, 1 + the number of the last sketch inserted with
	// it; 0 is an empty slot.
	slots   []uint64
	numBits uint
	// next links the sketches of a group, from the last inserted to the
	// first; -1 ends a group.
	next []int32
	// heads holds the last-inserted sketch of each group of two or more.
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

// group groups the sketches by their keys in one band. Keys are compared on their bits above
// numBits after mixing; a chance collision of two keys only adds a
// candidate pair, which is verified anyway.
func (g *keyGroups) group(keys []uint64) {
	clear(g.slots)
	g.heads = g.heads[:0]
	slotShift := 64 - uint(bits.Len(uint(len(g.slots)-1)))
	mask := uint64(len(g.slots) - 1)
	for i, key := range keys {
		e := mixKey(key)<<g.numBits | uint64(i+1)
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
