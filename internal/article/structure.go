package article

import (
	"slices"
	"unicode/utf8"
)

// This file holds small derived views of the model that the structural
// rules share: where each head element sits, what the layout expects
// between two of them, and whether the file holds anything at all.

// elementAfterBlanks reports whether the first non-blank line from the
// current one is head element e itself (a structured one: the title matches
// anything and so never counts). It lets the parser read "header, blank,
// dateline" as a stray blank line rather than as a missing dateline.
func (p *parser) elementAfterBlanks(e Element) bool {
	i := p.li
	for p.blankAt(i) {
		i++
	}
	if i >= len(p.d.Lines) || e == ElemTitle {
		return false
	}
	line := p.d.Lines[i]
	return p.matchesAny(p.d.Src[line.Start:line.End], line.Start, []Element{e})
}

// ElementLine returns the index of the line holding head element e, and
// false when the file lacks it (or the layout has no such element).
func (d *Doc) ElementLine(e Element) (int, bool) {
	switch e {
	case ElemHeader:
		if d.Header != nil {
			return d.Header.LineIndex, true
		}
	case ElemDateline:
		if d.Dateline != nil {
			return d.Dateline.LineIndex, true
		}
	case ElemTitle:
		if d.Title != nil {
			return d.Title.LineIndex, true
		}
	case ElemStoryCode:
		if d.StoryCode != nil {
			return d.StoryCode.LineIndex, true
		}
	}
	return 0, false
}

// MissingElement returns the record of head element e if the file lacks it.
func (d *Doc) MissingElement(e Element) (MissingElement, bool) {
	for _, m := range d.Missing {
		if m.Element == e {
			return m, true
		}
	}
	return MissingElement{}, false
}

// Blank reports whether the file holds nothing but blank lines (or nothing
// at all): no head element was found and there is no body.
func (d *Doc) Blank() bool {
	return d.Header == nil && d.Dateline == nil && d.Title == nil && d.StoryCode == nil && len(d.Paragraphs) == 0
}

// Previous returns the head element that the layout puts before e (blank
// lines aside) and how many blank lines it wants between the two. ok is
// false when e is first, or not in the layout.
func (l *Layout) Previous(e Element) (prev Element, blanks int, ok bool) {
	if k := elementSlot(e); k >= 0 && l.compiled {
		n := l.neighbours[k][0]
		return n.elem, n.blanks, n.ok
	}
	return l.neighbour(e, -1)
}

// Next returns the head element that the layout puts after e (blank lines
// aside) and how many blank lines it wants between the two. ok is false
// when e is last, or not in the layout.
func (l *Layout) Next(e Element) (next Element, blanks int, ok bool) {
	if k := elementSlot(e); k >= 0 && l.compiled {
		n := l.neighbours[k][1]
		return n.elem, n.blanks, n.ok
	}
	return l.neighbour(e, +1)
}

// elementSlot numbers the head elements other than a blank line from 0,
// for Layout.neighbours; it returns -1 for any other element.
func elementSlot(e Element) int {
	switch e {
	case ElemHeader:
		return 0
	case ElemDateline:
		return 1
	case ElemTitle:
		return 2
	case ElemStoryCode:
		return 3
	}
	return -1
}

// neighbour walks the layout's order from e in direction step (-1 or +1)
// to the next element that is not a blank line, counting the blanks.
func (l *Layout) neighbour(e Element, step int) (Element, int, bool) {
	k := slices.Index(l.Order, e)
	if k < 0 {
		return "", 0, false
	}
	blanks := 0
	for j := k + step; j >= 0 && j < len(l.Order); j += step {
		if l.Order[j] != ElemBlank {
			return l.Order[j], blanks, true
		}
		blanks++
	}
	return "", 0, false
}

// LiteralPrefix returns the template's text before its first placeholder,
// e.g. "Story Code : " for "Story Code : {code}".
func (t *Template) LiteralPrefix() string {
	if len(t.parts) > 0 && t.parts[0].name == "" {
		return t.parts[0].literal
	}
	return ""
}

// EndsWithAbbreviation reports whether the text of span s ends in a period
// that belongs to an abbreviation or an initial ("U.S.", "Inc.", "J."),
// using the same list as the sentence splitter.
func (d *Doc) EndsWithAbbreviation(s Span) bool {
	if s.Len() == 0 || d.Src[s.End-1] != '.' {
		return false
	}
	return isAbbreviation(d.Src, s.Start, s.End-1)
}

// RuneCount returns the number of code points in span s.
func (d *Doc) RuneCount(s Span) int { return utf8.RuneCount(d.Src[s.Start:s.End]) }
