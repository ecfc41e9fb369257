package config

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// FileName is the name of a configuration file; discovery looks for it in
// each checked file's folder and then in every folder above.
const FileName = ".corpuslint.yaml"

//go:embed default.yaml
var defaultYAML []byte

// DefaultYAML returns the embedded default configuration, as `corpuslint
// config --default` prints it. It is the single source of the defaults:
// Default parses it.
func DefaultYAML() []byte { return slices.Clone(defaultYAML) }

// Config is one configuration file with the defaults filled in for every
// key it leaves out, checked and compiled. It is read-only once loaded and
// safe to share between goroutines.
type Config struct {
	// Path is the configuration file, or "" for the embedded default.
	Path string
	// Dir is the folder that include, exclude and per_file_ignores globs
	// are relative to: the configuration file's folder.
	Dir string

	Include          []string
	Exclude          []string
	RespectGitignore bool

	// Layout is compiled and ready for article.Parse.
	Layout *article.Layout

	Select []string
	Ignore []string
	// Severity maps a rule ID or family to a severity; an ID wins over its
	// family.
	Severity map[string]lint.Severity
	// Options maps a rule ID to a pointer to its configured options (a copy
	// of the rule's Options struct with the configured fields set).
	Options        map[string]any
	PerFileIgnores []PerFileIgnore
	Custom         []*CustomRule

	// Registry holds the built-in rules and this file's custom rules.
	Registry *lint.Registry
	builtin  *lint.Registry
}

// PerFileIgnore turns rules off for the files a glob matches.
type PerFileIgnore struct {
	Glob  string
	Rules []string
}

var topKeys = []string{"include", "exclude", "respect_gitignore", "layout", "select", "ignore",
	"severity", "options", "per_file_ignores", "custom"}

var layoutKeys = []string{"order", "header", "dateline", "story_code", "blank_after_story_code"}

// Default returns the embedded default configuration.
func Default(reg *lint.Registry) *Config {
	c, err := parse("", defaultYAML, reg, nil)
	if err != nil {
		panic("embedded default configuration: " + err.Error()) // a build-time constant; the tests catch this
	}
	return c
}

// Parse reads a configuration file's contents. Keys the file leaves out
// take their values from the embedded default. The error, if any, is an
// Errors listing every problem with its line and column.
func Parse(path string, data []byte, reg *lint.Registry) (*Config, error) {
	return parse(path, data, reg, Default(reg))
}

// Load reads and parses a configuration file.
func Load(path string, reg *lint.Registry) (*Config, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, Errors{{File: path, Msg: err.Error()}}
	}
	return Parse(path, data, reg)
}

func parse(path string, data []byte, reg *lint.Registry, base *Config) (*Config, error) {
	c := &Config{Path: path, builtin: reg, Severity: map[string]lint.Severity{}, Options: map[string]any{}}
	if path != "" {
		c.Dir = filepath.Dir(path)
	}
	layout := &article.Layout{}
	if base != nil {
		c.Include, c.Exclude, c.RespectGitignore = base.Include, base.Exclude, base.RespectGitignore
		c.Select, c.Ignore = base.Select, base.Ignore
		*layout = article.Layout{Order: base.Layout.Order, Header: base.Layout.Header,
			Datelines: base.Layout.Datelines, StoryCode: base.Layout.StoryCode}
	}
	e := &errs{file: path}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, Errors{syntaxError(path, err)}
	}
	root := &yaml.Node{Kind: yaml.MappingNode}
	if len(doc.Content) > 0 {
		root = resolve(doc.Content[0])
	}
	if root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" {
		root = &yaml.Node{Kind: yaml.MappingNode}
	}
	if root.Kind != yaml.MappingNode {
		e.at(root, "expected a mapping of configuration keys, got %s", kindName(root))
		return nil, e.err()
	}

	// Custom rules come first: select, severity and the rest may name them.
	c.Registry = lint.NewRegistry()
	for _, r := range reg.All() {
		c.Registry.Add(r)
	}
	if v := lookup(root, "custom"); v != nil {
		c.Custom = parseCustom(e, v, reg)
		for _, cr := range c.Custom {
			c.Registry.Add(cr.Rule)
		}
	}

	var layoutNode *yaml.Node
	layoutErrs := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], resolve(root.Content[i+1])
		switch k.Value {
		case "include":
			c.Include = globList(e, v)
		case "exclude":
			c.Exclude = globList(e, v)
		case "respect_gitignore":
			c.RespectGitignore = boolValue(e, v, c.RespectGitignore)
		case "layout":
			layoutNode = v
			before := len(e.list)
			parseLayout(e, v, layout)
			layoutErrs = len(e.list) > before
		case "select":
			c.Select = selectorList(e, v, c.Registry)
		case "ignore":
			c.Ignore = selectorList(e, v, c.Registry)
		case "severity":
			c.parseSeverity(e, v)
		case "options":
			c.parseOptions(e, v)
		case "per_file_ignores":
			c.parsePerFileIgnores(e, v)
		case "custom":
			// parsed above
		default:
			e.at(k, "unknown key %q%s; known keys: %s", k.Value, didYouMean(k.Value, topKeys), strings.Join(topKeys, ", "))
		}
	}
	if layoutErrs {
		// Already reported where they are; Compile would repeat them.
	} else if err := layout.Compile(); err != nil {
		at := layoutNode
		if at == nil {
			at = root
		}
		e.at(at, "%v", err)
	} else {
		c.Layout = layout
	}
	if err := e.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// resolve follows a YAML alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// lookup returns the value of key in a mapping node, or nil.
