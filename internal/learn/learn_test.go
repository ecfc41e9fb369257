package learn

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/rules"
)

// article builds a seed-like file; edit changes it for a planted deviation.
func seedLike(i int, edit func(string) string) string {
	s := fmt.Sprintf(` date 2024-08-%02d 0
Wednesday 7 August 2024 - 21:29

Regional Leaders Meet to Discuss Water Shortages

Story Code : 11526%02d
Officials from five countries met in the capital on Wednesday to discuss the water shortages that have hit farms across the region.

The ministers said the “emergency” measures – rationing and new wells – would stay in place until the end of the year.

The region's largest river has fallen to its lowest level in decades, according to the government's own figures.
`, 10+i, i)
	if edit != nil {
		s = edit(s)
	}
	return s
}

func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("test corpus: " + old + " not found")
		}
		return strings.Replace(s, old, new, 1)
	}
}

// planted maps a file to the convention it breaks.
var planted = map[string]struct {
	convention string
	edit       func(string) string
}{
	"03.txt": {"header", replace(" date 2024", "date 2024")},
	"04.txt": {"dateline", replace("Wednesday 7 August", "7 August")},
	"05.txt": {"story code", replace("Story Code : ", "Story code: ")},
	"06.txt": {"blank line after story code", replace("\nOfficials", "\n\nOfficials")},
	"07.txt": {"double quotes", replace("“emergency”", `"emergency"`)},
	"08.txt": {"apostrophes", replace("region's", "region’s")},
	"09.txt": {"dashes", replace("measures – rationing", "measures - rationing")},
	"10.txt": {"title case", replace("Leaders Meet to Discuss Water Shortages", "leaders meet to discuss water shortages")},
	"11.txt": {"head order", replace("Wednesday 7 August 2024 - 21:29\n", "")},
	"12.txt": {"title case", replace("Regional Leaders Meet to Discuss Water Shortages", "REGIONAL LEADERS MEET")},
}

