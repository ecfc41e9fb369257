package config

import (
	"errors"
	"go.yaml.in/yaml/v3"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/rules"
)

// testOptions stands for a rule's options struct.
type testOptions struct {
	Max   int               `yaml:"max"`
	Words []string          `yaml:"words"`
	Names map[string]string `yaml:"names"`
	Level lint.Severity     `yaml:"level"`
}

func (o *testOptions) Validate() error {
	if o.Max < 0 {
		return errors.New("max must not be negative")
	}
	return nil
}

// testRegistry is the built-in registry plus the rules that the issue's
// example configuration names and that other branches are still writing
// (space/trailing, title/length, a quote rule), and a rule with options.
// A rule already built in is used as is, so this keeps working as the real
// rules land.
func testRegistry() *lint.Registry {
	reg := lint.NewRegistry()
	for _, r := range rules.Registry().All() {
		reg.Add(r)
	}
	noop := func(*lint.Pass) {}
	for _, id := range []string{"space/trailing", "title/length", "quote/unbalanced", "test/options"} {
		if reg.Get(id) == nil {
			r := &lint.Rule{ID: id, Severity: lint.Error, Summary: "test stand-in", Run: noop}
			if id == "test/options" {
				r.Options = &testOptions{Max: 3, Words: []string{"a"}, Names: map[string]string{"x": "y"}, Level: lint.Info}
			}
			reg.Add(r)
		}
	}
	return reg
}

// issueConfig is the configuration from issue 4, exactly as written there.
const issueConfig = `layout:
  header: " date {date:2006-01-02} {index}"
  dateline: ["Monday 2 January 2006 - 15:04", "Publish Date : Monday 2 January 2006 - 15:04"]
  story_code: "Story Code : {code}"
ignore: [space/trailing]
severity:
  title/length: warning
per_file_ignores:
  "archive/2019/**": [quote]
custom:
  - id: house/names
    type: substitution
    scope: body
    swap:
      Anthony Blinken: Antony Blinken
  - id: house/banned
    type: existence
    scope: any
    severity: warning
    message: "avoid '{match}'"
    terms: ["breaking news"]
`

const seedArticle = ` date 2024-08-07 0
Wednesday 7 August 2024 - 21:29

Iraqi Resistance: Ain Al Assad Operation Marks New Phase of Escalation Against American Bases

Story Code : 1152650
Lebanon's al-Akhbar newspaper reported based on sources from the resistance's Coordination Committee regarding a rocket operation that injured several American troopers two days earlier.

US Secretary of State Anthony Blinken warned Iraqi Prime Minister al-Sudani of potential escalation against American interests in the region following a recent threat.
`

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func ids(rs []lint.Configured) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Rule.ID)
	}
	return out
}

func check(t *testing.T, s *Settings, path, src string) []lint.Diagnostic {
	t.Helper()
	doc := article.Parse(path, []byte(src), s.Layout)
	diags, errs := lint.Check(doc, s.Rules)
	for _, e := range errs {
		t.Errorf("%v", e)
	}
	return diags
}

func TestDefaultIsTheArticleDefault(t *testing.T) {
	got, want := Default(rules.Registry()).Layout, article.DefaultLayout()
	if !reflect.DeepEqual(got.Order, want.Order) || got.Header != want.Header ||
		!reflect.DeepEqual(got.Datelines, want.Datelines) || got.StoryCode != want.StoryCode {
		t.Errorf("default.yaml's layout %+v differs from article.DefaultLayout() %+v", got, want)
	}
	if !strings.Contains(string(DefaultYAML()), `header: " date {date:2006-01-02} {index}"`) {
		t.Errorf("DefaultYAML does not hold the seed's header")
	}
}

