package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// Helpers shared by the structural rules (header, dateline, title,
// storycode, layout).

// elementNames are the head elements as messages name them.
var elementNames = map[article.Element]string{
	article.ElemHeader:    "header",
	article.ElemDateline:  "dateline",
	article.ElemTitle:     "title",
	article.ElemStoryCode: "story code",
}

func elementName(e article.Element) string {
	if n, ok := elementNames[e]; ok {
		return n
	}
	return string(e)
}

// blankCount writes "no blank line", "1 blank line" or "3 blank lines".
func blankCount(n int) string {
	if n == 0 {
		return "no blank line"
	}
	return plural(n, "blank line")
}

// wantBlanks writes the expectation in a message: "want 1", "want none".
func wantBlanks(n int) string {
	if n == 0 {
		return "want none"
	}
	return fmt.Sprintf("want %d", n)
}

// eolOf returns line i's terminator, or "\n" when it has none, so that an
// inserted line uses the file's own line endings.
func eolOf(d *article.Doc, i int) string {
	if i < 0 || i >= len(d.Lines) || d.Lines[i].EOL == 0 {
		return "\n"
	}
	l := d.Lines[i]
	return string(d.Src[l.End : l.End+l.EOL])
}

// lineSpan returns the content span of line i, or an empty span at the end
// of the file when i is past the last line.
func lineSpan(d *article.Doc, i int) article.Span {
	if i < len(d.Lines) {
		return d.Lines[i].Span
	}
	return lintSpan(len(d.Src), len(d.Src))
}

// fixBlankLines returns the safe fix that turns the got blank lines
// starting at line first (and ending just before line next) into want
// blank lines: the extra ones are deleted, or missing ones are inserted
// before line next with the terminator of the line above.
func fixBlankLines(d *article.Doc, first, got, want, next int, description string) *lint.Fix {
	if got > want {
		start := d.Lines[first+want].Start
		end := len(d.Src)
		if next < len(d.Lines) {
			end = d.Lines[next].Start
		} else {
			last := d.Lines[first+got-1]
			end = last.End + last.EOL
		}
		return lint.SafeFix(description, start, end, "")
	}
	at := len(d.Src)
	if next < len(d.Lines) {
		at = d.Lines[next].Start
	}
	return lint.SafeFix(description, at, at, strings.Repeat(eolOf(d, next-1), want-got))
}

// checkBlankBefore reports the blank lines between head element e and the
// element the layout puts before it, when their number is not what the
// layout wants. It stays quiet when either element is missing: the
// missing-element rules speak for that, and the spacing around a missing
// element has no right answer.
func checkBlankBefore(p *lint.Pass, e article.Element) {
	d := p.Doc
	line, ok := d.ElementLine(e)
	if !ok {
		return
	}
	prev, want, ok := d.Layout.Previous(e)
	if !ok {
		return
	}
	prevLine, ok := d.ElementLine(prev)
	if !ok {
		return
	}
	// The parser records every blank line between two head elements it
	// found as head runs; sum the ones in between.
	got := 0
	for _, r := range d.BlankRuns {
		if r.Where == article.WhereHead && r.FirstLine > prevLine && r.FirstLine+r.Count <= line {
			got += r.Count
		}
	}
	if got == want {
		return
	}
	first := prevLine + 1
	span := d.Lines[line].Span
	if got > want {
		span = lintSpan(d.Lines[first+want].Start, d.Lines[line-1].End)
	}
	fix := fixBlankLines(d, first, got, want, line,
		fmt.Sprintf("leave %s between the %s and the %s", blankCount(want), elementName(prev), elementName(e)))
	p.Reportf(span, fix, "%s between the %s and the %s; %s",
		blankCount(got), elementName(prev), elementName(e), wantBlanks(want))
}

// isSpace reports whether c is a space or a tab, the only whitespace that a
// line's content can hold.
func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// stripSpaces removes spaces and tabs.
func stripSpaces(s string) string {
	if strings.IndexAny(s, " \t") < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// looseFixSafe reports whether rewriting orig as canon (the canonical form
// of a loosely matched head line) is a safe fix: both hold the same
// characters apart from spaces and tabs, up to letter case, and canon puts
// no space between two digits that orig writes together. Such a split is a
// guess: " date 2024-08-070" may be day 07 with index 0, or a typo.
func looseFixSafe(orig, canon string) bool {
	i, j := 0, 0
	var prev rune // the last non-space rune of orig
	for {
		origSpace, canonSpace := false, false
		for i < len(orig) && isSpace(orig[i]) {
			i++
			origSpace = true
		}
		for j < len(canon) && isSpace(canon[j]) {
			j++
			canonSpace = true
		}
		if i == len(orig) || j == len(canon) {
			return i == len(orig) && j == len(canon)
		}
		a, na := utf8.DecodeRuneInString(orig[i:])
		b, nb := utf8.DecodeRuneInString(canon[j:])
		if a != b && !strings.EqualFold(string(a), string(b)) {
			return false
		}
		if canonSpace && !origSpace && isDigit(prev) && isDigit(a) {
			return false
		}
		prev = a
		i += na
		j += nb
	}
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// looseDifference names how a loosely matched line differs from its
// canonical form: "spacing", "letter case" or "spacing and letter case".
func looseDifference(orig, canon string) string {
	caseDiff := stripSpaces(orig) != stripSpaces(canon)
	spaceDiff := !strings.EqualFold(orig, canon)
	switch {
	case caseDiff && spaceDiff:
		return "spacing and letter case"
	case caseDiff:
		return "letter case"
	}
	return "spacing"
}

// hasAlnum reports whether s holds a letter or a digit.
func hasAlnum(s []byte) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		i += size
	}
	return false
}

