package article

import (
	"os"
	"reflect"
	"testing"
)

func TestParseSeed(t *testing.T) {
	src, err := os.ReadFile("../../fixtures/rules/layout/final-newline/good-seed.txtar")
	if err != nil {
		t.Fatal(err)
	}
	// The seed is the first section of the fixture.
	start := len("The seed article, byte for byte: nothing to report.\n-- input.txt --\n")
	end := len(src) - len("-- want --\n")
	src = src[start:end]
	d := Parse("seed.txt", src, DefaultLayout())
	if d.Header == nil || !d.Header.Exact || d.Header.DateText != "2024-08-07" || d.Header.IndexText != "0" {
		t.Fatalf("header: %+v", d.Header)
	}
	if d.Dateline == nil || !d.Dateline.Exact || d.Dateline.Day != 7 || d.Dateline.Month != 8 || d.Dateline.Year != 2024 ||
		d.Dateline.Hour != 21 || d.Dateline.Minute != 29 || d.Dateline.WeekdayText != "Wednesday" {
		t.Fatalf("dateline: %+v", d.Dateline)
	}
	if d.Title == nil || d.String(d.Title.Span) != "Iraqi Resistance: Ain Al Assad Operation Marks New Phase of Escalation Against American Bases" {
		t.Fatalf("title: %+v", d.Title)
	}
	if d.StoryCode == nil || !d.StoryCode.Exact || d.String(d.StoryCode.Code) != "1152650" {
		t.Fatalf("story code: %+v", d.StoryCode)
	}
	if len(d.Missing) != 0 {
		t.Fatalf("missing: %+v", d.Missing)
	}
	for _, r := range d.BlankRuns {
		if r.Count != r.Expected {
			t.Errorf("blank run %+v", r)
		}
	}
	if len(d.Paragraphs) != 12 {
		t.Fatalf("paragraphs: %d", len(d.Paragraphs))
	}
	if n := len(d.Paragraphs[0].Sentences); n != 1 {
		t.Errorf("first paragraph sentences: %d", n)
	}
}

func TestParseTolerant(t *testing.T) {
	cases := map[string]string{
		"empty":         "",
		"no header":     "Wednesday 7 August 2024 - 21:29\n\nTitle here\n\nStory Code : 123456\nBody.\n",
		"broken header": " date 2024-08\nWednesday 7 August 2024 - 21:29\n\nTitle here\n\nStory Code : 123456\nBody.\n",
		"only title":    "Just a title\n",
		"variant code":  " date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nTitle here\n\nStory code:1152650\nBody.\n",
		"crlf":          " date 2024-08-07 0\r\nWednesday 7 August 2024 - 21:29\r\n\r\nTitle\r\n\r\nStory Code : 1\r\nBody.\r\n",
		"binaryish":     "\x00\xff\xfe\n\n\n",
		"missing title": " date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nStory Code : 1152650\nBody.\n",
	}
	for name, src := range cases {
		d := Parse(name, []byte(src), DefaultLayout())
		if d == nil {
			t.Fatalf("%s: nil doc", name)
		}
	}
	d := Parse("x", []byte(cases["no header"]), DefaultLayout())
	if d.Header != nil || d.Dateline == nil || d.Title == nil || d.StoryCode == nil {
		t.Errorf("no header: %+v %+v %+v %+v", d.Header, d.Dateline, d.Title, d.StoryCode)
	}
	d = Parse("x", []byte(cases["variant code"]), DefaultLayout())
	if d.StoryCode == nil || d.StoryCode.Exact || d.StoryCode.Canonical != "Story Code : 1152650" {
		t.Errorf("variant: %+v", d.StoryCode)
	}
	d = Parse("x", []byte(cases["missing title"]), DefaultLayout())
	if d.Title != nil || d.StoryCode == nil {
		t.Errorf("missing title: %+v %+v", d.Title, d.StoryCode)
	}
	d = Parse("x", []byte(cases["broken header"]), DefaultLayout())
	if d.Header == nil || !d.Header.Malformed || d.Dateline == nil {
		t.Errorf("broken header: %+v %+v", d.Header, d.Dateline)
	}
}

// The exact fast path must agree with the loose pattern wherever it
// accepts a line.
func TestTemplateExactPathAgreesWithLoose(t *testing.T) {
	l := DefaultLayout()
	lines := []string{" date 2024-08-07 0", " date 2024-08-07 12", " date 2024-8-7 0", " date 2024-08-07 0 ", "date 2024-08-07 0",
		" date abc 0", " date 2024-08-07", " date 2024-08-07 0 1", "Story Code : 1152650", "Story Code : 11 52", "Story Code : ",
		"Story code:1152650", "STORY CODE : 1152650"}
	for _, tpl := range []*Template{l.HeaderTemplate(), l.StoryCodeTemplate()} {
		for _, line := range lines {
			exact, okExact := tpl.matchExact([]byte(line), 10, nil)
			loose, okLoose := tpl.matchLoose([]byte(line), 10, nil)
			if okExact && (!okLoose || !loose.Exact || !reflect.DeepEqual(exact, loose)) {
				t.Errorf("%q on %q: exact path %+v, loose %+v (%v)", tpl.Source, line, exact, loose, okLoose)
			}
		}
	}
}
