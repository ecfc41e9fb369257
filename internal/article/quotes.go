package article

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Quote analysis. Every quote mark of a paragraph is found, classified from
// its neighbours, and paired into quotations. Several rules (unbalanced,
// reversed, spacing, style, attribution) read the result, so it is computed
// once here rather than by each rule.

// Role is what a quote mark's neighbours say it is.
type Role uint8

const (
	// RoleAmbiguous: the neighbours do not tell; spaces on both sides
	// (free-standing) or text on both sides of a double mark (glued).
	RoleAmbiguous Role = iota
	// RoleOpening: a space or an opening bracket or dash before it, text after.
	RoleOpening
	// RoleClosing: text before it, a space or punctuation after.
	RoleClosing
	// RoleApostrophe: a single mark inside a word (Lebanon's, Gaza’s), a
	// plural possessive (forces') that closes no quotation, or an elision
	// before digits ('90s).
	RoleApostrophe
)

func (r Role) String() string {
	return [...]string{"ambiguous", "opening", "closing", "apostrophe"}[r]
}

// Shape is the direction a mark's glyph shows.
type Shape uint8

const (
	ShapeStraight Shape = iota // " '
	ShapeOpen                  // “ ‘
	ShapeClose                 // ” ’
)

// QuoteMark is one quote mark in a paragraph.
type QuoteMark struct {
	Span   Span
	Char   rune // '"', '\'', '“', '”', '‘' or '’'
	Double bool
	Shape  Shape
	// Role is what the neighbours say. Pairing may later turn a closing
	// single mark that closes nothing into RoleApostrophe (forces').
	Role Role
	// Free is set when whitespace or the paragraph's edge is on both sides
	// (the mark is then RoleAmbiguous).
	Free bool
	// Quote is the index in Paragraph.Quotes of the quotation the mark
	// opens or closes, or -1 (apostrophes, ignored marks).
	Quote int
}

// Curly reports whether the mark is a typographic (curly) mark.
func (m QuoteMark) Curly() bool { return m.Shape != ShapeStraight }

// Quote is a quotation: an opening and a closing mark of the same kind.
type Quote struct {
	// Open and Close index Paragraph.Marks; -1 when the mark is missing
	// (a quotation left open, or a closing mark with nothing to close).
	Open, Close int
	Double      bool
	// Span runs from the opening mark (or the paragraph's start) to the
	// closing mark (or the paragraph's end); Inner is the text between
	// the marks.
	Span, Inner Span
	// Reversed is set when a closing glyph opens the quotation and an
	// opening glyph closes it, with the spaces on the wrong sides:
	// `noted” the period ... operations. “`.
	Reversed bool
	// ContinuesToNext: news style lets a quotation run over paragraphs.
	// The quotation is left open at this paragraph's end and the next
	// paragraph reopens it, so it is not unbalanced.
	ContinuesToNext bool
	// ContinuesPrevious: this quotation reopens one that the previous
	// paragraph left open.
	ContinuesPrevious bool
}

// Balanced reports whether the quotation has both marks, or is left open
// only because it continues in the next paragraph.
func (q Quote) Balanced() bool {
	return q.Open >= 0 && (q.Close >= 0 || q.ContinuesToNext)
}

// quoteRune returns the quote mark starting at src[i] and its size, or 0.
func quoteRune(src []byte, i, end int) (rune, int) {
	switch c := src[i]; {
	case c == '"' || c == '\'':
		return rune(c), 1
	case c == 0xE2 && i+3 <= end && src[i+1] == 0x80:
		switch src[i+2] {
		case 0x98:
			return '\u2018', 3
		case 0x99:
			return '\u2019', 3
		case 0x9C:
			return '\u201c', 3
		case 0x9D:
			return '\u201d', 3
		}
	}
	return 0, 0
}

// neighbour kinds, as seen from a quote mark.
const (
	nSpace  = iota // whitespace or the paragraph's edge
	nWord          // letter or digit
	nOpener        // ( [ { and dashes: before a mark they open a quotation
	nCloser        // , . ; : ! ? ) ] } and dashes: after a mark they close one
	nOther         // anything else (/, *, #, ...)
)

// maxSkip bounds how many adjacent quote marks are looked through to find
// a mark's neighbour (“‘ or ’”), so a line of quote marks stays linear.
const maxSkip = 3

func neighbourKind(r rune, before bool) int {
	switch {
	case r < 0 || r == ' ' || r == '\t' || r == '\n' || r == '\r' || (r >= utf8.RuneSelf && unicode.IsSpace(r)):
		return nSpace
	case IsWordRune(r):
		return nWord
	}
	switch r {
	case '(', '[', '{':
		if before {
			return nOpener
		}
		return nOther
	case ',', '.', ';', ':', '!', '?', ')', ']', '}', '\u2026':
		if before {
			return nOther
		}
		return nCloser
	case '-', '\u2013', '\u2014':
		if before {
			return nOpener
		}
		return nCloser
	}
	return nOther
}

