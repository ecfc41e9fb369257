package config

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// CustomRule is a rule written in the configuration, in the spirit of
// Vale's styles: no Go code, just terms, patterns or swaps.
type CustomRule struct {
	ID         string
	Type       string // existence or substitution
	Scope      string // title, body, header or any
	Severity   lint.Severity
	Message    string
	IgnoreCase bool
	// Terms are literal words or phrases matched at word boundaries; a
	// space in a term matches any run of whitespace, line breaks included.
	Terms []string
	// Patterns are Go RE2 regular expressions, matched as written.
	Patterns []string
	// Swap maps a wrong term to the right one (substitution only), in
	// file order.
	Swap []Swap

	// Rule is the rule built from the above, registered under ID.
	Rule *lint.Rule

	re       *regexp.Regexp // all terms (or wrong terms) as one alternation
	patterns []*regexp.Regexp
	right    map[string]string // wrong term (lower-cased with IgnoreCase) → right term
}

// Swap is one substitution pair.
type Swap struct{ Wrong, Right string }

var customKeys = []string{"id", "type", "scope", "severity", "message", "ignore_case", "terms", "patterns", "swap"}

var scopes = []string{"title", "body", "header", "any"}

func parseCustom(e *errs, n *yaml.Node, builtin *lint.Registry) []*CustomRule {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		e.at(n, "custom: expected a list of rules, got %s", kindName(n))
		return nil
	}
	var out []*CustomRule
	seen := map[string]bool{}
	for _, item := range n.Content {
		item = resolve(item)
		if item.Kind != yaml.MappingNode {
			e.at(item, "custom: expected a rule (a mapping with id, type, ...), got %s", kindName(item))
			continue
		}
		before := len(e.list)
		cr := &CustomRule{Scope: "any", Severity: lint.Warning}
		var idNode, typeNode, swapNode, messageNode *yaml.Node
		keys, values := mapping(e, item, "custom rule")
		for i, k := range keys {
			v := values[i]
			switch k.Value {
			case "id":
				idNode = v
				cr.ID, _ = stringValue(e, v, "custom rule id")
			case "type":
				typeNode = v
				cr.Type, _ = stringValue(e, v, "custom rule type")
			case "scope":
				if s, ok := stringValue(e, v, "custom rule scope"); ok {
					if !slices.Contains(scopes, s) {
						e.at(v, "custom rule scope: unknown scope %q%s; expected title, body, header or any", s, didYouMean(s, scopes))
					}
					cr.Scope = s
				}
			case "severity":
				if s, ok := stringValue(e, v, "custom rule severity"); ok {
					sev, err := lint.ParseSeverity(s)
					if err != nil {
						e.at(v, "custom rule severity: %v", err)
					}
					cr.Severity = sev
				}
			case "message":
				messageNode = v
				cr.Message, _ = stringValue(e, v, "custom rule message")
			case "ignore_case":
				cr.IgnoreCase = boolValue(e, v, false)
			case "terms":
				cr.Terms = stringList(e, v, "custom rule terms")
				for j, t := range cr.Terms {
					if strings.TrimSpace(t) == "" {
						e.at(itemAt(v, j), "custom rule terms: expected a word or phrase, got an empty string")
					}
				}
			case "patterns":
				cr.Patterns = stringList(e, v, "custom rule patterns")
				for j, p := range cr.Patterns {
					re, err := regexp.Compile(p)
					if err != nil {
						e.at(itemAt(v, j), "custom rule patterns: bad regular expression %q: %v (Go RE2 syntax)", p, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
						continue
					}
					if re.MatchString("") {
						e.at(itemAt(v, j), "custom rule patterns: %q matches the empty string, so it would match everywhere", p)
					}
				}
			case "swap":
				swapNode = v
				sk, sv := mapping(e, v, "custom rule swap")
				for j := range sk {
					w, ok1 := stringValue(e, sk[j], "swap: wrong term")
					r, ok2 := stringValue(e, sv[j], "swap: right term")
					if ok1 && ok2 {
						if strings.TrimSpace(w) == "" {
							e.at(sk[j], "swap: expected a wrong term, got an empty string")
						}
						cr.Swap = append(cr.Swap, Swap{w, r})
					}
				}
			default:
				e.at(k, "custom rule: unknown key %q%s; known keys: %s", k.Value, didYouMean(k.Value, customKeys), strings.Join(customKeys, ", "))
			}
		}
		switch {
		case idNode == nil:
			e.at(item, "custom rule: missing id (expected family/name, e.g. house/names)")
		case !validID(cr.ID):
			e.at(idNode, "custom rule id %q: expected family/name, e.g. house/names", cr.ID)
		case builtin.Get(cr.ID) != nil:
			e.at(idNode, "custom rule id %q is a built-in rule's ID; choose another family, e.g. house/", cr.ID)
		case seen[cr.ID]:
			e.at(idNode, "custom rule id %q appears twice", cr.ID)
		}
		seen[cr.ID] = true
		switch cr.Type {
		case "existence":
			if len(cr.Terms) == 0 && len(cr.Patterns) == 0 {
				e.at(item, "custom rule %s: an existence rule needs terms or patterns", cr.ID)
			}
			if swapNode != nil {
				e.at(swapNode, "custom rule %s: swap belongs to substitution rules, not existence", cr.ID)
			}
			if cr.Message == "" {
				cr.Message = "avoid '{match}'"
			}
			checkMessage(e, messageNode, cr.Message, "{match}")
		case "substitution":
			if len(cr.Swap) == 0 {
				e.at(item, "custom rule %s: a substitution rule needs swap (wrong term: right term)", cr.ID)
			}
			if len(cr.Terms) > 0 || len(cr.Patterns) > 0 {
				e.at(item, "custom rule %s: a substitution rule takes swap, not terms or patterns", cr.ID)
			}
			if cr.Message == "" {
				cr.Message = "use '{right}' instead of '{match}'"
			}
			checkMessage(e, messageNode, cr.Message, "{match}", "{right}")
		case "":
			e.at(item, "custom rule %s: missing type (expected existence or substitution)", cr.ID)
		default:
			e.at(typeNode, "custom rule %s: unknown type %q; expected existence or substitution", cr.ID, cr.Type)
		}
		if len(e.list) > before {
			continue
		}
		cr.build()
		out = append(out, cr)
	}
	return out
}

