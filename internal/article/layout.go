package article

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// Layout describes how a corpus lays out one article. The zero value is not
// useful; start from DefaultLayout.
type Layout struct {
	// Order lists the head elements from the top of the file down to the
	// body. ElemBlank stands for exactly one blank line.
	Order []Element
	// Header is the machine header template, e.g. " date {date:2006-01-02} {index}".
	Header string
	// Datelines are Go time layouts; the first that matches a line wins.
	Datelines []string
	// StoryCode is the story code line template, e.g. "Story Code : {code}".
	StoryCode string

	header    *Template
	storyCode *Template
	datelines []*timeLayout
	// headerDate reads the header's date by position (nil when its layout
	// does not allow that).
	headerDate *numericDate
	// neighbours holds what Previous and Next return for each element,
	// indexed by elementSlot; set by Compile (compiled), since rules ask
	// for every file.
	neighbours [4][2]neighbour
	compiled   bool
}

// neighbour is one answer of Layout.Previous or Layout.Next.
type neighbour struct {
	elem   Element
	blanks int
	ok     bool
}

// DefaultLayout returns the seed's layout:
//
//	 date 2024-08-07 0
//	Wednesday 7 August 2024 - 21:29
//
//	Title
//
//	Story Code : 1152650
//	First paragraph...
func DefaultLayout() *Layout {
	l := &Layout{
		Order:     []Element{ElemHeader, ElemDateline, ElemBlank, ElemTitle, ElemBlank, ElemStoryCode},
		Header:    " date {date:2006-01-02} {index}",
		Datelines: []string{"Monday 2 January 2006 - 15:04"},
		StoryCode: "Story Code : {code}",
	}
	if err := l.Compile(); err != nil {
		panic(err) // the default layout is a constant; a failure is a programming error
	}
	return l
}

// Has reports whether the layout's head includes the element.
func (l *Layout) Has(e Element) bool {
	for _, o := range l.Order {
		if o == e {
			return true
		}
	}
	return false
}

// HeaderTemplate returns the compiled header template (nil if none).
func (l *Layout) HeaderTemplate() *Template { return l.header }

// StoryCodeTemplate returns the compiled story code template (nil if none).
func (l *Layout) StoryCodeTemplate() *Template { return l.storyCode }

// HeaderDateLayout returns the Go time layout of the header's {date}
// placeholder, or "" when the header has none.
func (l *Layout) HeaderDateLayout() string {
	if l.header == nil {
		return ""
	}
	for _, p := range l.header.parts {
		if p.name == "date" {
			return p.format
		}
	}
	return ""
}

// Compile checks the layout and prepares its matchers. It must be called
// after changing any field and before parsing with the layout.
func (l *Layout) Compile() error {
	seen := map[Element]bool{}
	for _, e := range l.Order {
		switch e {
		case ElemHeader, ElemDateline, ElemTitle, ElemStoryCode:
			if seen[e] {
				return fmt.Errorf("layout order: %q appears twice", e)
			}
			seen[e] = true
		case ElemBlank:
		default:
			return fmt.Errorf("layout order: unknown element %q (want header, dateline, title, story_code or blank)", e)
		}
	}
	if !seen[ElemTitle] {
		return fmt.Errorf("layout order: must include title")
	}
	l.compiled = false
	var err error
	l.header, l.storyCode, l.datelines, l.headerDate = nil, nil, nil, nil
	if seen[ElemHeader] {
		if l.Header == "" {
			return fmt.Errorf("layout: order includes header but no header template is set")
		}
		if l.header, err = ParseTemplate(l.Header, "date", "index"); err != nil {
			return fmt.Errorf("layout header: %w", err)
		}
		if layout := l.HeaderDateLayout(); layout != "" {
			l.headerDate = compileNumericDate(layout)
		}
	}
	if seen[ElemStoryCode] {
		if l.StoryCode == "" {
			return fmt.Errorf("layout: order includes story_code but no story code template is set")
		}
		if l.storyCode, err = ParseTemplate(l.StoryCode, "code"); err != nil {
			return fmt.Errorf("layout story_code: %w", err)
		}
		if _, ok := l.storyCode.placeholder("code"); !ok {
			return fmt.Errorf("layout story_code: template %q has no {code} placeholder", l.StoryCode)
		}
	}
	if seen[ElemDateline] {
		if len(l.Datelines) == 0 {
			return fmt.Errorf("layout: order includes dateline but no dateline layout is set")
		}
		for _, s := range l.Datelines {
			tl, err := compileTimeLayout(s)
			if err != nil {
				return fmt.Errorf("layout dateline %q: %w", s, err)
			}
			l.datelines = append(l.datelines, tl)
		}
	}
	for _, e := range []Element{ElemHeader, ElemDateline, ElemTitle, ElemStoryCode} {
		n := &l.neighbours[elementSlot(e)]
		n[0].elem, n[0].blanks, n[0].ok = l.neighbour(e, -1)
		n[1].elem, n[1].blanks, n[1].ok = l.neighbour(e, +1)
	}
	l.compiled = true
	return nil
}

