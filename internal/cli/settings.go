package cli

import (
	"os"
	"path/filepath"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/runner"
)

// Selection is what the command line says about configuration and which
// rules run. The configuration loader merges it over each file's
// configuration, the flags winning.
type Selection struct {
	Select, Ignore []string
	// ConfigFile (--config) is used for every file instead of discovery.
	ConfigFile string
	// Isolated (--isolated) ignores configuration files.
	Isolated bool
	// Paths are the PATH arguments, whose configurations are loaded (and so
	// checked) before any file is read.
	Paths []string
}

// SettingsLoader turns the registry and the command line's selection into
// the per-file settings resolver and the walk filter the runner calls. It
// fails on a bad selection or configuration (exit status 2, before any file
// is read).
type SettingsLoader func(reg *lint.Registry, sel Selection) (runner.SettingsFor, runner.Filter, error)

// DefaultSettings checks every file with the embedded defaults and the
// selection, reading no configuration file.
func DefaultSettings(reg *lint.Registry, sel Selection) (runner.SettingsFor, runner.Filter, error) {
	s, err := config.Defaults(reg, sel.Select, sel.Ignore)
	if err != nil {
		return nil, nil, err
	}
	return runner.Fixed(s), nil, nil
}

// ConfigSettings finds each file's nearest .corpuslint.yaml (or uses
// --config, or none with --isolated). The configurations that apply to the
// PATH arguments are loaded up front so that a broken one stops the run
// before anything is checked; ones found deeper in a walk are reported
// against the files they apply to.
func ConfigSettings(reg *lint.Registry, sel Selection) (runner.SettingsFor, runner.Filter, error) {
	l := &config.Loader{Registry: reg, ConfigFile: sel.ConfigFile, Isolated: sel.Isolated, Select: sel.Select, Ignore: sel.Ignore}
	for _, p := range sel.Paths {
		if p == runner.StdinPath {
			p = "."
		}
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			// A folder is configured by the file inside it, if any.
			p = filepath.Join(p, "x")
		}
		if _, err := l.ForFile(p); err != nil {
			return nil, nil, err
		}
	}
	if len(sel.Paths) == 0 {
		if _, err := l.ForFile("."); err != nil {
			return nil, nil, err
		}
	}
	return l.ForFile, l, nil
}
