package article

import "sync"

// bodyArrays are the arrays that a document's paragraphs share for their
// sentences and words. A body's words take four times its size; making
// and clearing new arrays for every file cost more than finding the
// words, so a program that parses many files hands them back with
// Doc.Release and the next Parse reuses them.
type bodyArrays struct {
	sentences []Span
	words     []Word
}

var bodyArrayPool = sync.Pool{New: func() any {
	// Room for a long news article: 40 sentences and 1,000 words.
	return &bodyArrays{sentences: make([]Span, 0, 64), words: make([]Word, 0, 1024)}
}}

// maxPooledWords bounds the arrays kept for reuse, so that one huge file
// does not pin its size for the rest of the run.
const maxPooledWords = 1 << 16

func newBodyArrays() *bodyArrays {
	a := bodyArrayPool.Get().(*bodyArrays)
	a.sentences, a.words = a.sentences[:0], a.words[:0]
	return a
}

// Release tells the parser that nothing reads d's paragraphs any more, so
// that their arrays can serve the next Parse. It is optional: a document
// that is not released is simply collected. d must not be used after.
func (d *Doc) Release() {
	a := d.arrays
	if a == nil {
		return
	}
	d.arrays = nil
	d.Paragraphs = nil
	if cap(a.words) <= maxPooledWords && cap(a.sentences) <= maxPooledWords {
		bodyArrayPool.Put(a)
	}
}
