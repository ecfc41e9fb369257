package rules

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/article"
)

// Helpers shared by the space/*, encoding/* and scraped-page layout rules.

// templatedLine reports whether line i is a head line built from the
// layout's templates (header, dateline, story code). Their spacing is the
// template's business ("Story Code : 1152650" has a space before the colon
// on purpose), so the prose spacing rules skip them.
func templatedLine(d *article.Doc, i int) bool {
	return d.Header != nil && d.Header.LineIndex == i ||
		d.Dateline != nil && d.Dateline.LineIndex == i ||
		d.StoryCode != nil && d.StoryCode.LineIndex == i
}

// eachProseLine calls fn for the title line and every non-blank body line:
// the text that the prose spacing rules check.
func eachProseLine(d *article.Doc, fn func(i int, text []byte, start int)) {
	if d.Title != nil && d.Title.LineIndex < d.BodyLine {
		l := d.Lines[d.Title.LineIndex]
		fn(d.Title.LineIndex, d.Src[l.Start:l.End], l.Start)
	}
	for _, p := range d.Paragraphs {
		for i := p.FirstLine; i <= p.LastLine; i++ {
			l := d.Lines[i]
			fn(i, d.Src[l.Start:l.End], l.Start)
		}
	}
}

// eachSpacingLine calls fn, in the order of eachProseLine, for the prose
// lines that hold spacing pairs (see article.Scan.Spacing), with the
// offsets of their pairs in the file: the lines of clean prose are not
// walked at all.
func eachSpacingLine(d *article.Doc, fn func(i int, text []byte, start int, pairs []int)) {
	pairs := d.Scan.Spacing
	if len(pairs) == 0 {
		return
	}
	eachProseLine(d, func(i int, text []byte, start int) {
		for len(pairs) > 0 && pairs[0] < start {
			pairs = pairs[1:]
		}
		n := 0
		for n < len(pairs) && pairs[n] < start+len(text) {
			n++
		}
		if n > 0 {
			fn(i, text, start, pairs[:n])
			pairs = pairs[n:]
		}
	})
}

// eachNotable calls fn for each notable character of the given kind.
func eachNotable(d *article.Doc, kind article.Kind, fn func(n article.Notable)) {
	for _, n := range d.Scan.Notable {
		if n.Kind == kind {
			fn(n)
		}
	}
}

// runeNames names the characters the space and encoding rules report.
var runeNames = map[rune]string{
	0x09: "CHARACTER TABULATION", 0x0b: "LINE TABULATION", 0x0c: "FORM FEED", 0x00: "NULL",
	0x7f: "DELETE", 0x85: "NEXT LINE", 0x1b: "ESCAPE", 0x08: "BACKSPACE", 0x07: "BELL",
	0xa0: "NO-BREAK SPACE", 0xad: "SOFT HYPHEN", 0x1680: "OGHAM SPACE MARK",
	0x2000: "EN QUAD", 0x2001: "EM QUAD", 0x2002: "EN SPACE", 0x2003: "EM SPACE",
	0x2004: "THREE-PER-EM SPACE", 0x2005: "FOUR-PER-EM SPACE", 0x2006: "SIX-PER-EM SPACE",
	0x2007: "FIGURE SPACE", 0x2008: "PUNCTUATION SPACE", 0x2009: "THIN SPACE", 0x200a: "HAIR SPACE",
	0x200b: "ZERO WIDTH SPACE", 0x200e: "LEFT-TO-RIGHT MARK", 0x200f: "RIGHT-TO-LEFT MARK",
	0x202f: "NARROW NO-BREAK SPACE", 0x205f: "MEDIUM MATHEMATICAL SPACE", 0x2060: "WORD JOINER",
	0x3000: "IDEOGRAPHIC SPACE", 0xfeff: "ZERO WIDTH NO-BREAK SPACE",
}

// runeLabel writes a character as "U+00A0 NO-BREAK SPACE".
func runeLabel(r rune) string {
	if name, ok := runeNames[r]; ok {
		return fmt.Sprintf("U+%04X %s", r, name)
	}
	return fmt.Sprintf("U+%04X", r)
}

// isSpaceByte reports an ASCII space or tab.
func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' }

// maxToken bounds how far the URL and e-mail test looks for the ends of a
// token, so that a huge line without spaces costs linear time overall.
const maxToken = 256

// inAddress reports whether offset i of line sits in a web address or an
// e-mail address: the space-delimited token around it contains "://", "@"
// or starts with "www.". A token longer than maxToken either way is not
// prose and counts as an address.
func inAddress(line []byte, i int) bool {
	start := i
	for start > 0 && !isSpaceByte(line[start-1]) {
		start--
		if i-start > maxToken {
			return true
		}
	}
	end := i
	for end < len(line) && !isSpaceByte(line[end]) {
		end++
		if end-i > maxToken {
			return true
		}
	}
	tok := line[start:end]
	for k := 0; k < len(tok); k++ {
		switch tok[k] {
		case '@':
			return true
		case ':':
			if k+2 < len(tok) && tok[k+1] == '/' && tok[k+2] == '/' {
				return true
			}
		}
	}
	return len(tok) >= 4 && (tok[0] == 'w' || tok[0] == 'W') && (tok[1] == 'w' || tok[1] == 'W') &&
		(tok[2] == 'w' || tok[2] == 'W') && tok[3] == '.'
}

