package rules

import (
	"fmt"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// QuoteMixedStyleOptions configures quote/mixed-style.
type QuoteMixedStyleOptions struct {
	Double     string `yaml:"double" doc:"style of double quotation marks: auto (the file's dominant style), straight or curly"`
	Apostrophe string `yaml:"apostrophe" doc:"style of apostrophes: auto (the file's dominant style), straight or curly"`
}

// Quote styles, as indexes into the counts.
const (
	styleStraight = iota
	styleCurly
)

var quoteStyleNames = [...]string{"straight", "curly"}

// quoteStyleOption maps an option value to a style, or -1 for auto.
func quoteStyleOption(v string) int {
	switch v {
	case "straight":
		return styleStraight
	case "curly":
		return styleCurly
	}
	return -1
}

// QuoteMixedStyle: one file, one style of quotes and apostrophes.
var QuoteMixedStyle = register(&lint.Rule{
	ID:       "quote/mixed-style",
	Severity: lint.Warning,
	Summary:  "Straight and curly quotation marks or apostrophes mixed in one body",
	Doc: `Checks that the body uses one style of double quotation marks (straight "
or curly “ ”) and one style of apostrophes (straight ' or curly ’).
Articles pasted together from several sources mix them, which breaks
searching (Lebanon's does not match Lebanon’s) and looks careless.

The style used most in the body wins, ties going to the one used first,
unless the double or apostrophe option names a style. Single quotation
marks other than apostrophes are not counted.

Bad:  Lebanon's army ... Gaza’s hospitals
Good: Lebanon's army ... Gaza's hospitals

Fix: converts each mark to the chosen style. Safe for apostrophes, for
curly marks made straight, and for straight double marks whose direction
the neighbours show; unsafe when the direction comes only from pairing.`,
	Fix:     lint.FixAlways,
	Options: &QuoteMixedStyleOptions{Double: "auto", Apostrophe: "auto"},
	Run: func(p *lint.Pass) {
		opts, _ := p.Options.(*QuoteMixedStyleOptions)
		if opts == nil {
			opts = &QuoteMixedStyleOptions{}
		}
		d := p.Doc
		var doubles, apostrophes [2]int
		firstDouble, firstApostrophe := [2]int{-1, -1}, [2]int{-1, -1}
		count := func(counts *[2]int, first *[2]int, style, at int) {
			if counts[style] == 0 {
				first[style] = at
			}
			counts[style]++
		}
		for pi := range d.Paragraphs {
			for _, m := range d.Paragraphs[pi].Marks {
				switch {
				case m.Double:
					count(&doubles, &firstDouble, styleOf(m), m.Span.Start)
				case m.Role == article.RoleApostrophe && m.Char != '\u2018':
					count(&apostrophes, &firstApostrophe, styleOf(m), m.Span.Start)
				}
			}
		}
		doubleStyle, mixedDoubles := pickStyle(quoteStyleOption(opts.Double), doubles[:], firstDouble[:])
		apostropheStyle, mixedApostrophes := pickStyle(quoteStyleOption(opts.Apostrophe), apostrophes[:], firstApostrophe[:])
		if !mixedDoubles && !mixedApostrophes {
			return
		}
		why := func(configured string, counts [2]int, style int) string {
			if quoteStyleOption(configured) >= 0 {
				return "the configured style is " + quoteStyleNames[style]
			}
			return fmt.Sprintf("the body mostly uses %s ones (%d of %d)", quoteStyleNames[style], counts[style], counts[0]+counts[1])
		}
		for pi := range d.Paragraphs {
			para := &d.Paragraphs[pi]
			for _, m := range para.Marks {
				switch {
				case m.Double && mixedDoubles && styleOf(m) != doubleStyle:
					text, safe := `"`, true
					if doubleStyle == styleCurly {
						text, safe = curlyDoubleFor(para, m)
					}
					p.Reportf(m.Span, quoteMarkFix("use "+text, m, text, safe), "%s double quotation mark %c: %s",
						quoteStyleNames[styleOf(m)], m.Char, why(opts.Double, doubles, doubleStyle))
				case !m.Double && mixedApostrophes && m.Role == article.RoleApostrophe && m.Char != '\u2018' && styleOf(m) != apostropheStyle:
					text := "'"
					if apostropheStyle == styleCurly {
						text = "\u2019"
					}
					p.Reportf(m.Span, quoteMarkFix("use "+text, m, text, true), "%s apostrophe %c: %s",
						quoteStyleNames[styleOf(m)], m.Char, why(opts.Apostrophe, apostrophes, apostropheStyle))
				}
			}
		}
	},
})

func styleOf(m article.QuoteMark) int {
	if m.Curly() {
		return styleCurly
	}
	return styleStraight
}

// curlyDoubleFor returns the curly mark a straight double mark stands for,
// from its part in its quotation, and whether its neighbours agree.
func curlyDoubleFor(para *article.Paragraph, m article.QuoteMark) (string, bool) {
	opens := m.Role == article.RoleOpening
	if m.Quote >= 0 {
		q := para.Quotes[m.Quote]
		opens = q.Open >= 0 && para.Marks[q.Open].Span == m.Span
	}
	if opens {
		return "\u201c", m.Role == article.RoleOpening
	}
	return "\u201d", m.Role == article.RoleClosing
}