func itemAt(list *yaml.Node, i int) *yaml.Node {
	if list.Kind == yaml.SequenceNode && i < len(list.Content) {
		return list.Content[i]
	}
	return list
}

func validID(id string) bool {
	fam, name, ok := strings.Cut(id, "/")
	return ok && fam != "" && name != "" && !strings.Contains(name, "/") && !strings.ContainsAny(id, " \t\n")
}

var placeholderRE = regexp.MustCompile(`\{[a-z_]+\}`)

func checkMessage(e *errs, at *yaml.Node, msg string, allowed ...string) {
	for _, p := range placeholderRE.FindAllString(msg, -1) {
		if !slices.Contains(allowed, p) {
			e.at(at, "custom rule message: unknown placeholder %s; expected %s", p, strings.Join(allowed, " or "))
		}
	}
}

// termPattern turns a literal term into a pattern in which each run of
// spaces matches any whitespace, so that a phrase broken over two lines of
// a paragraph is still found.
func termPattern(t string) string {
	fields := strings.Fields(t)
	for i, f := range fields {
		fields[i] = regexp.QuoteMeta(f)
	}
	return strings.Join(fields, `\s+`)
}

// build compiles the matchers and makes the lint.Rule.
func (cr *CustomRule) build() {
	flags := ""
	if cr.IgnoreCase {
		flags = "(?i)"
	}
	var terms []string
	switch cr.Type {
	case "existence":
		terms = slices.Clone(cr.Terms)
		for _, p := range cr.Patterns {
			cr.patterns = append(cr.patterns, regexp.MustCompile(flags+p))
		}
	case "substitution":
		cr.right = map[string]string{}
		for _, s := range cr.Swap {
			terms = append(terms, s.Wrong)
			cr.right[cr.key(s.Wrong)] = s.Right
		}
	}
	if len(terms) > 0 {
		// Longest first, so that "Anthony Blinken" wins over "Anthony".
		sort.SliceStable(terms, func(i, j int) bool { return len(terms[i]) > len(terms[j]) })
		alts := make([]string, len(terms))
		for i, t := range terms {
			alts[i] = termPattern(t)
		}
		cr.re = regexp.MustCompile(flags + "(?:" + strings.Join(alts, "|") + ")")
	}
	fix := lint.FixNever
	if cr.Type == "substitution" {
		fix = lint.FixAlways
	}
	cr.Rule = &lint.Rule{
		ID:       cr.ID,
		Severity: cr.Severity,
		Summary:  fmt.Sprintf("Custom %s rule from the configuration (scope: %s)", cr.Type, cr.Scope),
		Doc:      cr.doc(),
		Fix:      fix,
		Run:      cr.run,
	}
}

// key normalises a matched wrong term for the swap lookup: whitespace runs
// become one space (the pattern accepts any), and case folds when the rule
// ignores case.
func (cr *CustomRule) key(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if cr.IgnoreCase {
		s = strings.ToLower(s)
	}
	return s
}