// foldedLettersEqual reports whether a and b hold the same sequence of
// letters and digits after case folding: the invariant that safe fixes
// keep.
func foldedLettersEqual(a, b []byte) bool {
	next := func(s []byte) (rune, []byte) {
		for len(s) > 0 {
			r, n := utf8.DecodeRune(s)
			s = s[n:]
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return foldRune(r), s
			}
		}
		return -1, s
	}
	for {
		var ra, rb rune
		ra, a = next(a)
		rb, b = next(b)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
	}
}

// foldRune maps a rune to the smallest member of its case-folding orbit.
func foldRune(r rune) rune {
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < m {
			m = f
		}
	}
	return m
}

// Mojibake: UTF-8 text decoded as Windows-1252 or Latin-1 turns each
// multi-byte character into two to four characters, the lead byte's image
// (U+00C2..U+00F4: "Ã", "â") followed by the images of continuation bytes
// ("©", "€", "™"). A sequence is repaired only when re-encoding the
// repaired character gives back exactly the characters in the file, under
// one code page.

// mojibakeSeq is one repaired sequence.
type mojibakeSeq struct {
	span   article.Span
	repair rune
	// strong is set for sequences that ordinary text practically never
	// contains: three- and four-byte sequences, and two-byte sequences led
	// by "Â" or "Ã". Other two-byte sequences ("É" followed by "”") can be
	// real text, and count only next to another sequence.
	strong bool
}

// mojibakeAt reads a sequence starting at offset i (below end). ok is false
// when the characters there are not a round-tripping sequence.
func mojibakeAt(src []byte, i, end int) (seq mojibakeSeq, ok bool) {
	lead, size := utf8.DecodeRune(src[i:end])
	if lead < 0xc2 || lead > 0xf4 {
		return seq, false
	}
	need := 1
	if lead >= 0xf0 {
		need = 3
	} else if lead >= 0xe0 {
		need = 2
	}
	var raw [4]byte
	raw[0] = byte(lead)
	images := [4]rune{lead}
	j := i + size
	for k := 1; k <= need; k++ {
		if j >= end {
			return seq, false
		}
		r, n := utf8.DecodeRune(src[j:end])
		b := article.ContinuationByte(r)
		if b < 0 {
			return seq, false
		}
		raw[k] = byte(b)
		images[k] = r
		j += n
	}
	repair, n := utf8.DecodeRune(raw[:need+1])
	if repair == utf8.RuneError || n != need+1 || repair < 0xa0 {
		return seq, false
	}
	// Round trip: one code page must map every byte to the image found.
	cp1252, latin1 := true, true
	for k := 0; k <= need; k++ {
		cp1252 = cp1252 && article.Cp1252Rune(raw[k]) == images[k]
		latin1 = latin1 && rune(raw[k]) == images[k]
	}
	if !cp1252 && !latin1 {
		return seq, false
	}
	strong := need > 1 || lead == 0xc2 || lead == 0xc3
	return mojibakeSeq{span: article.Span{Start: i, End: j}, repair: repair, strong: strong}, true
}

// mojibakeRun is a run of adjacent sequences repaired together.
type mojibakeRun struct {
	span   article.Span
	repair string
}

// findMojibake returns the runs of mojibake in the document, from the
// leads that the scan found. A run is kept when it holds a strong sequence
// or at least two sequences.
func findMojibake(d *article.Doc) []mojibakeRun {
	var runs []mojibakeRun
	var cur []mojibakeSeq
	flush := func() {
		keep := len(cur) >= 2
		for _, s := range cur {
			keep = keep || s.strong
		}
		if keep {
			repair := make([]byte, 0, 4*len(cur))
			for _, s := range cur {
				repair = utf8.AppendRune(repair, s.repair)
			}
			runs = append(runs, mojibakeRun{span: article.Span{Start: cur[0].span.Start, End: cur[len(cur)-1].span.End}, repair: string(repair)})
		}
		cur = cur[:0]
	}
	lineEnd := func(off int) int { l := d.Lines[d.LineAt(off)]; return l.End }
	for _, n := range d.Scan.Notable {
		if n.Kind != article.KindMojibakeLead {
			continue
		}
		if len(cur) > 0 && n.Offset < cur[len(cur)-1].span.End {
			continue // a lead image inside the previous sequence
		}
		seq, ok := mojibakeAt(d.Src, n.Offset, lineEnd(n.Offset))
		if !ok {
			continue
		}
		if len(cur) > 0 && cur[len(cur)-1].span.End != seq.span.Start {
			flush()
		}
		cur = append(cur, seq)
	}
	if len(cur) > 0 {
		flush()
	}
	return runs
}

// isTitleLine reports whether line i is the title.
func isTitleLine(d *article.Doc, i int) bool { return d.Title != nil && d.Title.LineIndex == i }

