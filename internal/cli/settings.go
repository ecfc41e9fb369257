package cli

import (
	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/runner"
)

// Selection is what the command line says about which rules run and how.
// The configuration loader merges it over each file's configuration, the
// flags winning.
type Selection struct {
	Select, Ignore []string
}

// SettingsLoader turns the registry and the command line's selection into
// the per-file settings resolver the runner calls. It fails on a bad
// selection or configuration (exit status 2, before any file is read).
type SettingsLoader func(reg *lint.Registry, sel Selection) (runner.SettingsFor, error)

// DefaultSettings checks every file with the embedded defaults and the
// selection. The configuration package's loader replaces it (App.Settings)
// to find each file's .corpuslint.yaml.
func DefaultSettings(reg *lint.Registry, sel Selection) (runner.SettingsFor, error) {
	s, err := config.Defaults(reg, sel.Select, sel.Ignore)
	if err != nil {
		return nil, err
	}
	return runner.Fixed(s), nil
}
