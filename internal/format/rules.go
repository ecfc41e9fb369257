package format

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

// Where the project and its rule documentation live. The URLs are part of
// the output (SARIF helpUri, rdjson code.url), so they must stay stable.
const (
	informationURI = "https://github.com/corpuslint/corpuslint"
	rulesDocURL    = informationURI + "/blob/main/docs/rules.md"
	toolName       = "corpuslint"
)

// RuleAnchor is the fragment that names a rule in docs/rules.md:
// "layout/final-newline" becomes "layout-final-newline". Whatever writes
// that page must give each rule this anchor.
func RuleAnchor(id string) string { return strings.ReplaceAll(id, "/", "-") }

// RuleURL is the stable documentation address of a rule.
func RuleURL(id string) string { return rulesDocURL + "#" + RuleAnchor(id) }

// lookupRule returns the rule's metadata, or nil when the registry is
// absent or does not know it (a report read back from elsewhere).
func lookupRule(opt Options, id string) *lint.Rule {
	if opt.Rules == nil {
		return nil
	}
	return opt.Rules.Get(id)
}

// firedRules lists the distinct rule IDs of the report's diagnostics, sorted.
func firedRules(r *report.Report) []string {
	seen := map[string]bool{}
	var ids []string
	for _, f := range r.Files {
		for _, d := range f.Diagnostics {
			if !seen[d.Rule] {
				seen[d.Rule] = true
				ids = append(ids, d.Rule)
			}
		}
	}
	sort.Strings(ids)
	return ids
}

// Fingerprints returns the fingerprint of every diagnostic of the report,
// in Diagnostics order: the identities SARIF's partialFingerprints, GitLab's
// fingerprint and the baseline file share.
func Fingerprints(r *report.Report) []string { return fingerprints(r) }

// fingerprints gives every diagnostic of the report (in Diagnostics order)
// an identity that survives lines moving: a hash of the rule, the path,
// the normalised matched text (the source line when the span is empty) and
// how many identical matches came before it in the same file. Editing
// other parts of the article leaves it unchanged.
func fingerprints(r *report.Report) []string {
	var out []string
	for _, f := range r.Files {
		seen := map[string]int{}
		for _, d := range f.Diagnostics {
			text := normaliseMatch(d.Snippet)
			if text == "" {
				text = "line:" + normaliseMatch(d.Source)
			}
			key := d.Rule + "\x00" + d.Path + "\x00" + text
			n := seen[key]
			seen[key] = n + 1
			sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
			out = append(out, hex.EncodeToString(sum[:16]))
		}
	}
	return out
}

// normaliseMatch collapses runs of white space to one space and trims, so
// that re-wrapping a paragraph does not change a fingerprint.
func normaliseMatch(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// fixMarker is the fixtures' marker: [*] for a safe fix, [!] for an unsafe one.
func fixMarker(f *report.Fix) string {
	switch {
	case f == nil:
		return ""
	case f.Safety == lint.Safe:
		return "[*]"
	default:
		return "[!]"
	}
}
