package rules

import (
	"fmt"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// WordDashStyleOptions configures word/dash-style.
type WordDashStyleOptions struct {
	Style string `yaml:"style" doc:"dash used between clauses: auto (the body's dominant dash), hyphen ( - ), en ( – ) or em (—)"`
}

// Dash styles, as indexes into the counts.
const (
	dashHyphen = iota // " - " or " -- "
	dashEn            // " – "
	dashEm            // "—", spaced or not
)

var dashNames = [...]string{"hyphen", "en", "em"}
var dashShown = [...]string{`" - "`, `" – "`, `"—"`}

func dashStyleOption(v string) int {
	for s, name := range dashNames {
		if v == name {
			return s
		}
	}
	return -1
}

// dash is one dash used between clauses.
type dash struct {
	start, end int // the dash itself ("-", "--", "–" or "—")
	style      int
	spaced     bool
}

// WordDashStyle: one dash style between clauses.
var WordDashStyle = register(&lint.Rule{
	ID:       "word/dash-style",
	Severity: lint.Info,
	Summary:  "Dashes between clauses written in more than one style",
	Doc: `Checks that the body writes the dash between clauses one way: a spaced
hyphen ( - ), a spaced en dash ( – ) or an em dash (—). Copy from several
sources mixes them. The style used most wins, ties going to the one used
first, unless the style option names one.

Only dashes between clauses count: hyphens inside words (al-Akhbar,
US-led), number ranges (2014-2016, 10 – 12, 1990–2000), unspaced en dashes
(Paris–Berlin) and a hyphen starting a line are left alone, and so is
the head (the dateline's " - ").

Bad:  The army - which denied it - said ... the strikes — it said — continue.
Good: The army – which denied it – said ... the strikes – it said – continue.

Fix: rewrites each dash in the chosen style (unsafe: it changes
punctuation).`,
	Fix:     lint.FixAlways,
	Options: &WordDashStyleOptions{Style: "auto"},
	Run: func(p *lint.Pass) {
		opts, _ := p.Options.(*WordDashStyleOptions)
		if opts == nil {
			opts = &WordDashStyleOptions{}
		}
		d := p.Doc
		var counts [3]int
		first := [3]int{-1, -1, -1}
		var dashes []dash
		// One search over the whole body: most paragraphs hold no dash
		// and are passed over without a search of their own. An ASCII
		// file has no en or em dash: the search for their lead byte
		// would be a second pass over the body for nothing.
		want := "-\xE2"
		if d.Scan.ASCII {
			want = "-"
		}
		marks := article.NewNextByte(d.Src, d.Body.End, want)
		if marks.From(d.Body.Start) >= d.Body.End {
			return // most bodies: no dash at all
		}
		for pi := range d.Paragraphs {
			dashes = appendDashes(dashes, d.Src, d.Paragraphs[pi].Span.Start, d.Paragraphs[pi].Span.End, &marks)
		}
		for _, ds := range dashes {
			if counts[ds.style] == 0 {
				first[ds.style] = ds.start
			}
			counts[ds.style]++
		}
		configured := dashStyleOption(opts.Style)
		style, mixed := pickStyle(configured, counts[:], first[:])
		if !mixed {
			return
		}
		why := fmt.Sprintf("the body mostly uses %s (%d of %d)", dashShown[style], counts[style], len(dashes))
		if configured >= 0 {
			why = "the configured style is " + dashShown[style]
		}
		for _, ds := range dashes {
			if ds.style == style {
				continue
			}
			text := [...]string{"-", "\u2013", "\u2014"}[style]
			if !ds.spaced && style != dashEm {
				text = " " + text + " " // an unspaced em dash becomes a spaced one
			}
			p.Reportf(lintSpan(ds.start, ds.end), lint.UnsafeFix("use "+dashShown[style], ds.start, ds.end, text),
				"%s dash %s: %s", dashNames[ds.style], dashShown[ds.style], why)
		}
	},
})

// appendDashes finds the dashes between clauses in src[start:end]. marks
// finds the next '-' or 0xE2 (the lead byte of en and em dashes) in the
// body, jumping with bytes.IndexByte (vectorised) instead of testing each
// byte; calls for successive paragraphs share it.
func appendDashes(out []dash, src []byte, start, end int, marks *article.NextByte) []dash {
	for i := start; i < end; i++ {
		if i = marks.From(i); i >= end {
			break
		}
		c := src[i]
		ds := dash{start: i, end: i + 1, style: dashHyphen}
		if c == 0xE2 {
			if i+3 > end || src[i+1] != 0x80 || (src[i+2] != 0x93 && src[i+2] != 0x94) {
				continue
			}
			ds.end = i + 3
			ds.style = dashEn
			if src[i+2] == 0x94 {
				ds.style = dashEm
			}
		} else if i+1 < end && src[i+1] == '-' {
			ds.end = i + 2 // "--" typed for a dash
		}
		i = ds.end - 1
		spaceBefore := ds.start > start && isBlankByte(src[ds.start-1])
		spaceAfter := ds.end < end && isBlankByte(src[ds.end])
		ds.spaced = spaceBefore && spaceAfter
		if ds.style != dashEm && !ds.spaced {
			continue // a hyphen inside a word, an unspaced en dash, a line-initial hyphen
		}
		before := runeBefore(src, start, blanksBefore(src, start, ds.start))
		after := runeAt(src, blanksAfter(src, ds.end, end), end)
		if before >= '0' && before <= '9' && after >= '0' && after <= '9' {
			continue // a number range
		}
		out = append(out, ds)
	}
	return out
}
