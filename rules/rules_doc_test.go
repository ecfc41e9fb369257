package rules_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/format"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/rules"
)

// docs/rules.md, the reference of every rule, is generated from the
// registry by TestRulesDoc: `go test ./rules -run TestRulesDoc -update`
// rewrites it, and without -update the test fails when the page is out of
// date, so CI keeps it current. The generator lives in a test so that the
// repository has one main package (pre-commit installs them all).
const rulesDoc = "../docs/rules.md"

func TestRulesDoc(t *testing.T) {
	got := renderRulesDoc(rules.Registry())
	if *update {
		if err := os.WriteFile(rulesDoc, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(rulesDoc)
	if err != nil {
		t.Fatalf("%v (write it with: go test ./rules -run TestRulesDoc -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date with the rules: run go test ./rules -run TestRulesDoc -update", filepath.Clean(rulesDoc))
	}
}

// TestRulesDocOptionsLoad: each rule's "Defaults, as configuration" block
// is a configuration that corpuslint accepts.
func TestRulesDocOptionsLoad(t *testing.T) {
	for _, r := range rules.Registry().All() {
		if len(optionsOf(r.Options)) == 0 {
			continue
		}
		data, err := optionsYAML(r)
		if err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		if _, err := config.Parse(".corpuslint.yaml", data, rules.Registry()); err != nil {
			t.Errorf("%s: the documented defaults do not load: %v\n%s", r.ID, err, data)
		}
	}
}

// TestRulesDocAnchors: every rule has the anchor that the output formats
// link to (format.RuleURL), exactly once.
func TestRulesDocAnchors(t *testing.T) {
	doc := string(renderRulesDoc(rules.Registry()))
	for _, r := range rules.Registry().All() {
		url := format.RuleURL(r.ID)
		anchor := url[strings.LastIndexByte(url, '#')+1:]
		if n := strings.Count(doc, `<a id="`+anchor+`"></a>`); n != 1 {
			t.Errorf("%s: anchor %q appears %d times", r.ID, anchor, n)
		}
		if !strings.HasSuffix(strings.SplitN(url, "#", 2)[0], "/docs/rules.md") {
			t.Errorf("%s: RuleURL %s does not point at docs/rules.md", r.ID, url)
		}
	}
}

func renderRulesDoc(reg *lint.Registry) []byte {
	all := reg.All()
	var families []string
	byFamily := map[string][]*lint.Rule{}
	for _, r := range all {
		f := r.Family()
		if byFamily[f] == nil {
			families = append(families, f)
		}
		byFamily[f] = append(byFamily[f], r)
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "# Rules\n\n")
	fmt.Fprintf(&b, "<!-- Generated from the rule registry by `go test ./rules -run TestRulesDoc -update`. Do not edit. -->\n\n")
	fmt.Fprintf(&b, "corpuslint has %d rules in %d families. `corpuslint rules` lists them and\n", len(all), len(families))
	fmt.Fprintf(&b, "`corpuslint explain RULE` prints one of them; a rule's options are set under\n")
	fmt.Fprintf(&b, "`options:` in `.corpuslint.yaml` (see [configuration.md](configuration.md)).\n")
	fmt.Fprintf(&b, "Rules marked *off* run only when selected by their ID or enabled in the\n")
	fmt.Fprintf(&b, "configuration. Fixable: *yes* when every problem comes with a fix, *sometimes*\n")
	fmt.Fprintf(&b, "when only some do; `--fix` applies safe fixes, `--unsafe-fixes` the others.\n\n")

	b.WriteString("| Rule | Severity | Fixable | Summary |\n|---|---|---|---|\n")
	for _, r := range all {
		sev := r.Severity.String()
		if r.Disabled {
			sev += " (off)"
		}
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, format.RuleAnchor(r.ID), sev, r.Fix.Answer(), markdownText(r.Summary))
	}

	for _, f := range families {
		fmt.Fprintf(&b, "\n## %s\n", f)
		for _, r := range byFamily[f] {
			writeRuleDoc(&b, r)
		}
	}
	return b.Bytes()
}

func writeRuleDoc(b *bytes.Buffer, r *lint.Rule) {
	fmt.Fprintf(b, "\n<a id=\"%s\"></a>\n\n### `%s`\n\n", format.RuleAnchor(r.ID), r.ID)
	fmt.Fprintf(b, "%s.\n\n", strings.TrimSuffix(markdownText(r.Summary), "."))
	enabled := "yes"
	if r.Disabled {
		enabled = "no (select it by ID)"
	}
	fmt.Fprintf(b, "Severity: %s. Fixable: %s. Enabled by default: %s.\n\n", r.Severity, r.Fix.Answer(), enabled)
	writeDocText(b, r.Doc)

	opts := optionsOf(r.Options)
	if len(opts) == 0 {
		b.WriteString("Options: none.\n")
		return
	}
	b.WriteString("| Option | Type | Default | Description |\n|---|---|---|---|\n")
	for _, o := range opts {
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", o.name, o.typ, o.def, markdownText(o.doc))
	}
	// The defaults as configuration, ready to copy into .corpuslint.yaml.
	out, err := optionsYAML(r)
	if err != nil {
		panic(err) // options are plain data: this cannot fail
	}
	fmt.Fprintf(b, "\nDefaults, as configuration:\n\n```yaml\n%s```\n", out)
}

// optionsYAML is the rule's default options as a configuration file.
func optionsYAML(r *lint.Rule) ([]byte, error) {
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	err := enc.Encode(map[string]any{"options": map[string]any{r.ID: r.Options}})
	return out.Bytes(), err
}

// writeDocText renders a rule's doc: prose paragraphs as Markdown text,
// example paragraphs (lines starting "Bad:" or "Good:") as code blocks,
// so that their spacing and characters show exactly.
func writeDocText(b *bytes.Buffer, doc string) {
	for para := range strings.SplitSeq(strings.Trim(doc, "\n"), "\n\n") {
		para = strings.Trim(para, "\n")
		if strings.HasPrefix(para, "Bad:") || strings.HasPrefix(para, "Good:") {
			fence := "```"
			for strings.Contains(para, fence) {
				fence += "`"
			}
			fmt.Fprintf(b, "%stext\n%s\n%s\n\n", fence, para, fence)
			continue
		}
		fmt.Fprintf(b, "%s\n\n", markdownText(para))
	}
}

// markdownText escapes what Markdown would otherwise read as markup
// (emphasis, code, links, HTML such as <U+00A0>, tables) in plain text.
var markdownText = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `&lt;`, `>`, `&gt;`, `|`, `\|`, `#`, `\#`,
).Replace

type docOption struct{ name, typ, def, doc string }

// optionsOf lists a rule's options with their defaults written as JSON
// (which is also YAML), or "see below" when too long for the table.
func optionsOf(opts any) []docOption {
	var out []docOption
	for _, o := range lint.Options(opts) {
		def := "see below"
		if data, err := json.Marshal(o.Default); err == nil && len(data) <= 40 {
			if string(data) == "null" {
				data = []byte("[]")
			}
			def = "`" + string(data) + "`"
		}
		out = append(out, docOption{name: o.Name, typ: typeName(o.Type), def: def, doc: o.Doc})
	}
	return out
}

func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "integer"
	case reflect.Float64, reflect.Float32:
		return "number"
	case reflect.Bool:
		return "boolean"
	case reflect.String:
		return "string"
	case reflect.Slice:
		return "list of " + typeName(t.Elem()) + "s"
	}
	return t.String()
}
