package lint

import (
	"cmp"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/corpuslint/corpuslint/internal/article"
)

// Configured is a rule as one run uses it: its severity and options after
// configuration.
type Configured struct {
	Rule     *Rule
	Severity Severity
	Options  any
}

// Default returns the rule configured with its defaults.
func Default(r *Rule) Configured {
	return Configured{Rule: r, Severity: r.Severity, Options: r.Options}
}

// RuleError is a rule that panicked on a file. The run goes on; the error
// is reported as an internal error naming the rule and the file.
type RuleError struct {
	Rule  string
	Path  string
	Value any
	Stack string
}

func (e *RuleError) Error() string {
	return fmt.Sprintf("%s: internal error in rule %s: %v", e.Path, e.Rule, e.Value)
}

// Check runs the rules over one document and returns its diagnostics in
// position order, and an error for each rule that panicked.
func Check(doc *article.Doc, rules []Configured) ([]Diagnostic, []*RuleError) {
	var diags []Diagnostic
	var errs []*RuleError
	// One Pass serves every rule in turn (rules do not keep it), so that a
	// file costs one allocation here rather than one per rule.
	pass := &Pass{Doc: doc}
	for _, c := range rules {
		if c.Rule.Run == nil {
			continue // a corpus rule: it runs in RunCorpus
		}
		pass.Rule, pass.Options, pass.severity, pass.diags = c.Rule, c.Options, c.Severity, pass.diags[:0]
		if err := runOne(pass); err != nil {
			errs = append(errs, err)
			continue
		}
		for _, d := range pass.diags {
			if d.Fix != nil {
				if err := d.Fix.Validate(len(doc.Src)); err != nil {
					errs = append(errs, &RuleError{Rule: c.Rule.ID, Path: doc.Path, Value: "invalid fix: " + err.Error()})
					d.Fix = nil
				}
			}
			diags = append(diags, d)
		}
		if pass.dropped > 0 {
			diags = append(diags, Diagnostic{Rule: c.Rule.ID, Severity: c.Severity, Span: pass.firstDropped,
				Message: fmt.Sprintf("%d more problems of this rule in this file are not shown (at most %d are reported per rule and file)", pass.dropped, MaxPerRule)})
		}
	}
	SortDiagnostics(diags)
	return diags, errs
}

func runOne(pass *Pass) (rerr *RuleError) {
	defer func() {
		if v := recover(); v != nil {
			rerr = &RuleError{Rule: pass.Rule.ID, Path: pass.Doc.Path, Value: v, Stack: string(debug.Stack())}
		}
	}()
	pass.Rule.Run(pass)
	return nil
}

// SortDiagnostics orders diagnostics by position, then rule, then end,
// then message; diagnostics equal in all four keep their order.
func SortDiagnostics(diags []Diagnostic) {
	slices.SortStableFunc(diags, func(a, b Diagnostic) int {
		if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
			return c
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Span.End, b.Span.End); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
}