func lookup(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return resolve(m.Content[i+1])
		}
	}
	return nil
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// mapping checks that n is a mapping (null counts as empty) and returns
// its key and value nodes in order.
func mapping(e *errs, n *yaml.Node, what string) (keys, values []*yaml.Node) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		e.at(n, "%s: expected a mapping, got %s", what, kindName(n))
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		keys = append(keys, n.Content[i])
		values = append(values, resolve(n.Content[i+1]))
	}
	return keys, values
}

func stringValue(e *errs, n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		e.at(n, "%s: expected a string, got %s", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

func boolValue(e *errs, n *yaml.Node, def bool) bool {
	var b bool
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
		e.at(n, "expected true or false, got %s", kindName(n))
		return def
	}
	return b
}

// stringList reads a list of strings; a single string is a list of one.
func stringList(e *errs, n *yaml.Node, what string) []string {
	if isNull(n) {
		return []string{}
	}
	if n.Kind == yaml.ScalarNode {
		s, _ := stringValue(e, n, what)
		return []string{s}
	}
	if n.Kind != yaml.SequenceNode {
		e.at(n, "%s: expected a list of strings, got %s", what, kindName(n))
		return nil
	}
	out := []string{}
	for _, item := range n.Content {
		if s, ok := stringValue(e, resolve(item), what); ok {
			out = append(out, s)
		}
	}
	return out
}

func globList(e *errs, n *yaml.Node) []string {
	return checkedList(e, n, "glob list", func(item *yaml.Node) { checkGlob(e, item, item.Value) })
}

// checkedList reads a list of strings (or a single string) as stringList
// does, and calls check on each string item, for errors at its place.
func checkedList(e *errs, n *yaml.Node, what string, check func(item *yaml.Node)) []string {
	items := n.Content
	if n.Kind != yaml.SequenceNode {
		items = []*yaml.Node{n}
	}
	out := stringList(e, n, what)
	for _, item := range items {
		item = resolve(item)
		if item.Kind == yaml.ScalarNode && !isNull(item) {
			check(item)
		}
	}
	return out
}

func checkGlob(e *errs, at *yaml.Node, glob string) bool {
	if !doublestar.ValidatePattern(glob) {
		e.at(at, "invalid glob %q: expected a pattern such as \"archive/**/*.txt\" (check brackets and escapes)", glob)
		return false
	}
	if strings.HasPrefix(glob, "/") {
		e.at(at, "glob %q is absolute: globs are relative to the folder of the configuration file", glob)
		return false
	}
	return true
}

// selectorList reads rule selectors (IDs, families, ALL) and checks that
// each names something.
func selectorList(e *errs, n *yaml.Node, reg *lint.Registry) []string {
	return checkedList(e, n, "rule list", func(item *yaml.Node) { checkSelector(e, item, item.Value, reg) })
}

func checkSelector(e *errs, at *yaml.Node, sel string, reg *lint.Registry) bool {
	if _, ok := reg.Match(sel); ok {
		return true
	}
	if near := reg.Nearest(sel); near != "" {
		e.at(at, "unknown rule or family %q (did you mean %q?)", sel, near)
	} else {
		e.at(at, "unknown rule or family %q: expected a rule ID such as layout/final-newline, a family, or ALL (see `corpuslint rules`)", sel)
	}
	return false
}

func parseLayout(e *errs, n *yaml.Node, l *article.Layout) {
	keys, values := mapping(e, n, "layout")
	var blankAfter *yaml.Node
	for i, k := range keys {
		v := values[i]
		switch k.Value {
		case "order":
			l.Order = nil
			for j, s := range stringList(e, v, "layout order") {
				el := article.Element(s)
				switch el {
				case article.ElemHeader, article.ElemDateline, article.ElemTitle, article.ElemStoryCode, article.ElemBlank:
					l.Order = append(l.Order, el)
				default:
					at := v
					if v.Kind == yaml.SequenceNode && j < len(v.Content) {
						at = v.Content[j]
					}
					e.at(at, "layout order: unknown element %q%s; expected header, dateline, blank, title or story_code",
						s, didYouMean(s, []string{"header", "dateline", "blank", "title", "story_code"}))
				}
			}
		case "header":
			if s, ok := stringValue(e, v, "layout header"); ok {
				l.Header = s
				checkHeaderTemplate(e, v, s)
			}
		case "dateline":
			l.Datelines = stringList(e, v, "layout dateline")
			items := v.Content
			if v.Kind != yaml.SequenceNode {
				items = []*yaml.Node{v}
			}
			for _, item := range items {
				item = resolve(item)
				if item.Kind == yaml.ScalarNode && !isNull(item) {
					if err := checkTimeLayout(item.Value); err != nil {
						e.at(item, "layout dateline %q: %v", item.Value, err)
					}
				}
			}
		case "story_code":
			if s, ok := stringValue(e, v, "layout story_code"); ok {
				l.StoryCode = s
				t, err := article.ParseTemplate(s, "code")
				if err != nil {
					e.at(v, "layout story_code: %v; expected a template such as \"Story Code : {code}\"", err)
				} else if !strings.Contains(t.Source, "{code}") {
					e.at(v, "layout story_code %q: expected a {code} placeholder", s)
				}
			}
		case "blank_after_story_code":
			blankAfter = v
		default:
			e.at(k, "unknown layout key %q%s; known keys: %s", k.Value, didYouMean(k.Value, layoutKeys), strings.Join(layoutKeys, ", "))
		}
	}
	if blankAfter != nil {
		want := boolValue(e, blankAfter, false)
		i := slices.Index(l.Order, article.ElemStoryCode)
		if i < 0 {
			if want {
				e.at(blankAfter, "blank_after_story_code: the layout order has no story_code")
			}
			return
		}
		has := i+1 < len(l.Order) && l.Order[i+1] == article.ElemBlank
		order := slices.Clone(l.Order)
		if want && !has {
			order = slices.Insert(order, i+1, article.ElemBlank)
		}
		if !want {
			for i+1 < len(order) && order[i+1] == article.ElemBlank {
				order = slices.Delete(order, i+1, i+2)
			}
		}
		l.Order = order
	}
}

// checkHeaderTemplate checks a header template, including the time layout
// inside its {date:...} placeholder.
func checkHeaderTemplate(e *errs, at *yaml.Node, s string) {
	if _, err := article.ParseTemplate(s, "date", "index"); err != nil {
		e.at(at, "layout header: %v; expected a template such as \" date {date:2006-01-02} {index}\"", err)
		return
	}
	if i := strings.Index(s, "{date:"); i >= 0 {
		format, _, _ := strings.Cut(s[i+len("{date:"):], "}")
		if err := checkTimeLayout(format); err != nil {
			e.at(at, "layout header: date format %q: %v", format, err)
		}
	}
}

// checkTimeLayout checks a Go time layout by compiling it the way the
// article parser will.
func checkTimeLayout(s string) error {
	l := &article.Layout{Order: []article.Element{article.ElemDateline, article.ElemTitle}, Datelines: []string{s}}
	err := l.Compile()
	if err != nil {
		_, msg, _ := strings.Cut(err.Error(), ": ")
		return fmt.Errorf("%s", msg)
	}
	return nil
}

func (c *Config) parseSeverity(e *errs, n *yaml.Node) {
	keys, values := mapping(e, n, "severity")
	for i, k := range keys {
		if !checkSelector(e, k, k.Value, c.Registry) {
			continue
		}
		if k.Value == "ALL" {
			e.at(k, "severity: expected a rule ID or family, not ALL")
			continue
		}
		s, ok := stringValue(e, values[i], "severity of "+k.Value)
		if !ok {
			continue
		}
		sev, err := lint.ParseSeverity(s)
		if err != nil {
			e.at(values[i], "severity of %s: %v", k.Value, err)
			continue
		}
		c.Severity[k.Value] = sev
	}
}

func (c *Config) parsePerFileIgnores(e *errs, n *yaml.Node) {
	keys, values := mapping(e, n, "per_file_ignores")
	for i, k := range keys {
		ok := checkGlob(e, k, k.Value)
		rules := selectorList(e, values[i], c.Registry)
		if ok {
			c.PerFileIgnores = append(c.PerFileIgnores, PerFileIgnore{Glob: k.Value, Rules: rules})
		}
	}
}
