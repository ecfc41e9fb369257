package format

// Each format is read back by a parser of its own kind here: JSON by
// encoding/json, SARIF by a JSON Schema validator against the OASIS
// schema, XML by encoding/xml and xmllint against the XSDs, workflow
// commands by the runner's own parsing rules. Golden files show what the
// output looks like; these tests show that its readers will understand it.

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/format/formattest"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

const schemaDir = "testdata/schemas"

// TestSchemasUnmodified: the copied schemas are the upstream files byte
// for byte, as their licences and testdata/schemas/README.md require.
func TestSchemasUnmodified(t *testing.T) {
	want := map[string]string{
		"sarif-schema-2.1.0.json":    "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e",
		"checkstyle.xsd":             "3ed0130ae53f303d9cd14b84c74117ba5118073640f2b807e84cb5c126995cca",
		"junit-jenkins-xunit-10.xsd": "a1a816f58d1bf95ebabf371994df0b9246dee66ea9572fbec4f9296f1b2c0ff6",
	}
	for name, sum := range want {
		b, err := os.ReadFile(filepath.Join(schemaDir, name))
		if err != nil {
			t.Fatal(err)
		}
		got := sha256.Sum256(b)
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s has been modified (sha256 %x, want %s)", name, got, sum)
		}
	}
	if _, err := os.Stat(filepath.Join(schemaDir, "LICENSES", "OASIS-notice.txt")); err != nil {
		t.Errorf("the OASIS notice must accompany the SARIF schema: %v", err)
	}
}

