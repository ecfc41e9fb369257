package article

import (
	"strings"
	"testing"
)

// describeQuotes renders a paragraph's analysis compactly: one letter per
// mark (O opening, C closing, A apostrophe, ? ambiguous), then each
// quotation as its inner text in the marks' kind (“…” double, ‘…’ single)
// with < for a missing opening mark and > for a missing closing one, R for
// reversed, + for continuing to the next paragraph, ^ for continuing the
// previous one.
func describeQuotes(src []byte, p *Paragraph) string {
	var b strings.Builder
	for _, m := range p.Marks {
		b.WriteByte("?OCA"[m.Role])
	}
	for _, q := range p.Quotes {
		b.WriteByte(' ')
		if q.ContinuesPrevious {
			b.WriteByte('^')
		}
		if q.Reversed {
			b.WriteByte('R')
		}
		open, close := "‘", "’"
		if q.Double {
			open, close = "“", "”"
		}
		if q.Open < 0 {
			open = "<"
		}
		if q.Close < 0 {
			close = ">"
		}
		b.WriteString(open + string(src[q.Inner.Start:q.Inner.End]) + close)
		if q.ContinuesToNext {
			b.WriteByte('+')
		}
	}
	return b.String()
}

func TestQuotesInParagraph(t *testing.T) {
	cases := []struct{ text, want string }{
		// The seed's reversed quotation: the spaces sit on the wrong sides.
		{"He noted” the upcoming period will see strikes. “", "C? R“ the upcoming period will see strikes. ”"},
		{"He noted” the period will see strikes.“", "CC R“ the period will see strikes.”"},
		{"The source suggested that “Tel Aviv's” recent assassination", "OAC “Tel Aviv's”"},
		{"the atrocities committed by the “Israeli” entity", "OC “Israeli”"},
		{"facilitating American forces' withdrawal.", "A"},
		{"Gaza’s health ministry and Iraq-based bases' involvement", "AA"},
		{"music of the '90s returned", "A"},
		{"the 'Tel Aviv' government", "OC ‘Tel Aviv’"},
		{"“We will go,” he said, “and we will win.”", "OCOC “We will go,” “and we will win.”"},
		{"He said “we will go.", "O “we will go.>"},
		{"he said.” Then he left.", "C <he said.”"},
		{"“Free Palestine.”Hezbollah said.", "O? “Free Palestine.”"},
		{`He said "we will go" and "stay".`, "OCOC “we will go” “stay”"},
		{"He said ”we will go“ and left.", "OC “we will go”"},
		{"“He said ‘no’ today,” she said.", "OOCC “He said ‘no’ today,” ‘no’"},
		{"“Hezbollah’s men,” he said", "OAC “Hezbollah’s men,”"},
		{"(“The army”) and pro-“Israeli” groups", "OCOC “The army” “Israeli”"},
		{"No quotes here at all.", ""},
	}
	for _, c := range cases {
		src := []byte(c.text)
		p := Paragraph{Span: Span{0, len(src)}}
		marks := quoteMarks(src, len(src))
		findQuotes(src, &p, &marks)
		if got := describeQuotes(src, &p); got != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.text, got, c.want)
		}
		for qi, q := range p.Quotes {
			if q.Open >= 0 && p.Marks[q.Open].Quote != qi || q.Close >= 0 && p.Marks[q.Close].Quote != qi {
				t.Errorf("%s: quote %d and its marks disagree", c.text, qi)
			}
		}
	}
}

func TestQuotesAcrossParagraphs(t *testing.T) {
	head := " date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nTitle\n\nStory Code : 1\n"
	cases := []struct {
		body string
		want []string
	}{
		{
			"“We will fight,” he said. “We will not stop\n\n“Nor will we rest until the end.”\n",
			[]string{"OCO “We will fight,” “We will not stop>+", "OC ^“Nor will we rest until the end.”"},
		},
		{
			// Three paragraphs: the middle one both continues and is continued.
			"He said: “One,\n\n“two,\n\n“three.”\n",
			[]string{"O “One,>+", "O ^“two,>+", "OC ^“three.”"},
		},
		{
			// The next paragraph does not reopen: the quotation is left open.
			"He said: “One,\n\nThe army said “two.”\n",
			[]string{"O “One,>", "OC “two.”"},
		},
		{
			// A straight quotation is not reopened by a curly mark.
			"He said: \"One,\n\n“two.”\n",
			[]string{"O “One,>", "OC “two.”"},
		},
		{
			// A dangling opening glyph at a paragraph's end is no continuation.
			"He noted the period. “\n\n“Two.”\n",
			[]string{"? “>", "OC “Two.”"},
		},
	}
	for _, c := range cases {
		src := []byte(head + c.body)
		d := Parse("x", src, DefaultLayout())
		if len(d.Paragraphs) != len(c.want) {
			t.Fatalf("%q: %d paragraphs", c.body, len(d.Paragraphs))
		}
		for i := range d.Paragraphs {
			if got := describeQuotes(src, &d.Paragraphs[i]); got != c.want[i] {
				t.Errorf("%q paragraph %d\n got: %s\nwant: %s", c.body, i, got, c.want[i])
			}
		}
	}
}

func TestQuotesSeedBalanced(t *testing.T) {
	src := []byte(" date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nT\n\nStory Code : 1\n" +
		"Lebanon's al-Akhbar newspaper reported.\n\n" +
		"He noted” the upcoming period will see ongoing strikes, as factions agree to maintain the occupation through military operations. “\n\n" +
		"Iraqi groups have long demanded an end to foreign forces in Iraq.\n")
	d := Parse("seed", src, DefaultLayout())
	for i, p := range d.Paragraphs {
		for _, q := range p.Quotes {
			if !q.Balanced() {
				t.Errorf("paragraph %d: unbalanced %+v", i, q)
			}
		}
	}
	if q := d.Paragraphs[1].Quotes; len(q) != 1 || !q[0].Reversed {
		t.Errorf("want one reversed quotation, got %+v", q)
	}
}

func TestQuotesHugeLine(t *testing.T) {
	// A long line of marks and apostrophes stays linear and never panics.
	src := []byte(strings.Repeat("“a” b's '' \"\" ’’ ‘ ", 20000) + "\xe2\x80")
	p := Paragraph{Span: Span{0, len(src)}}
	marks := quoteMarks(src, len(src))
	findQuotes(src, &p, &marks)
	if len(p.Marks) == 0 {
		t.Fatal("no marks")
	}
}
