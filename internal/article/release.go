package article

import "sync"

// Documents are pooled: a program that parses many files hands each
// document back with Release once it is done with it, and the next Parse
// reuses its arrays (lines, paragraphs, and the sentences and words they
// share) instead of allocating and clearing new ones. A body's words take
// several times its size, and without reuse half of a run's allocation,
// and so of its garbage collection, was parsing.
var docPool sync.Pool // of *Doc

// maxPooled bounds the arrays of a pooled document, so that one huge file
// does not pin its size for the rest of the run.
const maxPooled = 1 << 16

// newDoc returns an empty document for src, on the arrays of a released
// one when the pool has one.
func newDoc(path string, src []byte, layout *Layout) *Doc {
	old, _ := docPool.Get().(*Doc)
	if old == nil {
		return &Doc{Path: path, Src: src, Layout: layout}
	}
	// Everything else is zeroed: nothing of the old document shows.
	*old = Doc{
		Path: path, Src: src, Layout: layout,
		Lines:         old.Lines[:0],
		Paragraphs:    old.Paragraphs[:0],
		sentences:     old.sentences[:0],
		words:         old.words[:0],
		paragraphEnds: old.paragraphEnds[:0],
	}
	return old
}

// Release tells the parser that nothing reads d any more, so that its
// arrays can serve the next Parse. It is optional: a document that is not
// released is simply collected. d must not be used, nor released again,
// after.
func (d *Doc) Release() {
	if cap(d.Lines) > maxPooled || cap(d.Paragraphs) > maxPooled || cap(d.sentences) > maxPooled || cap(d.words) > maxPooled {
		return
	}
	docPool.Put(d)
}