func TestJSONMatchesReport(t *testing.T) {
	r := testReport(t)
	out := render(t, "json", r, testOptions(false))

	// The top level and every diagnostic have exactly the schema's keys.
	var raw struct {
		Version      *int             `json:"version"`
		FilesChecked *int             `json:"files_checked"`
		Diagnostics  []map[string]any `json:"diagnostics"`
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	if err := dec.Decode(&raw); err != nil {
		t.Fatal(err)
	}
	if raw.Version == nil || *raw.Version != 1 || raw.FilesChecked == nil || *raw.FilesChecked != 3 {
		t.Errorf("version/files_checked wrong in %s", out[:60])
	}
	keys := "column end_column end_line end_offset fix line message offset path rule severity"
	for _, d := range raw.Diagnostics {
		var got []string
		for k := range d {
			got = append(got, k)
		}
		sort.Strings(got)
		if strings.Join(got, " ") != keys {
			t.Errorf("diagnostic keys %v, want %s", got, keys)
		}
	}

	var doc jsonReport
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	all := r.Diagnostics()
	if len(doc.Diagnostics) != len(all) {
		t.Fatalf("%d diagnostics, want %d", len(doc.Diagnostics), len(all))
	}
	for i, got := range doc.Diagnostics {
		d := all[i]
		want := jsonDiagnostic{
			Path: d.Path, Rule: d.Rule, Severity: d.Severity.String(), Message: strings.ToValidUTF8(d.Message, "\uFFFD"),
			Line: d.Start.Line, Column: d.Start.Column, EndLine: d.End.Line, EndColumn: d.End.Column,
			Offset: d.Start.Offset, EndOffset: d.End.Offset,
		}
		if d.Fix == nil {
			if got.Fix != nil {
				t.Errorf("%s: fix should be null", d.Rule)
			}
		} else {
			want.Fix = &jsonFix{Safety: d.Fix.Safety.String(), Description: strings.ToValidUTF8(d.Fix.Description, "\uFFFD")}
			for _, e := range d.Fix.Edits {
				want.Fix.Edits = append(want.Fix.Edits, jsonEdit{Offset: e.Start.Offset, EndOffset: e.End.Offset, Text: e.Text})
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("diagnostic %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
	// The edits, applied to the article, give the fixed text.
	for _, got := range doc.Diagnostics {
		if got.Rule == "dateline/weekday" {
			e := got.Fix.Edits[0]
			fixed := trickyArticle[:e.Offset] + e.Text + trickyArticle[e.EndOffset:]
			if !strings.Contains(fixed, "\nWednesday 7 August 2024 - 21:29\n") {
				t.Errorf("weekday edit does not apply: %q", fixed[:60])
			}
		}
	}
}

func TestJSONLinesMatchJSON(t *testing.T) {
	r := testReport(t)
	var doc jsonReport
	if err := json.Unmarshal(render(t, "json", r, testOptions(false)), &doc); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(render(t, "json-lines", r, testOptions(false))), "\n"), "\n")
	if len(lines) != len(doc.Diagnostics) {
		t.Fatalf("%d lines, want %d", len(lines), len(doc.Diagnostics))
	}
	for i, line := range lines {
		var d jsonDiagnostic
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if !reflect.DeepEqual(d, doc.Diagnostics[i]) {
			t.Errorf("line %d differs from the json format's diagnostic", i+1)
		}
	}
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := formattest.SARIFSchema(schemaDir)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestSARIFValidates(t *testing.T) {
	sch := compileSARIFSchema(t)
	for name, opt := range map[string]Options{
		"registry":    testOptions(false),
		"no registry": {},
	} {
		t.Run(name, func(t *testing.T) {
			out := render(t, "sarif", testReport(t), opt)
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Fatalf("SARIF does not validate: %v", err)
			}
		})
	}
	// The validator is not a rubber stamp.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version": "2.1.0", "runs": [{"tool": {}}]}`))
	if sch.Validate(bad) == nil {
		t.Error("a SARIF log without tool.driver validated")
	}
}

func TestSARIFContent(t *testing.T) {
	r := testReport(t)
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", r, testOptions(false)), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || run.Tool.Driver.Version != "1.2.3" {
		t.Errorf("columnKind %q, version %q", run.ColumnKind, run.Tool.Driver.Version)
	}
	if run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].Notifications) != 1 {
		t.Errorf("the unreadable file is not reported: %+v", run.Invocations)
	}
	rules := run.Tool.Driver.Rules
	if len(rules) != len(firedRules(r)) {
		t.Errorf("%d rules, want one per rule that fired (%d)", len(rules), len(firedRules(r)))
	}
	for _, rule := range rules {
		if rule.Name == "" || rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" ||
			rule.Help.Text == "" || rule.Help.Markdown == "" || !strings.HasPrefix(rule.HelpURI, "https://") {
			t.Errorf("rule %s is not fully described: %+v", rule.ID, rule)
		}
		if rule.ID == "dateline/weekday" && (rule.Name != "DatelineWeekday" ||
			rule.DefaultConfiguration.Level != "error" || !strings.Contains(rule.Help.Markdown, "```text\nBad:")) {
			t.Errorf("dateline/weekday described wrongly: %+v", rule)
		}
	}
	seen := map[string]bool{}
	all := r.Diagnostics()
	for i, res := range run.Results {
		d := all[i]
		if rules[res.RuleIndex].ID != res.RuleID || res.RuleID != d.Rule {
			t.Errorf("result %d: ruleIndex %d does not point at %s", i, res.RuleIndex, res.RuleID)
		}
		reg := res.Locations[0].PhysicalLocation.Region
		if reg.StartLine != d.Start.Line || reg.StartColumn != d.Start.Column || reg.EndColumn != d.End.Column ||
			reg.ByteOffset != d.Start.Offset || reg.ByteLength != d.End.Offset-d.Start.Offset {
			t.Errorf("result %d: region %+v does not match %+v-%+v", i, reg, d.Start, d.End)
		}
		fp := res.PartialFingerprints[fingerprintName]
		if fp == "" || seen[fp] {
			t.Errorf("result %d: fingerprint %q missing or repeated", i, fp)
		}
		seen[fp] = true
		if (d.Fix != nil) != (len(res.Fixes) == 1) {
			t.Errorf("result %d: fixes %+v for fix %+v", i, res.Fixes, d.Fix)
		}
	}
	// Deletions carry insertedContent {"text": ""}: reviewdog crashes without it.
	var raw map[string]any
	json.Unmarshal(render(t, "sarif", r, testOptions(false)), &raw)
	deletions := 0
	walk(raw, func(m map[string]any) {
		if _, ok := m["deletedRegion"]; ok {
			ic, ok := m["insertedContent"].(map[string]any)
			if !ok {
				t.Errorf("replacement without insertedContent: %v", m)
			} else if ic["text"] == "" {
				deletions++
			}
		}
	})
	if deletions == 0 {
		t.Error("the test report should contain deletions")
	}
	if uri := artifactLocation(Options{}, "corpus/2024 08/odd,name:100%.txt").URI; uri != "corpus/2024%2008/odd,name:100%25.txt" {
		t.Errorf("uri = %q", uri)
	}
	if loc := artifactLocation(Options{}, "/srv/a b.txt"); loc.URI != "file:///srv/a%20b.txt" || loc.URIBaseID != "" {
		t.Errorf("absolute path gives %+v", loc)
	}
	if uri := artifactLocation(Options{}, "./x:y.txt").URI; uri != "./x:y.txt" {
		t.Errorf("a colon in the first segment must not read as a scheme: %q", uri)
	}
	// With the repository root known, paths are relative to it whatever
	// folder corpuslint ran in; a path outside it is a file: URI.
	root := Options{Root: "/repo", WorkDir: "/repo/archive"}
	if loc := artifactLocation(root, "2024/a.txt"); loc.URI != "archive/2024/a.txt" || loc.URIBaseID != "SRCROOT" {
		t.Errorf("root-relative: %+v", loc)
	}
	if loc := artifactLocation(root, "/repo/b.txt"); loc.URI != "b.txt" || loc.URIBaseID != "SRCROOT" {
		t.Errorf("absolute inside the root: %+v", loc)
	}
	if loc := artifactLocation(root, "../../elsewhere/c.txt"); loc.URI != "file:///elsewhere/c.txt" || loc.URIBaseID != "" {
		t.Errorf("outside the root: %+v", loc)
	}
}

