package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// StoryCodeMissing: the file has no story code line.
var StoryCodeMissing = register(&lint.Rule{
	ID:       "storycode/missing",
	Severity: lint.Error,
	Summary:  "File has no story code line",
	Doc: `Checks that the story code line is where the layout puts it: by default
after the title and one blank line, right before the body. The story code
is the site's identifier of the article, the only link back to its source.
A line in that place that starts with the words "Story Code" but is
otherwise malformed is reported by storycode/format instead.

Bad:  "Iraqi Resistance: ...", "", "Lebanon's al-Akhbar newspaper reported ..."
Good: "Iraqi Resistance: ...", "", "Story Code : 1152650", "Lebanon's ..."

There is no fix: the code cannot be guessed.`,
	Run: func(p *lint.Pass) {
		d := p.Doc
		m, ok := d.MissingElement(article.ElemStoryCode)
		if !ok || quiet(d) {
			return
		}
		if _, _, like := storyCodeLike(d, m); like {
			return
		}
		p.Reportf(lineSpan(d, m.Line), nil, "no story code line%s; want %s", wherePhrase(d, article.ElemStoryCode), storyCodeShape(d))
	},
})
