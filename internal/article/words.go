package article

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Word is one word of a paragraph: its byte offsets and a hash of its text
// with case folded, so that "The" and "the" hash alike. The parser finds a
// paragraph's words once; the rules and the facts that look at words
// (repeats, repeated sentences, near-duplicate shingles) read this list
// instead of walking the bytes again. A word takes 12 bytes, since a
// one-line file of 100 MB has 15 million of them; documents of 2 GiB or
// more therefore have no word lists.
type Word struct {
	Start, End int32
	// Hash is the top half of foldedHash: 32 bits tell a text's words
	// apart well enough for a filter and for shingles.
	Hash uint32
}

// WordHash returns the Hash that a Word of this text has, so that a rule
// can look for a word it knows (a verb, say) by its hash.
func WordHash(text []byte) uint32 { return uint32(foldedHash(text) >> 32) }

// HasWordLists reports whether the paragraphs list their words: they do
// unless the document is too large for a Word's offsets.
func (d *Doc) HasWordLists() bool { return len(d.Src) <= math.MaxInt32 }

// Span returns the word's span.
func (w Word) Span() Span { return Span{int(w.Start), int(w.End)} }

// Len returns the word's length in bytes.
func (w Word) Len() int { return int(w.End - w.Start) }

// word makes the Word of src[i:j] from its 64-bit hash.
func word(i, j int, h uint64) Word { return Word{int32(i), int32(j), uint32(h >> 32)} }

// appendWords appends the words of span s to out, with the same bounds as
// Doc.Words, and returns out. Most words are ASCII letters and digits
// followed by a space or a punctuation mark: asciiWords finds those in a
// loop without calls (so no spilling and reloading of its variables
// around a call for each word), and hands the
// rest (words outside ASCII or joined by an apostrophe or a hyphen, words
// near the end of src) to appendToken, one at a time.
func appendWords(out []Word, src []byte, s Span) []Word {
	if len(src) > math.MaxInt32 {
		return out // offsets would not fit (see Word and HasWordLists)
	}
	i, end := s.Start, s.End
	// A huge span (a dump on one line) gets room for its words at once, at
	// the one word per six bytes of prose, instead of by growing step by
	// step, each step copying the array and holding both copies.
	if n := (end - i) / 6; n > 1<<16 && cap(out)-len(out) < n {
		out = slices.Grow(out, n)
	}
	for i < end {
		if len(out) == cap(out) {
			out = slices.Grow(out, 64)
		}
		free := out[len(out):cap(out)]
		n, stop := asciiWords(free, src, i, end)
		out, i = out[:len(out)+n], stop
		if n < len(free) && i < end {
			out, i = appendToken(out, src, i, end)
		}
	}
	return out
}

// asciiWords writes to dst the words of src from i, before end, as long as
// they are plain: ASCII letters and digits followed by an ASCII byte that
// is not a joiner (a line break at the latest, so a word never passes
// end), with src holding eight bytes from where each word's last load
// starts. It returns how many words it wrote and where it stopped: at
// end, when dst is full, or at the start of a word or byte that is not
// plain, for appendToken.
func asciiWords(dst []Word, src []byte, i, end int) (n, stop int) {
	for i < end && n < len(dst) {
		c := src[i]
		if wordByte[c] == 0 {
			if c >= utf8.RuneSelf {
				break
			}
			i++
			continue
		}
		if i+8 > len(src) {
			break
		}
		// The word is read eight bytes at a time: each load yields both
		// the bytes to hash and, in k, how many of them are letters or
		// digits.
		var h uint64
		j := i
		x := binary.LittleEndian.Uint64(src[j : j+8])
		k := uint(bits.TrailingZeros64(notASCIIWord(x))) / 8
		for k == 8 {
			if j+16 > len(src) {
				return n, i
			}
			h = hashBlock(h, x|0x2020202020202020)
			j += 8
			x = binary.LittleEndian.Uint64(src[j : j+8])
			k = uint(bits.TrailingZeros64(notASCIIWord(x))) / 8
		}
		if t := byte(x >> (8 * k & 63)); t >= utf8.RuneSelf || t == '\'' || t == '-' {
			break // the word may go on
		}
		j += int(k)
		dst[n] = word(i, j, hashEnd(h, (x|0x2020202020202020)&(1<<(8*k&63)-1), j-i))
		n++
		i = j + 1 // past the byte after the word, which starts no word
	}
	return n, i
}

// appendToken appends the word that starts at i, before end, if one does,
// and returns out and where the next word may start: the general path,
// for what asciiWords leaves.
func appendToken(out []Word, src []byte, i, end int) ([]Word, int) {
	if c := src[i]; wordByte[c] != 0 {
		j, h := asciiRun(src, i)
		if j == end || src[j] < utf8.RuneSelf && src[j] != '\'' && src[j] != '-' {
			return append(out, word(i, j, h)), j
		}
		// The word may go on past an apostrophe, a hyphen or a letter
		// outside ASCII: the general path below.
	} else if c < utf8.RuneSelf {
		return out, i + 1
	} else if r, size := utf8.DecodeRune(src[i:end]); !IsWordRune(r) {
		return out, i + size
	}
	j := wordEnd(src, i, end)
	return append(out, word(i, j, foldedHash(src[i:j]))), j
}

