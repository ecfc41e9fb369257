// Package config turns configuration (defaults, .corpuslint.yaml files and
// command-line flags) into the settings one file is checked with.
package config

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// Settings is everything needed to check one file.
type Settings struct {
	// Layout is the compiled article layout.
	Layout *article.Layout
	// Rules are the rules to run, with their configured severity and options.
	Rules []lint.Configured
	// Source names where the settings came from: a config file's path, or
	// "" for the embedded defaults.
	Source string
}

// Defaults returns the embedded default settings with the given rule
// selection (--select / --ignore).
func Defaults(reg *lint.Registry, selectors, ignores []string) (*Settings, error) {
	rules, err := reg.Select(selectors, ignores)
	if err != nil {
		return nil, err
	}
	s := &Settings{Layout: article.DefaultLayout()}
	for _, r := range rules {
		s.Rules = append(s.Rules, lint.Default(r))
	}
	return s, nil
}
