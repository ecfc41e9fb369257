package facts_test

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/corpusgen"
	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/textpos"
)

const sample = " date 2024-08-07 3\r\nWednesday 7 August 2024 - 21:29\r\n\r\n“Iraqi”  Resistance: Ain Al Assad 😀 Operation\r\n\r\nStory Code : 1152650\r\n" +
	"Lebanon's al-Akhbar newspaper reported ‘sources’.\r\nA second line of the first paragraph 😀 ends here.\r\n\r\nShort one.\r\n"

func TestExtractResolvesLikeTextpos(t *testing.T) {
	// The same article in plain ASCII, where a byte is a character.
	ascii := strings.NewReplacer("“", "\"", "”", "\"", "‘", "'", "’", "'", "😀", ":-)").Replace(sample)
	for _, text := range []string{sample, ascii} {
		checkResolvesLikeTextpos(t, text)
	}
}

func checkResolvesLikeTextpos(t *testing.T, text string) {
	src := []byte(text)
	doc := article.Parse("a.txt", src, article.DefaultLayout())
	f := facts.Extract(doc)
	idx := textpos.NewIndex(src)
	check := func(what string, s facts.Span, start, end int) {
		t.Helper()
		if got, want := s.Start.Position(), idx.Pos(start); got != want {
			t.Errorf("%s start: got %+v, want %+v", what, got, want)
		}
		if got, want := s.End.Position(), idx.Pos(end); got != want {
			t.Errorf("%s end: got %+v, want %+v", what, got, want)
		}
	}
	check("title", f.TitleSpan(), doc.Title.Span.Start, doc.Title.Span.End)
	check("code", f.CodeSpan(), doc.StoryCode.Code.Start, doc.StoryCode.Code.End)
	ix, _ := doc.Header.Field("index")
	check("index", f.IndexSpan(), ix.Span.Start, ix.Span.End)
	spans := f.ParagraphSpans()
	if len(spans) != 2 {
		t.Fatalf("%d paragraph spans, want 2", len(spans))
	}
	for i, p := range doc.Paragraphs {
		check("paragraph", spans[i], p.Span.Start, p.Span.End)
	}
	if f.Code != "1152650" || f.Index != 3 || facts.Day(f.Date).Format("2006-01-02") != "2024-08-07" {
		t.Errorf("code %q index %d date %d", f.Code, f.Index, f.Date)
	}
	if want := `"iraqi" resistance: ain al assad 😀 operation`; text == sample && f.Title != want {
		t.Errorf("title %q, want %q", f.Title, want)
	}
}

func TestBodyHashIgnoresHeadAndEndSpaces(t *testing.T) {
	parse := func(s string) *facts.File {
		return facts.Extract(article.Parse("x.txt", []byte(s), article.DefaultLayout()))
	}
	a := parse(" date 2024-08-07 0\nWednesday 7 August 2024 - 21:29\n\nOne\n\nStory Code : 1\nFirst paragraph.\n\nSecond.\n")
	b := parse(" date 2024-08-09 0\nFriday 9 August 2024 - 10:00\n\nTwo\n\nStory Code : 2\nFirst paragraph.  \n\nSecond.\n")
	c := parse(" date 2024-08-09 0\nFriday 9 August 2024 - 10:00\n\nTwo\n\nStory Code : 2\nSecond.\n\nFirst paragraph.\n")
	if a.BodyHash != b.BodyHash {
		t.Error("same paragraphs, different body hashes")
	}
	if a.BodyHash == c.BodyHash {
		t.Error("paragraph order ignored by the body hash")
	}
}