func writeCorpus(t *testing.T) string {
	dir := t.TempDir()
	for i := 1; i <= 14; i++ {
		name := fmt.Sprintf("%02d.txt", i)
		var edit func(string) string
		if p, ok := planted[name]; ok {
			edit = p.edit
		}
		sub := "2024"
		if i%2 == 0 {
			sub = "2024/august"
		}
		path := filepath.Join(dir, sub, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(seedLike(i, edit)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLearnInfersTheSeedLayoutAndDeviations(t *testing.T) {
	dir := writeCorpus(t)
	res, err := Learn(dir)
	if err != nil {
		t.Fatal(err)
	}
	wantValues := map[string]string{
		"head order":                  "header, dateline, blank, title, blank, story_code",
		"header":                      " date {date:2006-01-02} {index}",
		"dateline":                    "Monday 2 January 2006 - 15:04",
		"story code":                  "Story Code : {code}",
		"blank line after story code": "no",
		"double quotes":               "curly",
		"apostrophes":                 "straight",
		"dashes":                      "en dash (–)",
		"title case":                  "Title Case",
	}
	wantDeviate := map[string][]string{}
	for name, p := range planted {
		wantDeviate[p.convention] = append(wantDeviate[p.convention], relPath(name))
	}
	for name, want := range wantValues {
		c := res.Convention(name)
		if c == nil {
			t.Errorf("convention %q not learned", name)
			continue
		}
		if c.Value != want {
			t.Errorf("%s = %q, want %q", name, c.Value, want)
		}
		sort.Strings(wantDeviate[name])
		if !reflect.DeepEqual(c.Deviate, wantDeviate[name]) {
			t.Errorf("%s deviate = %v, want %v", name, c.Deviate, wantDeviate[name])
		}
	}
	table := res.Table(3)
	t.Logf("%s\n%s", table, res.YAML)
	if !strings.Contains(table, "title case") || !strings.Contains(table, "2024/august/10.txt, 2024/august/12.txt") {
		t.Errorf("table:\n%s", table)
	}
}

func relPath(name string) string {
	var i int
	fmt.Sscanf(name, "%d", &i)
	if i%2 == 0 {
		return "2024/august/" + name
	}
	return "2024/" + name
}

// TestWrittenConfigReportsExactlyTheDeviations writes the learned
// configuration, loads it back as corpuslint would, and checks that the
// files reported for each convention are exactly the deviating ones:
// through the learned custom rules for the style conventions, and through
// the document model (what the structural rules report from) for the
// layout conventions.
func TestWrittenConfigReportsExactlyTheDeviations(t *testing.T) {
	dir := writeCorpus(t)
	res, err := Learn(dir)
	if err != nil {
		t.Fatal(err)
	}
	path, err := Write(dir, res, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, res, false); !errors.Is(err, ErrExists) {
		t.Errorf("second Write: err = %v, want ErrExists", err)
	}
	if _, err := Write(dir, res, true); err != nil {
		t.Errorf("Write with force: %v", err)
	}
	written, _ := os.ReadFile(path)
	if !strings.Contains(string(written), "# title case") {
		t.Errorf("written config lacks the convention summary:\n%s", written)
	}

	l := &config.Loader{Registry: rules.Registry(), Select: []string{"learned"}}
	byRule := map[string][]string{}
	var layoutDeviants []string
	for i := 1; i <= 14; i++ {
		rel := relPath(fmt.Sprintf("%02d.txt", i))
		file := filepath.Join(dir, filepath.FromSlash(rel))
		s, err := l.ForFile(file)
		if err != nil {
			t.Fatalf("%v\n%s", err, written)
		}
		if s.Source != path {
			t.Fatalf("configuration from %q, want %q", s.Source, path)
		}
		src, _ := os.ReadFile(file)
		doc := article.Parse(rel, src, s.Layout)
		diags, errs := lint.Check(doc, s.Rules)
		for _, e := range errs {
			t.Error(e)
		}
		seen := map[string]bool{}
		for _, d := range diags {
			if !seen[d.Rule] {
				byRule[d.Rule] = append(byRule[d.Rule], rel)
				seen[d.Rule] = true
			}
		}
		if headProblem(doc) {
			layoutDeviants = append(layoutDeviants, rel)
		}
	}
	for _, m := range []struct{ rule, convention string }{
		{"learned/double-quotes", "double quotes"},
		{"learned/apostrophes", "apostrophes"},
		{"learned/dashes", "dashes"},
		{"learned/title-case", "title case"},
	} {
		want := res.Convention(m.convention).Deviate
		sort.Strings(byRule[m.rule])
		if !reflect.DeepEqual(byRule[m.rule], want) || len(want) == 0 {
			t.Errorf("%s reports %v; %s deviates in %v", m.rule, byRule[m.rule], m.convention, want)
		}
	}
	var wantLayout []string
	for _, name := range []string{"head order", "header", "dateline", "story code", "blank line after story code"} {
		wantLayout = append(wantLayout, res.Convention(name).Deviate...)
	}
	sort.Strings(wantLayout)
	sort.Strings(layoutDeviants)
	if !reflect.DeepEqual(layoutDeviants, wantLayout) {
		t.Errorf("model finds layout problems in %v; learn says %v", layoutDeviants, wantLayout)
	}
}

// headProblem reports whether the model records anything in the head that
// does not fit the layout: the facts the structural rules report.
func headProblem(d *article.Doc) bool {
	if len(d.Missing) > 0 {
		return true
	}
	if h := d.Header; h != nil && (h.Malformed || !h.Exact) {
		return true
	}
	if dl := d.Dateline; dl != nil && (dl.Malformed || !dl.Exact) {
		return true
	}
	if sc := d.StoryCode; sc != nil && !sc.Exact {
		return true
	}
	for _, r := range d.BlankRuns {
		if r.Where != article.WhereParagraph && r.Where != article.WhereEnd && r.Count != r.Expected {
			return true
		}
	}
	return false
}

func TestLearnOtherLayouts(t *testing.T) {
	for _, tc := range []struct {
		name, file, order, header, storyCode string
	}{
		{"bbc", "Markets rally as inflation eases\n\nShares rose sharply on Friday after figures showed inflation falling.\n", "title, blank", "", ""},
		{"dated", "Date: 2024-08-07\nID: 12345\n\nFlooding closes roads\n\nHeavy rain closed dozens of roads overnight.\n", "header, story_code, blank, title, blank", "Date: {date:2006-01-02}", "ID: {code}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for i := 0; i < 3; i++ {
				os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(tc.file), 0o644)
			}
			res, err := Learn(dir)
			if err != nil {
				t.Fatal(err)
			}
			if c := res.Convention("head order"); c.Value != tc.order || c.Follow != 3 {
				t.Errorf("order = %+v", c)
			}
			if tc.header != "" && res.Convention("header").Value != tc.header {
				t.Errorf("header = %+v", res.Convention("header"))
			}
			if tc.storyCode != "" && res.Convention("story code").Value != tc.storyCode {
				t.Errorf("story code = %+v", res.Convention("story code"))
			}
			c, err := config.Parse(filepath.Join(dir, config.FileName), res.YAML, rules.Registry())
			if err != nil {
				t.Fatalf("%v\n%s", err, res.YAML)
			}
			doc := article.Parse("0.txt", []byte(tc.file), c.Layout)
			if headProblem(doc) || doc.Title == nil || len(doc.Paragraphs) != 1 {
				t.Errorf("learned layout does not parse the corpus: %+v", doc)
			}
		})
	}
}