// excerpt quotes the text of span s for a message, cut short after 40
// characters so that a huge line does not make a huge message.
func excerpt(d *article.Doc, s article.Span) string {
	const max = 40
	b := d.Text(s)
	n := 0
	for i := 0; i < len(b); n++ {
		if n == max {
			return quote(string(b[:i]) + "…")
		}
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return quote(string(b))
}

// trimSpaces returns span s without leading and trailing spaces and tabs.
func trimSpaces(d *article.Doc, s article.Span) article.Span {
	for s.Start < s.End && isSpace(d.Src[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && isSpace(d.Src[s.End-1]) {
		s.End--
	}
	return s
}

// quiet reports whether a structural rule should stay silent about the head
// because the file holds nothing: layout/empty-body reports that alone.
func quiet(d *article.Doc) bool { return d.Blank() }

// headerUsable reports whether the header was parsed into fields, so that
// its parts can be checked one by one.
func headerUsable(d *article.Doc) bool { return d.Header != nil && !d.Header.Malformed }

// datelineUsable reports whether the dateline matched a layout, so that its
// parts can be checked one by one.
func datelineUsable(d *article.Doc) bool { return d.Dateline != nil && !d.Dateline.Malformed }

// headerDate returns the header's date and whether it is a real date in
// the template's layout. Spaces inside the date are header/whitespace's
// business, so they are ignored here.
func headerDate(d *article.Doc) (time.Time, bool) {
	if !headerUsable(d) {
		return time.Time{}, false
	}
	return d.Header.Date, d.Header.DateOK
}

// headerValues returns the header's placeholder values as the template
// renders them, with the spaces inside the date taken out.
func headerValues(d *article.Doc) map[string]string {
	return map[string]string{"date": stripSpaces(d.Header.DateText), "index": d.Header.IndexText}
}

// quote writes s in double quotes, Go-escaped, for messages.
func quote(s string) string { return strconv.Quote(s) }

// datelineLayouts writes the configured dateline layouts for a message.
func datelineLayouts(d *article.Doc) string {
	quoted := make([]string, len(d.Layout.Datelines))
	for i, l := range d.Layout.Datelines {
		quoted[i] = quote(l)
	}
	return strings.Join(quoted, " or ")
}

// parseWeekday reads an English weekday name, full or three letters, in
// any case.
func parseWeekday(s string) (time.Weekday, bool) {
	ascii := true
	for i := 0; i < len(s); i++ {
		ascii = ascii && s[i] < utf8.RuneSelf
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		name := wd.String()
		if ascii && len(s) != len(name) && len(s) != 3 {
			continue // ASCII text folds only to a name of its own length
		}
		if strings.EqualFold(s, name) || strings.EqualFold(s, name[:3]) {
			return wd, true
		}
	}
	return 0, false
}

// weekdayName writes a weekday as a layout does: "Wednesday" or "Wed".
func weekdayName(wd time.Weekday, long bool) string {
	if long {
		return wd.String()
	}
	return wd.String()[:3]
}

// monthName writes a month as a layout does: "August" or "Aug".
func monthName(m int, long bool) string {
	name := time.Month(m).String()
	if long {
		return name
	}
	return name[:3]
}

// nameFix returns the fix that rewrites a name: safe when only the letter
// case changes, unsafe when letters do.
func nameFix(span article.Span, have, want string) *lint.Fix {
	description := "write " + quote(want)
	if strings.EqualFold(have, want) {
		return lint.SafeFix(description, span.Start, span.End, want)
	}
	return lint.UnsafeFix(description, span.Start, span.End, want)
}

// storyCodeLike looks at the line where the story code was expected but
// not found, for a line that is meant to be one: its first letters spell
// the template's words ("Story Code") in any case and spacing, after which
// come punctuation and spaces, then the code. code is the run of digits
// when the rest of the line is exactly that, or "" when it is something
// else ("Story Code: N/A").
func storyCodeLike(d *article.Doc, m article.MissingElement) (line article.Span, code string, ok bool) {
	tmpl := d.Layout.StoryCodeTemplate()
	if tmpl == nil || m.Line >= len(d.Lines) {
		return line, "", false
	}
	line = d.Lines[m.Line].Span
	text := d.Text(line)
	words := tmpl.LiteralPrefix()
	i, matched := 0, 0
	for w := 0; w < len(words); w++ {
		c := words[w]
		if !isASCIILetterOrDigit(c) {
			continue
		}
		for i < len(text) && !isASCIILetterOrDigit(text[i]) && (isSpace(text[i]) || matched > 0) {
			i++
		}
		if i == len(text) || lower(text[i]) != lower(c) {
			return line, "", false
		}
		i++
		matched++
	}
	if matched == 0 {
		return line, "", false
	}
	for i < len(text) && !isASCIILetterOrDigit(text[i]) {
		i++
	}
	end := len(text)
	for end > i && isSpace(text[end-1]) {
		end--
	}
	rest := text[i:end]
	for _, c := range rest {
		if c < '0' || c > '9' {
			return line, "", true
		}
	}
	return line, string(rest), true
}

func isASCIILetterOrDigit(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// storyCodeShape writes the story code template for messages:
// "Story Code : <digits>".
func storyCodeShape(d *article.Doc) string {
	return quote(strings.Replace(d.Layout.StoryCode, "{code}", "<digits>", 1))
}