// Template is a line template: literal text with {name} or {name:format}
// placeholders. Only {date:...} takes a format (a Go time layout).
type Template struct {
	Source string
	parts  []templatePart
	loose  *regexp.Regexp
	// looseLead is the first word the loose pattern requires (after any
	// spaces), "" when the template starts with a placeholder: most lines
	// that are not this element fail on it without running the pattern.
	looseLead string
}

type templatePart struct {
	literal string // set for literal parts
	name    string // set for placeholders
	format  string
	value   *regexp.Regexp // for a {date}: the whole value's shape
	// shape is value as a hand matcher for values without spaces (nil
	// when the format is not ASCII).
	shape []shapeElem
}

func (t *Template) placeholder(name string) (templatePart, bool) {
	for _, p := range t.parts {
		if p.name == name {
			return p, true
		}
	}
	return templatePart{}, false
}

// ParseTemplate compiles a template whose placeholders must be among allowed.
func ParseTemplate(src string, allowed ...string) (*Template, error) {
	t := &Template{Source: src}
	rest := src
	for rest != "" {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			t.parts = append(t.parts, templatePart{literal: rest})
			break
		}
		if i > 0 {
			t.parts = append(t.parts, templatePart{literal: rest[:i]})
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("template %q: unclosed '{'", src)
		}
		inner := rest[i+1 : i+j]
		name, format, _ := strings.Cut(inner, ":")
		ok := false
		for _, a := range allowed {
			ok = ok || a == name
		}
		if !ok {
			return nil, fmt.Errorf("template %q: unknown placeholder {%s} (want one of %s)", src, name, strings.Join(allowed, ", "))
		}
		if name == "date" && format == "" {
			format = "2006-01-02"
		}
		if name != "date" && format != "" {
			return nil, fmt.Errorf("template %q: placeholder {%s} takes no format", src, name)
		}
		if _, dup := t.placeholder(name); dup {
			return nil, fmt.Errorf("template %q: placeholder {%s} appears twice", src, name)
		}
		part := templatePart{name: name, format: format}
		if name == "date" {
			part.value = regexp.MustCompile(`^(?:` + looseTimePattern(format) + `)$`)
			part.shape = compileShape(format)
		}
		t.parts = append(t.parts, part)
		rest = rest[i+j+1:]
	}
	for k := 1; k < len(t.parts); k++ {
		if t.parts[k].name != "" && t.parts[k-1].name != "" {
			return nil, fmt.Errorf("template %q: placeholders {%s} and {%s} need text between them", src, t.parts[k-1].name, t.parts[k].name)
		}
	}
	re, err := t.looseRegexp()
	if err != nil {
		return nil, fmt.Errorf("template %q: %w", src, err)
	}
	t.loose = re
	if len(t.parts) > 0 && t.parts[0].name == "" {
		if words := strings.Fields(t.parts[0].literal); len(words) > 0 {
			t.looseLead = words[0]
		}
	}
	return t, nil
}

