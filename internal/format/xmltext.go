package format

import (
	"encoding/xml"
	"io"
	"unicode/utf8"
)

// xmlSafe makes s representable in XML 1.0: characters that XML forbids
// (most C0 controls, U+FFFE, U+FFFF) and invalid UTF-8 bytes are written
// as visible escapes (\x1b, \xff, \ufffe) instead of being dropped, and C1
// controls, which XML discourages, likewise. encoding/xml then escapes
// markup, quotes, tabs, CR and LF, so every value round-trips.
func xmlSafe(s string) string {
	return escapeRunes(s, func(r rune) bool {
		return r == '\t' || r == '\n' || r == '\r' ||
			(r >= 0x20 && r < 0x7f) || (r >= 0xa0 && r <= 0xd7ff) ||
			(r >= 0xe000 && r <= 0xfffd && r != utf8.RuneError) || r >= 0x10000
	})
}

// writeXML writes the XML declaration, v indented, and a final newline.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
