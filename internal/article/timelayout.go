package article

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// timeLayout is a Go time layout compiled into a loose matcher with one
// named group per component, so that the dateline's weekday, date and time
// can be located (and fixed) even when the line is slightly off.
type timeLayout struct {
	layout string
	tokens []timeToken
	re     *regexp.Regexp
	// groupComp maps each group of re to its component's index in
	// compNames (-1 for none), so that match needs no map.
	groupComp []int
	// How the layout spells weekdays and months (see Dateline).
	weekdayLong, monthLong, monthNumeric bool
}

type timeToken struct {
	comp    string // weekday, month, day, year, hour, minute, second, ampm; "" for a literal
	std     string // the layout's own text for it
	literal string
	idx     int // comp's index in compNames
}

// compNames lists the components; match keeps them in arrays by index.
var compNames = [...]string{"weekday", "month", "day", "year", "hour", "minute", "second", "ampm"}

const (
	cWeekday = iota
	cMonth
	cDay
	cYear
	cHour
	cMinute
	cSecond
	cAmpm
	nComps
)

func compIndex(name string) int {
	for i, n := range compNames {
		if n == name {
			return i
		}
	}
	return -1
}

// std components, longest first so that "January" wins over "Jan".
var timeComponents = []struct{ std, comp string }{
	{"January", "month"}, {"Monday", "weekday"}, {"2006", "year"},
	{"Jan", "month"}, {"Mon", "weekday"},
	{"01", "month"}, {"02", "day"}, {"_2", "day"}, {"03", "hour"}, {"04", "minute"}, {"05", "second"},
	{"06", "year"}, {"15", "hour"}, {"PM", "ampm"}, {"pm", "ampm"},
	{"1", "month"}, {"2", "day"}, {"3", "hour"}, {"4", "minute"}, {"5", "second"},
}

var compPattern = map[string]string{
	"weekday": `\pL+`, "month": `\pL+|[0-9]{1,2}`, "day": `[0-9]{1,2}`, "year": `[0-9]{4}|[0-9]{2}`,
	"hour": `[0-9]{1,2}`, "minute": `[0-9]{1,2}`, "second": `[0-9]{1,2}`, "ampm": `(?i:[ap]m)`,
}