func walk(v any, fn func(map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		fn(v)
		for _, x := range v {
			walk(x, fn)
		}
	case []any:
		for _, x := range v {
			walk(x, fn)
		}
	}
}

// TestFingerprintsSurviveMovingLines: a paragraph added above a problem
// changes its line but not its fingerprint; a second identical match gets
// its own.
func TestFingerprintsSurviveMovingLines(t *testing.T) {
	mk := func(src string) *report.Report {
		var diags []lint.Diagnostic
		for i := 0; i < strings.Count(src, "  "); i++ {
			diags = append(diags, lint.Diagnostic{Rule: "space/double", Span: span(t, src, "  ", i), Message: "two spaces"})
		}
		return &report.Report{Files: []report.File{report.Resolve("a.txt", []byte(src), diags)}}
	}
	before := mk("Story Code : 1152650\nOne  two.\n\nThree  four.\n")
	after := mk("Story Code : 1152650\nA new first paragraph.\n\nOne  two.\n\nThree  four.\n")
	fb, fa := fingerprints(before), fingerprints(after)
	if len(fb) != 2 || !reflect.DeepEqual(fb, fa) {
		t.Errorf("fingerprints changed when lines moved: %v vs %v", fb, fa)
	}
	if fb[0] == fb[1] {
		t.Error("two matches share a fingerprint")
	}
	if after.Diagnostics()[0].Start.Line == before.Diagnostics()[0].Start.Line {
		t.Error("the test should move the lines")
	}
}

// xmllint validates against an XSD when it is installed (Debian:
// libxml2-utils; CI installs it).
func xmllint(t *testing.T, xsd string, doc []byte) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not found (apt-get install libxml2-utils): XSD validation skipped")
	}
	file := filepath.Join(t.TempDir(), "report.xml")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--noout", "--nonet", "--schema", filepath.Join(schemaDir, xsd), file).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint rejects the report against %s: %v\n%s\n%s", xsd, err, out, doc)
	}
}

