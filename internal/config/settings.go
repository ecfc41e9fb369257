// Package config turns configuration (the embedded defaults, .corpuslint.yaml
// files and command-line flags) into the settings one file is checked with.
// The keys are documented in docs/configuration.md; default.yaml holds the
// defaults.
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
	// Config is the configuration the settings came from.
	Config *Config
}

// Defaults returns the embedded default settings with the given rule
// selection (--select / --ignore).
func Defaults(reg *lint.Registry, selectors, ignores []string) (*Settings, error) {
	c := Default(reg)
	rules, err := c.Rules(selectors, ignores)
	if err != nil {
		return nil, err
	}
	return &Settings{Layout: c.Layout, Rules: rules, Config: c}, nil
}
