package article

import (
	"bytes"
	"strings"
	"time"
)

// Parse parses src with layout into a document. It never fails: whatever
// does not fit the layout is recorded in the model (Missing, Malformed,
// BlankRuns) for the rules to report.
func Parse(path string, src []byte, layout *Layout) *Doc {
	d := &Doc{Path: path, Src: src, Layout: layout}
	d.Lines = splitLines(src)
	p := parser{d: d}
	p.head()
	p.body()
	d.Scan = scan(src, d.Lines)
	d.Scan.Spacing = proseSpacing(d)
	return d
}

type parser struct {
	d  *Doc
	li int // the next unread line
}

func (p *parser) lineOffset(i int) int {
	if i < len(p.d.Lines) {
		return p.d.Lines[i].Start
	}
	return len(p.d.Src)
}

func (p *parser) blankAt(i int) bool {
	return i < len(p.d.Lines) && p.d.Lines[i].Blank(p.d.Src)
}

// skipBlank consumes blank lines and records them as a run.
func (p *parser) skipBlank(where Where, after Element, expected int) {
	first := p.li
	for p.blankAt(p.li) {
		p.li++
	}
	if where == WhereStart && p.li == first {
		return // nothing to say about the absence of leading blank lines
	}
	p.d.BlankRuns = append(p.d.BlankRuns, BlankRun{
		Where: where, After: after, FirstLine: first, Count: p.li - first, Expected: expected, Offset: p.lineOffset(first),
	})
}

func (p *parser) head() {
	d, order := p.d, p.d.Layout.Order
	p.skipBlank(WhereStart, "", 0)
	var prev Element
	for k := 0; k < len(order); k++ {
		e := order[k]
		last := k == len(order)-1
		if e == ElemBlank {
			expected := 1
			for k+1 < len(order) && order[k+1] == ElemBlank {
				expected++
				k++
			}
			where := WhereHead
			if k == len(order)-1 {
				where = WhereBeforeBody
			}
			p.skipBlank(where, prev, expected)
			continue
		}
		if k > 0 && order[k-1] != ElemBlank && p.blankAt(p.li) {
			if k+1 < len(order) && order[k+1] == ElemBlank && !p.elementAfterBlanks(e) {
				// The element is missing and the blank line after it is here.
				d.Missing = append(d.Missing, MissingElement{Element: e, Line: p.li, Offset: p.lineOffset(p.li)})
				continue
			}
			// Stray blank lines where the layout wants none, with the
			// element after them.
			p.skipBlank(WhereHead, prev, 0)
		}
		if p.li >= len(d.Lines) || !p.element(e, order[k+1:]) {
			d.Missing = append(d.Missing, MissingElement{Element: e, Line: p.li, Offset: p.lineOffset(p.li)})
			continue
		}
		prev = e
		p.li++
		if last {
			p.skipBlank(WhereBeforeBody, prev, 0)
		}
	}
}

// element tries to read head element e from the current line. It reports
// false, consuming nothing, when the line is not that element (and so the
// element is missing).
func (p *parser) element(e Element, later []Element) bool {
	d, l := p.d, p.d.Layout
	line := d.Lines[p.li]
	text := d.Src[line.Start:line.End]
	switch e {
	case ElemHeader:
		if tl, ok := l.header.Match(text, line.Start); ok {
			tl.LineIndex = p.li
			h := &Header{TemplateLine: tl}
			if f, ok := tl.Field("date"); ok {
				h.DateText = d.String(f.Span)
				h.Date, h.DateOK = parseDate(l.HeaderDateLayout(), h.DateText)
			}
			if f, ok := tl.Field("index"); ok {
				h.IndexText = d.String(f.Span)
			}
			d.Header = h
			return true
		}
		if p.matchesAny(text, line.Start, later) {
			return false
		}
		// Line 1 is the header's place: take whatever is there as a broken
		// header rather than shifting every later element up by one.
		d.Header = &Header{TemplateLine: TemplateLine{LineIndex: p.li, Span: line.Span}, Malformed: true}
		return true
	case ElemDateline:
		dl := &Dateline{LineIndex: p.li, Span: line.Span}
		for _, tl := range l.datelines {
			if tl.match(text, line.Start, dl) {
				d.Dateline = dl
				return true
			}
		}
		if p.matchesAny(text, line.Start, later) || !looksLikeDateline(text) {
			return false
		}
		dl.Malformed = true
		d.Dateline = dl
		return true
	case ElemTitle:
		if p.matchesAny(text, line.Start, later) {
			return false
		}
		d.Title = &Title{LineIndex: p.li, Span: line.Span}
		return true
	case ElemStoryCode:
		tl, ok := l.storyCode.Match(text, line.Start)
		if !ok {
			return false
		}
		tl.LineIndex = p.li
		sc := &StoryCode{TemplateLine: tl}
		if f, ok := tl.Field("code"); ok {
			sc.Code = f.Span
		}
		d.StoryCode = sc
		return true
	}
	return false
}

