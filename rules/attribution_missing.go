package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// AttributionOptions configures attribution/missing.
type AttributionOptions struct {
	Verbs []string `yaml:"verbs" doc:"words and phrases that attribute a claim, as base forms; each also matches its inflections (say: says, said, saying)"`
}

// AttributionMissing: the body attributes its claims somewhere.
var AttributionMissing = register(&lint.Rule{
	ID:       "attribution/missing",
	Severity: lint.Warning,
	Summary:  "Body has no attribution (said, stated, according to, ...)",
	Doc: `Checks that the body attributes its claims at least once: a verb such as
said, stated, reported, told, noted or added, or a phrase such as
according to. A news article with no attribution at all is usually a
scraping accident (a caption or a teaser kept instead of the story) or
an opinion piece filed as news.

The verbs option lists base forms; each matches its inflections too
(state: states, stated, stating; say: said; tell: told). Matching is
case-insensitive and by whole word.

Bad:  The operation was a response to the atrocities. Over 39,700 people died.
Good: The sources stated that the operation was a response to the atrocities.`,
	Fix:     lint.FixNever,
	Options: &AttributionOptions{Verbs: DefaultAttributionVerbs},
	Run: func(p *lint.Pass) {
		opts, _ := p.Options.(*AttributionOptions)
		if opts == nil {
			opts = &AttributionOptions{Verbs: DefaultAttributionVerbs}
		}
		d := p.Doc
		if len(d.Paragraphs) == 0 {
			return // an empty body is another rule's business
		}
		if attributedBody(d, attributionFor(opts.Verbs)) {
			return
		}
		first := d.Paragraphs[0]
		span := first.Span
		if len(first.Sentences) > 0 {
			span = first.Sentences[0]
		}
		p.Reportf(article.Span{Start: span.Start, End: span.End}, nil,
			"the body attributes nothing: no %s", verbExamples(opts.Verbs))
	},
})

// attributedBody reports whether the body holds an attribution. A phrase
// may run on into the next paragraph, as it may in find over the body.
func attributedBody(d *article.Doc, m *attributionMatcher) bool {
	if !d.HasWordLists() {
		return m.find(d, d.Body)
	}
	for pi := range d.Paragraphs {
		if m.findWords(d.Src, d.Paragraphs[pi].Words, d.Body.End) {
			return true
		}
	}
	return false
}

// verbExamples names the first few verbs for a message.
func verbExamples(verbs []string) string {
	s := ""
	for i, v := range verbs {
		if i == 4 {
			return s + ", ..."
		}
		if i > 0 {
			s += ", "
		}
		s += `"` + v + `"`
	}
	return s
}
