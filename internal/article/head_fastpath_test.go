package article

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// The head's fast paths must give exactly what the general paths give.
// These tests feed both the same well-formed and damaged lines.

// mutations returns s with one byte deleted, doubled or replaced by each
// of a set of troublemakers, at every position.
func mutations(s string) []string {
	subs := []string{" ", "\t", "  ", "x", "X", "1", "12", "-", ":", "é", "ſ", "\u212a", ".", "_"}
	out := []string{s, " " + s, s + " ", "\t" + s, strings.ToUpper(s), strings.ToLower(s)}
	for i := 0; i <= len(s); i++ {
		if i < len(s) {
			out = append(out, s[:i]+s[i+1:], s[:i]+s[i:i+1]+s[i:])
		}
		for _, r := range subs {
			out = append(out, s[:i]+r+s[i:])
			if i < len(s) {
				out = append(out, s[:i]+r+s[i+1:])
			}
		}
	}
	return out
}

func TestDatelineExactPathAgreesWithLoose(t *testing.T) {
	layouts := []string{
		"Monday 2 January 2006 - 15:04", "Mon, Jan 2 2006 3:04 PM", "2006-01-02 15:04:05", "02/01/06",
		"_2 Jan 2006", "Monday, January 2, 2006 at 3:04pm", "2 1 2006",
	}
	times := []time.Time{
		time.Date(2024, 8, 7, 21, 29, 5, 0, time.UTC), time.Date(2015, 1, 1, 9, 3, 0, 0, time.UTC),
		time.Date(1999, 12, 31, 0, 0, 59, 0, time.UTC),
	}
	exact := 0
	for _, layout := range layouts {
		tl, err := compileTimeLayout(layout)
		if err != nil {
			t.Fatal(err)
		}
		for _, tm := range times {
			for _, line := range mutations(tm.Format(layout)) {
				var fast, loose Dateline
				okFast := tl.match([]byte(line), 100, &fast)
				okLoose := tl.matchLoose([]byte(line), 100, &loose)
				if okFast != okLoose || !reflect.DeepEqual(fast, loose) {
					t.Fatalf("layout %q, line %q:\nfast  %v %+v\nloose %v %+v", layout, line, okFast, fast, okLoose, loose)
				}
				var parts dateParts
				if tl.matchExact([]byte(line), &parts) {
					exact++
				}
			}
		}
	}
	if exact == 0 {
		t.Fatal("the fast path was never taken")
	}
}

func TestTemplateFastPathsAgreeWithLoose(t *testing.T) {
	cases := []struct{ template, line string }{
		{" date {date:2006-01-02} {index}", " date 2024-08-07 0"},
		{" date {date:2006-01-02} {index}", " date 2024-8-7 12"},
		{" date {date:02/01/2006} {index}", " date 07/08/2024 3"},
		{"{index}: {date:Jan 2, 2006}", "3: Aug 7, 2024"},
		{"{index}: {date:Jan2 2006}", "3: Aug7 2024"},
		{"Story Code : {code}", "Story Code : 1152650"},
		{"Story Code : {code}", "Iraqi Resistance: Ain Al Assad Operation"},
		{"Story Code : {code}", "Sto"},
		{"[{code}]", "[1152650]"},
	}
	exact, rejected := 0, 0
	for _, c := range cases {
		tpl, err := ParseTemplate(c.template, "date", "index", "code")
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range mutations(c.line) {
			if !tpl.mayMatchLoose([]byte(line)) {
				rejected++
				if tpl.loose.Match([]byte(line)) {
					t.Fatalf("template %q: the first word check rejected %q, which the pattern matches", c.template, line)
				}
			}
			got, okGot := tpl.Match([]byte(line), 10)
			want, okWant := tpl.matchLoose([]byte(line), 10, nil)
			if len(line) > maxHeadLine {
				continue
			}
			if okGot != okWant || !reflect.DeepEqual(got, want) {
				t.Fatalf("template %q, line %q:\nMatch      %v %+v\nmatchLoose %v %+v", c.template, line, okGot, got, okWant, want)
			}
			if _, ok := tpl.matchExact([]byte(line), 10, nil); ok {
				exact++
			}
		}
	}
	if exact == 0 || rejected == 0 {
		t.Fatalf("fast paths taken: exact %d, rejected early %d", exact, rejected)
	}
}

func TestNumericDateAgreesWithTimeParse(t *testing.T) {
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "Jan 2 2006", "2006.01.02", "2006-01-02-0700", "2006-1-2"} {
		if compileNumericDate(layout) != nil {
			t.Errorf("layout %q should be left to time.Parse", layout)
		}
	}
	fast := 0
	for _, layout := range []string{"2006-01-02", "02/01/2006", "20060102", "2006-01-02-15:04:05", "01/02/2006 15"[:10]} {
		nd := compileNumericDate(layout)
		if nd == nil {
			t.Fatalf("layout %q should be read by position", layout)
		}
		var texts []string
		for d := time.Date(1999, 12, 1, 22, 58, 58, 0, time.UTC); d.Year() < 2001; d = d.Add(37*time.Hour + 61*time.Second) {
			texts = append(texts, d.Format(layout))
		}
		texts = append(texts, mutations(time.Date(2024, 2, 29, 23, 59, 59, 0, time.UTC).Format(layout))...)
		for _, s := range []string{"0000", "9999", "1900", "2000", "2100"} {
			for _, md := range []string{"0229", "0230", "0431", "1231", "1301", "0001", "0100", "0000"} {
				texts = append(texts, strings.NewReplacer("2006", s, "01", md[:2], "02", md[2:], "15", "24", "04", "60", "05", "00").Replace(layout))
				texts = append(texts, strings.NewReplacer("2006", s, "01", md[:2], "02", md[2:], "15", "23", "04", "59", "05", "60").Replace(layout))
				texts = append(texts, strings.NewReplacer("2006", s, "01", md[:2], "02", md[2:], "15", "00", "04", "00", "05", "00").Replace(layout))
			}
		}
		for _, text := range texts {
			got, ok := nd.parse(text)
			if !ok {
				continue
			}
			fast++
			want, err := time.Parse(layout, text)
			if err != nil || got != want {
				t.Fatalf("layout %q, %q: read %v, time.Parse %v (%v)", layout, text, got, want, err)
			}
		}
	}
	if fast == 0 {
		t.Fatal("the fast path was never taken")
	}
}

func TestMonthByName(t *testing.T) {
	for m := time.January; m <= time.December; m++ {
		for _, s := range []string{m.String(), m.String()[:3], strings.ToUpper(m.String()), strings.ToLower(m.String()[:3])} {
			if got := monthByName([]byte(s)); got != int(m) {
				t.Errorf("monthByName(%q) = %d, want %d", s, got, m)
			}
		}
	}
	// Unicode folding: the long s folds to s, so these are months too.
	for s, want := range map[string]int{"ſep": 9, "Auguſt": 8, "Sept": 0, "Ma": 0, "": 0, "Mayo": 0} {
		if got := monthByName([]byte(s)); got != want {
			t.Errorf("monthByName(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestCalendarDate(t *testing.T) {
	for y := 1899; y <= 2401; y++ {
		for m := 1; m <= 12; m++ {
			for day := 27; day <= 32; day++ {
				d := Dateline{Year: y, Month: m, Day: day}
				got, ok := d.CalendarDate()
				want := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
				if got != want || ok != (want.Day() == day) {
					t.Fatalf("%d-%d-%d: %v %v", y, m, day, got, ok)
				}
			}
		}
	}
}
