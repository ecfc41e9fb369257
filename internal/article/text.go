package article

import (
	"unicode"
	"unicode/utf8"
)

// isAbbreviationWord reports whether w (in lower case) is an abbreviation
// that ends in a period that does not end a sentence. Single letters
// (initials, "U.S.") are handled apart. A switch rather than a map: the
// compiler turns it into a search by length and bytes, which costs less
// than hashing the word, and the test runs for most sentence ends
// (isAbbreviation was 22% of BenchmarkSplitSentences with a map).
func isAbbreviationWord(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr",
		"gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
		"gov", "sen", "rep", "pres", "rev", "hon", "amb",
		"vs", "etc", "no", "nos", "inc", "ltd", "co", "corp",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec", "approx", "est",
		"fig", "vol", "op", "al", "ft", "mt":
		return true
	}
	return false
}

// closers may follow a sentence's final mark before the space.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '\u201d', '\u2019', ')', ']', '\u00bb':
		return true
	}
	return false
}

// splitSentences splits a paragraph into sentences at ". ", "! ", "? "
// (closing quotes and brackets may sit between), when the next sentence
// starts with a capital, a digit or an opening quote, and the period does
// not end an abbreviation or an initial. It appends to out and returns it.
// marks (from sentenceMarks) finds the marks; it may run past the
// paragraph, and the calls for successive paragraphs share it.
func splitSentences(out []Span, src []byte, para Span, marks *NextByte) []Span {
	start := para.Start
	text := src[:para.End]
	for i := para.Start; i < para.End; i++ {
		if i = marks.From(i); i >= para.End {
			break
		}
		c := text[i]
		j := i + 1
		for j < para.End && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
			j++
		}
		for j < para.End {
			r, size := utf8.DecodeRune(text[j:])
			if !isCloser(r) {
				break
			}
			j += size
		}
		if j >= para.End || (text[j] != ' ' && text[j] != '\n' && text[j] != '\r' && text[j] != '\t') {
			i = j - 1
			continue
		}
		k := j
		for k < para.End && (text[k] == ' ' || text[k] == '\n' || text[k] == '\r' || text[k] == '\t') {
			k++
		}
		if k >= para.End {
			break
		}
		next, _ := utf8.DecodeRune(text[k:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '"' || next == '\u201c' || next == '\'' || next == '\u2018' || next == '(') {
			i = k - 1
			continue
		}
		if c == '.' && j == i+1 && isAbbreviation(text, start, i) {
			i = k - 1
			continue
		}
		out = append(out, trimSpan(src, Span{start, j}))
		start = k
		i = k - 1
	}
	if start < para.End {
		out = append(out, trimSpan(src, Span{start, para.End}))
	}
	return out
}

// sentenceMarks returns the search for the marks that may end a sentence
// in src[:end]. One search serves all the paragraphs of a body: a search
// per paragraph would cost a scan of the paragraph for each mark that it
// lacks, and most lack '!' and '?'.
func sentenceMarks(src []byte, end int) NextByte { return NewNextByte(src, end, ".!?") }

// isAbbreviation reports whether the word ending just before the period at
// dot is an abbreviation or initial.
func isAbbreviation(src []byte, min, dot int) bool {
	w := dot
	for w > min && (isASCIILetter(src[w-1]) || src[w-1] == '.') {
		w--
	}
	word := src[w:dot]
	if len(word) == 0 {
		return false
	}
	if len(word) == 1 || word[len(word)-2] == '.' || (len(word) >= 2 && word[1] == '.') {
		return true // "J.", "U.S", "e.g"
	}
	if len(word) > 5 {
		return false
	}
	var lower [5]byte
	for k := range word {
		c := word[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[k] = c
	}
	return isAbbreviationWord(string(lower[:len(word)]))
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func trimSpan(src []byte, s Span) Span {
	for s.Start < s.End && (src[s.Start] == ' ' || src[s.Start] == '\t' || src[s.Start] == '\n' || src[s.Start] == '\r') {
		s.Start++
	}
	for s.End > s.Start && (src[s.End-1] == ' ' || src[s.End-1] == '\t' || src[s.End-1] == '\n' || src[s.End-1] == '\r') {
		s.End--
	}
	return s
}

// asciiWord marks the ASCII bytes that are word characters.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// IsWordRune reports whether r can be part of a word.
func IsWordRune(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Words calls fn for each word in span s, in order, until fn returns
// false. A word is a run of letters and digits, with apostrophes (' and ’)
// and hyphens inside it: "Lebanon's", "al-Akhbar", "39,700" is two words.
// Words works on any span; a paragraph's words are also listed, with
// their hashes, in Paragraph.Words.
func (d *Doc) Words(s Span, fn func(w Span) bool) {
	src := d.Src
	for i := s.Start; i < s.End; {
		if c := src[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRune(src[i:s.End]); !IsWordRune(r) {
			i += size
			continue
		}
		j := wordEnd(src, i, s.End)
		if !fn(Span{i, j}) {
			return
		}
		i = j
	}
}
