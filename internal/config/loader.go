package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/corpuslint/corpuslint/internal/lint"
)

// Loader finds and loads the configuration for each checked file. It is
// safe for concurrent use by the runner's workers; every folder costs one
// lookup and every configuration file is parsed once, so checking 100,000
// files in a few folders costs a few lookups.
type Loader struct {
	// Registry holds the built-in rules.
	Registry *lint.Registry
	// ConfigFile, if set, is used for every file instead of discovery
	// (--config). Its globs are relative to its own folder.
	ConfigFile string
	// Isolated ignores configuration files: the embedded defaults apply
	// (--isolated).
	Isolated bool
	// Select, if not empty, replaces the configuration's select; Ignore is
	// added to its ignore (--select, --ignore).
	Select, Ignore []string

	once     sync.Once
	mu       sync.Mutex
	dirs     map[string]*loaded        // folder → the configuration that applies there
	given    map[string]*loaded        // folder as the caller spelt it → the same (saves filepath.Abs, a getwd, per file)
	files    map[string]*loaded        // configuration file → its parsed form
	settings map[settingsKey]*Settings // shared settings per configuration and per-file ignores
	def      *loaded
	git      *gitignores
}

type loaded struct {
	cfg   *Config
	err   error
	rules []lint.Configured // selected, before per-file ignores
}

type settingsKey struct {
	cfg     *Config
	ignored string // the per-file-ignore globs that matched, joined
}

func (l *Loader) init() {
	l.once.Do(func() {
		l.dirs = map[string]*loaded{}
		l.given = map[string]*loaded{}
		l.files = map[string]*loaded{}
		l.settings = map[settingsKey]*Settings{}
		l.git = newGitignores()
	})
}

// Config returns the configuration that applies to path (a file), or the
// error that loading it gave.
func (l *Loader) Config(path string) (*Config, error) {
	ld := l.forPath(path)
	return ld.cfg, ld.err
}

// folderAsSpelled is path up to its last separator: the key of forPath's
// cache, cheaper than filepath.Dir, which cleans the result, for each of a
// hundred thousand files. Two spellings of one folder are two keys that
// resolve alike.
func folderAsSpelled(path string) string {
	i := len(path) - 1
	for i >= 0 && !os.IsPathSeparator(path[i]) {
		i--
	}
	if i < 0 {
		return filepath.VolumeName(path) // "C:" of "C:x.txt", which is not in "."
	}
	return path[:i+1]
}

func (l *Loader) forPath(path string) *loaded {
	l.init()
	// Files of one folder share the answer: look it up by the folder as
	// given before paying for filepath.Abs. The working directory does not
	// change during a run, so the spelling maps to one absolute folder.
	given := folderAsSpelled(path)
	l.mu.Lock()
	defer l.mu.Unlock()
	if ld, ok := l.given[given]; ok {
		return ld
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return &loaded{err: err}
	}
	var ld *loaded
	switch {
	case l.Isolated:
		ld = l.defaultLocked()
	case l.ConfigFile != "":
		ld = l.fileLocked(l.ConfigFile)
	default:
		ld = l.dirLocked(filepath.Dir(abs))
	}
	l.given[given] = ld
	return ld
}

// dirLocked returns the configuration for a folder: its own
// .corpuslint.yaml, or its parent's.
func (l *Loader) dirLocked(dir string) *loaded {
	if ld, ok := l.dirs[dir]; ok {
		return ld
	}
	var ld *loaded
	candidate := filepath.Join(dir, FileName)
	if fi, err := os.Stat(candidate); err == nil && !fi.IsDir() {
		ld = l.fileLocked(candidate)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		ld = &loaded{err: Errors{{File: candidate, Msg: err.Error()}}}
	} else if parent := filepath.Dir(dir); parent != dir {
		ld = l.dirLocked(parent)
	} else {
		ld = l.defaultLocked()
	}
	l.dirs[dir] = ld
	return ld
}

func (l *Loader) fileLocked(path string) *loaded {
	abs, err := filepath.Abs(path)
	if err != nil {
		return &loaded{err: err}
	}
	if ld, ok := l.files[abs]; ok {
		return ld
	}
	ld := &loaded{}
	ld.cfg, ld.err = Load(abs, l.Registry)
	if ld.err == nil {
		ld.rules, ld.err = ld.cfg.Rules(l.Select, l.Ignore)
	}
	l.files[abs] = ld
	return ld
}

func (l *Loader) defaultLocked() *loaded {
	if l.def == nil {
		l.def = &loaded{cfg: Default(l.Registry)}
		l.def.rules, l.def.err = l.def.cfg.Rules(l.Select, l.Ignore)
	}
	return l.def
}

