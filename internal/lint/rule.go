// Package lint is corpuslint's engine: rules, diagnostics, fixes, and the
// code that runs rules over a parsed article and applies their edits. It
// never prints; the formatters do that.
package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/corpuslint/corpuslint/internal/article"
)

// Severity orders how bad a problem is.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// FixAvailability declares whether a rule's diagnostics come with fixes.
type FixAvailability int

const (
	FixNever FixAvailability = iota
	FixSometimes
	FixAlways
)

func (f FixAvailability) String() string {
	return [...]string{"never", "sometimes", "always"}[f]
}

// Answer answers "Fixable?" in rule listings and docs: no, sometimes, yes.
func (f FixAvailability) Answer() string {
	return [...]string{"no", "sometimes", "yes"}[f]
}

// Rule is one check. Rules are values registered in a Registry; a rule
// reports through its Pass and never prints.
type Rule struct {
	// ID is stable and has the form family/name, e.g. "dateline/weekday".
	ID string
	// Severity is the default severity.
	Severity Severity
	// Summary is one line for listings.
	Summary string
	// Doc is the rule's documentation, as `corpuslint explain ID` prints it:
	// what it checks, why, a bad and a good example, and how it is fixed.
	Doc string
	// Fix says whether diagnostics carry fixes.
	Fix FixAvailability
	// Disabled rules run only when selected by ID or enabled in the config.
	Disabled bool
	// Options, if not nil, is a pointer to a struct holding the rule's
	// default options; its fields carry yaml tags (the option names) and a
	// doc tag. The configured copy reaches Run as Pass.Options.
	Options any
	// Run checks one document. A rule has either Run or Corpus.
	Run func(p *Pass)
	// Corpus, instead of Run, makes a corpus rule: it runs once, after every
	// file has been checked, over the compact facts of all the files (see
	// internal/facts), and reports against any of them.
	Corpus func(p *CorpusPass)
}

// IsCorpus reports whether the rule checks the corpus as a whole.
func (r *Rule) IsCorpus() bool { return r.Corpus != nil }

// Family is the part of the ID before the slash.
func (r *Rule) Family() string {
	f, _, _ := strings.Cut(r.ID, "/")
	return f
}

// Registry holds the known rules, keyed by ID.
type Registry struct {
	rules map[string]*Rule
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{rules: map[string]*Rule{}} }

// Add registers a rule. It panics on a malformed or duplicate ID: both are
// programming errors caught by the first test run.
func (r *Registry) Add(rule *Rule) {
	fam, name, ok := strings.Cut(rule.ID, "/")
	if !ok || fam == "" || name == "" || strings.Contains(name, "/") {
		panic(fmt.Sprintf("rule ID %q is not of the form family/name", rule.ID))
	}
	if _, dup := r.rules[rule.ID]; dup {
		panic(fmt.Sprintf("rule %q registered twice", rule.ID))
	}
	if (rule.Run == nil) == (rule.Corpus == nil) {
		panic(fmt.Sprintf("rule %q must have exactly one of Run and Corpus", rule.ID))
	}
	r.rules[rule.ID] = rule
}

// Get returns the rule with the ID, or nil.
func (r *Registry) Get(id string) *Rule { return r.rules[id] }

// All returns every rule, sorted by ID.
func (r *Registry) All() []*Rule {
	out := make([]*Rule, 0, len(r.rules))
	for _, rule := range r.rules {
		out = append(out, rule)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Families returns the sorted family names.
func (r *Registry) Families() []string {
	seen := map[string]bool{}
	var out []string
	for _, rule := range r.rules {
		if f := rule.Family(); !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// Match returns the rules that a selector names: a rule ID, a family name,
// or "ALL". ok is false when it names nothing.
func (r *Registry) Match(selector string) (rules []*Rule, ok bool) {
	if selector == "ALL" {
		return r.All(), true
	}
	if rule := r.rules[selector]; rule != nil {
		return []*Rule{rule}, true
	}
	for _, rule := range r.All() {
		if rule.Family() == selector {
			rules = append(rules, rule)
		}
	}
	return rules, len(rules) > 0
}

// Pass is what a rule sees while checking one document.
type Pass struct {
	Doc  *article.Doc
	Rule *Rule
	// Options is the configured copy of Rule.Options (nil if none).
	Options  any
	severity Severity
	diags    []Diagnostic
	// dropped counts the diagnostics past MaxPerRule; firstDropped is where
	// the first of them was.
	dropped      int
	firstDropped article.Span
}

// MaxPerRule caps the diagnostics one rule reports on one file. Past it, a
// single note says how many more there are: a 100 MB file with a word
// repeated on every line must not cost a diagnostic (and its memory) per
// line. With --fix, the rest are fixed by later passes or runs.
const MaxPerRule = 1000

// Report records a diagnostic. Rule and severity are filled in when left
// empty.
func (p *Pass) Report(d Diagnostic) {
	if p.full(d.Span) {
		return
	}
	if d.Rule == "" {
		d.Rule = p.Rule.ID
	}
	d.Severity = p.severity
	p.diags = append(p.diags, d)
}

// Reportf reports a message at a span, with an optional fix.
func (p *Pass) Reportf(span article.Span, fix *Fix, format string, args ...any) {
	if p.full(span) {
		return // don't format a message that will not be shown
	}
	p.Report(Diagnostic{Span: span, Message: fmt.Sprintf(format, args...), Fix: fix})
}

// full reports whether the pass has reached MaxPerRule, counting the
// diagnostic at span as dropped if so.
func (p *Pass) full(span article.Span) bool {
	if len(p.diags) < MaxPerRule {
		return false
	}
	if p.dropped == 0 {
		p.firstDropped = span
	}
	p.dropped++
	return true
}
