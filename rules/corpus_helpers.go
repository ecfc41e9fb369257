package rules

import (
	"fmt"
	"hash/maphash"
	"math/bits"
	"strings"

	"github.com/corpuslint/corpuslint/internal/facts"
)

// groupBy returns the groups of two or more files that share a non-empty
// key, each group in path order, the groups in order of their first file.
func groupBy[K comparable](files []*facts.File, key func(*facts.File) (K, bool)) [][]*facts.File {
	first := firstByKey(files, key)
	// size counts the files of the key whose first file it is indexed
	// by; below, it then holds -(g+1) for the key's group number g.
	size := make([]int32, len(files))
	for _, j := range first {
		if j >= 0 {
			size[j]++
		}
	}
	var groups [][]*facts.File
	for i, f := range files {
		j := first[i]
		switch {
		case j < 0 || size[j] == 1:
			continue
		case j == int32(i): // the first file of a repeated key: a new group
			groups = append(groups, make([]*facts.File, 0, size[j]))
			size[j] = -int32(len(groups))
		}
		g := -size[j] - 1
		groups[g] = append(groups[g], f)
	}
	return groups
}

// firstByKey returns, for each file, the number of the first file with
// its key (-1 for a file without one). It finds each key's first file in a hash
// table of its own rather than by sorting the files by key or with a map:
// an open-addressing table of 8-byte slots, each a part of the key's hash
// and a file number, is read once a file, where a map of the keys is
// larger and slower to fill (on 100,000 generated titles, half the time).
func firstByKey[K comparable](files []*facts.File, key func(*facts.File) (K, bool)) []int32 {
	first := make([]int32, len(files))
	tableBits := bits.Len(uint(len(files))) + 1 // at most half full
	slots := make([]uint64, 1<<tableBits)
	mask := uint64(len(slots) - 1)
	for i, f := range files {
		first[i] = -1
		k, ok := key(f)
		if !ok {
			continue
		}
		h := maphash.Comparable(groupSeed, k)
		tag := h & (1<<32 - 1) << 32 // the slot's top half; the file number + 1 is the bottom
		j := int32(i)
		for s := h >> (64 - tableBits); ; s = (s + 1) & mask {
			v := slots[s]
			if v == 0 {
				slots[s] = tag | uint64(i+1)
				break
			}
			if v&^(1<<32-1) == tag {
				if other := int32(v&(1<<32-1)) - 1; sameKey(files[other], k, key) {
					j = other
					break
				}
			}
		}
		first[i] = j
	}
	return first
}

// groupSeed seeds firstByKey's hashes; what it finds does not depend on it.
var groupSeed = maphash.MakeSeed()

func sameKey[K comparable](f *facts.File, k K, key func(*facts.File) (K, bool)) bool {
	fk, _ := key(f)
	return fk == k
}

// maxNamed caps the files a message names; the rest are counted.
const maxNamed = 3

// otherFiles names the files of group other than self: "a.txt, b.txt and
// 4 more".
func otherFiles(group []*facts.File, self *facts.File) string {
	var names []string
	more := 0
	for _, f := range group {
		if f == self {
			continue
		}
		if len(names) < maxNamed {
			names = append(names, f.Path)
		} else {
			more++
		}
	}
	s := strings.Join(names, ", ")
	if more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}

// formatDay writes a File.Date as 2006-01-02.
func formatDay(d int32) string { return facts.Day(d).Format("2006-01-02") }
