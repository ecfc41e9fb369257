package article

import (
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestParagraphWordsMatchDocWords: the words the parser lists for each
// paragraph are exactly those Doc.Words finds in its span, on text mixing
// ASCII, apostrophes, hyphens, letters outside ASCII and invalid bytes.
func TestParagraphWordsMatchDocWords(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	pieces := []string{"a", "Bc", "xyz", "0", "9", " ", " ", "  ", "\n", "\n\n", "'", "’", "-", ",", ".", "é", "É", "ß", "\u0301", "—", "“", "\xff", "\xe2\x80", "Lebanon's", "al-Akhbar"}
	for n := 0; n < 2000; n++ {
		d := Parse("t.txt", randomArticle(r, pieces, r.Intn(40)), DefaultLayout())
		checkWordLists(t, d)
	}
}

// randomArticle is a well-formed head and a body of count random pieces.
func randomArticle(r *rand.Rand, pieces []string, count int) []byte {
	var b strings.Builder
	b.WriteString(" date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nTitle\n\nStory Code : 1\n")
	for ; count > 0; count-- {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return []byte(b.String())
}

// checkWordLists checks that each paragraph of d lists exactly the words
// Doc.Words finds in its span, each with the hash of its text.
func checkWordLists(t *testing.T, d *Doc) {
	t.Helper()
	for _, p := range d.Paragraphs {
		var want []Span
		d.Words(p.Span, func(w Span) bool { want = append(want, w); return true })
		got := make([]Span, 0, len(p.Words))
		for _, w := range p.Words {
			got = append(got, w.Span())
			if h := word(0, 0, foldedHash(d.Text(w.Span()))).Hash; w.Hash != h {
				t.Fatalf("%q: hash %x, want %x", d.Text(w.Span()), w.Hash, h)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q: words %v, want %v", d.Text(p.Span), got, want)
		}
	}
}

// TestWordHashFoldsCase: a word's hash ignores case, in ASCII and beyond,
// and tells different words apart.
func TestWordHashFoldsCase(t *testing.T) {
	same := [][2]string{{"the", "The"}, {"IRAQ", "iraq"}, {"Lebanon's", "LEBANON'S"}, {"École", "école"}, {"al-Akhbar", "AL-AKHBAR"}, {"abcdefghijk", "ABCDEFGHIJK"}}
	for _, p := range same {
		if a, b := foldedHash([]byte(p[0])), foldedHash([]byte(p[1])); a != b {
			t.Errorf("%q and %q hash apart", p[0], p[1])
		}
	}
	diff := [][2]string{{"the", "then"}, {"ab", "ba"}, {"abcdefgh", "abcdefgi"}, {"école", "ecole"}}
	for _, p := range diff {
		if foldedHash([]byte(p[0])) == foldedHash([]byte(p[1])) {
			t.Errorf("%q and %q hash alike", p[0], p[1])
		}
	}
}

// TestASCIIWordHashReadsPastWord: asciiWordHash loads a word's last bytes
// as one word from the text around it; what follows the word, and how
// near the end of the text it is, must not change the hash.
func TestASCIIWordHashReadsPastWord(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	const chars = "abcXYZ0129qQ ,.-'\xc3\xa9"
	for n := 1; n < 40; n++ {
		for range 50 {
			text := make([]byte, n+r.Intn(12))
			for k := range text {
				text[k] = chars[r.Intn(len(chars))]
			}
			i := r.Intn(len(text))
			j := i + 1 + r.Intn(len(text)-i)
			word := make([]byte, j-i)
			for k := range word {
				word[k] = "abcXYZ0129qQ"[r.Intn(12)]
			}
			copy(text[i:], word)
			if got, want := asciiWordHash(text, i, j), foldedHash(word); got != want {
				t.Fatalf("%q[%d:%d]: %x, want %x", text, i, j, got, want)
			}
		}
	}
}

// TestNotASCIIWord: the eight-at-a-time test agrees with the byte table
// for every byte value in every position, whatever its neighbours are.
func TestNotASCIIWord(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for pos := range 8 {
		for c := range 256 {
			for range 8 {
				var b [8]byte
				r.Read(b[:])
				b[pos] = byte(c)
				x := uint64(0)
				for k := 7; k >= 0; k-- {
					x = x<<8 | uint64(b[k])
				}
				got := notASCIIWord(x)
				for k := range 8 {
					want := wordByte[b[k]] == 0
					if (got>>(8*k+7))&1 == 1 != want {
						t.Fatalf("bytes %q: position %d: %v, want %v", b, k, !want, want)
					}
				}
			}
		}
	}
}

// TestASCIIRun: asciiRun finds the end of the run and its hash as the
// byte-by-byte definitions do, at every distance from the end of src.
func TestASCIIRun(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	const chars = "abcXYZ0129qQ@[`{/: ,.-'\n\x10\xc3\xa9\x7f"
	for range 20000 {
		src := make([]byte, 1+r.Intn(30))
		for k := range src {
			src[k] = chars[r.Intn(len(chars))]
		}
		i := r.Intn(len(src))
		if wordByte[src[i]] == 0 {
			continue
		}
		want := i
		for want < len(src) && wordByte[src[want]] != 0 {
			want++
		}
		j, h := asciiRun(src, i)
		if j != want || h != foldedHash(src[i:j]) {
			t.Fatalf("%q from %d: end %d hash %x, want %d %x", src, i, j, h, want, foldedHash(src[i:want]))
		}
	}
}

// TestReleasedDocLeavesNothing: a document parsed on the arrays of a
// released one is the same as one parsed afresh, whatever the released one
// held (more lines, paragraphs, words, quotes, a head that the new text
// lacks).
func TestReleasedDocLeavesNothing(t *testing.T) {
	long := " date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nA \"quoted\" title\n\nStory Code : 1152650\n" +
		strings.Repeat("He said “the the” words.  Again it’s here.\n\n", 50)
	texts := []string{long, "Only a body line.\n", "", long + "\r\n\r\n\r\n", "\n\n\nx\n\ny y\n"}
	layout := DefaultLayout()
	// The arrays the paragraphs share are compared through them.
	shown := func(d *Doc) *Doc {
		d.sentences, d.words, d.paragraphEnds = nil, nil, nil
		return d
	}
	reuses := 0
	for _, a := range texts {
		for _, b := range texts {
			fresh := Parse("b.txt", []byte(b), layout)
			old := Parse("a.txt", []byte(a), layout)
			old.Release()
			reused := Parse("b.txt", []byte(b), layout)
			if reused == old {
				reuses++
			}
			if !reflect.DeepEqual(shown(fresh), shown(reused)) {
				t.Fatalf("after releasing a parse of %q, %q parses differently", a, b)
			}
		}
	}
	if reuses == 0 {
		t.Error("no document was reused: the test tested nothing")
	}
}

// TestLongParagraphWordsMatchDocWords: long paragraphs, with words of
// every length, joiners, letters outside ASCII and invalid bytes, on
// documents parsed one after another on the same pooled arrays, list
// exactly the words Doc.Words finds.
func TestLongParagraphWordsMatchDocWords(t *testing.T) {
	r := rand.New(rand.NewSource(8))
	pieces := []string{"a", "word", "Iraqi", "internationalisation", "0123456789", " ", " ", " ", ", ", ". ", "\n",
		"'", "’", "-", "é", "École", "naïve", "\u0301", "—", "“", "\xff", "\xe2\x80", "Lebanon's", "al-Akhbar", "x-", "'s"}
	var oneLine []string
	for _, p := range pieces {
		if p != "\n" {
			oneLine = append(oneLine, p)
		}
	}
	layout := DefaultLayout()
	for n := range 3000 {
		count, pieces := r.Intn(120), pieces
		if n%10 == 0 {
			// Without line breaks: one paragraph of several kilobytes.
			count, pieces = 1000+r.Intn(3000), oneLine
		}
		d := Parse("t.txt", randomArticle(r, pieces, count), layout)
		checkWordLists(t, d)
		d.Release()
	}
}

// TestAppendWordsStops: appendWords agrees with Doc.Words and foldedHash
// whatever stops its fast loop: an output array that fills after any
// word, words of every length near the end of src, joiners, letters
// outside ASCII, and control bytes that fold like digits (0x10-0x19).
func TestAppendWordsStops(t *testing.T) {
	r := rand.New(rand.NewSource(9))
	pieces := []string{"a", "Ab", "the", "Iraqi", "abcdefg", "abcdefgh", "abcdefghi", "internationalisation", "0123456789",
		" ", " ", ", ", ". ", "\n", "\x10", "\x19", "\x1a", "@", "[", "`", "{", "'", "’", "-", "é", "\xff", "x-", "'s"}
	for n := range 5000 {
		var b strings.Builder
		for count := r.Intn(30); count > 0; count-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		src := []byte(b.String())
		start := 0
		if len(src) > 0 {
			start = r.Intn(len(src) + 1)
		}
		// The span ends at a line break or at the end of src, as a
		// paragraph does.
		end := len(src)
		if k := strings.IndexByte(string(src[start:]), '\n'); k >= 0 {
			end = start + k
		}
		d := &Doc{Src: src}
		var want []Span
		d.Words(Span{start, end}, func(w Span) bool { want = append(want, w); return true })
		// A small output array fills after a word or two.
		out := make([]Word, n%3, n%3+n%4)
		got := appendWords(out, src, Span{start, end})[n%3:]
		if len(got) != len(want) {
			t.Fatalf("%q[%d:%d]: %d words, want %d", src, start, end, len(got), len(want))
		}
		for k, w := range got {
			if w.Span() != want[k] || w.Hash != WordHash(src[w.Start:w.End]) {
				t.Fatalf("%q[%d:%d]: word %d is %v %x, want %v %x", src, start, end, k, w.Span(), w.Hash, want[k], WordHash(d.Text(want[k])))
			}
		}
	}
}
