// Package learn reads a corpus and infers its dominant conventions (head
// layout, quote, apostrophe and dash styles, title case) as a
// .corpuslint.yaml, with a table saying how many files follow each
// convention and which deviate. It is `corpuslint init`.
//
// How each convention is enforced once the configuration is written:
//
//	head order, header, dateline,   layout.order, layout.header, layout.dateline,
//	story code, blank line after    layout.story_code, layout.blank_after_story_code:
//	the story code                  the article model parses with them, and the
//	                                structural rules (header/*, dateline/*,
//	                                storycode/*, layout/*) report what does not fit
//	double quotes                   custom rule learned/double-quotes (existence)
//	apostrophes                     custom rule learned/apostrophes (existence)
//	dashes                          custom rule learned/dashes (existence)
//	title case                      custom rule learned/title-case (existence) when
//	                                the corpus writes titles in Title Case or UPPER
//	                                CASE; a sentence-case corpus is reported only,
//	                                since a pattern cannot tell a proper noun from a
//	                                capitalised word
//
// The style conventions are custom rules so that they hold with no other
// rule; when the quote/* and word/* rules gain a configurable house style,
// init can set their options instead.
package learn

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/article"
)

// Convention is one inferred convention and how consistently the corpus
// keeps it.
type Convention struct {
	Name string
	// Value is the dominant choice ("" when no file shows the convention).
	Value string
	// Follow counts files that keep it; Deviate lists the files that do
	// not (paths relative to the corpus root, sorted). Files in which the
	// convention does not arise (no quotes, no story code) are in neither.
	Follow  int
	Deviate []string
	// Enforced says which configuration key or rule checks it.
	Enforced string
}

// Result is what Learn found.
type Result struct {
	Root        string
	Files       int
	Conventions []Convention
	// YAML is the configuration to write.
	YAML []byte
}

// Convention returns the named convention, or nil.
func (r *Result) Convention(name string) *Convention {
	for i := range r.Conventions {
		if r.Conventions[i].Name == name {
			return &r.Conventions[i]
		}
	}
	return nil
}

type fileInfo struct {
	rel   string
	src   []byte
	head  head
	style map[string]string // convention → the file's style; absent when it does not arise
}

// Learn reads every *.txt file below root (hidden folders skipped) and
// infers the corpus's conventions.
func Learn(root string) (*Result, error) {
	var files []*fileInfo
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(d.Name(), ".txt") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		files = append(files, &fileInfo{rel: filepath.ToSlash(rel), src: src})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no .txt files to learn from", root)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].rel < files[j].rel })

	res := &Result{Root: root, Files: len(files)}
	for _, f := range files {
		f.head = readHead(firstLines(f.src, 16))
	}
	layout := res.learnLayout(files)
	// The style conventions are counted in the spans the model gives under
	// the learned layout: the same spans the custom rules will check.
	for _, f := range files {
		doc := article.Parse(f.rel, f.src, layout)
		f.style = styles(doc)
	}
	for _, s := range styleConventions {
		res.learnStyle(files, s)
	}
	res.YAML = res.configYAML(layout)
	return res, nil
}

// firstLines returns up to n lines of src without their terminators.
func firstLines(src []byte, n int) []string {
	var out []string
	for len(src) > 0 && len(out) < n {
		i := strings.IndexAny(string(src[:min(len(src), 4096)]), "\r\n")
		if i < 0 {
			out = append(out, string(src[:min(len(src), 4096)]))
			break
		}
		out = append(out, string(src[:i]))
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++
		}
		src = src[i+1:]
	}
	return out
}

// dominant returns the most common value (ties go to the first in sorted
// order, so the result does not depend on map order).
func dominant(counts map[string]int) string {
	best, bestN := "", 0
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if counts[k] > bestN {
			best, bestN = k, counts[k]
		}
	}
	return best
}

// tally fills a convention from each file's value ("" = does not arise).
func tally(name, enforced string, files []*fileInfo, value func(*fileInfo) string) Convention {
	counts := map[string]int{}
	for _, f := range files {
		if v := value(f); v != "" {
			counts[v]++
		}
	}
	c := Convention{Name: name, Value: dominant(counts), Enforced: enforced}
	for _, f := range files {
		switch v := value(f); {
		case v == "":
		case v == c.Value:
			c.Follow++
		default:
			c.Deviate = append(c.Deviate, f.rel)
		}
	}
	return c
}

