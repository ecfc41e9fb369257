// Package corpusgen generates corpora of articles in the seed's layout, for
// benchmarks and for end-to-end tests: deterministic for a seed, with
// realistic lengths (about 2.7 KB an article, like the archive's), and an
// optional rate of injected defects whose list is returned, so that a test
// can check that the linter finds them.
//
// Each article depends only on the seed and its number, so any file can be
// regenerated alone, and a duplicate can be built from the article it
// copies.
package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Options say what to generate.
type Options struct {
	Seed  uint64
	Files int
	// DefectRate is the fraction of files (0 to 1) that get one injected
	// defect.
	DefectRate float64
}

// Defect is an injected defect: the file, its kind, and for cross-file
// defects the file it relates to.
type Defect struct {
	Path  string
	Kind  string
	Other string
}

// Kinds of injected defects.
const (
	NoFinalNewline     = "no-final-newline"
	TrailingBlankLines = "trailing-blank-lines"
	TrailingSpaces     = "trailing-spaces"
	WrongWeekday       = "wrong-weekday"
	LooseStoryCode     = "loose-story-code"
	CRLF               = "crlf"
	RepeatedSentence   = "repeated-sentence"
	DuplicateStoryCode = "duplicate-story-code"
	DuplicateTitle     = "duplicate-title"
	DuplicateBody      = "duplicate-body"
	NearDuplicate      = "near-duplicate"
	Boilerplate        = "boilerplate"
)

// Kinds lists every defect kind, in the order they are drawn.
var Kinds = []string{NoFinalNewline, TrailingBlankLines, TrailingSpaces, WrongWeekday, LooseStoryCode, CRLF,
	RepeatedSentence, DuplicateStoryCode, DuplicateTitle, DuplicateBody, NearDuplicate, Boilerplate}

// BoilerplateFooter is the paragraph that Boilerplate defects append.
const BoilerplateFooter = "Follow our coverage on Telegram and subscribe to the daily newsletter for the latest updates from the region."

// Generator makes the articles of one corpus.
type Generator struct {
	opts Options
}

// New returns a generator.
func New(opts Options) *Generator { return &Generator{opts: opts} }

// Path is the relative path of article i: a folder per thousand files,
// and a name like the seed's ("000_118fddbc593f8a91.txt").
func (g *Generator) Path(i int) string {
	return fmt.Sprintf("%03d/%03d_%016x.txt", i/1000, i%1000, splitmix(g.opts.Seed^uint64(i)*0x9E3779B97F4A7C15))
}

// parts is a clean article before it is rendered.
type parts struct {
	date  time.Time
	index int
	title string
	code  int
	body  []string
}

var epoch = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)

func (g *Generator) rng(i int, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.opts.Seed, uint64(i)<<8|stream))
}

// clean makes article i without defects. Dates advance with i over ten
// years and story codes rise with them, as on the site.
func (g *Generator) clean(i int) parts {
	r := g.rng(i, 0)
	n := max(g.opts.Files, 1)
	day := i * 3650 / n
	p := parts{
		date:  epoch.AddDate(0, 0, day).Add(time.Duration(r.IntN(24*60)) * time.Minute),
		title: title(r),
		code:  1000000 + i*5 + r.IntN(5),
	}
	paragraphs := 5 + r.IntN(11)
	for k := 0; k < paragraphs; k++ {
		p.body = append(p.body, paragraph(r))
	}
	return p
}

// Texts returns the texts of all the corpus's articles (Options.Files) and
// their mean size in bytes: the input of the benchmarks, held in memory.
func (g *Generator) Texts() (texts [][]byte, meanSize int) {
	texts = make([][]byte, g.opts.Files)
	total := 0
	for i := range texts {
		texts[i], _ = g.Article(i)
		total += len(texts[i])
	}
	return texts, total / max(len(texts), 1)
}

// Article returns the text of article i and the defect injected into it
// (Kind "" for none).
func (g *Generator) Article(i int) ([]byte, Defect) {
	p := g.clean(i)
	r := g.rng(i, 1)
	d := Defect{Path: g.Path(i)}
	if g.opts.DefectRate > 0 && r.Float64() < g.opts.DefectRate {
		d.Kind = Kinds[r.IntN(len(Kinds))]
	}
	other := -1
	switch d.Kind {
	case DuplicateStoryCode, DuplicateTitle, DuplicateBody, NearDuplicate:
		if i == 0 {
			d.Kind = "" // nothing earlier to copy
			break
		}
		other = i - 1 - r.IntN(min(i, 50))
		d.Other = g.Path(other)
	}
	o := parts{}
	if other >= 0 {
		o = g.clean(other)
	}
	switch d.Kind {
	case DuplicateStoryCode:
		p.code = o.code
	case DuplicateTitle:
		p.title = o.title
	case DuplicateBody:
		p.body = o.body
	case NearDuplicate:
		// The copy with one sentence added: about 95% of its three-word
		// phrases are the original's.
		p.body = append([]string(nil), o.body...)
		k := r.IntN(len(p.body))
		p.body[k] += " " + sentence(r)
	case RepeatedSentence:
		first := p.body[len(p.body)-1]
		if end := strings.Index(first, ". "); end > 0 {
			first = first[:end+1]
		}
		p.body = append([]string{first}, p.body...)
	case Boilerplate:
		p.body = append(p.body, BoilerplateFooter)
	}
	return render(p, d.Kind), d
}

func render(p parts, defect string) []byte {
	var b strings.Builder
	b.Grow(3072)
	weekday := p.date.Weekday().String()
	if defect == WrongWeekday {
		weekday = ((p.date.Weekday() + 1) % 7).String()
	}
	fmt.Fprintf(&b, " date %s %d\n", p.date.Format("2006-01-02"), p.index)
	fmt.Fprintf(&b, "%s %d %s %d - %s\n\n", weekday, p.date.Day(), p.date.Month(), p.date.Year(), p.date.Format("15:04"))
	b.WriteString(p.title)
	b.WriteString("\n\n")
	if defect == LooseStoryCode {
		fmt.Fprintf(&b, "Story code:%d\n", p.code)
	} else {
		fmt.Fprintf(&b, "Story Code : %d\n", p.code)
	}
	for k, para := range p.body {
		if k > 0 {
			b.WriteString("\n")
		}
		b.WriteString(para)
		if defect == TrailingSpaces && k == 0 {
			b.WriteString("  ")
		}
		b.WriteString("\n")
	}
	s := b.String()
	switch defect {
	case NoFinalNewline:
		s = s[:len(s)-1]
	case TrailingBlankLines:
		s += "\n\n"
	case CRLF:
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	return []byte(s)
}

// Write writes the corpus under dir (created if needed) with two
// goroutines, and returns the injected defects in file order.
func (g *Generator) Write(dir string) ([]Defect, error) {
	n := g.opts.Files
	defects := make([]Defect, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	const workers = 2
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				text, d := g.Article(i)
				path := filepath.Join(dir, filepath.FromSlash(d.Path))
				if i%1000 < workers {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						errs[i] = err
						continue
					}
				}
				errs[i] = os.WriteFile(path, text, 0o644)
				defects[i] = d
			}
		}()
	}
	wg.Wait()
	var out []Defect
	for i := range defects {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if defects[i].Kind != "" {
			out = append(out, defects[i])
		}
	}
	return out, nil
}

func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}