// prevRune returns the rune before offset i, looking through up to maxSkip
// quote marks, or -1 at the span's start.
func prevRune(src []byte, lo, i int) rune {
	for skip := 0; i > lo; skip++ {
		r, size := utf8.DecodeLastRune(src[lo:i])
		if q, _ := quoteRune(src, i-size, i); q == 0 || skip == maxSkip {
			return r
		}
		i -= size
	}
	return -1
}

// nextRune returns the rune at offset i, looking through up to maxSkip
// quote marks, or -1 at the span's end.
func nextRune(src []byte, i, hi int) rune {
	for skip := 0; i < hi; skip++ {
		q, size := quoteRune(src, i, hi)
		if q == 0 || skip == maxSkip {
			r, _ := utf8.DecodeRune(src[i:hi])
			return r
		}
		i += size
	}
	return -1
}

// classify says what a mark's neighbours make of it.
func classify(src []byte, para Span, m *QuoteMark) Role {
	prev := prevRune(src, para.Start, m.Span.Start)
	next := nextRune(src, m.Span.End, para.End)
	pk, nk := neighbourKind(prev, true), neighbourKind(next, false)
	if !m.Double && pk == nWord && nk == nWord {
		return RoleApostrophe // Lebanon's, Gaza’s
	}
	if !m.Double && pk == nSpace && next >= '0' && next <= '9' {
		return RoleApostrophe // '90s
	}
	switch {
	case pk == nSpace && nk == nSpace:
		m.Free = true
		return RoleAmbiguous
	case (pk == nSpace || pk == nOpener) && nk != nSpace:
		return RoleOpening
	case pk != nSpace && (nk == nSpace || nk == nCloser):
		return RoleClosing
	}
	return RoleAmbiguous
}

// quoteMarks returns the search for the bytes that start a quote mark in
// src[:end] (0xE2 leads the curly quotes' UTF-8 encodings). One search
// serves all the paragraphs of a body: a search per paragraph would cost a
// scan of the paragraph for each of the three bytes that it lacks, and
// most lack all three.
func quoteMarks(src []byte, end int) NextByte { return NewNextByte(src, end, "\"'\xE2") }

// findQuotes fills p.Marks and p.Quotes, finding the marks with marks
// (from quoteMarks), which may run past the paragraph and is shared by the
// calls for successive paragraphs.
func findQuotes(src []byte, p *Paragraph, marks *NextByte) {
	end := p.Span.End
	for i := p.Span.Start; i < end; i++ {
		if i = marks.From(i); i >= end {
			break
		}
		r, size := quoteRune(src, i, end)
		if size == 0 {
			continue
		}
		m := QuoteMark{Span: Span{i, i + size}, Char: r, Quote: -1}
		switch r {
		case '"':
			m.Double = true
		case '\u201c':
			m.Double, m.Shape = true, ShapeOpen
		case '\u201d':
			m.Double, m.Shape = true, ShapeClose
		case '\u2018':
			m.Shape = ShapeOpen
		case '\u2019':
			m.Shape = ShapeClose
		}
		m.Role = classify(src, p.Span, &m)
		p.Marks = append(p.Marks, m)
		i += size - 1
	}
	if len(p.Marks) > 0 {
		pairQuotes(p)
	}
}

// pairQuotes pairs the marks of one paragraph into quotations. Double and
// single quotations are paired apart (a single quotation may sit inside a
// double one). A mark whose neighbours tell its direction follows them; a
// curly mark with ambiguous neighbours follows its glyph; a straight one
// toggles.
func pairQuotes(p *Paragraph) {
	openDouble, openSingle := -1, -1
	for k := range p.Marks {
		m := &p.Marks[k]
		if m.Role == RoleApostrophe {
			continue
		}
		open := &openSingle
		if m.Double {
			open = &openDouble
		}
		opens := false
		switch {
		case m.Role == RoleOpening:
			opens = true
		case m.Role == RoleClosing:
			opens = false
		case !m.Double && m.Role == RoleAmbiguous:
			continue // a stray single mark: nothing to pair
		case m.Shape == ShapeOpen && !m.Free:
			opens = true
		case m.Shape == ShapeClose && !m.Free:
			opens = false
		default: // straight, or curly with spaces on both sides
			opens = *open < 0
		}
		if opens {
			if *open >= 0 {
				p.addQuote(*open, -1)
			}
			*open = k
			continue
		}
		if *open >= 0 {
			p.addQuote(*open, k)
			*open = -1
			continue
		}
		if !m.Double {
			m.Role = RoleApostrophe // forces' withdrawal
			continue
		}
		p.addQuote(-1, k)
	}
	if openDouble >= 0 {
		p.addQuote(openDouble, -1)
	}
	if openSingle >= 0 {
		p.addQuote(openSingle, -1)
	}
	mergeReversed(p)
	byStart := func(a, b Quote) int { return a.Span.Start - b.Span.Start }
	if !slices.IsSortedFunc(p.Quotes, byStart) { // only nested single quotations end out of order
		slices.SortStableFunc(p.Quotes, byStart)
	}
	for qi, q := range p.Quotes {
		if q.Open >= 0 {
			p.Marks[q.Open].Quote = qi
		}
		if q.Close >= 0 {
			p.Marks[q.Close].Quote = qi
		}
	}
}