func (r *Result) learnLayout(files []*fileInfo) *article.Layout {
	order := tally("head order", "layout.order (layout/* rules)", files, func(f *fileInfo) string {
		return strings.Join(f.head.order, ", ")
	})
	r.Conventions = append(r.Conventions, order)
	l := &article.Layout{}
	for _, e := range strings.Split(order.Value, ", ") {
		l.Order = append(l.Order, article.Element(e))
	}
	if l.Has(article.ElemHeader) {
		c := tally("header", "layout.header (header/* rules)", files, func(f *fileInfo) string { return f.head.header })
		r.Conventions = append(r.Conventions, c)
		l.Header = c.Value
	}
	if l.Has(article.ElemDateline) {
		c := tally("dateline", "layout.dateline (dateline/* rules)", files, func(f *fileInfo) string { return f.head.dateline })
		r.Conventions = append(r.Conventions, c)
		l.Datelines = []string{c.Value}
	}
	if l.Has(article.ElemStoryCode) {
		c := tally("story code", "layout.story_code (storycode/* rules)", files, func(f *fileInfo) string { return f.head.storyCode })
		r.Conventions = append(r.Conventions, c)
		l.StoryCode = c.Value
		// Whether a blank line separates a story code that ends the head
		// from the body.
		if l.Order[len(l.Order)-1] == article.ElemStoryCode {
			c := tally("blank line after story code", "layout.blank_after_story_code (layout/* rules)", files, func(f *fileInfo) string {
				if f.head.storyCode == "" || f.head.order[len(f.head.order)-1] != "story_code" {
					return ""
				}
				if f.head.blankAfter {
					return "yes"
				}
				return "no"
			})
			r.Conventions = append(r.Conventions, c)
			if c.Value == "yes" {
				l.Order = append(l.Order, article.ElemBlank)
			}
		}
	}
	if err := l.Compile(); err != nil {
		// The dominant head did not make a usable layout (no title line
		// found, say): fall back to the default so that styles can still
		// be learned; the table shows the odd head order.
		l = article.DefaultLayout()
	}
	return l
}

// A style convention: the file's style is the set of variants it uses.
type styleConvention struct {
	name     string
	ruleID   string
	scope    string // the custom rule's scope; styles counts in the same spans
	variants []variant
	// enforce says whether a custom rule can check the dominant variant.
	enforce func(dominant string) bool
	// patternsAgainst overrides, per dominant variant, the patterns that
	// find deviations (by default: the other variants' patterns).
	patternsAgainst map[string][]string
}

type variant struct {
	name    string
	pattern string // RE2 pattern matching a use of this variant
}

var styleConventions = []styleConvention{
	{name: "double quotes", ruleID: "learned/double-quotes", scope: "any", variants: []variant{
		{"curly", `[“”]`},
		{"straight", `"`},
	}},
	{name: "apostrophes", ruleID: "learned/apostrophes", scope: "any", variants: []variant{
		{"straight", `\pL'\pL`},
		{"curly", `\pL’\pL`},
	}},
	{name: "dashes", ruleID: "learned/dashes", scope: "body", variants: []variant{
		{"spaced hyphen ( - )", ` - `},
		{"en dash (–)", `–`},
		{"em dash (—)", `—`},
	}},
	{name: "title case", ruleID: "learned/title-case", scope: "title", variants: []variant{
		{"Title Case", ""},
		{"Sentence case", `(?:^|\PL)\p{Ll}\pL{3}`},
		{"UPPER CASE", `^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$`},
	}, enforce: func(d string) bool { return d != "Sentence case" }, patternsAgainst: map[string][]string{
		// Against UPPER CASE, any lower-case letter deviates.
		"UPPER CASE": {`\p{Ll}`},
	}},
}

