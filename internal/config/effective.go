package config

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/corpuslint/corpuslint/internal/lint"
)

// The effective configuration is printed with these types so that keys
// come out in the documented order.
type effective struct {
	Include          []string            `yaml:"include"`
	Exclude          []string            `yaml:"exclude"`
	RespectGitignore bool                `yaml:"respect_gitignore"`
	Layout           effectiveLayout     `yaml:"layout"`
	Select           []string            `yaml:"select"`
	Ignore           []string            `yaml:"ignore"`
	Severity         map[string]string   `yaml:"severity"`
	Options          map[string]any      `yaml:"options"`
	PerFileIgnores   map[string][]string `yaml:"per_file_ignores"`
	Custom           []effectiveCustom   `yaml:"custom"`
}

type effectiveLayout struct {
	Order               []string `yaml:"order,flow"`
	Header              string   `yaml:"header"`
	Dateline            []string `yaml:"dateline"`
	StoryCode           string   `yaml:"story_code"`
	BlankAfterStoryCode bool     `yaml:"blank_after_story_code"`
}

type effectiveCustom struct {
	ID         string     `yaml:"id"`
	Type       string     `yaml:"type"`
	Scope      string     `yaml:"scope"`
	Severity   string     `yaml:"severity"`
	Message    string     `yaml:"message"`
	IgnoreCase bool       `yaml:"ignore_case"`
	Terms      []string   `yaml:"terms,omitempty"`
	Patterns   []string   `yaml:"patterns,omitempty"`
	Swap       *yaml.Node `yaml:"swap,omitempty"`
}

// Effective writes the configuration as YAML with every default filled in:
// select lists every rule that runs (after rules), severity gives each its
// level, and options every option of every rule that has some. Loading the
// output again gives the same settings.
func (c *Config) Effective(rules []lint.Configured) ([]byte, error) {
	l := c.Layout
	e := effective{
		Include: c.Include, Exclude: c.Exclude, RespectGitignore: c.RespectGitignore,
		Layout: effectiveLayout{Header: l.Header, Dateline: l.Datelines, StoryCode: l.StoryCode},
		Select: []string{}, Ignore: []string{},
		Severity: map[string]string{}, Options: map[string]any{}, PerFileIgnores: map[string][]string{},
		Custom: []effectiveCustom{},
	}
	for i, el := range l.Order {
		e.Layout.Order = append(e.Layout.Order, string(el))
		if el == "story_code" && i+1 < len(l.Order) && l.Order[i+1] == "blank" {
			e.Layout.BlankAfterStoryCode = true
		}
	}
	for _, r := range rules {
		e.Select = append(e.Select, r.Rule.ID)
		e.Severity[r.Rule.ID] = r.Severity.String()
		if r.Options != nil {
			e.Options[r.Rule.ID] = r.Options
		}
	}
	for _, p := range c.PerFileIgnores {
		e.PerFileIgnores[p.Glob] = append(e.PerFileIgnores[p.Glob], p.Rules...)
	}
	for _, cr := range c.Custom {
		ec := effectiveCustom{ID: cr.ID, Type: cr.Type, Scope: cr.Scope, Severity: cr.Severity.String(),
			Message: cr.Message, IgnoreCase: cr.IgnoreCase, Terms: cr.Terms, Patterns: cr.Patterns}
		if len(cr.Swap) > 0 {
			ec.Swap = &yaml.Node{Kind: yaml.MappingNode}
			for _, s := range cr.Swap {
				ec.Swap.Content = append(ec.Swap.Content,
					&yaml.Node{Kind: yaml.ScalarNode, Value: s.Wrong}, &yaml.Node{Kind: yaml.ScalarNode, Value: s.Right})
			}
		}
		e.Custom = append(e.Custom, ec)
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(e); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Effective writes the configuration in effect for path, as `corpuslint
// config PATH` prints it, headed by comments saying where it came from and
// which per_file_ignores match the path.
func (l *Loader) Effective(path string) ([]byte, error) {
	ld := l.forPath(path)
	if ld.err != nil {
		return nil, ld.err
	}
	c := ld.cfg
	s, err := l.ForFile(path)
	if err != nil {
		return nil, err
	}
	body, err := c.Effective(ld.rules)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	from := c.Path
	if from == "" {
		from = "the built-in defaults (no " + FileName + " found, or --isolated)"
	}
	fmt.Fprintf(&b, "# Effective configuration for %s\n# from %s\n", path, from)
	if len(s.Rules) != len(ld.rules) {
		var off []string
		on := map[string]bool{}
		for _, r := range s.Rules {
			on[r.Rule.ID] = true
		}
		for _, r := range ld.rules {
			if !on[r.Rule.ID] {
				off = append(off, r.Rule.ID)
			}
		}
		fmt.Fprintf(&b, "# per_file_ignores turn off for this file: %s\n", strings.Join(off, ", "))
	}
	b.Write(body)
	return b.Bytes(), nil
}
