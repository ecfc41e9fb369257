package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// SpaceTab: no tab characters in the title or body.
var SpaceTab = register(&lint.Rule{
	ID:       "space/tab",
	Severity: lint.Warning,
	Summary:  "Tab character in the text",
	Doc: `Checks that the body contains no tab characters (the title's are
title/whitespace's). Plain-text news
articles separate words with single spaces; a tab is a leftover of a table
or an indented block in the page the text was scraped from, and displays
at a width that depends on the reader's settings. Tabs at the end of a
line are space/trailing's business.

Bad:  "Story Code : 1152650\n\tLebanon's al-Akhbar newspaper reported..."
Bad:  "over 39,700\tmartyrs"
Good: "over 39,700 martyrs"

Fix: replaces the run of spaces and tabs holding the tab with one space,
or deletes it at the start of a line (safe: whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		last := -1 // end of the last run reported, so a run with two tabs is reported once
		eachNotable(d, article.KindTab, func(n article.Notable) {
			if n.Offset < last {
				return
			}
			i := d.LineAt(n.Offset)
			if !isProseLine(d, i) || isTitleLine(d, i) { // title/whitespace owns the title
				return
			}
			l := d.Lines[i]
			start, end := n.Offset, n.Offset+1
			for start > l.Start && isSpaceByte(d.Src[start-1]) {
				start--
			}
			for end < l.End && isSpaceByte(d.Src[end]) {
				end++
			}
			last = end
			if end == l.End {
				return // trailing: space/trailing
			}
			repl, desc := " ", "replace with one space"
			if start == l.Start {
				repl, desc = "", "delete the indentation"
			}
			p.Reportf(lintSpan(start, end), lint.SafeFix(desc, start, end, repl), "tab character (U+0009) in the text")
		})
	},
})
