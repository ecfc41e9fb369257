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
	c := checker{
		// One Pass serves every rule in turn (rules do not keep it), so
		// that a file costs one allocation here rather than one per rule.
		pass:  &Pass{Doc: doc},
		rules: rules,
	}
	for next := 0; next < len(rules); {
		next = c.runFrom(next)
	}
	SortDiagnostics(c.diags)
	return c.diags, c.errs
}

// checker holds one Check's state.
type checker struct {
	pass  *Pass
	rules []Configured
	diags []Diagnostic
	errs  []*RuleError
}

// runFrom runs the rules from index i on, and returns the index of the
// rule to run next: len(rules) when done, or the one after a rule that
// panicked (whose diagnostics are dropped and whose panic becomes a
// RuleError). One deferred recover thus serves all the rules of a file
// rather than one each.
func (c *checker) runFrom(i int) (next int) {
	pass := c.pass
	defer func() {
		if v := recover(); v != nil {
			c.errs = append(c.errs, &RuleError{Rule: pass.Rule.ID, Path: pass.Doc.Path, Value: v, Stack: string(debug.Stack())})
			next = i + 1
		}
	}()
	for ; i < len(c.rules); i++ {
		r := &c.rules[i]
		if r.Rule.Run == nil {
			continue // a corpus rule: it runs in RunCorpus
		}
		pass.Rule, pass.Options, pass.severity, pass.diags = r.Rule, r.Options, r.Severity, pass.diags[:0]
		pass.dropped, pass.firstDropped = 0, article.Span{} // counted per rule
		pass.Rule.Run(pass)
		if len(pass.diags) > 0 || pass.dropped > 0 { // most rules find nothing in most files
			c.collect(r)
		}
	}
	return len(c.rules)
}

// collect takes the diagnostics of the rule that just ran, dropping fixes
// that are not valid edits of the file.
func (c *checker) collect(r *Configured) {
	pass := c.pass
	for _, d := range pass.diags {
		if d.Fix != nil {
			if err := d.Fix.Validate(len(pass.Doc.Src)); err != nil {
				c.errs = append(c.errs, &RuleError{Rule: r.Rule.ID, Path: pass.Doc.Path, Value: "invalid fix: " + err.Error()})
				d.Fix = nil
			}
		}
		c.diags = append(c.diags, d)
	}
	if pass.dropped > 0 {
		c.diags = append(c.diags, Diagnostic{Rule: r.Rule.ID, Severity: r.Severity, Span: pass.firstDropped,
			Message: fmt.Sprintf("%d more problems of this rule in this file are not shown (at most %d are reported per rule and file)", pass.dropped, MaxPerRule)})
	}
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
