package article

import "testing"

func TestStrayBlankBeforeDateline(t *testing.T) {
	src := " date 2024-08-07 0\n\nWednesday 7 August 2024 - 21:29\n\nTitle here\n\nStory Code : 123456\nBody.\n"
	d := Parse("x", []byte(src), DefaultLayout())
	if d.Dateline == nil || d.Dateline.LineIndex != 2 || len(d.Missing) != 0 {
		t.Fatalf("dateline %+v missing %+v", d.Dateline, d.Missing)
	}
	if d.Title == nil || d.String(d.Title.Span) != "Title here" {
		t.Fatalf("title %+v", d.Title)
	}
	r := d.BlankRuns[0]
	if r.Where != WhereHead || r.After != ElemHeader || r.FirstLine != 1 || r.Count != 1 || r.Expected != 0 {
		t.Errorf("first run %+v", r)
	}
	// A blank line after the header with no dateline below still means the
	// dateline is missing.
	d = Parse("x", []byte(" date 2024-08-07 0\n\nTitle here\n\nStory Code : 123456\nBody.\n"), DefaultLayout())
	if _, ok := d.MissingElement(ElemDateline); !ok || d.Title == nil {
		t.Errorf("missing dateline: %+v %+v", d.Missing, d.Title)
	}
}

func TestElementLineAndOrder(t *testing.T) {
	src := " date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nTitle here\n\nStory Code : 123456\nBody.\n"
	d := Parse("x", []byte(src), DefaultLayout())
	for e, want := range map[Element]int{ElemHeader: 0, ElemDateline: 1, ElemTitle: 3, ElemStoryCode: 5} {
		if got, ok := d.ElementLine(e); !ok || got != want {
			t.Errorf("ElementLine(%s) = %d, %v; want %d", e, got, ok, want)
		}
	}
	l := d.Layout
	if prev, n, ok := l.Previous(ElemTitle); !ok || prev != ElemDateline || n != 1 {
		t.Errorf("Previous(title) = %s, %d, %v", prev, n, ok)
	}
	if prev, n, ok := l.Previous(ElemDateline); !ok || prev != ElemHeader || n != 0 {
		t.Errorf("Previous(dateline) = %s, %d, %v", prev, n, ok)
	}
	if _, _, ok := l.Previous(ElemHeader); ok {
		t.Error("Previous(header) should not exist")
	}
	if next, n, ok := l.Next(ElemTitle); !ok || next != ElemStoryCode || n != 1 {
		t.Errorf("Next(title) = %s, %d, %v", next, n, ok)
	}
	if _, _, ok := l.Next(ElemStoryCode); ok {
		t.Error("Next(story_code) should not exist")
	}
	if got := l.StoryCodeTemplate().LiteralPrefix(); got != "Story Code : " {
		t.Errorf("LiteralPrefix = %q", got)
	}
	if _, ok := d.MissingElement(ElemTitle); ok {
		t.Error("nothing is missing")
	}
	if d.Blank() {
		t.Error("not a blank file")
	}
	for _, src := range []string{"", "\n\n", "  \n\t\n"} {
		if d := Parse("x", []byte(src), DefaultLayout()); !d.Blank() {
			t.Errorf("%q should be blank", src)
		}
	}
}

func TestDatelineMonth(t *testing.T) {
	d := Parse("x", []byte(" date 2024-08-07 0\nwednesday 7 aug 2024 - 21:29\n\nTitle here\n"), DefaultLayout())
	dl := d.Dateline
	if dl == nil || dl.MonthText != "aug" || d.String(dl.MonthSpan) != "aug" || !dl.MonthLong || dl.MonthNumeric || dl.Month != 8 {
		t.Fatalf("dateline %+v", dl)
	}
	l := &Layout{Order: []Element{ElemDateline, ElemBlank, ElemTitle}, Datelines: []string{"02/01/2006 15:04"}}
	if err := l.Compile(); err != nil {
		t.Fatal(err)
	}
	d = Parse("x", []byte("07/08/2024 21:29\n\nTitle here\n"), l)
	if d.Dateline == nil || !d.Dateline.MonthNumeric || d.Dateline.Month != 8 || d.Dateline.MonthLong {
		t.Fatalf("numeric dateline %+v", d.Dateline)
	}
}

func TestEndsWithAbbreviation(t *testing.T) {
	for text, want := range map[string]bool{
		"Iran Warns the U.S.":         true,
		"Deal Signed With Acme Inc.":  true,
		"Resistance Marks New Phase.": false,
		"No period":                   false,
		"":                            false,
	} {
		d := &Doc{Src: []byte(text)}
		if got := d.EndsWithAbbreviation(Span{0, len(text)}); got != want {
			t.Errorf("EndsWithAbbreviation(%q) = %v", text, got)
		}
	}
	d := &Doc{Src: []byte("Ain Al Asad – “Israeli”")}
	if n := d.RuneCount(Span{0, len(d.Src)}); n != 23 {
		t.Errorf("RuneCount = %d", n)
	}
}

// TestNeighboursCompiled: what Compile stores for Previous and Next is
// what a walk over the order finds, for several orders.
func TestNeighboursCompiled(t *testing.T) {
	orders := [][]Element{
		DefaultLayout().Order,
		{ElemTitle},
		{ElemDateline, ElemBlank, ElemBlank, ElemTitle},
		{ElemTitle, ElemBlank, ElemHeader, ElemDateline},
	}
	for _, order := range orders {
		l := DefaultLayout()
		l.Order = order
		if err := l.Compile(); err != nil {
			t.Fatal(err)
		}
		for _, e := range []Element{ElemHeader, ElemDateline, ElemTitle, ElemStoryCode, ElemBlank, "other"} {
			for _, step := range []int{-1, +1} {
				get := l.Previous
				if step > 0 {
					get = l.Next
				}
				ge, gb, gok := get(e)
				we, wb, wok := l.neighbour(e, step)
				if ge != we || gb != wb || gok != wok {
					t.Errorf("%v: %s step %d: %s %d %v, want %s %d %v", order, e, step, ge, gb, gok, we, wb, wok)
				}
			}
		}
	}
}