func TestCheckstyleXML(t *testing.T) {
	r := testReport(t)
	out := render(t, "checkstyle", r, testOptions(false))
	var doc checkstyleReport
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var got []checkstyleError
	for _, f := range doc.Files {
		got = append(got, f.Errors...)
	}
	all := r.Diagnostics()
	if len(got) != len(all) {
		t.Fatalf("%d errors, want %d", len(got), len(all))
	}
	for i, e := range got {
		if e.Message != xmlSafe(all[i].Message) || e.Source != all[i].Rule {
			t.Errorf("error %d: message %q source %q, want %q %q", i, e.Message, e.Source, xmlSafe(all[i].Message), all[i].Rule)
		}
	}
	xmllint(t, "checkstyle.xsd", out)
}

func TestJUnitXML(t *testing.T) {
	r := testReport(t)
	out := render(t, "junit", r, testOptions(false))
	var doc junitSuites
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	failures, errors, passes := 0, 0, 0
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			switch {
			case c.Failure != nil:
				failures++
			case c.Error != nil:
				errors++
			default:
				passes++
			}
		}
	}
	if failures != len(r.Diagnostics()) || errors != len(r.Errors) || passes != 1 ||
		doc.Failures != failures || doc.Errors != errors || doc.Tests != failures+errors+passes {
		t.Errorf("failures %d errors %d passes %d; totals %+v", failures, errors, passes, doc)
	}
	xmllint(t, "junit-jenkins-xunit-10.xsd", out)
}

// TestXMLHostileRoundTrip: whatever an article contains, the XML formats
// stay well-formed, and what XML can carry comes back unchanged.
func TestXMLHostileRoundTrip(t *testing.T) {
	text := hostile + " \u0085 \uffff \U0001F600 \t"
	safe := xmlSafe(text)
	for _, r := range safe {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff || (r >= 0x7f && r < 0xa0) {
			t.Errorf("xmlSafe left %U", r)
		}
	}
	if !utf8.ValidString(safe) || !strings.Contains(safe, `\xff`) || !strings.Contains(safe, `\x1b`) || !strings.Contains(safe, "]]>") {
		t.Errorf("xmlSafe(%q) = %q", text, safe)
	}
	src := "Title\n" + hostile + "\n"
	r := &report.Report{Files: []report.File{report.Resolve(hostile+".txt", []byte(src), []lint.Diagnostic{{
		Rule: "encoding/control-char", Severity: lint.Error, Message: text,
		Span: article.Span{Start: 6, End: 7}, Fix: lint.UnsafeFix(text, 6, 7, ""),
	}})}}
	for _, name := range []string{"checkstyle", "junit"} {
		out := render(t, name, r, testOptions(false))
		d := xml.NewDecoder(bytes.NewReader(out))
		var attrs []string
		for {
			tok, err := d.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Fatalf("%s: not well-formed: %v\n%s", name, err, out)
				}
				break
			}
			if se, ok := tok.(xml.StartElement); ok {
				for _, a := range se.Attr {
					attrs = append(attrs, a.Value)
				}
			}
		}
		found := false
		for _, a := range attrs {
			found = found || a == safe
		}
		if !found {
			t.Errorf("%s: the message does not round-trip; attributes %q", name, attrs)
		}
		if name == "checkstyle" {
			xmllint(t, "checkstyle.xsd", out)
		} else {
			xmllint(t, "junit-jenkins-xunit-10.xsd", out)
		}
	}
}

// parseWorkflowCommand reads a line the way the Actions runner does: it
// must start with "::", the command runs to the next "::", its name to the
// first space, properties are split at "," and "=", and the values are
// unescaped.
func parseWorkflowCommand(line string) (cmd string, props map[string]string, data string, ok bool) {
	if !strings.HasPrefix(line, "::") {
		return "", nil, "", false
	}
	end := strings.Index(line[2:], "::")
	if end < 0 {
		return "", nil, "", false
	}
	info, data := line[2:2+end], line[2+end+2:]
	cmd, rest, _ := strings.Cut(info, " ")
	props = map[string]string{}
	for _, p := range strings.Split(rest, ",") {
		k, v, _ := strings.Cut(p, "=")
		props[k] = strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%").Replace(v)
	}
	data = strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%").Replace(data)
	return cmd, props, data, true
}

