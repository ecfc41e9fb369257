// Package article parses one news article file into the document model that
// every rule reads. The file is scanned once here; rules never re-scan it
// their own way. Every part of the model carries byte spans into Doc.Src.
//
// Parsing is tolerant: a file with a broken or missing header still yields a
// model, with the broken parts marked, so that the rules can report what is
// wrong and still check what could be parsed.
package article

import "time"

// Span is a half-open byte range [Start, End) into Doc.Src.
type Span struct {
	Start, End int
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether offset lies inside the span.
func (s Span) Contains(offset int) bool { return offset >= s.Start && offset < s.End }

// Line is one line of the file. Span covers its content without the line
// terminator; EOL is the terminator's length: 0 for a last line without a
// newline, 1 for "\n" or a lone "\r", 2 for "\r\n".
type Line struct {
	Span
	EOL int
}

// Blank reports whether the line holds nothing but spaces and tabs.
func (l Line) Blank(src []byte) bool {
	for _, c := range src[l.Start:l.End] {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// Element names the parts of an article's head, in the order that
// Layout.Order lists them.
type Element string

const (
	ElemHeader    Element = "header"
	ElemDateline  Element = "dateline"
	ElemTitle     Element = "title"
	ElemStoryCode Element = "story_code"
	ElemBlank     Element = "blank"
)

// Doc is the parsed article.
type Doc struct {
	Path   string
	Src    []byte
	Layout *Layout

	Lines []Line

	// Head elements; nil when the layout has no such element or the parser
	// could not find it (see Missing).
	Header    *Header
	Dateline  *Dateline
	Title     *Title
	StoryCode *StoryCode

	// Missing lists the head elements that the layout asks for and the file
	// lacks, with the line where each was expected.
	Missing []MissingElement

	// BlankRuns lists every run of blank lines that the layout has an
	// expectation about: between head elements, between the head and the
	// body, between paragraphs, and at the end of the file.
	BlankRuns []BlankRun

	// BodyLine is the index of the first line of the body (len(Lines) when
	// the body is empty).
	BodyLine int
	// Body spans from the first body paragraph to the end of the last one.
	Body       Span
	Paragraphs []Paragraph

	// Scan is the character-level survey of the file (see scan.go).
	Scan Scan

	// The arrays that Paragraphs' Sentences and Words share, and where
	// each paragraph's part of them ends (see Release).
	sentences     []Span
	words         []Word
	paragraphEnds [][2]int

	// head holds what Header, Dateline, Title and StoryCode point to, so
	// that they cost no allocation of their own.
	head headStore
}

// MissingElement is a head element the layout expects but the file lacks.
type MissingElement struct {
	Element Element
	// Line is the index of the line where it was expected (may equal
	// len(Lines) when the file ended first).
	Line int
	// Offset is the byte offset where it was expected.
	Offset int
}

// Where says which boundary a run of blank lines sits at.
type Where string

const (
	WhereStart      Where = "start"       // before the first line of the head
	WhereHead       Where = "head"        // between two head elements
	WhereBeforeBody Where = "before-body" // between the head and the first paragraph
	WhereParagraph  Where = "paragraph"   // between two paragraphs
	WhereEnd        Where = "end"         // after the last non-blank line
)

// BlankRun is a run of Count blank lines starting at line FirstLine, at a
// place where the layout expects Expected blank lines. Runs with Count 0 are
// recorded too, so that a missing blank line has a position.
type BlankRun struct {
	Where     Where
	After     Element // the head element before the run, if Where is head or before-body
	FirstLine int
	Count     int
	Expected  int
	// Offset is the byte offset of the start of the run (the start of line
	// FirstLine, or where the missing blank line belongs).
	Offset int
}

// Field is one placeholder's value inside a templated line.
type Field struct {
	Name string
	Span Span
}

// TemplateLine is a head line that was matched against a template such as
// " date {date:2006-01-02} {index}".
type TemplateLine struct {
	LineIndex int
	Span      Span // the line's content
	// Exact reports whether the line matches the template byte for byte.
	// When false the line matched only loosely (spacing, case or
	// punctuation differ) and Canonical is what it should read.
	Exact     bool
	Canonical string
	Fields    []Field
}

// Field returns the named placeholder's value and whether it was found.
func (t *TemplateLine) Field(name string) (Field, bool) {
	for _, f := range t.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Header is the machine header line, " date 2024-08-07 0" in the seed.
type Header struct {
	TemplateLine
	// Malformed is set when the line sits where the header belongs but
	// does not match the template even loosely; Fields is then empty.
	Malformed bool
	// DateText and IndexText are the raw placeholder values ("" if absent).
	DateText  string
	IndexText string
	// Date is DateText read with the template's date layout, spaces inside
	// it left out (they are a spacing problem, not a date problem);
	// DateOK reports whether it is a real date in that layout.
	Date   time.Time
	DateOK bool
}

// Dateline is the human dateline, "Wednesday 7 August 2024 - 21:29".
type Dateline struct {
	LineIndex int
	Span      Span
	// Layout is the configured Go time layout that matched the line, or ""
	// when none did (Malformed).
	Layout    string
	Malformed bool
	// Exact reports whether the line reads exactly as Canonical, the line
	// rebuilt from its parts with the layout's own spacing.
	Exact     bool
	Canonical string
	// Weekday, Date and Time are the spans of those parts of the line (zero
	// spans when the layout lacks them).
	Weekday, Date, Time Span
	WeekdayText         string
	// WeekdayLong is set when the layout spells weekdays in full (Monday).
	WeekdayLong bool
	// MonthSpan and MonthText are the month as written (a zero span when
	// the layout has no month); MonthLong is set when the layout spells
	// months in full (January), MonthNumeric when it writes them as numbers.
	MonthSpan    Span
	MonthText    string
	MonthLong    bool
	MonthNumeric bool
	// The parsed numbers; -1 where the layout lacks the part or it is not a
	// number. Month is 0 for an unknown month name.
	Year, Month, Day, Hour, Minute, Second int
	// Calendar and CalendarValid are what CalendarDate returns, computed
	// once by the parser: several rules read them for every file.
	Calendar      time.Time
	CalendarValid bool
}

// Title is the article's title line.
type Title struct {
	LineIndex int
	Span      Span
}

// StoryCode is the site's story code line, "Story Code : 1152650".
type StoryCode struct {
	TemplateLine
	Code Span // the code itself
}

// Paragraph is one body paragraph: one or more consecutive non-blank lines.
type Paragraph struct {
	Span      Span
	FirstLine int
	LastLine  int // inclusive
	// Sentences are the paragraph's sentences, in order, each trimmed of
	// surrounding spaces.
	Sentences []Span
	// Words are the paragraph's words, as Doc.Words finds them, in order.
	Words []Word
	// Marks are the paragraph's quote marks (" ' “ ” ‘ ’), in order, each
	// classified from its neighbours; Quotes are the quotations they pair
	// into, ordered by start. See quotes.go.
	Marks  []QuoteMark
	Quotes []Quote
}

// Text returns the bytes of a span of the document.
func (d *Doc) Text(s Span) []byte { return d.Src[s.Start:s.End] }

// String returns the text of a span as a string.
func (d *Doc) String(s Span) string { return string(d.Src[s.Start:s.End]) }

// LineAt returns the index of the line containing offset.
func (d *Doc) LineAt(offset int) int {
	lo, hi := 0, len(d.Lines)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Lines[m].End+d.Lines[m].EOL <= offset {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// LineWithEOL returns the span of line i including its terminator.
func (d *Doc) LineWithEOL(i int) Span {
	l := d.Lines[i]
	return Span{l.Start, l.End + l.EOL}
}