func (cr *CustomRule) doc() string {
	var b strings.Builder
	fmt.Fprintf(&b, "A %s rule defined in the configuration file, checking the %s.\n", cr.Type, scopeWords[cr.Scope])
	switch cr.Type {
	case "existence":
		if len(cr.Terms) > 0 {
			fmt.Fprintf(&b, "Terms that must not appear: %s.\n", strings.Join(cr.Terms, ", "))
		}
		if len(cr.Patterns) > 0 {
			fmt.Fprintf(&b, "Patterns that must not match: %s.\n", strings.Join(cr.Patterns, ", "))
		}
	case "substitution":
		for _, s := range cr.Swap {
			fmt.Fprintf(&b, "Bad: %s\nGood: %s\n", s.Wrong, s.Right)
		}
		b.WriteString("Fix: replaces the wrong term with the right one (unsafe: it changes words).\n")
	}
	if cr.IgnoreCase {
		b.WriteString("Case is ignored.\n")
	}
	return b.String()
}

var scopeWords = map[string]string{"title": "title", "body": "body paragraphs",
	"header": "head lines (header, dateline, story code)", "any": "title, head lines and body"}

// spans returns the parts of the document model the rule's scope covers.
func (cr *CustomRule) spans(d *article.Doc) []article.Span {
	var out []article.Span
	head := cr.Scope == "header" || cr.Scope == "any"
	if head && d.Header != nil {
		out = append(out, d.Header.Span)
	}
	if head && d.Dateline != nil {
		out = append(out, d.Dateline.Span)
	}
	if (cr.Scope == "title" || cr.Scope == "any") && d.Title != nil {
		out = append(out, d.Title.Span)
	}
	if head && d.StoryCode != nil {
		out = append(out, d.StoryCode.Span)
	}
	if cr.Scope == "body" || cr.Scope == "any" {
		for _, p := range d.Paragraphs {
			out = append(out, p.Span)
		}
	}
	return out
}

func (cr *CustomRule) run(p *lint.Pass) {
	d := p.Doc
	for _, s := range cr.spans(d) {
		if cr.re != nil {
			cr.scanTerms(p, s)
		}
		for _, re := range cr.patterns {
			for _, m := range re.FindAllIndex(d.Src[s.Start:s.End], -1) {
				if m[0] == m[1] {
					continue
				}
				cr.report(p, article.Span{Start: s.Start + m[0], End: s.Start + m[1]})
			}
		}
	}
}

// scanTerms finds the terms in one span, keeping only matches that stand
// as whole words: "Blinken" must not match inside "Blinkenberg".
func (cr *CustomRule) scanTerms(p *lint.Pass, s article.Span) {
	src := p.Doc.Src
	pos := s.Start
	for pos < s.End {
		m := cr.re.FindIndex(src[pos:s.End])
		if m == nil {
			return
		}
		start, end := pos+m[0], pos+m[1]
		if wordEdge(src, s, start, end) {
			cr.report(p, article.Span{Start: start, End: end})
			pos = end
			continue
		}
		// Not a whole word here; look again one character further on.
		_, size := utf8.DecodeRune(src[start:s.End])
		pos = start + max(size, 1)
	}
}

// wordEdge reports whether [start, end) is not glued to a word character
// on either side (where the term itself starts or ends with one).
func wordEdge(src []byte, s article.Span, start, end int) bool {
	first, _ := utf8.DecodeRune(src[start:end])
	last, _ := utf8.DecodeLastRune(src[start:end])
	if article.IsWordRune(first) && start > s.Start {
		if r, _ := utf8.DecodeLastRune(src[s.Start:start]); article.IsWordRune(r) {
			return false
		}
	}
	if article.IsWordRune(last) && end < s.End {
		if r, _ := utf8.DecodeRune(src[end:s.End]); article.IsWordRune(r) {
			return false
		}
	}
	return true
}

func (cr *CustomRule) report(p *lint.Pass, span article.Span) {
	match := p.Doc.String(span)
	if cr.Type == "substitution" {
		right, ok := cr.right[cr.key(match)]
		if !ok || right == match {
			return
		}
		msg := strings.NewReplacer("{match}", match, "{right}", right).Replace(cr.Message)
		p.Reportf(span, lint.UnsafeFix("replace '"+match+"' with '"+right+"'", span.Start, span.End, right), "%s", msg)
		return
	}
	p.Reportf(span, nil, "%s", strings.ReplaceAll(cr.Message, "{match}", match))
}