func corpus(n int) []*facts.File {
	g := corpusgen.New(corpusgen.Options{Seed: 3, Files: n, DefectRate: 0.02})
	layout := article.DefaultLayout()
	out := make([]*facts.File, n)
	for i := range out {
		text, _ := g.Article(i)
		out[i] = facts.Extract(article.Parse(g.Path(i), text, layout))
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	files := append(corpus(200), facts.Extract(article.Parse("empty.txt", nil, article.DefaultLayout())))
	var buf bytes.Buffer
	if err := facts.Write(&buf, files); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	back, err := facts.Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(files) {
		t.Fatalf("read %d files, wrote %d", len(back), len(files))
	}
	for i := range files {
		a, b := files[i], back[i]
		if a.Path != b.Path || a.Code != b.Code || a.Title != b.Title || a.Date != b.Date || a.Index != b.Index ||
			a.BodyHash != b.BodyHash || a.Words != b.Words || a.Sketch != b.Sketch ||
			a.TitleSpan() != b.TitleSpan() || a.BodySpan() != b.BodySpan() {
			t.Fatalf("file %d differs after the round trip", i)
		}
	}
	// Every truncation is an error, never a panic or a short result.
	for _, cut := range []int{0, 5, len(data) / 3, len(data) - 1} {
		if _, err := facts.Read(bytes.NewReader(data[:cut])); err == nil {
			t.Errorf("reading %d of %d bytes: no error", cut, len(data))
		}
	}
	header := []byte("facts\n" + string(rune(facts.Version)))
	other := bytes.Replace(data[:40], header, []byte("facts\n\x7f"), 1)
	if bytes.Equal(other, data[:40]) {
		t.Fatal("the header holds no version to change")
	}
	if _, err := facts.Read(bytes.NewReader(append(other, data[40:]...))); err == nil || !strings.Contains(err.Error(), "another version") {
		t.Errorf("another version: %v", err)
	}
}

// TestMemoryBudget measures the heap that the facts of 20,000 generated
// articles hold, and checks the per-article figure against the budget
// (100,000 articles well under 100 MiB).
func TestMemoryBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 20,000 articles")
	}
	const n = 20000
	per := heapPerArticle(n, func() any { return corpus(n) })
	t.Logf("facts: %.0f bytes per article in memory, %.1f MiB per 100,000", per, per*100000/(1<<20))
	if per > 700 {
		t.Errorf("facts take %.0f bytes per article; the budget is 700 (70 MiB per 100,000)", per)
	}
}

// heapPerArticle returns how much the heap grows, per article, by what
// build returns for n articles, while it is still held.
func heapPerArticle(n int, build func() any) float64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	held := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(held)
	return float64(after.HeapAlloc-before.HeapAlloc) / float64(n)
}

// parsedDocs returns 1,000 generated articles, parsed, and their size in bytes.
func parsedDocs() ([]*article.Doc, int) {
	g := corpusgen.New(corpusgen.Options{Seed: 5, Files: 1000})
	texts, size := g.Texts()
	layout := article.DefaultLayout()
	docs := make([]*article.Doc, len(texts))
	for i, text := range texts {
		docs[i] = article.Parse(g.Path(i), text, layout)
	}
	return docs, size
}

func BenchmarkExtract(b *testing.B) {
	docs, size := parsedDocs()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		facts.Extract(docs[i%len(docs)])
	}
}

// BenchmarkStoreExtract is BenchmarkExtract as a run keeps facts: in a
// Store, built in place.
func BenchmarkStoreExtract(b *testing.B) {
	docs, size := parsedDocs()
	b.SetBytes(int64(size))
	b.ResetTimer()
	var s facts.Store
	for i := 0; i < b.N; i++ {
		s.Extract(docs[i%len(docs)])
	}
}