// wordEnd returns the end of the word that starts at i, before end: letters
// and digits, with apostrophes (' and ’) and hyphens inside it.
func wordEnd(src []byte, i, end int) int {
	_, size := utf8.DecodeRune(src[i:end])
	i += size
	for i < end {
		if c := src[i]; c < utf8.RuneSelf && asciiWord[c] {
			i++
			continue
		}
		r, size := rune(src[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(src[i:end])
		}
		if IsWordRune(r) {
			i += size
			continue
		}
		if r == '\'' || r == '\u2019' || r == '-' {
			// a joiner, only inside a word
			if i+size < end {
				if nr, _ := utf8.DecodeRune(src[i+size : end]); IsWordRune(nr) {
					i += size
					continue
				}
			}
		}
		break
	}
	return i
}

// wordByte maps ASCII letters and digits to themselves folded to lower
// case and every other byte (those outside ASCII too) to 0.
var wordByte = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()

const (
	hashPrime1 = 0x9E3779B97F4A7C15
	hashPrime2 = 0xC2B2AE3D27D4EB4F
)

// A word's hash mixes its folded bytes in eight at a time (hashBlock),
// then the last one to eight bytes and the length (hashEnd). The three
// ways of computing it below (asciiWordHash, asciiRun, foldedHash) must
// agree, so they share these two steps.

func hashBlock(h, block uint64) uint64 {
	h = (h ^ block) * hashPrime2
	return h<<29 | h>>35
}

func hashEnd(h, last uint64, n int) uint64 { return (h ^ last ^ uint64(n)<<56) * hashPrime1 }

// asciiWordHash hashes src[i:j], a word of ASCII letters and digits only:
// folding to lower case is setting bit 0x20, which digits have already.
// Bytes are mixed in eight at a time; the last few are loaded as one
// word from src when it holds eight bytes from there, the bytes past j
// masked off. It equals foldedHash of the same word.
func asciiWordHash(src []byte, i, j int) uint64 {
	var h uint64
	k := i
	for ; k+8 <= j; k += 8 {
		h = hashBlock(h, binary.LittleEndian.Uint64(src[k:])|0x2020202020202020)
	}
	var acc uint64
	if tail := j - k; tail > 0 {
		if k+8 <= len(src) {
			acc = (binary.LittleEndian.Uint64(src[k:]) | 0x2020202020202020) & (1<<(8*tail) - 1)
		} else {
			for n, c := range src[k:j] {
				acc |= uint64(c|0x20) << (8 * n)
			}
		}
	}
	return hashEnd(h, acc, j-i)
}

// asciiRun returns the end of the run of ASCII letters and digits that
// starts at i, and asciiWordHash of the run. It reads eight bytes at a
// time: one load yields both the run's end and its bytes for the hash.
// A run cannot pass the end of a paragraph, which is a line break or the
// end of src.
func asciiRun(src []byte, i int) (int, uint64) {
	var h uint64
	j := i
	for j+8 <= len(src) {
		x := binary.LittleEndian.Uint64(src[j : j+8])
		stop := notASCIIWord(x)
		if stop == 0 {
			h = hashBlock(h, x|0x2020202020202020)
			j += 8
			continue
		}
		n := bits.TrailingZeros64(stop) / 8
		acc := (x | 0x2020202020202020) & (1<<(8*n) - 1)
		j += n
		return j, hashEnd(h, acc, j-i)
	}
	for j < len(src) && wordByte[src[j]] != 0 {
		j++
	}
	return j, asciiWordHash(src, i, j)
}

// notASCIIWord returns, for the eight bytes packed in x, a mask with the
// high bit of each byte set where the byte is not an ASCII letter or
// digit. Each range test adds a constant to every byte at once: for a
// byte below 0x80, b+(0x80-lo) has its high bit set exactly when b >= lo,
// and b+(0x7f-hi) exactly when b > hi, with no carry into the next byte.
func notASCIIWord(x uint64) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	ascii := x &^ high
	digit := (ascii + (0x80-'0')*ones) &^ (ascii + (0x7f-'9')*ones)
	lower := ascii | 0x20*ones // letters folded to lower case
	letter := (lower + (0x80-'a')*ones) &^ (lower + (0x7f-'z')*ones)
	return ^(digit|letter)&high | x&high
}

// foldedHash hashes a word of any letters: each rune lowered, its UTF-8
// bytes mixed in eight at a time like asciiWordHash's.
func foldedHash(word []byte) uint64 {
	var h, acc uint64
	k, n := 0, 0
	add := func(b byte) {
		acc |= uint64(b) << (8 * k)
		n++
		if k++; k == 8 {
			h = hashBlock(h, acc)
			acc, k = 0, 0
		}
	}
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if f := wordByte[c]; f != 0 {
				c = f
			}
			add(c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(word[i:])
		i += size
		for _, b := range buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))] {
			add(b)
		}
	}
	return hashEnd(h, acc, n)
}