func (p *Paragraph) addQuote(open, close int) {
	q := Quote{Open: open, Close: close, Span: p.Span, Inner: p.Span}
	if open >= 0 {
		q.Double = p.Marks[open].Double
		q.Span.Start, q.Inner.Start = p.Marks[open].Span.Start, p.Marks[open].Span.End
	}
	if close >= 0 {
		q.Double = p.Marks[close].Double
		q.Span.End, q.Inner.End = p.Marks[close].Span.End, p.Marks[close].Span.Start
	}
	p.Quotes = append(p.Quotes, q)
}

// mergeReversed joins a closing glyph that closes nothing and a later
// opening glyph that opens nothing into one reversed quotation, when the
// spaces sit on the wrong sides of both: `noted” the ... operations. “`.
// Only curly marks qualify: a straight mark has no direction to reverse.
// It runs in linear time: marks are mapped to their quotations first, and
// merged-away quotations are dropped in one pass at the end.
func mergeReversed(p *Paragraph) {
	for qi, q := range p.Quotes {
		if q.Open >= 0 {
			p.Marks[q.Open].Quote = qi
		}
		if q.Close >= 0 {
			p.Marks[q.Close].Quote = qi
		}
	}
	merged := false
	for i := range p.Quotes {
		stray := p.Quotes[i]
		if !stray.Double || stray.Open != -1 || stray.Close < 0 {
			continue
		}
		closing := p.Marks[stray.Close]
		if closing.Shape != ShapeClose || closing.Role != RoleClosing {
			continue
		}
		// The dangling opening glyph must be the next double mark.
		next := stray.Close + 1
		for next < len(p.Marks) && !p.Marks[next].Double {
			next++
		}
		if next == len(p.Marks) || p.Marks[next].Shape != ShapeOpen || p.Marks[next].Role == RoleOpening {
			continue
		}
		j := p.Marks[next].Quote
		if j < 0 || !(p.Quotes[j].Open == next && p.Quotes[j].Close < 0 || p.Quotes[j].Open < 0 && p.Quotes[j].Close == next) {
			continue
		}
		p.Quotes[i] = Quote{Open: stray.Close, Close: next, Double: true, Reversed: true,
			Span:  Span{closing.Span.Start, p.Marks[next].Span.End},
			Inner: Span{closing.Span.End, p.Marks[next].Span.Start}}
		p.Quotes[j].Open, p.Quotes[j].Close = -2, -2 // merged away
		p.Marks[next].Quote = i
		merged = true
	}
	if merged {
		kept := p.Quotes[:0]
		for _, q := range p.Quotes {
			if q.Open != -2 {
				kept = append(kept, q)
			}
		}
		p.Quotes = kept
	}
}

// linkContinuations marks news-style quotations that run over paragraphs:
// a paragraph whose last double quotation is left open after a proper
// opening mark, followed by a paragraph that starts with an opening mark of
// the same style.
func linkContinuations(src []byte, paras []Paragraph) {
	for i := 0; i+1 < len(paras); i++ {
		p, next := &paras[i], &paras[i+1]
		last := lastDouble(p)
		if last < 0 {
			continue
		}
		q := &p.Quotes[last]
		if q.Open < 0 || q.Close >= 0 || q.Reversed || p.Marks[q.Open].Role != RoleOpening {
			continue
		}
		first := firstDouble(next)
		if first < 0 {
			continue
		}
		nq := &next.Quotes[first]
		if nq.Open < 0 || next.Marks[nq.Open].Role != RoleOpening || !onlySpaceBefore(src, next.Span.Start, next.Marks[nq.Open].Span.Start) {
			continue
		}
		if next.Marks[nq.Open].Curly() != p.Marks[q.Open].Curly() {
			continue // a straight quotation is not reopened by a curly mark
		}
		q.ContinuesToNext = true
		nq.ContinuesPrevious = true
	}
}

func onlySpaceBefore(src []byte, from, to int) bool {
	for _, c := range src[from:to] {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

func lastDouble(p *Paragraph) int {
	best, bestStart := -1, -1
	for k, q := range p.Quotes {
		if q.Double && q.Span.Start >= bestStart {
			best, bestStart = k, q.Span.Start
		}
	}
	return best
}

func firstDouble(p *Paragraph) int {
	for k, q := range p.Quotes {
		if q.Double {
			return k
		}
	}
	return -1
}