func TestGitHubCommandsCannotBeInjected(t *testing.T) {
	r := testReport(t)
	// Put hostile text in the path and message of every diagnostic.
	for fi := range r.Files {
		for di := range r.Files[fi].Diagnostics {
			d := &r.Files[fi].Diagnostics[di]
			d.Path = "dir,x=1:" + hostile
			d.Message = hostile + "\n::warning::second"
		}
	}
	out := string(render(t, "github", r, testOptions(false)))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(r.Diagnostics()) {
		t.Fatalf("%d lines for %d diagnostics: article text made new lines", len(lines), len(r.Diagnostics()))
	}
	for i, line := range lines {
		cmd, props, data, ok := parseWorkflowCommand(line)
		d := r.Diagnostics()[i]
		if !ok || (cmd != "error" && cmd != "warning" && cmd != "notice") {
			t.Fatalf("line %d is not one annotation: %q", i+1, line)
		}
		want := []string{"col", "endColumn", "endLine", "file", "line", "title"}
		var got []string
		for k := range props {
			got = append(got, k)
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("line %d: properties %v, want %v", i+1, got, want)
		}
		if props["file"] != oneLine(d.Path) || props["title"] != d.Rule {
			t.Errorf("line %d: file %q title %q", i+1, props["file"], props["title"])
		}
		first, _, _ := strings.Cut(data, "\n")
		if first != oneLine(d.Message) || strings.ContainsAny(first, "\r\x1b") {
			t.Errorf("line %d: message %q, want %q", i+1, first, oneLine(d.Message))
		}
	}
}

func TestRDJSONL(t *testing.T) {
	r := testReport(t)
	out := render(t, "rdjsonl", r, testOptions(false))
	all := r.Diagnostics()
	sc := bufio.NewScanner(bytes.NewReader(out))
	i := 0
	for ; sc.Scan(); i++ {
		var d rdDiagnostic
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		want := all[i]
		if d.Severity != strings.ToUpper(want.Severity.String()) || d.Code.Value != want.Rule || d.Code.URL != RuleURL(want.Rule) {
			t.Errorf("line %d: severity %q code %+v", i+1, d.Severity, d.Code)
		}
		// Byte columns: the range picks the matched bytes out of the line.
		if want.Start.Line == want.End.Line {
			line := strings.Split(trickyOrOdd(want.Path), "\n")[want.Start.Line-1]
			got := line[d.Location.Range.Start.Column-1 : d.Location.Range.End.Column-1]
			if got != want.Snippet {
				t.Errorf("line %d: byte range selects %q, want %q", i+1, got, want.Snippet)
			}
		}
		if (want.Fix != nil) != (len(d.Suggestions) > 0) {
			t.Errorf("line %d: suggestions %+v for fix %+v", i+1, d.Suggestions, want.Fix)
		}
	}
	if sc.Err() != nil || i != len(all) {
		t.Errorf("read %d lines (%v), want %d", i, sc.Err(), len(all))
	}
}

func trickyOrOdd(path string) string {
	if strings.Contains(path, "tricky") {
		return trickyArticle
	}
	return " date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nThe ministry said the talks had ended.\n"
}