// looseRegexp builds a case-insensitive pattern that accepts the template
// with any spacing: this is how variants such as "Story code:1152650" are
// recognised, so that a rule can report them with the canonical form.
func (t *Template) looseRegexp() (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString(`(?i)^[ \t]*`)
	prevWord := false // whether the previous emitted token ends in a word character or placeholder
	for _, p := range t.parts {
		if p.name != "" {
			if prevWord {
				b.WriteString(`[ \t]*`)
			}
			b.WriteString("(?P<" + p.name + ">")
			if p.name == "date" {
				b.WriteString(looseTimePattern(p.format))
			} else {
				b.WriteString(`[^ \t]+?`)
			}
			b.WriteString(")")
			prevWord = true
			continue
		}
		for _, tok := range strings.Fields(p.literal) {
			b.WriteString(`[ \t]*`)
			b.WriteString(regexp.QuoteMeta(tok))
			prevWord = true
		}
		if strings.TrimSpace(p.literal) == "" && p.literal != "" {
			// whitespace between two placeholders or at the ends
			prevWord = true
		}
	}
	b.WriteString(`[ \t]*$`)
	return regexp.Compile(b.String())
}

// looseTimePattern turns a Go time layout into a pattern for its shape:
// digit runs, letter runs and punctuation, with flexible spacing.
func looseTimePattern(layout string) string {
	var b strings.Builder
	i := 0
	for i < len(layout) {
		c := layout[i]
		switch {
		case c >= '0' && c <= '9' || c == '_':
			for i < len(layout) && (layout[i] >= '0' && layout[i] <= '9' || layout[i] == '_') {
				i++
			}
			b.WriteString(`[0-9]+`)
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			for i < len(layout) && (layout[i] >= 'A' && layout[i] <= 'Z' || layout[i] >= 'a' && layout[i] <= 'z') {
				i++
			}
			b.WriteString(`\pL+`)
		case c == ' ' || c == '\t':
			for i < len(layout) && (layout[i] == ' ' || layout[i] == '\t') {
				i++
			}
			b.WriteString(`[ \t]+`)
		default:
			b.WriteString(`[ \t]*` + regexp.QuoteMeta(string(c)) + `[ \t]*`)
			i++
		}
	}
	return b.String()
}

// Match matches a line against the template. ok is false when the line
// does not match even loosely.
func (t *Template) Match(line []byte, lineStart int) (tl TemplateLine, ok bool) {
	return t.match(line, lineStart, nil)
}

// match is Match appending the fields to fields, whose array the parser
// keeps in the Doc.
func (t *Template) match(line []byte, lineStart int, fields []Field) (tl TemplateLine, ok bool) {
	if len(line) > maxHeadLine {
		return tl, false
	}
	if tl, ok := t.matchExact(line, lineStart, fields); ok {
		return tl, true
	}
	return t.matchLoose(line, lineStart, fields)
}

func (t *Template) matchLoose(line []byte, lineStart int, fields []Field) (tl TemplateLine, ok bool) {
	if !t.mayMatchLoose(line) {
		return tl, false
	}
	m := t.loose.FindSubmatchIndex(line)
	if m == nil {
		return tl, false
	}
	tl.Span = Span{lineStart, lineStart + len(line)}
	values := map[string]string{}
	for gi, name := range t.loose.SubexpNames() {
		if name == "" || m[2*gi] < 0 {
			continue
		}
		if tl.Fields == nil {
			tl.Fields = fields
		}
		tl.Fields = append(tl.Fields, Field{Name: name, Span: Span{lineStart + m[2*gi], lineStart + m[2*gi+1]}})
		values[name] = string(line[m[2*gi]:m[2*gi+1]])
	}
	tl.Canonical = t.Render(values)
	tl.Exact = tl.Canonical == string(line)
	return tl, true
}

// mayMatchLoose is false when the line cannot match the loose pattern
// because its first word is not the template's (compared as the pattern's
// (?i) does for ASCII; a non-ASCII byte, which may fold to an ASCII
// letter, leaves the answer to the pattern).
func (t *Template) mayMatchLoose(line []byte) bool {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	for k := 0; k < len(t.looseLead); k++ {
		if i+k >= len(line) {
			return false
		}
		c := line[i+k]
		if c >= utf8RuneSelf {
			return true
		}
		if lowerASCII(c) != lowerASCII(t.looseLead[k]) {
			return false
		}
	}
	return true
}

