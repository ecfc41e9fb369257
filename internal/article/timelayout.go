package article

import (
	"fmt"
	"regexp"
	"strconv"
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
	for i := range tl.tokens {
		tl.tokens[i].idx = compIndex(tl.tokens[i].comp)
	}
	return tl, nil
}

// match parses a line with the layout into d. It reports false when the
// line does not have the layout's shape even loosely.
func (tl *timeLayout) match(line []byte, lineStart int, d *Dateline) bool {
	if len(line) > maxHeadLine {
		return false
	}
	m := tl.re.FindSubmatchIndex(line)
	if m == nil {
		return false
	}
	d.Layout = tl.layout
	d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second = -1, -1, -1, -1, -1, -1
	var spans [nComps]Span
	var text [nComps][]byte
	var has [nComps]bool
	for gi, ci := range tl.groupComp {
		if ci < 0 || m[2*gi] < 0 {
			continue
		}
		spans[ci] = Span{lineStart + m[2*gi], lineStart + m[2*gi+1]}
		text[ci] = line[m[2*gi]:m[2*gi+1]]
		has[ci] = true
	}
	canon := make([]byte, 0, len(line))
	for _, t := range tl.tokens {
		if t.comp == "" {
			canon = append(canon, t.literal...)
		} else {
			canon = append(canon, text[t.idx]...)
		}
	}
	d.Exact = string(canon) == string(line)
	d.Canonical = string(canon)

	atoi := func(b []byte) int {
		n, err := strconv.Atoi(string(b))
		if err != nil {
			return -1
		}
		return n
	}
	d.WeekdayText = string(text[cWeekday])
	d.Weekday = spans[cWeekday]
	d.Year = atoi(text[cYear])
	if d.Year >= 0 && len(text[cYear]) == 2 {
		d.Year += 2000
	}
	d.Day = atoi(text[cDay])
	if mo := text[cMonth]; len(mo) > 0 {
		if mo[0] >= '0' && mo[0] <= '9' {
			d.Month = atoi(mo)
		} else {
			d.Month = monthByName(string(mo))
		}
	}
	if has[cHour] {
		d.Hour = atoi(text[cHour])
		if ap := strings.ToLower(string(text[cAmpm])); ap != "" && d.Hour >= 0 && d.Hour <= 12 {
			d.Hour %= 12
			if ap == "pm" {
				d.Hour += 12
			}
		}
	}
	if has[cMinute] {
		d.Minute = atoi(text[cMinute])
	}
	if has[cSecond] {
		d.Second = atoi(text[cSecond])
	}
	d.Date = spanUnion(spans[cDay], spans[cMonth], spans[cYear])
	d.Time = spanUnion(spans[cHour], spans[cMinute], spans[cSecond], spans[cAmpm])
	d.WeekdayLong = strings.Contains(tl.layout, "Monday")
	d.MonthSpan, d.MonthText = spans[cMonth], string(text[cMonth])
	for _, t := range tl.tokens {
		if t.comp == "month" {
			d.MonthLong = t.std == "January"
			d.MonthNumeric = t.std != "January" && t.std != "Jan"
		}
	}
	return true
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
func monthByName(s string) int {
	for m := time.January; m <= time.December; m++ {
		name := m.String()
		if strings.EqualFold(s, name) || strings.EqualFold(s, name[:3]) {
			return int(m)
		}
	}
	return 0
}

// CalendarDate returns the dateline's date and whether it is a real
// calendar date.
func (d *Dateline) CalendarDate() (time.Time, bool) {
	if d.Year < 0 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return time.Time{}, false
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d.Day && int(t.Month()) == d.Month
}
