// Package format prints reports. Each output format is one file that
// registers a Formatter; formatters only format: they never lint, read
// article files or decide the exit status.
//
// Conventions shared by the formats:
//   - lines and columns are 1-based and ends exclusive; columns count code
//     points unless the reader wants otherwise (rdjsonl: UTF-8 bytes);
//   - text from articles (messages, paths, fix descriptions) is escaped
//     for what reads it: oneLine for terminals, xmlSafe for XML, the
//     runner's percent-escapes for GitHub commands (see text.go);
//   - Report.Errors (unreadable files) are the command's to print on
//     stderr; formats with a place for them (sarif, junit) carry them too;
//   - rule documentation is linked with RuleURL, the same for every format.
package format

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

// Options are what a formatter may need besides the report.
type Options struct {
	// Color enables ANSI colour (human formats only).
	Color bool
	// Rules gives rule metadata by ID (for formats that describe rules).
	Rules *lint.Registry
	// Version is corpuslint's version, for formats that name the tool.
	Version string
	// Root, if set, is the absolute path of the repository root, and
	// WorkDir the absolute path that relative report paths start from:
	// formats whose readers want paths relative to the repository (SARIF
	// for code scanning) rewrite paths with them.
	Root, WorkDir string
}

// RootRelative returns path (as given, relative to opt.WorkDir or absolute)
// relative to opt.Root, with forward slashes, and whether it lies inside
// the root. Without a root it returns path unchanged.
func (opt Options) RootRelative(path string) (string, bool) {
	if opt.Root == "" {
		return path, !filepath.IsAbs(path)
	}
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(opt.WorkDir, path)
	}
	rel, err := filepath.Rel(opt.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path, false
	}
	return filepath.ToSlash(rel), true
}

// Formatter writes a report to w.
type Formatter func(w io.Writer, r *report.Report, opt Options) error

var formatters = map[string]Formatter{}

// register adds a format; each format file calls it from init.
func register(name string, f Formatter) {
	if _, dup := formatters[name]; dup {
		panic("format " + name + " registered twice")
	}
	formatters[name] = f
}

// Get returns the named formatter.
func Get(name string) (Formatter, error) {
	if f, ok := formatters[name]; ok {
		return f, nil
	}
	return nil, fmt.Errorf("unknown output format %q (want one of %v)", name, Names())
}

// Names lists the formats, sorted.
func Names() []string {
	var out []string
	for n := range formatters {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