// matchExact is the fast path for the usual case, a line that follows the
// template byte for byte. It accepts only what the loose pattern would
// also accept, with the same field values; anything else falls through to
// the loose pattern.
func (t *Template) matchExact(line []byte, lineStart int, fields []Field) (tl TemplateLine, ok bool) {
	pos := 0
	for i, p := range t.parts {
		if p.name == "" {
			if !bytes.HasPrefix(line[pos:], []byte(p.literal)) {
				return tl, false
			}
			pos += len(p.literal)
			continue
		}
		end := len(line)
		if i+1 < len(t.parts) {
			k := bytes.Index(line[pos:], []byte(t.parts[i+1].literal))
			if k < 0 {
				return tl, false
			}
			end = pos + k
		}
		value := line[pos:end]
		if len(value) == 0 || hasSpaceOrTab(value) || p.value != nil && !p.valueMatches(value) {
			return tl, false
		}
		if tl.Fields == nil {
			tl.Fields = fields
			if tl.Fields == nil {
				tl.Fields = make([]Field, 0, len(t.parts)) // one allocation, not one per field
			}
		}
		tl.Fields = append(tl.Fields, Field{Name: p.name, Span: Span{lineStart + pos, lineStart + end}})
		pos = end
	}
	if pos != len(line) {
		return tl, false
	}
	tl.Span = Span{lineStart, lineStart + len(line)}
	tl.Exact = true
	tl.Canonical = string(line)
	return tl, true
}

// hasSpaceOrTab is bytes.IndexAny(b, " \t") >= 0 for the short values of
// a head line, without IndexAny's set-up.
func hasSpaceOrTab(b []byte) bool {
	for _, c := range b {
		if c == ' ' || c == '\t' {
			return true
		}
	}
	return false
}

// valueMatches reports whether a {date} value without spaces has the
// format's shape, as p.value would.
func (p *templatePart) valueMatches(value []byte) bool {
	if p.shape == nil {
		return p.value.Match(value)
	}
	for _, c := range value {
		if c >= utf8RuneSelf {
			return p.value.Match(value) // \pL might take it
		}
	}
	// In ASCII text without spaces each step's run ends exactly where the
	// next step's characters begin, so one greedy walk decides.
	pos := 0
	for _, e := range p.shape {
		start := pos
		switch e.kind {
		case shapeDigits:
			for pos < len(value) && isDigit(value[pos]) {
				pos++
			}
		case shapeLetters:
			for pos < len(value) && isASCIILetter(value[pos]) {
				pos++
			}
		case shapeSpaces:
			return false // the pattern wants one; the value has none
		case shapePunct:
			if pos < len(value) && value[pos] == e.punct {
				pos++
			}
		}
		if pos == start {
			return false
		}
	}
	return pos == len(value)
}

// A shapeElem is one step of looseTimePattern's shape: a run of digits, of
// letters or of spaces, or one punctuation byte.
type shapeElem struct {
	kind  shapeKind
	punct byte
}

type shapeKind uint8

const (
	shapeDigits shapeKind = iota
	shapeLetters
	shapeSpaces
	shapePunct
)

func shapeKindOf(c byte) shapeKind {
	switch {
	case isDigit(c) || c == '_':
		return shapeDigits
	case isASCIILetter(c):
		return shapeLetters
	case c == ' ' || c == '\t':
		return shapeSpaces
	}
	return shapePunct
}

// compileShape mirrors looseTimePattern for an ASCII format; it returns nil
// for any other, which keeps to the pattern.
func compileShape(layout string) []shapeElem {
	var shape []shapeElem
	for i := 0; i < len(layout); {
		c := layout[i]
		if c >= utf8RuneSelf {
			return nil
		}
		kind := shapeKindOf(c)
		shape = append(shape, shapeElem{kind: kind, punct: c})
		i++
		if kind != shapePunct {
			for i < len(layout) && shapeKindOf(layout[i]) == kind {
				i++
			}
		}
	}
	return shape
}

// Render writes the template with the given placeholder values.
func (t *Template) Render(values map[string]string) string {
	var b strings.Builder
	for _, p := range t.parts {
		if p.name != "" {
			b.WriteString(values[p.name])
		} else {
			b.WriteString(p.literal)
		}
	}
	return b.String()
}

// maxHeadLine bounds the length of a line that may be taken for a head
// element, so that a 100 MB single-line file is never fed to a matcher.
const maxHeadLine = 4096
