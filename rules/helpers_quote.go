package rules

import (
	"bytes"
	"math/bits"
	"sync"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// Helpers shared by the quote/*, attribution/* and word/* rules.

// isBlankByte reports whether c is a space or a tab (not a line break:
// spacing fixes never join lines).
func isBlankByte(c byte) bool { return c == ' ' || c == '\t' }

// blanksAfter returns the end of the run of spaces and tabs starting at i.
func blanksAfter(src []byte, i, end int) int {
	for i < end && isBlankByte(src[i]) {
		i++
	}
	return i
}

// blanksBefore returns the start of the run of spaces and tabs ending at i.
func blanksBefore(src []byte, start, i int) int {
	for i > start && isBlankByte(src[i-1]) {
		i--
	}
	return i
}

// runeAt returns the rune at i, or -1 at end.
func runeAt(src []byte, i, end int) rune {
	if i >= end {
		return -1
	}
	r, _ := utf8.DecodeRune(src[i:end])
	return r
}

// runeBefore returns the rune ending at i, or -1 at start.
func runeBefore(src []byte, start, i int) rune {
	if i <= start {
		return -1
	}
	r, _ := utf8.DecodeLastRune(src[start:i])
	return r
}

// isWordStart reports whether r is a letter or digit.
func isWordStart(r rune) bool { return r >= 0 && article.IsWordRune(r) }

// quoteMarkFix returns a fix replacing one mark, safe when the mark's
// neighbours already told its direction.
func quoteMarkFix(desc string, m article.QuoteMark, text string, safe bool) *lint.Fix {
	if safe {
		return lint.SafeFix(desc, m.Span.Start, m.Span.End, text)
	}
	return lint.UnsafeFix(desc, m.Span.Start, m.Span.End, text)
}

// fixWithSafety returns a one-edit fix of the given safety.
func fixWithSafety(desc string, safe bool, start, end int, text string) *lint.Fix {
	if safe {
		return lint.SafeFix(desc, start, end, text)
	}
	return lint.UnsafeFix(desc, start, end, text)
}

// pickStyle chooses the style a file should use: the configured one, or
// else the most used one, ties going to the style seen first. counts and
// first are indexed by style; first holds the offset of each style's first
// use (-1 if unused). It reports false when fewer than two styles are used.
func pickStyle(configured int, counts []int, first []int) (int, bool) {
	used := 0
	for _, n := range counts {
		if n > 0 {
			used++
		}
	}
	if configured >= 0 {
		for s, n := range counts {
			if s != configured && n > 0 {
				return configured, true
			}
		}
		return configured, false
	}
	if used < 2 {
		return 0, false
	}
	best := -1
	for s, n := range counts {
		if n == 0 {
			continue
		}
		if best < 0 || n > counts[best] || n == counts[best] && first[s] < first[best] {
			best = s
		}
	}
	return best, true
}

// DefaultAttributionVerbs are the words that attribute a claim, as base
// forms: each also matches its inflections (say: says, said, saying).
var DefaultAttributionVerbs = []string{
	"say", "state", "report", "tell", "note", "add", "according to", "explain", "announce",
	"confirm", "claim", "declare", "insist", "warn", "stress", "assert", "mention", "remark",
	"write", "comment", "argue", "emphasize", "emphasise", "underline", "point out", "quote",
	"acknowledge", "allege", "vow", "pledge", "urge", "reply", "respond", "tweet", "affirm",
}

// irregularForms are the inflections that the suffix rules miss.
var irregularForms = map[string][]string{
	"say":   {"said"},
	"tell":  {"told"},
	"write": {"wrote", "written"},
	"speak": {"spoke", "spoken"},
	"quote": {"quoted"},
}

// attributionMatcher finds attribution verbs and phrases in text. Forms
// are lowercase; a phrase ("according to") is keyed by its first word.
type attributionMatcher struct {
	forms map[string]verbForm
	// byHash is an open-addressing table, at most half full, of the
	// article.WordHash of each form, with its index in hashed: a word of
	// the model's lists is looked up by its hash, without hashing its
	// text again as a map key. Its slots are small, to stay in cache.
	byHash  []formSlot
	hashed  []hashedForm
	longest int
	// lengths holds, for each first letter a to z, a bit for each length
	// of the forms that start with it: most words ("the", "army") are
	// ruled out by it without a map lookup. anyStart is set when some
	// form does not start with a letter a to z, or is too long for the
	// bits; the test is then skipped.
	lengths  [26]uint64
	anyStart bool
}

type formSlot struct {
	hash uint32
	form uint32 // 1 + the index in hashed; 0 marks an empty slot
}

type hashedForm struct {
	form string
	verb verbForm
}

type verbForm struct {
	alone bool       // the word alone attributes
	rests [][]string // the words that must follow it
}

// inflections returns w and its regular and irregular inflections. Words
// already inflected ("according", "said") are taken as they are.
func inflections(w string) []string {
	out := []string{w}
	if len(w) < 3 || hasSuffix(w, "ing") || hasSuffix(w, "ed") {
		return append(out, irregularForms[w]...)
	}
	last := w[len(w)-1]
	consonantY := last == 'y' && !bytes.ContainsRune([]byte("aeiou"), rune(w[len(w)-2]))
	switch {
	case consonantY:
		stem := w[:len(w)-1]
		out = append(out, stem+"ies", stem+"ied")
	case hasSuffix(w, "s") || hasSuffix(w, "x") || hasSuffix(w, "z") || hasSuffix(w, "ch") || hasSuffix(w, "sh"):
		out = append(out, w+"es", w+"ed")
	case last == 'e':
		out = append(out, w+"s", w+"d")
	default:
		out = append(out, w+"s", w+"ed")
	}
	if last == 'e' && !hasSuffix(w, "ee") {
		out = append(out, w[:len(w)-1]+"ing")
	} else {
		out = append(out, w+"ing")
	}
	return append(out, irregularForms[w]...)
}

func hasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

func compileAttribution(verbs []string) *attributionMatcher {
	m := &attributionMatcher{forms: map[string]verbForm{}}
	for _, entry := range verbs {
		words := bytes.Fields(bytes.ToLower([]byte(entry)))
		if len(words) == 0 {
			continue
		}
		var rest []string
		for _, w := range words[1:] {
			rest = append(rest, string(w))
		}
		for _, form := range inflections(string(words[0])) {
			f := m.forms[form]
			if len(rest) == 0 {
				f.alone = true
			} else {
				f.rests = append(f.rests, rest)
			}
			m.forms[form] = f
			if len(form) > m.longest {
				m.longest = len(form)
			}
			if c := form[0]; c >= 'a' && c <= 'z' && len(form) < 64 {
				m.lengths[c-'a'] |= 1 << len(form)
			} else {
				m.anyStart = true
			}
		}
	}
	if len(m.forms) > 0 {
		m.byHash = make([]formSlot, 1<<bits.Len(uint(2*len(m.forms)-1)))
		mask := uint32(len(m.byHash) - 1)
		for form, f := range m.forms {
			m.hashed = append(m.hashed, hashedForm{form, f})
			h := article.WordHash([]byte(form))
			i := h & mask
			for m.byHash[i].form != 0 {
				i = (i + 1) & mask
			}
			m.byHash[i] = formSlot{h, uint32(len(m.hashed))}
		}
	}
	return m
}

// matcherKey identifies an options list without copying it: the options
// struct is built once per configuration, so its slice is stable.
type matcherKey struct {
	first *string
	n     int
}

var matchers sync.Map // matcherKey -> *attributionMatcher

// attributionFor returns the compiled matcher for a verbs list, compiled
// once per configuration rather than once per file.
func attributionFor(verbs []string) *attributionMatcher {
	if len(verbs) == 0 {
		return &attributionMatcher{}
	}
	key := matcherKey{&verbs[0], len(verbs)}
	if m, ok := matchers.Load(key); ok {
		return m.(*attributionMatcher)
	}
	m, _ := matchers.LoadOrStore(key, compileAttribution(verbs))
	return m.(*attributionMatcher)
}

// find reports whether span s of the document holds an attribution.
func (m *attributionMatcher) find(d *article.Doc, s article.Span) bool {
	if len(m.forms) == 0 {
		return false
	}
	var buf [longestForm]byte
	found := false
	d.Words(s, func(w article.Span) bool {
		n := w.Len()
		if !m.mayBeForm(d.Src, w) {
			return true
		}
		for k := 0; k < n; k++ {
			c := d.Src[w.Start+k]
			if c >= utf8.RuneSelf {
				return true // attribution verbs are ASCII words
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k] = c
		}
		f, ok := m.forms[string(buf[:n])]
		found = ok && f.attributes(d.Src, w.End, s.End)
		return !found
	})
	return found
}

// findWords reports whether words, a run of a paragraph's words (as the
// model lists them), hold an attribution; a phrase's later words must lie
// before end. It finds what find finds in the span of those words, but
// looks forms up by the words' hashes instead of walking the text again.
func (m *attributionMatcher) findWords(src []byte, words []article.Word, end int) bool {
	if len(m.byHash) == 0 {
		return false
	}
	mask := uint32(len(m.byHash) - 1)
	for _, w := range words {
		if !m.mayBeForm(src, w.Span()) {
			continue
		}
		for i := w.Hash & mask; m.byHash[i].form != 0; i = (i + 1) & mask {
			if m.byHash[i].hash != w.Hash {
				continue
			}
			e := &m.hashed[m.byHash[i].form-1]
			if sameASCIILower(src[w.Start:w.End], e.form) && e.verb.attributes(src, int(w.End), end) {
				return true
			}
		}
	}
	return false
}

// longestForm bounds the words looked up: no attribution verb is longer.
const longestForm = 32

// mayBeForm rules out most words without a lookup: those longer than
// every form, and those whose first letter and length no form has.
func (m *attributionMatcher) mayBeForm(src []byte, w article.Span) bool {
	n := w.Len()
	if n > m.longest || n > longestForm {
		return false
	}
	if !m.anyStart {
		c := src[w.Start] | 0x20 // lower case, for letters
		if c < 'a' || c > 'z' || m.lengths[c-'a']&(1<<n) == 0 {
			return false
		}
	}
	return true
}

// sameASCIILower reports whether word is form, a lower-case form, in
// ASCII letters of either case: attribution verbs are ASCII words.
func sameASCIILower(word []byte, form string) bool {
	if len(word) != len(form) {
		return false
	}
	for k, c := range word {
		if c >= utf8.RuneSelf {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != form[k] {
			return false
		}
	}
	return true
}

// attributes reports whether the form found at a word that ends at i
// attributes: alone, or followed before end by the rest of a phrase.
func (f verbForm) attributes(src []byte, i, end int) bool {
	if f.alone {
		return true
	}
	for _, rest := range f.rests {
		if followedBy(src, i, end, rest) {
			return true
		}
	}
	return false
}

// followedBy reports whether the words of rest follow offset i, separated
// by whitespace, each ending at a word boundary.
func followedBy(src []byte, i, end int, rest []string) bool {
	for _, w := range rest {
		j := i
		for j < end && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
			j++
		}
		if j == i || j+len(w) > end || !bytes.EqualFold(src[j:j+len(w)], []byte(w)) {
			return false
		}
		i = j + len(w)
		if isWordStart(runeAt(src, i, end)) {
			return false
		}
	}
	return true
}

// paragraphAttributed reports whether a paragraph holds an attribution
// outside its quotations: a verb inside a quotation attributes nothing.
func paragraphAttributed(d *article.Doc, p *article.Paragraph, m *attributionMatcher) bool {
	start := p.Span.Start
	for _, q := range p.Quotes {
		if !q.Double || q.Open < 0 || q.Span.Start < start {
			continue
		}
		if m.find(d, article.Span{Start: start, End: q.Span.Start}) {
			return true
		}
		start = q.Span.End
	}
	return m.find(d, article.Span{Start: start, End: p.Span.End})
}