func TestIssueConfigWorksAsWritten(t *testing.T) {
	reg := testRegistry()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, FileName), issueConfig)
	writeFile(t, filepath.Join(dir, "2024", "a.txt"), seedArticle)
	writeFile(t, filepath.Join(dir, "archive", "2019", "b.txt"), seedArticle)
	l := &Loader{Registry: reg}

	s, err := l.ForFile(filepath.Join(dir, "2024", "a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Layout.Datelines; len(got) != 2 || got[1] != "Publish Date : Monday 2 January 2006 - 15:04" {
		t.Errorf("datelines = %q", got)
	}
	on := ids(s.Rules)
	for _, id := range []string{"house/names", "house/banned", "quote/unbalanced", "title/length", "layout/final-newline"} {
		if !slices.Contains(on, id) {
			t.Errorf("%s should run; rules: %v", id, on)
		}
	}
	if slices.Contains(on, "space/trailing") {
		t.Errorf("space/trailing is ignored but runs")
	}
	for _, r := range s.Rules {
		if r.Rule.ID == "title/length" && r.Severity != lint.Warning {
			t.Errorf("title/length severity = %v, want warning", r.Severity)
		}
	}
	s2019, err := l.ForFile(filepath.Join(dir, "archive", "2019", "b.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(ids(s2019.Rules), func(id string) bool { return strings.HasPrefix(id, "quote/") }) {
		t.Errorf("per_file_ignores should turn the quote family off under archive/2019: %v", ids(s2019.Rules))
	}
	if !slices.Contains(ids(s2019.Rules), "house/names") {
		t.Errorf("per_file_ignores turned off too much: %v", ids(s2019.Rules))
	}

	// The second dateline layout parses.
	publish := strings.Replace(seedArticle, "Wednesday 7", "Publish Date : Wednesday 7", 1)
	doc := article.Parse("p.txt", []byte(publish), s.Layout)
	if doc.Dateline == nil || doc.Dateline.Malformed || !doc.Dateline.Exact || doc.Dateline.Layout != s.Layout.Datelines[1] {
		t.Errorf("Publish Date dateline not parsed: %+v", doc.Dateline)
	}

	// The custom rules report what they should, with the configured
	// severity and an unsafe fix for the substitution.
	src := strings.Replace(seedArticle, "Iraqi Resistance:", "breaking news: Iraqi Resistance:", 1)
	var got []string
	for _, d := range check(t, s, "a.txt", src) {
		fix := ""
		if d.Fix != nil {
			fix = " fix(" + d.Fix.Safety.String() + ")=" + d.Fix.Edits[0].Text
		}
		got = append(got, d.Rule+" "+d.Severity.String()+" "+d.Message+" @"+src[d.Span.Start:d.Span.End]+fix)
	}
	want := []string{
		"house/banned warning avoid 'breaking news' @breaking news",
		"house/names warning use 'Antony Blinken' instead of 'Anthony Blinken' @Anthony Blinken fix(unsafe)=Antony Blinken",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics:\n got %q\nwant %q", got, want)
	}
}

func TestCustomRuleMatching(t *testing.T) {
	reg := rules.Registry()
	cfg := `select: [house]
custom:
  - id: house/names
    type: substitution
    scope: body
    ignore_case: true
    swap:
      Anthony Blinken: Antony Blinken
      Blinken: Blinken
  - id: house/title
    type: existence
    scope: title
    patterns: ['(?i)\bshock(ing)?\b']
    message: "sensational word '{match}' in the title"
  - id: house/head
    type: existence
    scope: header
    terms: ["1152650"]
`
	c, err := Parse("x/.corpuslint.yaml", []byte(cfg), reg)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.Rules(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &Settings{Layout: c.Layout, Rules: rs}
	src := strings.NewReplacer(
		"Iraqi Resistance:", "Shocking: Iraqi Resistance:",
		"troopers two days earlier.", "troopers, said ANTHONY\nBLINKEN and Anthony Blinkenberg.",
	).Replace(seedArticle)
	var got []string
	for _, d := range check(t, s, "a.txt", src) {
		got = append(got, d.Rule+": "+d.Message)
	}
	want := []string{
		"house/title: sensational word 'Shocking' in the title",
		"house/head: avoid '1152650'",
		"house/names: use 'Antony Blinken' instead of 'ANTHONY\nBLINKEN'",
		"house/names: use 'Antony Blinken' instead of 'Anthony Blinken'",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestOptions(t *testing.T) {
	reg := testRegistry()
	def := reg.Get("test/options").Options.(*testOptions)
	c, err := Parse("c.yaml", []byte("options:\n  test/options:\n    max: 7\n    names: {a: b}\n"), reg)
	if err != nil {
		t.Fatal(err)
	}
	got := c.Options["test/options"].(*testOptions)
	want := &testOptions{Max: 7, Words: []string{"a"}, Names: map[string]string{"a": "b"}, Level: lint.Info}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("options = %+v, want %+v", got, want)
	}
	if def.Max != 3 || len(def.Names) != 1 || def.Names["x"] != "y" {
		t.Errorf("decoding changed the rule's defaults: %+v", def)
	}
	rs, _ := c.Rules([]string{"test/options"}, nil)
	if len(rs) != 1 || rs[0].Options != got {
		t.Errorf("configured rule does not carry the options: %+v", rs)
	}
}

func TestErrorsCarryPositions(t *testing.T) {
	reg := testRegistry()
	cases := []struct{ name, yaml, want string }{
		{"unknown key", "inclde: ['**/*.txt']\n",
			`c.yaml:1:1: unknown key "inclde" (did you mean "include"?)`},
		{"unknown layout key", "layout:\n  dateln: [x]\n",
			`c.yaml:2:3: unknown layout key "dateln" (did you mean "dateline"?)`},
		{"unknown rule", "ignore: [layout/final-newlin]\n",
			`c.yaml:1:10: unknown rule or family "layout/final-newlin" (did you mean "layout/final-newline"?)`},
		{"unknown family in severity", "severity:\n  layuot: info\n",
			`c.yaml:2:3: unknown rule or family "layuot" (did you mean "layout"?)`},
		{"bad severity", "severity:\n  layout: fatal\n",
			`c.yaml:2:11: severity of layout: unknown severity "fatal" (want error, warning or info)`},
		{"bad glob", "exclude: ['archive/[2019']\n",
			`c.yaml:1:11: invalid glob "archive/[2019"`},
		{"bad per-file glob", "per_file_ignores:\n  'a/{b': [layout]\n",
			`c.yaml:2:3: invalid glob "a/{b"`},
		{"bad regexp", "custom:\n  - id: house/x\n    type: existence\n    patterns: ['(?<=a)b']\n",
			`c.yaml:4:16: custom rule patterns: bad regular expression "(?<=a)b"`},
		{"bad time layout", "layout:\n  dateline: ['Monday 15:04']\n",
			`c.yaml:2:14: layout dateline "Monday 15:04": a dateline layout needs a day, a month and a year`},
		{"bad header template", "layout:\n  header: ' date {day} {index}'\n",
			`c.yaml:2:11: layout header: template " date {day} {index}": unknown placeholder {day}`},
		{"bad header date format", "layout:\n  header: ' date {date:15:04} {index}'\n",
			`c.yaml:2:11: layout header: date format "15:04"`},
		{"story code without code", "layout:\n  story_code: 'Story Code : 1'\n",
			`c.yaml:2:15: layout story_code "Story Code : 1": expected a {code} placeholder`},
		{"bad order", "layout:\n  order: [title, blnk]\n",
			`c.yaml:2:18: layout order: unknown element "blnk" (did you mean "blank"?)`},
		{"order without title", "layout:\n  order: [header, blank]\n",
			`c.yaml:2:3: layout order: must include title`},
		{"wrong type", "respect_gitignore: sometimes\n",
			`c.yaml:1:20: expected true or false, got the string "sometimes"`},
		{"unknown option", "options:\n  test/options:\n    maxx: 1\n",
			`c.yaml:3:5: options of test/options: unknown option "maxx" (did you mean "max"?)`},
		{"option type", "options:\n  test/options:\n    max: many\n",
			`c.yaml:3:10: options of test/options: option max: expected an integer, got the string "many"`},
		{"option list type", "options:\n  test/options:\n    words: 3\n",
			`c.yaml:3:12: options of test/options: option words: expected a list of strings, got the number 3`},
		{"option severity", "options:\n  test/options:\n    level: loud\n",
			`c.yaml:3:12: options of test/options: option level: expected error, warning or info`},
		{"option validate", "options:\n  test/options:\n    max: -1\n",
			`c.yaml:3:5: options of test/options: max must not be negative`},
		{"options of a rule without", "options:\n  layout/final-newline: {x: 1}\n",
			`c.yaml:2:3: options: rule layout/final-newline has no options`},
		{"custom unknown key", "custom:\n  - id: house/x\n    type: existence\n    term: [a]\n",
			`c.yaml:4:5: custom rule: unknown key "term" (did you mean "terms"?)`},
		{"custom bad type", "custom:\n  - id: house/x\n    type: existance\n    terms: [a]\n",
			`c.yaml:3:11: custom rule house/x: unknown type "existance"`},
		{"custom bad scope", "custom:\n  - id: house/x\n    type: existence\n    scope: titel\n    terms: [a]\n",
			`c.yaml:4:12: custom rule scope: unknown scope "titel" (did you mean "title"?)`},
		{"custom id clash", "custom:\n  - id: layout/final-newline\n    type: existence\n    terms: [a]\n",
			`c.yaml:2:9: custom rule id "layout/final-newline" is a built-in rule's ID`},
		{"custom bad message", "custom:\n  - id: house/x\n    type: existence\n    terms: [a]\n    message: 'use {right}'\n",
			`c.yaml:5:14: custom rule message: unknown placeholder {right}; expected {match}`},
		{"custom substitution without swap", "custom:\n  - id: house/x\n    type: substitution\n",
			`c.yaml:2:5: custom rule house/x: a substitution rule needs swap`},
		{"syntax", "layout:\n  header: [\n",
			`c.yaml:2: invalid YAML: did not find expected node content`},
		{"not a mapping", "- a\n- b\n",
			`c.yaml:1:1: expected a mapping of configuration keys, got a list`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tc.yaml), reg)
			if err == nil {
				t.Fatalf("no error; want %s", tc.want)
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error is %T, want Errors", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("got  %s\nwant %s...", err, tc.want)
			}
		})
	}
}

