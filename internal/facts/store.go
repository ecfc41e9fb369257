package facts

import (
	"strings"

	"github.com/corpuslint/corpuslint/internal/article"
)

// Store keeps the facts of many files compactly, for a run that holds them
// all until the corpus rules run. Records are allocated in blocks, and
// their strings, paragraph hashes and positions are copied side by side
// into large shared arrays: 100,000 files are then a few thousand objects
// for the garbage collector to trace instead of 600,000, and no record
// rounds up to an allocation size class. The zero Store is ready; a Store
// is used by one goroutine at a time.
type Store struct {
	files  []File
	text   strings.Builder // titles and codes; see keepBytes
	pos    []byte
	hashes []uint64
	// Reused from file to file by Extract.
	scratch extraction
	title   []byte
}

// Block sizes: large enough that the blocks are few, small enough that
// the unused end of each worker's last blocks does not matter.
const (
	storeFiles = 256     // records (about 64 KiB)
	storeBytes = 1 << 16 // bytes of strings or positions
	storeWords = 1 << 13 // paragraph hashes (64 KiB)
)

// Extract stores the facts of doc, as Extract makes them, and returns the
// stored record. Its Path is doc.Path, not a copy: the run already holds
// that string for its report. The record is built in place, through
// buffers the store reuses, so that the only allocations are the store's
// blocks. (On generated articles: no allocation per file instead of five,
// and 13% fewer instructions.)
func (s *Store) Extract(doc *article.Doc) *File {
	f := s.newFile()
	code := s.scratch.extract(doc, f)
	if t := doc.Title; t != nil {
		s.title = appendNormalisedTitle(s.title[:0], doc.Text(t.Span))
		f.Title = s.keepBytes(s.title)
	}
	f.Code = s.keepBytes(code)
	f.Paragraphs = s.keepHashes(s.scratch.hashes)
	f.pos = s.keepPos(s.scratch.enc.b)
	return f
}

// newFile returns a zero record in the current block.
func (s *Store) newFile() *File {
	if len(s.files) == cap(s.files) {
		s.files = make([]File, 0, storeFiles)
	}
	s.files = append(s.files, File{})
	return &s.files[len(s.files)-1]
}

// keepBytes copies v into the current text block and returns the copy. A
// strings.Builder never changes the bytes it has handed out in String(),
// and appends in place while its capacity lasts, so each copy is a
// substring of the block; a new block starts when one is full.
func (s *Store) keepBytes(v []byte) string {
	if len(v) == 0 {
		return ""
	}
	if s.text.Cap()-s.text.Len() < len(v) {
		s.text = strings.Builder{}
		s.text.Grow(max(storeBytes, len(v)))
	}
	start := s.text.Len()
	s.text.Write(v)
	return s.text.String()[start:]
}

func (s *Store) keepPos(b []byte) []byte {
	if cap(s.pos)-len(s.pos) < len(b) {
		s.pos = make([]byte, 0, max(storeBytes, len(b)))
	}
	start := len(s.pos)
	s.pos = append(s.pos, b...)
	return s.pos[start:len(s.pos):len(s.pos)] // capped: an append elsewhere cannot overwrite the next record
}

func (s *Store) keepHashes(h []uint64) []uint64 {
	if len(h) == 0 {
		return h[:0:0]
	}
	if cap(s.hashes)-len(s.hashes) < len(h) {
		s.hashes = make([]uint64, 0, max(storeWords, len(h)))
	}
	start := len(s.hashes)
	s.hashes = append(s.hashes, h...)
	return s.hashes[start:len(s.hashes):len(s.hashes)]
}