// isProseLine reports whether line i is the title or a non-blank body line.
func isProseLine(d *article.Doc, i int) bool {
	if d.Title != nil && d.Title.LineIndex == i {
		return true
	}
	return i >= d.BodyLine && i < len(d.Lines) && !d.Lines[i].Blank(d.Src)
}

// punctAfterSpace holds the marks that take no space before them.
func punctAfterSpace(c byte) bool {
	switch c {
	case ',', '.', ';', ':', '!', '?', ')':
		return true
	}
	return false
}

// spaceBeforeMark reports whether the spaces text[start:i] (i < len(text),
// start > 0) stand before a mark that takes no space before it:
// , . ; : ! ? ). The exceptions keep real text silent: an ellipsis
// ("and so on ..."), a period or comma opening a token (".NET", ".5"), a
// label line in the body ("Source : IRNA", "News Link : ..."; labels is
// false for the title, where "Doha Talks : Mediators Cite" is a slip), and marks after
// anything but a word or a closing quote or bracket.
func spaceBeforeMark(text []byte, start, i int, labels bool) bool {
	c := text[i]
	if !punctAfterSpace(c) {
		return false
	}
	if prev, _ := utf8.DecodeLastRune(text[:start]); !article.IsWordRune(prev) && !closingMark(prev) {
		return false
	}
	var next byte
	if i+1 < len(text) {
		next = text[i+1]
	}
	switch c {
	case '.':
		if next == '.' || next == ' ' && i+2 < len(text) && text[i+2] == '.' {
			return false // ellipsis
		}
		if next >= utf8.RuneSelf || isASCIIAlnum(next) {
			return false // ".NET", ".5"
		}
	case ',':
		if isASCIIDigit(next) {
			return false // ",5" in a list of decimals written the European way
		}
	case ':':
		if labels && labelBefore(text, start) {
			return false
		}
		if next == ')' || next == '(' || next == '-' {
			return false // emoticon
		}
	}
	return true
}

// labelBefore reports whether text[:start] is a short label of at most
// three words, as in "Story Code : 1152650" or "News Link : ...".
func labelBefore(text []byte, start int) bool {
	words := 0
	inWord := false
	for k := 0; k < start; k++ {
		c := text[k]
		switch {
		case c == ' ' || c == '\t':
			inWord = false
		case isASCIIAlnum(c) || c >= utf8.RuneSelf || c == '-' || c == '.' || c == '\'':
			if !inWord {
				words++
				inWord = true
			}
		default:
			return false
		}
		if words > 3 {
			return false
		}
	}
	return words > 0
}

// closingMark reports a closing quote or bracket.
func closingMark(r rune) bool {
	switch r {
	case '"', '\'', '\u201d', '\u2019', ')', ']', '\u00bb':
		return true
	}
	return false
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }
func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// parseCodePoint reads "U+00A0" (or "u+a0").
func parseCodePoint(s string) (rune, bool) {
	if len(s) < 3 || (s[0] != 'U' && s[0] != 'u') || s[1] != '+' {
		return 0, false
	}
	var r rune
	for _, c := range s[2:] {
		switch {
		case c >= '0' && c <= '9':
			r = r*16 + c - '0'
		case c >= 'a' && c <= 'f':
			r = r*16 + c - 'a' + 10
		case c >= 'A' && c <= 'F':
			r = r*16 + c - 'A' + 10
		default:
			return 0, false
		}
		if r > unicode.MaxRune {
			return 0, false
		}
	}
	return r, true
}

// deleteLineForward returns the bytes to delete to remove line i of the
// body together with the blank lines after it, so that the next paragraph
// takes its place.
func deleteLineForward(d *article.Doc, i int) (start, end int) {
	start = d.Lines[i].Start
	j := i + 1
	for j < len(d.Lines) && d.Lines[j].Blank(d.Src) {
		j++
	}
	if j < len(d.Lines) {
		return start, d.Lines[j].Start
	}
	// Nothing follows: keep the line terminator of the line before, if any.
	end = len(d.Src)
	if i > 0 && start > 0 {
		prev := d.Lines[i-1]
		if prev.End+prev.EOL == start && !d.Lines[i-1].Blank(d.Src) {
			return prev.End, d.Lines[i].End
		}
	}
	return start, end
}

// deletionJoins reports whether deleting src[start:end] would bring two
// invalid bytes together, which can make them a valid character ("\xc3",
// deleted U+200B, "\xa9" becomes "é"): the deletion would then change the
// text's letters.
func deletionJoins(src []byte, start, end int) bool {
	if start == 0 || end >= len(src) || src[start-1] < utf8.RuneSelf || src[end] < utf8.RuneSelf {
		return false
	}
	before, n := utf8.DecodeLastRune(src[:start])
	after, m := utf8.DecodeRune(src[end:])
	return before == utf8.RuneError && n == 1 || after == utf8.RuneError && m == 1
}

// indentEnd returns the length of a line's leading spaces and tabs.
func indentEnd(text []byte) int {
	i := 0
	for i < len(text) && isSpaceByte(text[i]) {
		i++
	}
	return i
}