// TestRDJSONLLongLines: a huge message and fix still give lines that
// reviewdog's 64 KiB line reader takes, cut at character boundaries, and
// no half suggestion.
func TestRDJSONLLongLines(t *testing.T) {
	long := strings.Repeat("é\x1b", 50_000) // escapes to 7 bytes a pair in JSON
	src := "Title\n" + strings.Repeat("word ", 40_000) + "\n"
	r := &report.Report{Files: []report.File{report.Resolve("a.txt", []byte(src), []lint.Diagnostic{
		{Rule: "a/long-message", Message: long, Span: article.Span{Start: 6, End: 10}},
		{Rule: "a/long-fix", Message: "short", Span: article.Span{Start: 6, End: 10}, Fix: lint.SafeFix("x", 6, len(src)-1, long)},
	})}}
	out := render(t, "rdjsonl", r, testOptions(false))
	sc := bufio.NewScanner(bytes.NewReader(out)) // default buffer: 64 KiB, as reviewdog
	n := 0
	for ; sc.Scan(); n++ {
		if len(sc.Bytes())+1 > rdjsonMaxLine {
			t.Errorf("line %d is %d bytes", n+1, len(sc.Bytes()))
		}
		var d rdDiagnostic
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(d.Message) || strings.ContainsRune(d.Message, utf8.RuneError) {
			t.Errorf("line %d: message cut inside a character", n+1)
		}
		if len(d.Suggestions) > 0 {
			t.Errorf("line %d: a suggestion too long to fit was kept", n+1)
		}
	}
	if sc.Err() != nil || n != 2 {
		t.Errorf("read %d lines: %v", n, sc.Err())
	}
}

func TestGitLab(t *testing.T) {
	r := testReport(t)
	var issues []map[string]any
	if err := json.Unmarshal(render(t, "gitlab", r, testOptions(false)), &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != len(r.Diagnostics()) {
		t.Fatalf("%d issues, want %d", len(issues), len(r.Diagnostics()))
	}
	seen := map[any]bool{}
	severities := map[any]bool{"info": true, "minor": true, "major": true, "critical": true, "blocker": true}
	for i, is := range issues {
		d := r.Diagnostics()[i]
		loc, _ := is["location"].(map[string]any)
		lines, _ := loc["lines"].(map[string]any)
		if is["description"] != strings.ToValidUTF8(d.Message, "\uFFFD") || is["check_name"] != d.Rule ||
			!severities[is["severity"]] || loc["path"] != d.Path || lines["begin"] != float64(d.Start.Line) {
			t.Errorf("issue %d: %v", i, is)
		}
		if fp, _ := is["fingerprint"].(string); fp == "" || seen[fp] {
			t.Errorf("issue %d: fingerprint %q missing or repeated", i, fp)
		}
		seen[is["fingerprint"]] = true
	}
}

func TestStatisticsOrder(t *testing.T) {
	var diags []report.Diagnostic
	add := func(rule string, n, fixable int, sev lint.Severity) {
		for i := 0; i < n; i++ {
			d := report.Diagnostic{Rule: rule, Severity: sev}
			if i < fixable {
				d.Fix = &report.Fix{}
			}
			diags = append(diags, d)
		}
	}
	add("space/tab", 1, 1, lint.Warning)
	add("quote/straight", 3, 2, lint.Info)
	add("layout/final-newline", 3, 3, lint.Warning)
	r := &report.Report{Files: []report.File{{Path: "a", Diagnostics: diags}}}
	want := "count  fixable  severity  rule\n" +
		"    3        3  warning   layout/final-newline\n" +
		"    3        2  info      quote/straight\n" +
		"    1        1  warning   space/tab\n" +
		"    7        6            total\n"
	if got := string(render(t, "statistics", r, Options{})); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestTerminalOutputIsSanitised: the human formats never send a control
// character from an article to the terminal; with colour on, the only
// escape sequences are the SGR colour codes the formatter writes.
func TestTerminalOutputIsSanitised(t *testing.T) {
	r := testReport(t)
	for _, name := range []string{"full", "concise", "statistics"} {
		for _, c := range []bool{false, true} {
			out := string(render(t, name, r, testOptions(c)))
			if c {
				out = stripSGR(out)
			}
			for _, ch := range out {
				if (ch < 0x20 && ch != '\n') || (ch >= 0x7f && ch < 0xa0) || ch == '\u202e' || ch == utf8.RuneError {
					t.Errorf("%s (color %v) prints %U raw", name, c, ch)
				}
			}
		}
	}
}

// stripSGR removes "ESC [ digits;... m" sequences.
func stripSGR(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
