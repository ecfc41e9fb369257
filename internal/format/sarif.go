package format

import (
	"io"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

// sarif writes a SARIF 2.1.0 log (OASIS Standard with Errata 01) for code
// scanning and other SARIF readers:
//   - tool.driver.rules describes every rule that fired, in ID order, and
//     each result points at its rule by ruleId and ruleIndex;
//   - columns count code points (run.columnKind "unicodeCodePoints");
//     regions also carry byte offsets, which are unambiguous;
//   - paths are relative URIs against the uriBaseId SRCROOT: the repository
//     root when the caller knows it (Options.Root), else the directory
//     corpuslint ran in; paths outside it become file: URIs;
//   - partialFingerprints["corpuslintMatch/v1"] identifies a problem by
//     rule, path and matched text, so it survives lines moving;
//   - every replacement carries insertedContent, "" for a deletion
//     (reviewdog crashes on a replacement without it).
func init() { register("sarif", writeSARIF) }

const (
	sarifSchemaURI  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifURIBaseID  = "SRCROOT"
	fingerprintName = "corpuslintMatch/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifText       `json:"help"`
	HelpURI              string          `json:"helpUri"`
	DefaultConfiguration sarifConfig     `json:"defaultConfiguration"`
	Properties           sarifRuleExtras `json:"properties"`
}

type sarifRuleExtras struct {
	Tags []string `json:"tags"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn"`
	EndLine     int        `json:"endLine"`
	EndColumn   int        `json:"endColumn"`
	ByteOffset  int        `json:"byteOffset"`
	ByteLength  int        `json:"byteLength"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

type sarifFix struct {
	Description     sarifText           `json:"description"`
	ArtifactChanges []sarifChange       `json:"artifactChanges"`
	Properties      sarifFixSafetyExtra `json:"properties"`
}

type sarifFixSafetyExtra struct {
	Safety string `json:"safety"`
}

type sarifChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent sarifInserted `json:"insertedContent"`
}

type sarifInserted struct {
	Text string `json:"text"`
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

func writeSARIF(w io.Writer, r *report.Report, opt Options) error {
	ids := firedRules(r)
	seen := map[string]lint.Severity{} // for rules the registry does not know
	for _, d := range r.Diagnostics() {
		seen[d.Rule] = max(seen[d.Rule], d.Severity)
	}
	index := map[string]int{}
	rules := make([]sarifRule, 0, len(ids))
	for i, id := range ids {
		index[id] = i
		rules = append(rules, sarifRuleFor(id, lookupRule(opt, id), seen[id]))
	}

	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0}
	for _, e := range r.Errors {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifText{Text: e}})
	}

	results := []sarifResult{}
	prints := fingerprints(r)
	for i, d := range r.Diagnostics() {
		loc := artifactLocation(opt, d.Path)
		res := sarifResult{
			RuleID: d.Rule, RuleIndex: index[d.Rule], Level: sarifLevel(d.Severity),
			Message: sarifText{Text: d.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: loc, Region: region(d.Start, d.End),
			}}},
			PartialFingerprints: map[string]string{fingerprintName: prints[i]},
		}
		if d.Snippet != "" && len(d.Snippet) == d.End.Offset-d.Start.Offset {
			res.Locations[0].PhysicalLocation.Region.Snippet = &sarifText{Text: d.Snippet}
		}
		if d.Fix != nil && len(d.Fix.Edits) > 0 {
			change := sarifChange{ArtifactLocation: loc}
			for _, e := range d.Fix.Edits {
				change.Replacements = append(change.Replacements, sarifReplacement{
					DeletedRegion: region(e.Start, e.End), InsertedContent: sarifInserted{Text: e.Text},
				})
			}
			res.Fixes = []sarifFix{{
				Description:     sarifText{Text: d.Fix.Description},
				ArtifactChanges: []sarifChange{change},
				Properties:      sarifFixSafetyExtra{Safety: d.Fix.Safety.String()},
			}}
		}
		results = append(results, res)
	}

	log := sarifLog{
		Schema: sarifSchemaURI, Version: "2.1.0",
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name: toolName, Version: opt.Version, InformationURI: informationURI, Rules: rules,
			}},
			Invocations: []sarifInvocation{inv},
			ColumnKind:  "unicodeCodePoints",
			Results:     results,
		}},
	}
	enc := newJSONEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

func region(start, end report.Position) sarifRegion {
	return sarifRegion{
		StartLine: start.Line, StartColumn: start.Column, EndLine: end.Line, EndColumn: end.Column,
		ByteOffset: start.Offset, ByteLength: end.Offset - start.Offset,
	}
}

// artifactLocation turns a path as given on the command line into a URI
// reference: relative paths against SRCROOT, absolute ones as file: URIs.
// url.URL escapes what needs escaping (spaces, %, #, ?), and prefixes "./"
// when a first segment with a colon would read as a scheme.
func artifactLocation(opt Options, p string) sarifArtifactLocation {
	if rel, inside := opt.RootRelative(p); inside {
		p = rel
	} else if opt.Root != "" && !filepath.IsAbs(p) {
		p = filepath.Join(opt.WorkDir, p)
	}
	slashed := filepath.ToSlash(p)
	if filepath.IsAbs(p) || strings.HasPrefix(slashed, "/") {
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: path.Clean(slashed)}).String()}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: path.Clean(slashed)}).String(), URIBaseID: sarifURIBaseID}
}

// sarifRuleFor describes a rule. Without metadata (no registry, or a rule
// it does not know) the ID stands in for the descriptions and the severity
// seen in the report for the default level.
func sarifRuleFor(id string, rule *lint.Rule, seen lint.Severity) sarifRule {
	family, _, _ := strings.Cut(id, "/")
	out := sarifRule{
		ID: id, Name: pascalCase(id), HelpURI: RuleURL(id),
		ShortDescription:     sarifText{Text: id},
		FullDescription:      sarifText{Text: id},
		Help:                 sarifText{Text: "See " + RuleURL(id), Markdown: "See [the documentation](" + RuleURL(id) + ")."},
		DefaultConfiguration: sarifConfig{Level: sarifLevel(seen)},
		Properties:           sarifRuleExtras{Tags: []string{family}},
	}
	if rule == nil {
		return out
	}
	out.DefaultConfiguration.Level = sarifLevel(rule.Severity)
	if rule.Summary != "" {
		out.ShortDescription.Text = rule.Summary
		out.FullDescription.Text = rule.Summary
	}
	if doc := strings.TrimSpace(rule.Doc); doc != "" {
		first, _, _ := strings.Cut(doc, "\n\n")
		out.FullDescription.Text = strings.Join(strings.Fields(first), " ")
		out.Help = sarifText{Text: doc, Markdown: docMarkdown(doc, id)}
	}
	return out
}

// docMarkdown renders a rule doc as Markdown: prose paragraphs as they
// are (Markdown rewraps them), and paragraphs of examples, whose lines
// start with "Bad:" or "Good:", as code blocks so that their spacing shows.
func docMarkdown(doc, id string) string {
	var b strings.Builder
	for i, para := range strings.Split(doc, "\n\n") {
		if i > 0 {
			b.WriteString("\n\n")
		}
		para = strings.Trim(para, "\n")
		if strings.HasPrefix(para, "Bad:") || strings.HasPrefix(para, "Good:") {
			fence := "```"
			for strings.Contains(para, fence) {
				fence += "`"
			}
			b.WriteString(fence + "text\n" + para + "\n" + fence)
			continue
		}
		b.WriteString(para)
	}
	b.WriteString("\n\n[Documentation of " + id + "](" + RuleURL(id) + ")")
	return b.String()
}

// pascalCase makes a SARIF rule name from an ID: "layout/final-newline"
// becomes "LayoutFinalNewline".
func pascalCase(id string) string {
	var b strings.Builder
	upper := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			upper = true
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
