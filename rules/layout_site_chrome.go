package rules

import (
	"bytes"

	"github.com/corpuslint/corpuslint/internal/lint"
)

// LayoutSiteChromeOptions configures layout/site-chrome.
type LayoutSiteChromeOptions struct {
	Lines  []string `yaml:"lines" doc:"whole lines that are site chrome, compared ignoring case"`
	Labels []string `yaml:"labels" doc:"labels that start a chrome line when a colon follows them (\"News Link\" matches \"News Link : ...\")"`
}

// LayoutSiteChrome: no page furniture at the start or end of the body.
var LayoutSiteChrome = register(&lint.Rule{
	ID:       "layout/site-chrome",
	Severity: lint.Warning,
	Summary:  "Site chrome left at the start or end of the body",
	Doc: `Checks the first and last lines of the body for page furniture that the
scraper kept: a lone "Comment" or "Print" line (the labels of the page's
buttons), or a "News Link : ..." line. Only the edges of the body are
checked, line by line until the first line of real text, so a sentence
that mentions printing is never taken for chrome. The option lines lists
the whole lines (compared ignoring case), labels the labels followed by a
colon.

Bad:  "...weapons of mass destruction.\n\nComment\n"
Bad:  "News Link : https://www.example.org/news/1152650\n"
Good: "...weapons of mass destruction.\n"

Fix: deletes the line and the blank lines that separate it from the text
(unsafe: it deletes text).`,
	Fix: lint.FixAlways,
	Options: &LayoutSiteChromeOptions{
		Lines:  []string{"Comment", "Comments", "Print"},
		Labels: []string{"News Link"},
	},
	Run: func(p *lint.Pass) {
		d := p.Doc
		opts, _ := p.Options.(*LayoutSiteChromeOptions)
		if opts == nil || len(d.Paragraphs) == 0 {
			return
		}
		first, last := d.Paragraphs[0].FirstLine, d.Paragraphs[len(d.Paragraphs)-1].LastLine
		report := func(i int, where string, start, end int) {
			l := d.Lines[i]
			p.Reportf(l.Span, lint.UnsafeFix("delete the line", start, end, ""), "site chrome %q at the %s of the body",
				d.String(l.Span), where)
		}
		top := first
		for ; top <= last; top++ {
			if d.Lines[top].Blank(d.Src) {
				continue
			}
			if !isChrome(d.Src[d.Lines[top].Start:d.Lines[top].End], opts) {
				break
			}
			start, end := deleteLineForward(d, top)
			report(top, "start", start, end)
		}
		for i := last; i > top; i-- {
			if d.Lines[i].Blank(d.Src) {
				continue
			}
			if !isChrome(d.Src[d.Lines[i].Start:d.Lines[i].End], opts) {
				break
			}
			// Delete from the end of the text line before it, so that the
			// line's own terminator ends that line.
			prev := i - 1
			for d.Lines[prev].Blank(d.Src) {
				prev--
			}
			report(i, "end", d.Lines[prev].End, d.Lines[i].End)
		}
	},
})

// isChrome reports whether a line is one of the chrome lines or starts with
// a chrome label and a colon.
func isChrome(line []byte, opts *LayoutSiteChromeOptions) bool {
	line = bytes.TrimSpace(line)
	for _, s := range opts.Lines {
		// A rune is at most 4 bytes, so text 4 times longer cannot fold
		// to s: most body lines are rejected here.
		if len(line) <= 4*len(s) && bytes.EqualFold(line, []byte(s)) {
			return true
		}
	}
	for _, label := range opts.Labels {
		if len(line) > len(label) && bytes.EqualFold(line[:len(label)], []byte(label)) {
			rest := bytes.TrimLeft(line[len(label):], " \t")
			if len(rest) > 0 && rest[0] == ':' {
				return true
			}
		}
	}
	return false
}
