package config

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/textpos"
	"github.com/corpuslint/corpuslint/rules"
)

// TestExampleCorpora checks the corpora under fixtures/corpora, whose
// layouts come from their .corpuslint.yaml alone, and expects exactly the
// problems planted in them. Two kinds of expectation:
//   - diagnostics of the rules selected here (layout/final-newline and the
//     corpora's custom rules), so that rules added later do not change the
//     result;
//   - what the document model says about each head: the structural rules
//     (header/*, storycode/*, layout/*) report from exactly these facts,
//     so a clean model means the layout was understood.
func TestExampleCorpora(t *testing.T) {
	cases := []struct {
		dir   string
		diags []string
		model []string
	}{
		{
			dir: "bbc",
			diags: []string{
				"business/002.txt:1:21 house/cliche info cliché in a headline: 'perfect storm'",
				"business/002.txt:5:31 house/spelling warning [unsafe fix: email] use 'email' instead of 'e-mail'",
				"business/003.txt:5:74 layout/final-newline warning [safe fix: \n] no newline at end of file",
				"tech/001.txt:8:1 layout/final-newline warning [safe fix: ] 2 blank lines at end of file",
			},
			model: []string{
				"tech/002.txt: 0 blank lines before-body after title, expected 1",
			},
		},
		{
			dir: "dated",
			diags: []string{
				"2024/12347.txt:6:1 house/names warning [unsafe fix: Antony Blinken] use 'Antony Blinken' instead of 'Anthony Blinken'",
			},
			model: []string{
				"2024/12346.txt: story_code reads \"ID:12346\", expected \"ID: 12346\"",
				"2024/12348.txt: header missing at line 1",
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.dir, func(t *testing.T) {
			root := filepath.Join("..", "..", "fixtures", "corpora", tc.dir)
			l := &Loader{Registry: rules.Registry(), Select: []string{"layout/final-newline", "house"}}
			var diags, model []string
			files := 0
			err := filepath.WalkDir(root, func(path string, de fs.DirEntry, err error) error {
				if err != nil || de.IsDir() {
					return err
				}
				ok, err := l.Included(path)
				if err != nil || !ok {
					return err
				}
				files++
				s, err := l.ForFile(path)
				if err != nil {
					return err
				}
				if s.Source != filepath.Join(mustAbs(t, root), FileName) {
					t.Errorf("%s: configuration from %q", path, s.Source)
				}
				src := readTestFile(t, path)
				rel, _ := filepath.Rel(root, path)
				rel = filepath.ToSlash(rel)
				doc := article.Parse(rel, src, s.Layout)
				ds, errs := lint.Check(doc, s.Rules)
				for _, e := range errs {
					t.Errorf("%v", e)
				}
				idx := textpos.NewIndex(src)
				for _, d := range ds {
					p := idx.Pos(d.Span.Start)
					fix := ""
					if d.Fix != nil {
						fix = fmt.Sprintf("[%s fix: %s] ", d.Fix.Safety, d.Fix.Edits[0].Text)
					}
					diags = append(diags, fmt.Sprintf("%s:%d:%d %s %s %s%s", rel, p.Line, p.Column, d.Rule, d.Severity, fix, d.Message))
				}
				model = append(model, headProblems(doc)...)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if files < 4 {
				t.Fatalf("only %d files checked", files)
			}
			if !reflect.DeepEqual(diags, tc.diags) {
				t.Errorf("diagnostics:\n got %q\nwant %q", diags, tc.diags)
			}
			if !reflect.DeepEqual(model, tc.model) {
				t.Errorf("model:\n got %q\nwant %q", model, tc.model)
			}
		})
	}
}

// headProblems lists what the model records as not fitting the layout.
func headProblems(d *article.Doc) []string {
	var out []string
	for _, m := range d.Missing {
		out = append(out, fmt.Sprintf("%s: %s missing at line %d", d.Path, m.Element, m.Line+1))
	}
	if h := d.Header; h != nil && (h.Malformed || !h.Exact) {
		out = append(out, fmt.Sprintf("%s: header reads %q, expected %q", d.Path, d.String(h.Span), h.Canonical))
	}
	if dl := d.Dateline; dl != nil && (dl.Malformed || !dl.Exact) {
		out = append(out, fmt.Sprintf("%s: dateline reads %q, expected %q", d.Path, d.String(dl.Span), dl.Canonical))
	}
	if sc := d.StoryCode; sc != nil && !sc.Exact {
		out = append(out, fmt.Sprintf("%s: story_code reads %q, expected %q", d.Path, d.String(sc.Span), sc.Canonical))
	}
	for _, r := range d.BlankRuns {
		if r.Where != article.WhereParagraph && r.Where != article.WhereEnd && r.Count != r.Expected {
			out = append(out, fmt.Sprintf("%s: %d blank lines %s after %s, expected %d", d.Path, r.Count, r.Where, r.After, r.Expected))
		}
	}
	if d.Title == nil || len(d.Paragraphs) == 0 {
		out = append(out, fmt.Sprintf("%s: no title or no body", d.Path))
	}
	return out
}