// ForFile returns the settings to check path with. Files that share a
// configuration and match the same per_file_ignores share one *Settings;
// callers must not modify it.
func (l *Loader) ForFile(path string) (*Settings, error) {
	ld := l.forPath(path)
	if ld.err != nil {
		return nil, ld.err
	}
	c := ld.cfg
	var matched []int
	if len(c.PerFileIgnores) > 0 {
		rel := c.rel(path)
		for i, p := range c.PerFileIgnores {
			if ok, _ := doublestar.Match(p.Glob, rel); ok {
				matched = append(matched, i)
			}
		}
	}
	key := settingsKey{cfg: c, ignored: joinInts(matched)}
	l.mu.Lock()
	defer l.mu.Unlock()
	if s := l.settings[key]; s != nil {
		return s, nil
	}
	rules := ld.rules
	if len(matched) > 0 {
		off := map[string]bool{}
		for _, i := range matched {
			for _, sel := range c.PerFileIgnores[i].Rules {
				rs, _ := c.Registry.Match(sel) // checked at load
				for _, r := range rs {
					off[r.ID] = true
				}
			}
		}
		rules = nil
		for _, r := range ld.rules {
			if !off[r.Rule.ID] {
				rules = append(rules, r)
			}
		}
	}
	s := &Settings{Layout: c.Layout, Rules: rules, Source: c.Path, Config: c}
	l.settings[key] = s
	return s, nil
}

func joinInts(v []int) string {
	var b strings.Builder
	for _, i := range v {
		b.WriteByte(byte(i>>8) + 1)
		b.WriteByte(byte(i) + 1)
	}
	return b.String()
}

// Included reports whether path, a file found by walking a folder, is to
// be checked: it matches an include glob and no exclude glob of its
// configuration, and git does not ignore it (unless respect_gitignore is
// false). Files named on the command line are the caller's decision.
func (l *Loader) Included(path string) (bool, error) {
	ld := l.forPath(path)
	if ld.err != nil {
		return false, ld.err
	}
	c := ld.cfg
	rel := c.rel(path)
	if !matchAny(c.Include, rel) || matchAny(c.Exclude, rel) {
		return false, nil
	}
	if c.RespectGitignore {
		abs, err := filepath.Abs(path)
		if err != nil {
			return false, err
		}
		if l.git.ignored(abs, false) {
			return false, nil
		}
	}
	return true, nil
}

// SkipDir reports whether a walk should not enter dir: an exclude glob of
// the configuration that applies inside it matches the folder, or git
// ignores it. It saves reading folders whose files would all be left out.
func (l *Loader) SkipDir(dir string) (bool, error) {
	ld := l.forPath(filepath.Join(dir, "x"))
	if ld.err != nil {
		return false, ld.err
	}
	c := ld.cfg
	rel := c.rel(dir)
	if rel != "." && matchAny(c.Exclude, rel) {
		return true, nil
	}
	if c.RespectGitignore {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return false, err
		}
		l.init()
		return l.git.ignored(abs, true), nil
	}
	return false, nil
}

func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
	}
	return false
}

// rel returns path relative to the configuration's folder, with slashes,
// as globs see it. The embedded default has no folder: its globs see the
// path as given, made relative to the working directory when it can be.
func (c *Config) rel(path string) string {
	base := c.Dir
	if base == "" {
		base, _ = os.Getwd()
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || rel == ".." {
		// Outside the configuration's folder: match by name alone, so
		// that "**/*.txt" still selects it.
		return filepath.Base(abs)
	}
	return filepath.ToSlash(rel)
}

// Rules resolves the configuration's rule selection, with command-line
// selectors on top: a non-empty sel replaces select, ign adds to ignore.
// Each rule gets its configured severity and options.
func (c *Config) Rules(sel, ign []string) ([]lint.Configured, error) {
	selectors := c.Select
	if len(sel) > 0 {
		selectors = sel
	}
	ignores := append(append([]string{}, c.Ignore...), ign...)
	rules, err := c.Registry.Select(selectors, ignores)
	if err != nil {
		if c.Path != "" && len(sel)+len(ign) > 0 {
			return nil, errors.New(err.Error() + " (rules given on the command line are checked against " + c.Path + ")")
		}
		return nil, err
	}
	out := make([]lint.Configured, 0, len(rules))
	for _, r := range rules {
		cr := lint.Default(r)
		cr.Severity = c.SeverityOf(r)
		if o, ok := c.Options[r.ID]; ok {
			cr.Options = o
		}
		out = append(out, cr)
	}
	return out, nil
}

// SeverityOf returns a rule's configured severity: its ID's entry, else
// its family's, else the rule's default.
func (c *Config) SeverityOf(r *lint.Rule) lint.Severity {
	if s, ok := c.Severity[r.ID]; ok {
		return s
	}
	if s, ok := c.Severity[r.Family()]; ok {
		return s
	}
	return r.Severity
}

func readFile(path string) ([]byte, error) { return os.ReadFile(path) }
