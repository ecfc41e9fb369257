package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// TitleMissing: the file has no title line.
var TitleMissing = register(&lint.Rule{
	ID:       "title/missing",
	Severity: lint.Error,
	Summary:  "File has no title",
	Doc: `Checks that the article has a title where the layout puts it: by default
after the dateline and one blank line, before the story code. An article
without a title cannot be listed or searched by it. When the title's line
is there but blank, title/empty reports it instead.

Bad:  "Wednesday 7 August 2024 - 21:29", "", "Story Code : 1152650"
Good: "Wednesday 7 August 2024 - 21:29", "", "Iraqi Resistance: ...", "",
      "Story Code : 1152650"

There is no fix: the title cannot be guessed.`,
	Run: func(p *lint.Pass) {
		d := p.Doc
		m, ok := d.MissingElement(article.ElemTitle)
		if !ok || quiet(d) {
			return
		}
		if _, empty := emptyTitleLine(d); empty {
			return
		}
		p.Reportf(lineSpan(d, m.Line), nil, "no title%s", wherePhrase(d, article.ElemTitle))
	},
})

// wherePhrase says where a missing element belongs: " after the dateline"
// (or "" when the layout puts it first).
func wherePhrase(d *article.Doc, e article.Element) string {
	if prev, _, ok := d.Layout.Previous(e); ok {
		return " after the " + elementName(prev)
	}
	return ""
}

// emptyTitleLine finds a title that is missing because its line is blank:
// the elements around it are in place, and the blank lines between them
// are the layout's blank lines plus one, the title's. It returns the index
// of that line.
func emptyTitleLine(d *article.Doc) (int, bool) {
	m, ok := d.MissingElement(article.ElemTitle)
	if !ok {
		return 0, false
	}
	prev, before, okPrev := d.Layout.Previous(article.ElemTitle)
	next, after, okNext := d.Layout.Next(article.ElemTitle)
	if !okPrev || !okNext {
		return 0, false
	}
	prevLine, okPrev := d.ElementLine(prev)
	nextLine, okNext := d.ElementLine(next)
	if !okPrev || !okNext || nextLine != m.Line {
		return 0, false
	}
	blanks := 0
	for _, r := range d.BlankRuns {
		if r.Where == article.WhereHead && r.FirstLine > prevLine && r.FirstLine+r.Count <= nextLine {
			blanks += r.Count
		}
	}
	if blanks != before+1+after {
		return 0, false
	}
	return prevLine + 1 + before, true
}