// styles records, for one document, the variants of each style convention
// it uses. Quotes and apostrophes are counted over the head, title and
// body (the custom rules' "any" scope), dashes over the body, title case
// over the title.
func styles(d *article.Doc) map[string]string {
	out := map[string]string{}
	var all, body []article.Span
	for _, s := range []*article.Span{spanOf(d.Header), spanOfDateline(d.Dateline), titleSpan(d), spanOfStoryCode(d.StoryCode)} {
		if s != nil {
			all = append(all, *s)
		}
	}
	for _, p := range d.Paragraphs {
		all = append(all, p.Span)
		body = append(body, p.Span)
	}
	var uses = func(spans []article.Span, find func(string) bool) bool {
		for _, s := range spans {
			if find(d.String(s)) {
				return true
			}
		}
		return false
	}
	set := func(name string, used []string) {
		if len(used) > 0 {
			out[name] = strings.Join(used, " + ")
		}
	}
	var used []string
	if uses(all, func(s string) bool { return strings.ContainsAny(s, "“”") }) {
		used = append(used, "curly")
	}
	if uses(all, func(s string) bool { return strings.Contains(s, `"`) }) {
		used = append(used, "straight")
	}
	set("double quotes", used)

	used = nil
	if uses(all, func(s string) bool { return innerApostrophe(s, '\'') }) {
		used = append(used, "straight")
	}
	if uses(all, func(s string) bool { return innerApostrophe(s, '’') }) {
		used = append(used, "curly")
	}
	set("apostrophes", used)

	used = nil
	for _, v := range []struct{ name, text string }{{"spaced hyphen ( - )", " - "}, {"en dash (–)", "–"}, {"em dash (—)", "—"}} {
		if uses(body, func(s string) bool { return strings.Contains(s, v.text) }) {
			used = append(used, v.name)
		}
	}
	set("dashes", used)

	if d.Title != nil {
		if tc := titleCase(d.String(d.Title.Span)); tc != "" {
			out["title case"] = tc
		}
	}
	return out
}

func spanOf(h *article.Header) *article.Span {
	if h == nil {
		return nil
	}
	return &h.Span
}

func spanOfDateline(dl *article.Dateline) *article.Span {
	if dl == nil {
		return nil
	}
	return &dl.Span
}

func spanOfStoryCode(sc *article.StoryCode) *article.Span {
	if sc == nil {
		return nil
	}
	return &sc.Span
}

func titleSpan(d *article.Doc) *article.Span {
	if d.Title == nil {
		return nil
	}
	return &d.Title.Span
}

// innerApostrophe reports whether mark sits between two letters.
func innerApostrophe(s string, mark rune) bool {
	var prev, cur rune = 0, 0
	for _, r := range s {
		if cur == mark && unicode.IsLetter(prev) && unicode.IsLetter(r) {
			return true
		}
		prev, cur = cur, r
	}
	return false
}

// titleCase classifies a title: UPPER CASE (letters, none lower case),
// Sentence case (a run of four or more letters starts lower case), or
// Title Case (anything else with cased letters). The custom rule's
// patterns test exactly these definitions.
func titleCase(t string) string {
	hasUpper, hasLower := false, false
	for _, r := range t {
		hasUpper = hasUpper || unicode.IsUpper(r)
		hasLower = hasLower || unicode.IsLower(r)
	}
	switch {
	case !hasLower && !hasUpper:
		return "" // no cased letters: nothing to say
	case !hasLower:
		return "UPPER CASE"
	}
	// Walk the letter runs.
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		start, n := r, 0
		for i < len(t) {
			r, size = utf8.DecodeRuneInString(t[i:])
			if !unicode.IsLetter(r) {
				break
			}
			n++
			i += size
		}
		if n >= 4 && unicode.IsLower(start) {
			return "Sentence case"
		}
	}
	return "Title Case"
}

func (r *Result) learnStyle(files []*fileInfo, s styleConvention) {
	enforced := "custom rule " + s.ruleID
	c := tally(s.name, enforced, files, func(f *fileInfo) string { return f.style[s.name] })
	// A file mixing styles follows none; the dominant must be a single one.
	if strings.Contains(c.Value, " + ") {
		counts := map[string]int{}
		for _, f := range files {
			if v := f.style[s.name]; v != "" && !strings.Contains(v, " + ") {
				counts[v]++
			}
		}
		c = Convention{Name: s.name, Value: dominant(counts), Enforced: enforced}
		for _, f := range files {
			switch v := f.style[s.name]; {
			case v == "":
			case v == c.Value:
				c.Follow++
			default:
				c.Deviate = append(c.Deviate, f.rel)
			}
		}
	}
	if c.Value != "" && s.enforce != nil && !s.enforce(c.Value) {
		c.Enforced = "not enforced (reported only)"
	}
	r.Conventions = append(r.Conventions, c)
}
