package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/rules"
)

// A corpus rule's fixtures live with the others, in
// fixtures/rules/corpus/NAME/*.txtar, but hold several files:
//
//	optional comment; a line "option: name=value" sets one of the rule's
//	options (repeat it to add to a list option), "select: ID,ID" runs other
//	rules too
//	-- a.txt --       each section ending in .txt is one article of the corpus
//	-- b.txt --
//	-- want --        expected diagnostics, one per line, in path order:
//	                  "path:L:C-L:C rule/id message"
//
// Every file is parsed, its facts extracted, the facts written and read
// back (so the fixtures also check the facts format), and the corpus rules
// run over them.
func TestCorpusFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtureRoot, "*", "*", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, file := range files {
		if !isCorpusFixture(file) {
			continue
		}
		n++
		rel, _ := filepath.Rel(fixtureRoot, file)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) { runCorpusFixture(t, file) })
	}
	if n == 0 {
		t.Fatal("no corpus rule fixtures found")
	}
}

// isCorpusFixture reports whether a fixture's folder names a corpus rule.
func isCorpusFixture(file string) bool {
	dir := filepath.Dir(file)
	r := rules.Registry().Get(filepath.Base(filepath.Dir(dir)) + "/" + filepath.Base(dir))
	return r != nil && r.IsCorpus()
}

func runCorpusFixture(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	configured := fixtureRules(t, file, ar)
	for i := range configured {
		configured[i].Options = fixtureOptions(t, configured[i].Rule, ar)
	}
	layout := article.DefaultLayout()
	var all []*facts.File
	var want *txtar.File
	for i := range ar.Files {
		sec := &ar.Files[i]
		switch {
		case sec.Name == "want":
			want = sec
		case strings.HasSuffix(sec.Name, ".txt"):
			doc := article.Parse(sec.Name, sec.Data, layout)
			// Per-file rules selected with the corpus rule report too.
			diags, errs := lint.Check(doc, configured)
			for _, e := range errs {
				t.Errorf("%v", e)
			}
			if len(diags) > 0 {
				t.Errorf("%s: per-file diagnostics in a corpus fixture: %v", sec.Name, diags)
			}
			all = append(all, facts.Extract(doc))
		default:
			t.Fatalf("unknown section %q (want *.txt or want)", sec.Name)
		}
	}
	if len(all) < 2 {
		t.Fatal("a corpus fixture needs at least two .txt sections")
	}
	var buf strings.Builder
	if err := facts.Write(&buf, all); err != nil {
		t.Fatal(err)
	}
	back, err := facts.Read(strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	sortFacts(back)
	diags, errs := lint.RunCorpus(back, configured)
	for _, e := range errs {
		t.Errorf("%v\n%s", e, e.Stack)
	}
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "%s:%d:%d-%d:%d %s %s\n", d.Path, d.Start.Line, d.Start.Column, d.End.Line, d.End.Column, d.Rule, d.Message)
	}
	got := b.String()
	if want != nil && string(want.Data) == got {
		return
	}
	if *update {
		setSection(ar, "want", got)
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	var wantText string
	if want != nil {
		wantText = string(want.Data)
	}
	t.Errorf("diagnostics differ\n--- want\n%s--- got\n%s", wantText, got)
}

func sortFacts(fs []*facts.File) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Path < fs[j-1].Path; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// fixtureOptions returns a copy of the rule's default options with the
// fixture's "option: name=value" lines applied (names are the yaml tags).
func fixtureOptions(t *testing.T, r *lint.Rule, ar *txtar.Archive) any {
	if r.Options == nil {
		return nil
	}
	v := reflect.New(reflect.TypeOf(r.Options).Elem())
	v.Elem().Set(reflect.ValueOf(r.Options).Elem())
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		spec, ok := strings.CutPrefix(line, "option:")
		if !ok {
			continue
		}
		name, value, _ := strings.Cut(strings.TrimSpace(spec), "=")
		field := fieldByTag(v.Elem(), name)
		if !field.IsValid() {
			continue // an option of another selected rule
		}
		var err error
		switch field.Kind() {
		case reflect.Int:
			var n int
			n, err = strconv.Atoi(value)
			field.SetInt(int64(n))
		case reflect.Float64:
			var x float64
			x, err = strconv.ParseFloat(value, 64)
			field.SetFloat(x)
		case reflect.Bool:
			var b bool
			b, err = strconv.ParseBool(value)
			field.SetBool(b)
		case reflect.String:
			field.SetString(value)
		case reflect.Slice:
			field.Set(reflect.Append(field, reflect.ValueOf(value)))
		default:
			t.Fatalf("option %s: unsupported kind %s", name, field.Kind())
		}
		if err != nil {
			t.Fatalf("option %s: %v", name, err)
		}
	}
	return v.Interface()
}

func fieldByTag(v reflect.Value, name string) reflect.Value {
	for i := 0; i < v.NumField(); i++ {
		tag, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
		if tag == name {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}