// matchesAny reports whether the line matches one of the later structured
// elements (a title matches anything, so it does not count).
func (p *parser) matchesAny(text []byte, start int, later []Element) bool {
	l := p.d.Layout
	for _, e := range later {
		switch e {
		case ElemHeader:
			if _, ok := l.header.Match(text, start); ok {
				return true
			}
		case ElemStoryCode:
			if _, ok := l.storyCode.Match(text, start); ok {
				return true
			}
		case ElemDateline:
			var scratch Dateline
			for _, tl := range l.datelines {
				if tl.match(text, start, &scratch) {
					return true
				}
			}
		}
	}
	return false
}

var datelineWords = []string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday"}

// looksLikeDateline is the test for a dateline that failed to parse: short,
// with a digit and a month or weekday name. Anything else is taken to be
// the next element, with the dateline missing.
func looksLikeDateline(text []byte) bool {
	if len(text) > 80 || bytes.IndexAny(text, "0123456789") < 0 {
		return false
	}
	lower := strings.ToLower(string(text))
	for _, w := range datelineWords {
		if strings.Contains(lower, w[:3]) {
			return true
		}
	}
	return false
}

func (p *parser) body() {
	d := p.d
	d.BodyLine = p.li
	n := len(d.Lines)
	i := p.li
	var sentences []Span
	if i < n {
		// News sentences run to about 150 bytes: reserve for that (within
		// a bound, for huge files), rather than growing the array often.
		sentences = make([]Span, 0, min((len(d.Src)-d.Lines[i].Start)/128+4, 1<<14))
	}
	// Paragraphs are usually one line each with a blank line between:
	// reserve for that, rather than growing the slices five times.
	sentenceEnds := make([][2]int, 0, (n-i)/2+1)
	if d.Paragraphs == nil {
		d.Paragraphs = make([]Paragraph, 0, (n-i)/2+1)
	}
	for i < n {
		if d.Lines[i].Blank(d.Src) {
			first := i
			for i < n && d.Lines[i].Blank(d.Src) {
				i++
			}
			where, expected := WhereParagraph, 1
			if i == n {
				where, expected = WhereEnd, 0
			}
			// Between paragraphs only a deviation is recorded: a long body
			// would otherwise cost a record per paragraph.
			if where == WhereEnd || len(d.Paragraphs) > 0 && i-first != expected {
				d.BlankRuns = append(d.BlankRuns, BlankRun{Where: where, FirstLine: first, Count: i - first, Expected: expected, Offset: d.Lines[first].Start})
			}
			continue
		}
		first := i
		for i < n && !d.Lines[i].Blank(d.Src) {
			i++
		}
		para := Paragraph{Span: Span{d.Lines[first].Start, d.Lines[i-1].End}, FirstLine: first, LastLine: i - 1}
		// Sentences of all paragraphs share one array, cut up below.
		from := len(sentences)
		sentences = splitSentences(sentences, d.Src, para.Span)
		sentenceEnds = append(sentenceEnds, [2]int{from, len(sentences)})
		findQuotes(d.Src, &para)
		d.Paragraphs = append(d.Paragraphs, para)
	}
	for k, r := range sentenceEnds {
		d.Paragraphs[k].Sentences = sentences[r[0]:r[1]:r[1]]
	}
	linkContinuations(d.Src, d.Paragraphs)
	if len(d.Paragraphs) > 0 {
		d.Body = Span{d.Paragraphs[0].Span.Start, d.Paragraphs[len(d.Paragraphs)-1].Span.End}
	} else {
		d.Body = Span{len(d.Src), len(d.Src)}
	}
}

// splitLines splits src at "\n", "\r\n" and lone "\r". A final terminator
// does not start an extra empty line.
func splitLines(src []byte) []Line {
	lines := make([]Line, 0, bytes.Count(src, []byte{'\n'})+1)
	hasCR := bytes.IndexByte(src, '\r') >= 0 // rare: take the fast path without it
	start := 0
	for start < len(src) {
		var i int
		if hasCR {
			i = bytes.IndexAny(src[start:], "\r\n")
		} else {
			i = bytes.IndexByte(src[start:], '\n')
		}
		if i < 0 {
			lines = append(lines, Line{Span: Span{start, len(src)}})
			break
		}
		end := start + i
		eol := 1
		if src[end] == '\r' && end+1 < len(src) && src[end+1] == '\n' {
			eol = 2
		}
		lines = append(lines, Line{Span: Span{start, end}, EOL: eol})
		start = end + eol
	}
	return lines
}

// parseDate reads a header date with the template's layout, leaving out
// spaces and tabs inside it.
func parseDate(layout, text string) (time.Time, bool) {
	text = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, text)
	t, err := time.Parse(layout, text)
	return t, err == nil
}
