package rules

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// SpaceMissing: a comma or a sentence end is followed by a space.
var SpaceMissing = register(&lint.Rule{
	ID:       "space/missing",
	Severity: lint.Warning,
	Summary:  "No space after a comma or a sentence end",
	Doc: `Checks the title and body for a comma directly followed by a letter, and a
sentence end (. ! ?) directly followed by a capitalised word. Scrapers
that drop line breaks between paragraphs or list items glue sentences
together: "two days earlier.The sources stated".

It stays silent on numbers (39,700 and 3.5 have a digit after the mark),
times (21:29), abbreviations and initials (U.S., e.g., J.R.R.: the letter
before the period is a capital or a single letter), web and e-mail
addresses (Halo.Bungie.Org, https://x.org/a.b, name@x.org: a token with
"://", "@", "www." or two dots), file names and acronyms after a dot
(report.PDF, ASP.NET), and common top-level domains (Bungie.Org).

Bad:  "injured several American troopers two days earlier.The sources stated"
Bad:  "in Gaza,with US support"
Good: "in Gaza, with US support, resulting in over 39,700 martyrs at 21:29 in the U.S."

Fix: inserts a space after the mark (safe: whitespace only).`,
	Fix: lint.FixAlways,
	Run: func(p *lint.Pass) {
		d := p.Doc
		// A mark followed by a letter is a spacing pair (see
		// article.SpacingPair): only those are looked at.
		eachSpacingLine(d, func(_ int, text []byte, base int, pairs []int) {
			for _, at := range pairs {
				i := at - base
				c := text[i]
				if i == 0 || !isEndMark(c) {
					continue
				}
				if n := text[i+1]; n < utf8.RuneSelf && !isASCIILetter(n) || !missingSpaceAfter(text, i) {
					continue
				}
				p.Reportf(lintSpan(base+i, base+i+1), lint.SafeFix("insert a space", base+i+1, base+i+1, " "),
					"no space after %s", markName(c))
			}
		})
	},
})

// isEndMark reports the bytes after which a space is due.
func isEndMark(c byte) bool { return c == ',' || c == '.' || c == '!' || c == '?' }

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func markName(c byte) string {
	if c == ',' {
		return "comma"
	}
	return fmt.Sprintf("'%c' at the end of a sentence", c)
}

// missingSpaceAfter decides for the mark at text[i] (0 < i < len-1).
func missingSpaceAfter(text []byte, i int) bool {
	c := text[i]
	next, nsize := utf8.DecodeRune(text[i+1:])
	prev, _ := utf8.DecodeLastRune(text[:i])
	if c == ',' {
		if !unicode.IsLetter(next) || !(article.IsWordRune(prev) || closingMark(prev)) {
			return false
		}
		return !inAddress(text, i)
	}
	// A sentence end: a lower-case word (two letters or more) or a number or a
	// closing mark before, a capitalised word after.
	if !unicode.IsUpper(next) {
		return false
	}
	if i+1+nsize < len(text) {
		after, _ := utf8.DecodeRune(text[i+1+nsize:])
		if !unicode.IsLower(after) && after != ' ' && after != ',' {
			return false // "report.PDF", "ASP.NET"
		}
	}
	if !isSentenceEndBefore(text, i) {
		return false
	}
	if inAddress(text, i) || domainLike(text, i) {
		return false
	}
	return true
}

// isSentenceEndBefore reports whether the text before the mark at i can end
// a sentence: a lower-case word of two letters or more, a number, or a
// closing quote or bracket after one of those.
func isSentenceEndBefore(text []byte, i int) bool {
	k := i
	for k > 0 {
		r, n := utf8.DecodeLastRune(text[:k])
		if !closingMark(r) {
			break
		}
		k -= n
	}
	letters, digits := 0, 0
	for k > 0 {
		r, n := utf8.DecodeLastRune(text[:k])
		if unicode.IsDigit(r) {
			digits++
		} else if unicode.IsLower(r) {
			letters++
		} else if unicode.IsLetter(r) {
			// An upper-case letter: the word is capitalised ("Gaza.The") if it
			// has lower-case letters after it, else an initial or acronym.
			if letters == 0 {
				return false
			}
			letters++
			k -= n
			break
		} else {
			break
		}
		k -= n
	}
	if k > 0 {
		if r, _ := utf8.DecodeLastRune(text[:k]); r == '.' {
			return false // "e.g.The", "a.m.The"
		}
	}
	return letters >= 2 || digits > 0 && letters == 0
}

// tlds are top-level domains that are written capitalised in running text
// ("Halo.Bungie.Org") often enough to look like a missing space.
var tlds = map[string]bool{"com": true, "org": true, "net": true, "gov": true, "edu": true, "mil": true, "info": true, "int": true}

// domainLike reports whether the token holding the mark at i looks like
// a host name or path: a period between letters elsewhere in the token, a
// slash before the mark, or a known top-level domain after a period.
func domainLike(text []byte, i int) bool {
	start := i
	for start > 0 && !isSpaceByte(text[start-1]) && i-start < maxToken {
		start--
	}
	end := i + 1
	for end < len(text) && isASCIIAlnum(text[end]) {
		end++
	}
	if text[i] == '.' && end-i-1 <= 4 {
		var lower [4]byte
		for k, c := range text[i+1 : end] {
			lower[k] = c | 0x20
		}
		if tlds[string(lower[:end-i-1])] {
			return true
		}
	}
	for k := end; k+1 < len(text) && k-end < maxToken && !isSpaceByte(text[k]); k++ {
		if text[k] == '.' && isASCIIAlnum(text[k+1]) && isASCIIAlnum(text[k-1]) {
			return true
		}
	}
	for k := start; k < i; k++ {
		if text[k] == '/' {
			return true // a path: "example.com/page?Id=3"
		}
		if text[k] == '.' && k > start && isASCIIAlnum(text[k-1]) && isASCIIAlnum(text[k+1]) {
			return true
		}
	}
	return false
}
