package learn

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"go.yaml.in/yaml/v3"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/atomicfile"
	"github.com/corpuslint/corpuslint/internal/config"
)

type configFile struct {
	Layout layoutYAML   `yaml:"layout"`
	Custom []customYAML `yaml:"custom,omitempty"`
}

type layoutYAML struct {
	Order     []string `yaml:"order,flow"`
	Header    string   `yaml:"header,omitempty"`
	Dateline  []string `yaml:"dateline,omitempty"`
	StoryCode string   `yaml:"story_code,omitempty"`
}

type customYAML struct {
	ID       string   `yaml:"id"`
	Type     string   `yaml:"type"`
	Scope    string   `yaml:"scope"`
	Severity string   `yaml:"severity"`
	Message  string   `yaml:"message"`
	Patterns []string `yaml:"patterns"`
}

// configYAML writes the learned configuration, with a comment per
// convention saying how consistently the corpus keeps it.
func (r *Result) configYAML(l *article.Layout) []byte {
	cf := configFile{Layout: layoutYAML{Dateline: Datelines(l), StoryCode: storyCodeOf(l), Header: headerOf(l)}}
	for _, e := range l.Order {
		cf.Layout.Order = append(cf.Layout.Order, string(e))
	}
	for _, s := range styleConventions {
		c := r.Convention(s.name)
		if c == nil || c.Value == "" || (s.enforce != nil && !s.enforce(c.Value)) {
			continue
		}
		patterns := s.patternsAgainst[c.Value]
		if patterns == nil {
			for _, v := range s.variants {
				if v.name != c.Value && v.pattern != "" {
					patterns = append(patterns, v.pattern)
				}
			}
		}
		cf.Custom = append(cf.Custom, customYAML{
			ID: s.ruleID, Type: "existence", Scope: s.scope, Severity: "warning",
			Message:  fmt.Sprintf("'{match}' does not follow this corpus's %s (%s)", s.name, c.Value),
			Patterns: patterns,
		})
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Written by `corpuslint init` from %d files. Each setting is the convention\n", r.Files)
	b.WriteString("# most files follow; `corpuslint` reports the files that deviate.\n#\n")
	for _, c := range r.Conventions {
		fmt.Fprintf(&b, "# %-28s %s: %d follow, %d deviate\n", c.Name, orNone(c.Value), c.Follow, len(c.Deviate))
	}
	b.WriteString("\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(cf); err != nil {
		panic(err) // plain strings and lists always encode
	}
	enc.Close()
	return b.Bytes()
}

// Datelines returns the layout's datelines (nil when it has no dateline).
func Datelines(l *article.Layout) []string {
	if !l.Has(article.ElemDateline) {
		return nil
	}
	return l.Datelines
}

func orNone(s string) string {
	if s == "" {
		return "(none seen)"
	}
	return s
}

// Table writes the per-convention table: the dominant choice, how many
// files follow it, how many deviate, and up to examples deviating files.
func (r *Result) Table(examples int) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "CONVENTION\tDOMINANT\tFOLLOW\tDEVIATE\tDEVIATING FILES\n")
	for _, c := range r.Conventions {
		ex := c.Deviate
		more := ""
		if len(ex) > examples {
			more = fmt.Sprintf(", ... (%d more)", len(ex)-examples)
			ex = ex[:examples]
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s%s\n", c.Name, orNone(c.Value), c.Follow, len(c.Deviate), strings.Join(ex, ", "), more)
	}
	tw.Flush()
	fmt.Fprintf(&b, "\n%d files read.\n", r.Files)
	return b.String()
}

// ErrExists is returned by Write when a configuration is already there.
var ErrExists = errors.New("configuration file already exists (use --force to overwrite)")

// Write writes the learned configuration as dir/.corpuslint.yaml, refusing
// to replace an existing file unless force. The file is written to a
// temporary file in the same folder and renamed, so that it is never left
// half-written.
func Write(dir string, r *Result, force bool) (string, error) {
	path := filepath.Join(dir, config.FileName)
	if _, err := os.Lstat(path); err == nil && !force {
		return path, fmt.Errorf("%s: %w", path, ErrExists)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return path, err
	}
	return path, atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(r.YAML)
		return err
	})
}

func headerOf(l *article.Layout) string {
	if l.Has(article.ElemHeader) {
		return l.Header
	}
	return ""
}

func storyCodeOf(l *article.Layout) string {
	if l.Has(article.ElemStoryCode) {
		return l.StoryCode
	}
	return ""
}
