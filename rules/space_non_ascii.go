package rules

import (
	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/lint"
)

// SpaceNonASCIIOptions configures space/non-ascii.
type SpaceNonASCIIOptions struct {
	Allow []string `yaml:"allow" doc:"code points to accept, written U+3000"`
}

// SpaceNonASCII: spaces are U+0020.
var SpaceNonASCII = register(&lint.Rule{
	ID:       "space/non-ascii",
	Severity: lint.Warning,
	Summary:  "Space character other than U+0020",
	Doc: `Checks the file for space characters other than the ASCII space: no-break
space (U+00A0), thin space (U+2009), narrow no-break space (U+202F),
ideographic space (U+3000) and the other Unicode space separators. They
look like spaces but are not matched as spaces by most tools: a search for
"39,700 martyrs" misses "39,700\u00a0martyrs", and a head line with one no
longer matches its template. Each is named in the message by code point.
The option allow lists code points to accept (e.g. U+3000 in a corpus with
Japanese text).

Bad:  "resulting in over 39,700<U+00A0>martyrs"
Good: "resulting in over 39,700 martyrs"

Fix: replaces the character with an ASCII space, or deletes it when an
ASCII space or the end of the line is next to it (safe: whitespace only).`,
	Fix:     lint.FixAlways,
	Options: &SpaceNonASCIIOptions{},
	Run: func(p *lint.Pass) {
		d := p.Doc
		opts, _ := p.Options.(*SpaceNonASCIIOptions)
		allowed := allowedRunes(opts)
		eachNotable(d, article.KindSpace, func(n article.Notable) {
			if allowed[n.Rune] {
				return
			}
			l := d.Lines[d.LineAt(n.Offset)]
			start, end := n.Offset, n.Offset+n.Size
			repl, desc := " ", "replace with a space"
			if (start == l.Start || end == l.End || d.Src[start-1] == ' ' || d.Src[end] == ' ') && !deletionJoins(d.Src, start, end) {
				repl, desc = "", "delete it"
			}
			p.Reportf(lintSpan(start, end), lint.SafeFix(desc, start, end, repl), "non-ASCII space %s", runeLabel(n.Rune))
		})
	},
})

// allowedRunes reads a list of "U+XXXX" code points; malformed entries are
// ignored (the configuration loader validates options).
func allowedRunes(opts *SpaceNonASCIIOptions) map[rune]bool {
	if opts == nil || len(opts.Allow) == 0 {
		return nil
	}
	m := map[rune]bool{}
	for _, s := range opts.Allow {
		if r, ok := parseCodePoint(s); ok {
			m[r] = true
		}
	}
	return m
}
