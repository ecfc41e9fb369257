package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// StoryCodeFormat: the story code line reads exactly as its template.
var StoryCodeFormat = register(&lint.Rule{
	ID:       "storycode/format",
	Severity: lint.Warning,
	Summary:  "Story code line is not written exactly as the template",
	Doc: `Checks that the story code line reads byte for byte as its template
renders it (default "Story Code : <digits>"). Variants in spacing and case
come from different scrapers and defeat exact searches for the line.

Bad:  "Story code:1152650", "STORY CODE : 1152650", "Story Code 1152650"
Good: "Story Code : 1152650"

Fix: rewrites the line as the template renders it. Safe when only spaces
and letter case change; unsafe when the separator is missing or wrong
("Story Code - 1152650"). No fix when what follows the words is not a
code of digits.`,
	Fix: lint.FixSometimes,
	Run: func(p *lint.Pass) {
		d := p.Doc
		tmpl := d.Layout.StoryCodeTemplate()
		if tmpl == nil {
			return
		}
		if sc := d.StoryCode; sc != nil {
			if sc.Exact {
				return
			}
			line, want := d.String(sc.Span), sc.Canonical
			var fix *lint.Fix
			if looseFixSafe(line, want) {
				fix = lint.SafeFix("rewrite the line as "+quote(want), sc.Span.Start, sc.Span.End, want)
			}
			p.Reportf(sc.Span, fix, "story code line differs from %s in %s; want %s", storyCodeShape(d), looseDifference(line, want), quote(want))
			return
		}
		m, ok := d.MissingElement(article.ElemStoryCode)
		if !ok {
			return
		}
		span, code, like := storyCodeLike(d, m)
		if !like {
			return
		}
		var fix *lint.Fix
		if code != "" {
			want := tmpl.Render(map[string]string{"code": code})
			fix = lint.UnsafeFix("rewrite the line as "+quote(want), span.Start, span.End, want)
		}
		p.Reportf(span, fix, "story code line %s does not match %s", excerpt(d, span), storyCodeShape(d))
	},
})
