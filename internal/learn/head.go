package learn

import (
	"regexp"
	"strings"
	"time"
)

// Candidate dateline layouts, most specific first. A line is a dateline in
// a layout when time.Parse reads it and formatting the result gives the line
// back (weekday names aside: a wrong weekday is a dateline rule's business,
// not a different layout).
var datelineLayouts = []string{
	"Monday 2 January 2006 - 15:04",
	"Monday, 2 January 2006 - 15:04",
	"Monday 2 January 2006 15:04",
	"Monday, 2 January 2006, 15:04",
	"Monday, 2 January 2006 15:04",
	"Monday, January 2, 2006 - 15:04",
	"Monday, January 2, 2006 3:04 PM",
	"Monday, January 2, 2006",
	"Monday 2 January 2006",
	"Mon, 02 Jan 2006 15:04:05",
	"Mon 2 Jan 2006 - 15:04",
	"Mon 2 Jan 2006 15:04",
	"2 January 2006 - 15:04",
	"2 January 2006 15:04",
	"2 January 2006",
	"January 2, 2006 - 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"02/01/2006 15:04",
	"02.01.2006 15:04",
}

var weekdayNames = regexp.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b`)

// datelineLayout returns the layout a line is written in, or "". A label
// before the date ("Publish Date : ") becomes part of the layout.
func datelineLayout(line string) string {
	if len(line) > 80 || !strings.ContainsAny(line, "0123456789") {
		return ""
	}
	prefixes := []string{""}
	if i := strings.Index(line, ": "); i > 0 && i < 30 && !strings.ContainsAny(line[:i], "0123456789") {
		prefixes = append(prefixes, line[:i+2])
	}
	for _, prefix := range prefixes {
		for _, l := range datelineLayouts {
			layout := prefix + l
			t, err := time.Parse(layout, line)
			if err != nil {
				continue
			}
			if weekdayNames.ReplaceAllString(t.Format(layout), "W") == weekdayNames.ReplaceAllString(line, "W") {
				return layout
			}
		}
	}
	return ""
}

// Header dates the shape inference recognises, with their Go layouts.
var headerDates = []struct {
	re     *regexp.Regexp
	layout string
}{
	{regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`), "2006-01-02"},
	{regexp.MustCompile(`\b\d{4}/\d{2}/\d{2}\b`), "2006/01/02"},
	{regexp.MustCompile(`\b\d{2}/\d{2}/\d{4}\b`), "02/01/2006"},
	{regexp.MustCompile(`\b\d{8}\b`), "20060102"},
}

var digitRun = regexp.MustCompile(`\d+`)

// headerShape infers a header template from a line holding a date stamp:
// the date becomes {date:LAYOUT} and one other number, if any, {index}.
// It returns "" for a line that is not a header.
func headerShape(line string) string {
	if len(line) > 80 {
		return ""
	}
	for _, d := range headerDates {
		loc := d.re.FindStringIndex(line)
		if loc == nil {
			continue
		}
		before, after := line[:loc[0]], line[loc[1]:]
		if digitRun.MatchString(before) || strings.ContainsAny(before+after, "{}") {
			return ""
		}
		nums := digitRun.FindAllStringIndex(after, -1)
		if len(nums) > 1 {
			return ""
		}
		if len(nums) == 1 {
			after = after[:nums[0][0]] + "{index}" + after[nums[0][1]:]
		}
		return before + "{date:" + d.layout + "}" + after
	}
	return ""
}

var storyCodeLine = regexp.MustCompile(`^([\pL][\pL .]{0,30}?[ \t]*[:#][ \t]*)(\d+)$`)

// storyCodeShape infers a story code template ("Story Code : {code}",
// "ID: {code}") from a labelled number, or returns "".
func storyCodeShape(line string) string {
	m := storyCodeLine.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	return m[1] + "{code}"
}

// head is what the top of one file looks like.
type head struct {
	order      []string // elements and blank lines down to the body
	header     string   // inferred header template, if the file has one
	dateline   string   // dateline layout, if any
	storyCode  string   // story code template, if any
	blankAfter bool     // a blank line follows the story code
}

// readHead classifies the first lines of a file.
func readHead(lines []string) head {
	var h head
	i := 0
	blank := func(i int) bool { return i < len(lines) && strings.TrimSpace(lines[i]) == "" }
	for i < len(lines) && len(h.order) < 12 {
		line := lines[i]
		switch {
		case blank(i):
			h.order = append(h.order, "blank")
		case len(h.order) == 0 && headerShape(line) != "":
			h.header = headerShape(line)
			h.order = append(h.order, "header")
		case h.dateline == "" && datelineLayout(line) != "":
			h.dateline = datelineLayout(line)
			h.order = append(h.order, "dateline")
		case h.storyCode == "" && storyCodeShape(line) != "":
			h.storyCode = storyCodeShape(line)
			h.order = append(h.order, "story_code")
		default:
			h.order = append(h.order, "title")
			i++
			// After the title: blank lines, then perhaps the story code.
			j := i
			for blank(j) {
				j++
			}
			if h.storyCode == "" && j < len(lines) && storyCodeShape(lines[j]) != "" {
				for ; i < j; i++ {
					h.order = append(h.order, "blank")
				}
				h.storyCode = storyCodeShape(lines[j])
				h.order = append(h.order, "story_code")
				h.blankAfter = blank(j + 1)
			} else if j > i {
				for ; i < j; i++ {
					h.order = append(h.order, "blank")
				}
			}
			return h
		}
		i++
	}
	return h
}
