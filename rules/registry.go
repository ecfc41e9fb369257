// Package rules holds corpuslint's rules, one per file. Each file declares
// its rule as a value and registers it; the registry is that list of values.
//
// A rule's Doc is what `corpuslint explain ID` prints. It follows one shape:
// a paragraph saying what the rule checks and why, then "Bad:" and "Good:"
// example lines, then "Fix:" saying what the fix does and how safe it is.
// Fixtures for rule family/name live in fixtures/rules/family/name/.
package rules

import "github.com/corpuslint/corpuslint/internal/lint"

var registry = lint.NewRegistry()

// register adds a rule; each rule file calls it from init.
func register(r *lint.Rule) *lint.Rule {
	registry.Add(r)
	return r
}

// Registry returns the registry of every built-in rule.
func Registry() *lint.Registry { return registry }