func compileTimeLayout(layout string) (*timeLayout, error) {
	tl := &timeLayout{layout: layout}
	seen := map[string]bool{}
	rest := layout
	for rest != "" {
		matched := false
		for _, c := range timeComponents {
			if strings.HasPrefix(rest, c.std) {
				if seen[c.comp] {
					return nil, fmt.Errorf("%s appears twice", c.comp)
				}
				seen[c.comp] = true
				tl.tokens = append(tl.tokens, timeToken{comp: c.comp, std: c.std})
				rest = rest[len(c.std):]
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		n := len(tl.tokens)
		if n > 0 && tl.tokens[n-1].comp == "" {
			tl.tokens[n-1].literal += rest[:1]
		} else {
			tl.tokens = append(tl.tokens, timeToken{literal: rest[:1]})
		}
		rest = rest[1:]
	}
	if !seen["day"] || !seen["month"] || !seen["year"] {
		return nil, fmt.Errorf("a dateline layout needs a day, a month and a year (Go layout: 2, January, 2006)")
	}
	var b strings.Builder
	b.WriteString(`(?i)^[ \t]*`)
	for _, t := range tl.tokens {
		if t.comp != "" {
			b.WriteString("(?P<" + t.comp + ">" + compPattern[t.comp] + ")")
			continue
		}
		for i := 0; i < len(t.literal); {
			c := t.literal[i]
			if c == ' ' || c == '\t' {
				for i < len(t.literal) && (t.literal[i] == ' ' || t.literal[i] == '\t') {
					i++
				}
				b.WriteString(`[ \t]*`)
				continue
			}
			j := i
			for j < len(t.literal) && t.literal[j] != ' ' && t.literal[j] != '\t' {
				j++
			}
			b.WriteString(regexp.QuoteMeta(t.literal[i:j]))
			i = j
		}
	}
	b.WriteString(`[ \t]*$`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, err
	}
	tl.re = re
	for _, name := range re.SubexpNames() {
		tl.groupComp = append(tl.groupComp, compIndex(name))
	}
	for i, t := range tl.tokens {
		tl.tokens[i].idx = compIndex(t.comp)
		if t.comp == "month" {
			tl.monthLong = t.std == "January"
			tl.monthNumeric = t.std != "January" && t.std != "Jan"
		}
	}
	tl.weekdayLong = strings.Contains(layout, "Monday")
	return tl, nil
}

// match parses a line with the layout into d. It reports false when the
// line does not have the layout's shape even loosely.
func (tl *timeLayout) match(line []byte, lineStart int, d *Dateline) bool {
	if len(line) > maxHeadLine {
		return false
	}
	var parts dateParts
	if tl.matchExact(line, &parts) {
		tl.fill(d, line, lineStart, &parts, true)
		return true
	}
	return tl.matchLoose(line, lineStart, d)
}

// matchLoose is the general path: the loose pattern, for any spacing and
// letter case.
func (tl *timeLayout) matchLoose(line []byte, lineStart int, d *Dateline) bool {
	var parts dateParts
	m := tl.re.FindSubmatchIndex(line)
	if m == nil {
		return false
	}
	for gi, ci := range tl.groupComp {
		if ci < 0 || m[2*gi] < 0 {
			continue
		}
		parts.at[ci] = [2]int{m[2*gi], m[2*gi+1]}
		parts.has[ci] = true
	}
	tl.fill(d, line, lineStart, &parts, false)
	return true
}

// dateParts locates each component of a dateline as offsets into the line.
type dateParts struct {
	at  [nComps][2]int
	has [nComps]bool
}

func (p *dateParts) text(line []byte, c int) []byte {
	if !p.has[c] {
		return nil
	}
	return line[p.at[c][0]:p.at[c][1]]
}

// matchExact is the fast path for the usual line, one that follows the
// layout byte for byte. It accepts a line only when the loose pattern
// would take the same parts from it: each component is a maximal run of
// its characters (ASCII only: \pL might take more), within the pattern's
// lengths, and each literal is there verbatim. Anything else is left to the
// loose pattern.
func (tl *timeLayout) matchExact(line []byte, parts *dateParts) bool {
	pos := 0
	for _, t := range tl.tokens {
		if t.comp == "" {
			if len(line)-pos < len(t.literal) || string(line[pos:pos+len(t.literal)]) != t.literal {
				return false
			}
			pos += len(t.literal)
			continue
		}
		end := pos
		switch {
		case t.idx == cAmpm:
			if len(line)-pos < 2 || lowerASCII(line[pos]) != 'a' && lowerASCII(line[pos]) != 'p' || lowerASCII(line[pos+1]) != 'm' {
				return false
			}
			end = pos + 2
		case end < len(line) && isASCIILetter(line[end]) && (t.idx == cWeekday || t.idx == cMonth):
			for end < len(line) && isASCIILetter(line[end]) {
				end++
			}
			if end < len(line) && line[end] >= utf8RuneSelf {
				return false // a letter the pattern would take too, perhaps
			}
		case t.idx != cWeekday:
			for end < len(line) && isDigit(line[end]) {
				end++
			}
			if !digitRunFits(t.idx, end-pos) {
				return false
			}
		}
		if end == pos {
			return false
		}
		parts.at[t.idx] = [2]int{pos, end}
		parts.has[t.idx] = true
		pos = end
	}
	return pos == len(line)
}

// digitRunFits reports whether the loose pattern takes a run of n digits
// whole for component c: [0-9]{4}|[0-9]{2} for a year, [0-9]{1,2} else.
func digitRunFits(c, n int) bool {
	if c == cYear {
		return n == 4 || n == 2
	}
	return n == 1 || n == 2
}

const utf8RuneSelf = 0x80

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// fill sets d from the parts found in line. exact says the line reads as
// the layout's canonical form, so the texts can share one string with it.
func (tl *timeLayout) fill(d *Dateline, line []byte, lineStart int, parts *dateParts, exact bool) {
	d.Layout = tl.layout
	d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second = -1, -1, -1, -1, -1, -1
	var spans [nComps]Span
	for c := range spans {
		if parts.has[c] {
			spans[c] = Span{lineStart + parts.at[c][0], lineStart + parts.at[c][1]}
		}
	}
	if exact {
		d.Canonical = string(line)
		d.Exact = true
		sub := func(c int) string {
			if !parts.has[c] {
				return ""
			}
			return d.Canonical[parts.at[c][0]:parts.at[c][1]]
		}
		d.WeekdayText, d.MonthText = sub(cWeekday), sub(cMonth)
	} else {
		canon := make([]byte, 0, len(line))
		for _, t := range tl.tokens {
			if t.comp == "" {
				canon = append(canon, t.literal...)
			} else {
				canon = append(canon, parts.text(line, t.idx)...)
			}
		}
		d.Exact = string(canon) == string(line)
		d.Canonical = string(canon)
		d.WeekdayText, d.MonthText = string(parts.text(line, cWeekday)), string(parts.text(line, cMonth))
	}

	text := func(c int) []byte { return parts.text(line, c) }
	d.Weekday = spans[cWeekday]
	d.Year = atoiDigits(text(cYear))
	if d.Year >= 0 && len(text(cYear)) == 2 {
		d.Year += 2000
	}
	d.Day = atoiDigits(text(cDay))
	if mo := text(cMonth); len(mo) > 0 {
		if mo[0] >= '0' && mo[0] <= '9' {
			d.Month = atoiDigits(mo)
		} else {
			d.Month = monthByName(mo)
		}
	}
	if parts.has[cHour] {
		d.Hour = atoiDigits(text(cHour))
		if ap := text(cAmpm); len(ap) > 0 && d.Hour >= 0 && d.Hour <= 12 {
			d.Hour %= 12
			if bytes.EqualFold(ap, []byte("pm")) {
				d.Hour += 12
			}
		}
	}
	if parts.has[cMinute] {
		d.Minute = atoiDigits(text(cMinute))
	}
	if parts.has[cSecond] {
		d.Second = atoiDigits(text(cSecond))
	}
	d.Date = spanUnion(spans[cDay], spans[cMonth], spans[cYear])
	d.Time = spanUnion(spans[cHour], spans[cMinute], spans[cSecond], spans[cAmpm])
	d.WeekdayLong = tl.weekdayLong
	d.MonthSpan = spans[cMonth]
	d.MonthLong, d.MonthNumeric = tl.monthLong, tl.monthNumeric
}

// atoiDigits reads a run of ASCII digits (all the patterns let through),
// or returns -1 for anything else, as strconv.Atoi's failure did.
func atoiDigits(b []byte) int {
	if len(b) == 0 || len(b) > 9 {
		return -1
	}
	n := 0
	for _, c := range b {
		if !isDigit(c) {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func spanUnion(spans ...Span) Span {
	var u Span
	for _, s := range spans {
		if s.End == 0 {
			continue
		}
		if u.End == 0 || s.Start < u.Start {
			u.Start = s.Start
		}
		if s.End > u.End {
			u.End = s.End
		}
	}
	return u
}

// monthByName returns 1 to 12 for a full or three-letter English month
// name in any case, and 0 for anything else.
func monthByName(s []byte) int {
	ascii := true
	for _, c := range s {
		ascii = ascii && c < utf8RuneSelf
	}
	for m := time.January; m <= time.December; m++ {
		name := m.String()
		if ascii {
			// ASCII text folds only to a name of its own length.
			if len(s) == len(name) && equalFoldASCII(s, name) || len(s) == 3 && equalFoldASCII(s, name[:3]) {
				return int(m)
			}
			continue
		}
		if bytes.EqualFold(s, []byte(name)) || bytes.EqualFold(s, []byte(name[:3])) {
			return int(m)
		}
	}
	return 0
}

// equalFoldASCII compares ASCII text of equal lengths ignoring case.
func equalFoldASCII(b []byte, s string) bool {
	for i := range b {
		if lowerASCII(b[i]) != lowerASCII(s[i]) {
			return false
		}
	}
	return true
}

// CalendarDate returns the dateline's date and whether it is a real
// calendar date. The parser stores both in Calendar and CalendarValid.
func (d *Dateline) CalendarDate() (time.Time, bool) {
	if d.Year < 0 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return time.Time{}, false
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	// daysIn, not t.Day() and t.Month(): each would take the date apart.
	return t, d.Day <= daysIn(d.Month, d.Year)
}
