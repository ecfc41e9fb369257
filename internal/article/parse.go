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
	d := newDoc(path, src, layout)
	d.Lines = splitLines(d.Lines, src)
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

// headStore holds the head elements and their fields inside the Doc.
type headStore struct {
	header       Header
	dateline     Dateline
	title        Title
	storyCode    StoryCode
	headerFields [2]Field // a header template has at most {date} and {index}
	codeFields   [1]Field
	// blankRuns starts Doc.BlankRuns: a well-formed file has three runs
	// in the default head and one at the end.
	blankRuns [4]BlankRun
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
	d.BlankRuns = d.head.blankRuns[:0]
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
		if tl, ok := l.header.match(text, line.Start, d.head.headerFields[:0]); ok {
			tl.LineIndex = p.li
			h := &d.head.header
			*h = Header{TemplateLine: tl}
			// An exact line is its own canonical form: its fields' texts
			// are parts of that string.
			fieldText := func(s Span) string {
				if tl.Exact {
					return tl.Canonical[s.Start-line.Start : s.End-line.Start]
				}
				return d.String(s)
			}
			if f, ok := tl.Field("date"); ok {
				h.DateText = fieldText(f.Span)
				h.Date, h.DateOK = l.parseHeaderDate(h.DateText)
			}
			if f, ok := tl.Field("index"); ok {
				h.IndexText = fieldText(f.Span)
			}
			d.Header = h
			return true
		}
		if p.matchesAny(text, line.Start, later) {
			return false
		}
		// Line 1 is the header's place: take whatever is there as a broken
		// header rather than shifting every later element up by one.
		d.head.header = Header{TemplateLine: TemplateLine{LineIndex: p.li, Span: line.Span}, Malformed: true}
		d.Header = &d.head.header
		return true
	case ElemDateline:
		dl := &d.head.dateline
		*dl = Dateline{LineIndex: p.li, Span: line.Span}
		for _, tl := range l.datelines {
			if tl.match(text, line.Start, dl) {
				dl.Calendar, dl.CalendarValid = dl.CalendarDate()
				d.Dateline = dl
				return true
			}
		}
		if p.matchesAny(text, line.Start, later) || !looksLikeDateline(text) {
			return false
		}
		dl.Malformed = true
		dl.Calendar, dl.CalendarValid = dl.CalendarDate()
		d.Dateline = dl
		return true
	case ElemTitle:
		if p.matchesAny(text, line.Start, later) {
			return false
		}
		d.head.title = Title{LineIndex: p.li, Span: line.Span}
		d.Title = &d.head.title
		return true
	case ElemStoryCode:
		tl, ok := l.storyCode.match(text, line.Start, d.head.codeFields[:0])
		if !ok {
			return false
		}
		tl.LineIndex = p.li
		sc := &d.head.storyCode
		*sc = StoryCode{TemplateLine: tl}
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
	// The sentences and the words of all paragraphs share two arrays,
	// cut up at the end, when they have stopped growing; ends records
	// where each paragraph's run in them ends.
	sentences, words, ends := d.sentences, d.words, d.paragraphEnds
	sentenceEnds, quotes := sentenceMarks(d.Src, len(d.Src)), quoteMarks(d.Src, len(d.Src))
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
		sentences = splitSentences(sentences, d.Src, para.Span, &sentenceEnds)
		words = appendWords(words, d.Src, para.Span)
		ends = append(ends, [2]int{len(sentences), len(words)})
		findQuotes(d.Src, &para, &quotes)
		d.Paragraphs = append(d.Paragraphs, para)
	}
	d.sentences, d.words, d.paragraphEnds = sentences, words, ends
	prev := [2]int{}
	for k, end := range ends {
		d.Paragraphs[k].Sentences = sentences[prev[0]:end[0]:end[0]]
		d.Paragraphs[k].Words = words[prev[1]:end[1]:end[1]]
		prev = end
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
func splitLines(lines []Line, src []byte) []Line {
	// A new array is sized exactly; an array from a released document
	// (see newDoc) is appended to, as counting the lines first costs a
	// scan of the file and the array seldom needs to grow.
	if cap(lines) == 0 {
		lines = make([]Line, 0, bytes.Count(src, []byte{'\n'})+1)
	}
	lines = lines[:0]
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

// parseHeaderDate reads a header date with the template's layout, by
// position when the layout is all numbers and the text fits it.
func (l *Layout) parseHeaderDate(text string) (time.Time, bool) {
	if l.headerDate != nil {
		if t, ok := l.headerDate.parse(text); ok {
			return t, true
		}
	}
	return parseDate(l.HeaderDateLayout(), text)
}

// numericDate is a Go time layout made of fixed-width numbers (2006, 01,
// 02, 15, 04, 05) and separators that time.Parse takes literally, such as
// the default "2006-01-02". A date that fits it exactly is read by
// position, without time.Parse.
type numericDate struct {
	layout string
	// Offsets of the numbers in the layout, -1 where it has none.
	year, month, day, hour, minute, second int
}

// compileNumericDate returns nil for a layout it cannot read by position.
func compileNumericDate(layout string) *numericDate {
	nd := &numericDate{layout: layout, year: -1, month: -1, day: -1, hour: -1, minute: -1, second: -1}
	for i := 0; i < len(layout); {
		var field *int
		width := 2
		switch {
		case strings.HasPrefix(layout[i:], "2006"):
			field, width = &nd.year, 4
		case strings.HasPrefix(layout[i:], "01"):
			field = &nd.month
		case strings.HasPrefix(layout[i:], "02"):
			field = &nd.day
		case strings.HasPrefix(layout[i:], "15"):
			field = &nd.hour
		case strings.HasPrefix(layout[i:], "04"):
			field = &nd.minute
		case strings.HasPrefix(layout[i:], "05"):
			field = &nd.second
		case layout[i] == '-' && !strings.HasPrefix(layout[i:], "-07") || layout[i] == '/' || layout[i] == ':':
			// separators; "-07" would be a zone
			i++
			continue
		default:
			return nil
		}
		if *field >= 0 {
			return nil
		}
		*field = i
		i += width
	}
	if nd.year < 0 || nd.month < 0 || nd.day < 0 {
		return nil
	}
	return nd
}

// parse reads text by position. ok is false when the text does not fit the
// layout byte for byte or is out of range; time.Parse then has the last
// word.
func (nd *numericDate) parse(text string) (t time.Time, ok bool) {
	if len(text) != len(nd.layout) {
		return t, false
	}
	num := func(at, width int) int {
		n := 0
		for k := at; k < at+width; k++ {
			c := text[k]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	field := func(at, width, absent, limit int) int {
		if at < 0 {
			return absent
		}
		if n := num(at, width); n < limit {
			return n
		}
		return -1
	}
	year := field(nd.year, 4, 0, 10000)
	month := field(nd.month, 2, 1, 13)
	day := field(nd.day, 2, 1, 32)
	hour := field(nd.hour, 2, 0, 24)
	minute := field(nd.minute, 2, 0, 60)
	second := field(nd.second, 2, 0, 60)
	if year < 0 || month < 1 || day < 1 || hour < 0 || minute < 0 || second < 0 || day > daysIn(month, year) {
		return t, false
	}
	for k := 0; k < len(text); k++ {
		if c := nd.layout[k]; c < '0' || c > '9' {
			if text[k] != c {
				return t, false
			}
		}
	}
	return time.Date(year, time.Month(month), day, hour, minute, second, 0, time.UTC), true
}

func daysIn(month, year int) int {
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
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