// BenchmarkCodec compares the facts format with gob and JSON on the same
// records, for size (bytes/article) and speed.
func BenchmarkCodec(b *testing.B) {
	files := corpus(2000)
	type plain struct { // what gob and JSON can see of a File
		Path, Code, Title  string
		Date, Index        int32
		BodyHash           uint64
		Words              uint32
		Sketch             facts.Sketch
		Paragraphs         []uint64
		Title0, Code0, Idx facts.Span
		Spans              []facts.Span
	}
	plains := make([]plain, len(files))
	for i, f := range files {
		plains[i] = plain{f.Path, f.Code, f.Title, f.Date, f.Index, f.BodyHash, f.Words, f.Sketch, f.Paragraphs,
			f.TitleSpan(), f.CodeSpan(), f.IndexSpan(), f.ParagraphSpans()}
	}
	b.Run("facts-write", func(b *testing.B) {
		var buf bytes.Buffer
		for i := 0; i < b.N; i++ {
			buf.Reset()
			facts.Write(&buf, files)
		}
		b.ReportMetric(float64(buf.Len())/float64(len(files)), "bytes/article")
	})
	var enc bytes.Buffer
	facts.Write(&enc, files)
	b.Run("facts-read", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			facts.Read(bytes.NewReader(enc.Bytes()))
		}
	})
	b.Run("gob-write", func(b *testing.B) {
		var buf bytes.Buffer
		for i := 0; i < b.N; i++ {
			buf.Reset()
			gob.NewEncoder(&buf).Encode(plains)
		}
		b.ReportMetric(float64(buf.Len())/float64(len(files)), "bytes/article")
	})
	var g bytes.Buffer
	gob.NewEncoder(&g).Encode(plains)
	b.Run("gob-read", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var out []plain
			gob.NewDecoder(bytes.NewReader(g.Bytes())).Decode(&out)
		}
	})
	b.Run("json-write", func(b *testing.B) {
		var n int
		for i := 0; i < b.N; i++ {
			data, _ := json.Marshal(plains)
			n = len(data)
		}
		b.ReportMetric(float64(n)/float64(len(files)), "bytes/article")
	})
}

func sameFacts(a, b *facts.File) bool {
	return a.Path == b.Path && a.Code == b.Code && a.Title == b.Title && a.Date == b.Date && a.Index == b.Index &&
		a.BodyHash == b.BodyHash && a.Words == b.Words && a.Sketch == b.Sketch &&
		slices.Equal(a.Paragraphs, b.Paragraphs) && slices.Equal(a.ParagraphSpans(), b.ParagraphSpans()) &&
		a.TitleSpan() == b.TitleSpan() && a.CodeSpan() == b.CodeSpan() && a.IndexSpan() == b.IndexSpan()
}

// TestStoreExtractIsExtract: Store.Extract gives the facts that Extract
// gives, for generated articles with defects, non-ASCII and empty ones,
// across blocks, and later extractions, which reuse its buffers, do not
// disturb earlier records.
func TestStoreExtractIsExtract(t *testing.T) {
	g := corpusgen.New(corpusgen.Options{Seed: 3, Files: 3000, DefectRate: 0.05})
	layout := article.DefaultLayout()
	texts := []string{sample, "", "  Odd   “Title”  \n"}
	for i := range 3000 {
		text, _ := g.Article(i)
		texts = append(texts, string(text))
	}
	var s facts.Store
	want := make([]*facts.File, len(texts))
	got := make([]*facts.File, len(texts))
	for i, text := range texts {
		doc := article.Parse("a.txt", []byte(text), layout)
		want[i] = facts.Extract(doc)
		got[i] = s.Extract(doc)
	}
	for i := range texts {
		if !sameFacts(want[i], got[i]) {
			t.Fatalf("article %d: Store.Extract gives %+v, Extract %+v", i, got[i], want[i])
		}
	}
}

// TestStoreMemoryBudget: facts kept in a Store, as a run keeps them (with
// a pointer to each), stay within budget: a little less than Extract's
// separate allocations (TestMemoryBudget), in 300 times fewer objects.
func TestStoreMemoryBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 20,000 articles")
	}
	const n = 20000
	g := corpusgen.New(corpusgen.Options{Seed: 1, Files: n})
	layout := article.DefaultLayout()
	per := heapPerArticle(n, func() any {
		var s facts.Store
		kept := make([]*facts.File, n) // the Store's blocks live as long as what it returned
		for i := range kept {
			text, _ := g.Article(i)
			kept[i] = s.Extract(article.Parse(g.Path(i), text, layout)) // as a run does
		}
		return kept
	})
	t.Logf("facts in a Store: %.0f bytes per article, %.1f MiB per 100,000", per, per*100000/(1<<20))
	if per > 600 {
		t.Errorf("facts in a Store take %.0f bytes per article; the budget is 600", per)
	}
}