func TestAllErrorsAtOnce(t *testing.T) {
	_, err := Parse("c.yaml", []byte("inclde: []\nignore: [nope/nope]\nlayout:\n  dateline: ['15:04']\n"), rules.Registry())
	var es Errors
	if !errors.As(err, &es) || len(es) != 3 {
		t.Fatalf("want 3 errors, got %v", err)
	}
}

func TestBlankAfterStoryCode(t *testing.T) {
	c, err := Parse("c.yaml", []byte("layout:\n  blank_after_story_code: true\n"), rules.Registry())
	if err != nil {
		t.Fatal(err)
	}
	want := []article.Element{"header", "dateline", "blank", "title", "blank", "story_code", "blank"}
	if !reflect.DeepEqual(c.Layout.Order, want) {
		t.Errorf("order = %v", c.Layout.Order)
	}
	src := strings.Replace(seedArticle, "Story Code : 1152650\n", "Story Code : 1152650\n\n", 1)
	doc := article.Parse("a.txt", []byte(src), c.Layout)
	for _, r := range doc.BlankRuns {
		if r.Where == article.WhereBeforeBody && r.Count != r.Expected {
			t.Errorf("blank run before the body: %+v", r)
		}
	}
	c, err = Parse("c.yaml", []byte("layout:\n  order: [header, dateline, blank, title, blank, story_code, blank]\n  blank_after_story_code: false\n"), rules.Registry())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Layout.Order, Default(rules.Registry()).Layout.Order) {
		t.Errorf("order = %v", c.Layout.Order)
	}
}

