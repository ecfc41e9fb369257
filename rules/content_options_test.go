package rules_test

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/rules"
)

// The fixtures run rules with their defaults; these cases check that the
// options of the quote, attribution and word rules take effect.
func TestContentRuleOptions(t *testing.T) {
	head := " date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nTitle\n\nStory Code : 1152650\n"
	cases := []struct {
		rule    string
		options any
		body    string
		want    []string // messages, in order
	}{
		{"quote/mixed-style", &rules.QuoteMixedStyleOptions{Double: "auto", Apostrophe: "curly"},
			"Lebanon's army and the forces' withdrawal, the sources said.\n",
			[]string{"straight apostrophe ': the configured style is curly", "straight apostrophe ': the configured style is curly"}},
		{"quote/mixed-style", &rules.QuoteMixedStyleOptions{Double: "straight", Apostrophe: "auto"},
			"The sources stated that the “Israeli” entity was behind it.\n",
			[]string{"curly double quotation mark “: the configured style is straight", "curly double quotation mark ”: the configured style is straight"}},
		{"word/dash-style", &rules.WordDashStyleOptions{Style: "em"},
			"The army – which denied it – said so.\n",
			[]string{`en dash " – ": the configured style is "—"`, `en dash " – ": the configured style is "—"`}},
		{"attribution/missing", &rules.AttributionOptions{Verbs: []string{"claim"}},
			"The army said it was over.\n",
			[]string{`the body attributes nothing: no "claim"`}},
		{"attribution/missing", &rules.AttributionOptions{Verbs: []string{"claim", "point out"}},
			"The army pointed out that it was over.\n", nil},
		{"attribution/missing", &rules.AttributionOptions{Verbs: []string{"claim"}},
			"The army claimed it was over.\n", nil},
		{"attribution/unattributed-quote", &rules.UnattributedQuoteOptions{Verbs: rules.DefaultAttributionVerbs, MaxWords: 2},
			"The army put it plainly: “We are leaving.”\n",
			[]string{"quotation of more than 2 words with no attribution in this paragraph or the one before"}},
		{"word/repeated", &rules.WordRepeatedOptions{},
			"He had had enough, the sources said.\n",
			[]string{`word "had" repeated`}},
	}
	for _, c := range cases {
		rule := rules.Registry().Get(c.rule)
		doc := article.Parse("x", []byte(head+c.body), article.DefaultLayout())
		diags, errs := lint.Check(doc, []lint.Configured{{Rule: rule, Severity: rule.Severity, Options: c.options}})
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
		var got []string
		for _, d := range diags {
			got = append(got, d.Message)
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s %+v on %q\n got: %q\nwant: %q", c.rule, c.options, c.body, got, c.want)
		}
	}
}
