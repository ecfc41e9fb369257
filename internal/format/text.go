package format

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Article text reaches the formatters in messages, source lines, fix
// texts and paths. Two treatments keep it from doing harm or hiding:
//
//   - oneLine escapes it Go-style (\x1b, \u200b, \xff) for single-line
//     text: messages, paths, concise output. Nothing that a terminal acts
//     on (control characters, escape sequences, bidi overrides) and nothing
//     invisible survives, and the result never spans lines.
//   - visible renders a source line for the full format: tabs as "→" to
//     the next tab stop, invisible characters as <NAME> or <U+XXXX>, with
//     the display width of every piece so that underlines line up.

// oneLine returns s with every character that is a control character, a
// format character (zero-width, bidi, BOM), a line or paragraph separator
// or an invalid UTF-8 byte escaped.
func oneLine(s string) string {
	return escapeRunes(s, func(r rune) bool { return !needsEscape(r) })
}

// escapeRunes returns s with every character that keep refuses, and every
// invalid UTF-8 byte, written as a Go-style escape: \t \n \r, \xff for
// bytes and characters below U+0100, \u200b above.
func escapeRunes(s string, keep func(rune) bool) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || !keep(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keep(r):
			b.WriteString(s[i : i+size])
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += size
	}
	return b.String()
}

// needsEscape reports whether r may not be printed raw on one line.
// utf8.RuneError itself counts, so that invalid bytes are seen; a real
// U+FFFD in the text is printed as \ufffd, which is unambiguous.
func needsEscape(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
		r == utf8.RuneError || r == '\u2028' || r == '\u2029' ||
		unicode.Is(unicode.Cf, r)
}

// c0Names are the standard abbreviations of the C0 control characters.
var c0Names = [32]string{
	"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
}

// invisibleNames names the characters that look like nothing, or like a
// plain space, and that corpuslint's rules care about.
var invisibleNames = map[rune]string{
	'\u00a0': "NBSP", '\u00ad': "SHY", '\u034f': "CGJ", '\u061c': "ALM", '\u180e': "MVS",
	'\u200b': "ZWSP", '\u200c': "ZWNJ", '\u200d': "ZWJ", '\u200e': "LRM", '\u200f': "RLM",
	'\u2028': "LSEP", '\u2029': "PSEP", '\u202a': "LRE", '\u202b': "RLE", '\u202c': "PDF",
	'\u202d': "LRO", '\u202e': "RLO", '\u202f': "NNBSP", '\u205f': "MMSP", '\u2060': "WJ",
	'\u2066': "LRI", '\u2067': "RLI", '\u2068': "FSI", '\u2069': "PDI", '\ufeff': "BOM",
	'\u3164': "HF", '\uffa0': "HWHF",
}

// tabStop is the tab width in rendered source lines (as ruff uses).
const tabStop = 4

// piece is one character of a source line as displayed.
type piece struct {
	text   string
	width  int
	marker bool // text stands for an invisible character
}

// visible splits line into display pieces, one per code point (or invalid
// byte). col0 is the display column where line starts, for tab stops.
func visible(line string, col0 int) []piece {
	out := make([]piece, 0, len(line))
	col := col0
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		var p piece
		switch {
		case r == utf8.RuneError && size == 1:
			p = piece{text: fmt.Sprintf("<0x%02X>", line[i]), marker: true}
		case r == '\t':
			n := tabStop - col%tabStop
			p = piece{text: "→" + strings.Repeat(" ", n-1), marker: true}
		case r < 0x20:
			p = piece{text: "<" + c0Names[r] + ">", marker: true}
		case r == 0x7f:
			p = piece{text: "<DEL>", marker: true}
		case invisibleNames[r] != "":
			p = piece{text: "<" + invisibleNames[r] + ">", marker: true}
		case (r >= 0x80 && r < 0xa0) || (r >= 0x2000 && r <= 0x200a) ||
			unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r):
			p = piece{text: fmt.Sprintf("<U+%04X>", r), marker: true}
		default:
			p = piece{text: line[i : i+size], width: uniseg.StringWidth(line[i : i+size])}
		}
		if p.marker {
			p.width = utf8.RuneCountInString(p.text) // markers are ASCII but for "→"
		}
		col += p.width
		out = append(out, p)
		i += size
	}
	return out
}

// truncateUTF8 cuts s to at most n bytes without splitting a character.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