func TestEffectiveRoundTrips(t *testing.T) {
	reg := testRegistry()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, FileName), issueConfig+"options:\n  test/options: {max: 5}\n")
	writeFile(t, filepath.Join(dir, "archive", "2019", "a.txt"), seedArticle)
	l := &Loader{Registry: reg, Ignore: []string{"title"}}
	path := filepath.Join(dir, "archive", "2019", "a.txt")
	out, err := l.Effective(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	if !regexp.MustCompile(`# per_file_ignores turn off for this file: [a-z/, -]*quote/unbalanced`).MatchString(text) {
		t.Errorf("effective configuration does not say that per_file_ignores turn off quote/unbalanced:\n%s", text)
	}
	for _, want := range []string{"respect_gitignore: true",
		"Publish Date : Monday 2 January 2006 - 15:04", "house/names: warning", "Anthony Blinken: Antony Blinken", "max: 5",
		"blank_after_story_code: false"} {
		if !strings.Contains(text, want) {
			t.Errorf("effective configuration lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "title/length") || strings.Contains(text, "space/trailing") {
		t.Errorf("ignored rules appear in the effective configuration:\n%s", text)
	}
	// Loading the printed configuration gives the same rules, severities,
	// options and layout.
	c2, err := Parse(filepath.Join(dir, "again.yaml"), out, reg)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	r2, err := c2.Rules(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	c1, _ := l.Config(path)
	r1, _ := c1.Rules(nil, []string{"title"})
	if !reflect.DeepEqual(ids(r1), ids(r2)) {
		t.Errorf("rules differ: %v vs %v", ids(r1), ids(r2))
	}
	for i := range r1 {
		// Compared as YAML: a nil list and an empty one are the same option.
		o1, _ := yaml.Marshal(r1[i].Options)
		o2, _ := yaml.Marshal(r2[i].Options)
		if r1[i].Severity != r2[i].Severity || string(o1) != string(o2) {
			t.Errorf("%s: severity or options differ", r1[i].Rule.ID)
		}
	}
	if !reflect.DeepEqual(c1.Layout.Order, c2.Layout.Order) || !reflect.DeepEqual(c1.Layout.Datelines, c2.Layout.Datelines) {
		t.Errorf("layout differs")
	}
}

func mustAbs(t *testing.T, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func readTestFile(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
