// Package cache remembers, between runs, each file's results (its report,
// ready to format) and its facts, so that a second run over an unchanged
// corpus only reads and hashes the files.
//
// An entry is keyed by the file's absolute path and valid only for the same
// content hash and settings hash (layout, rules, severities, options and
// corpuslint's version; the runner computes it): never by modification
// time, which every CI checkout changes.
//
// It also keeps the corpus rules' last result (DIR/corpus) under a hash of
// everything it depends on, so that an unchanged corpus skips them.
//
// The cache is one pack file, DIR/pack, holding every entry. One file
// rather than one per entry, because 100,000 small files cost far more to
// open and write than one sequential read of a few tens of MB. A run
// loads the pack once (Open), looks entries up, and at the end (Save)
// writes a new pack to a temporary file and renames it into place, only
// when something changed. Concurrent runs therefore never see a half-written
// pack; when two runs save at once the last rename wins and the other's
// new entries are simply recomputed next time.
package cache

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/corpuslint/corpuslint/internal/atomicfile"
	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/report"
)

// DirName is the default cache folder, made at the repository root.
const DirName = ".corpuslint_cache"

const (
	packName    = "pack"
	corpusName  = "corpus"
	corpusMagic = "corpuslint corpus 1\n"
	magic       = "corpuslint cache\n"
	// packVersion changes with the pack or report encoding; facts.Version
	// is checked too. A pack of another version is ignored (and replaced).
	packVersion = 1
)

// record is one entry as stored: the hashes and the encoded report and
// facts (facts empty when the file's settings select no corpus rule).
type record struct {
	content, settings uint64
	report, facts     []byte
}

// Cache is one run's view of a cache folder. Its methods are safe for
// concurrent use.
type Cache struct {
	dir string
	old map[string]record // the pack as loaded, by absolute path

	mu      sync.Mutex
	fresh   map[string]bool // paths Put this run with a changed record
	tmp     *os.File        // the new pack being written, opened at the first change
	w       *bufio.Writer
	werr    error
	dropped bool
	// The corpus result: its key and encoded diagnostics (nil: none).
	corpusKey   uint64
	corpusData  []byte
	corpusDirty bool
	// Warning says why a pack was ignored (damaged, another version), "".
	Warning string
}

// Open loads the cache in dir (which need not exist yet). A damaged pack or
// one of another version is not an error: the cache starts empty and
// Warning says why.
func Open(dir string) (*Cache, error) {
	c := &Cache{dir: dir, old: map[string]record{}, fresh: map[string]bool{}}
	data, err := os.ReadFile(filepath.Join(dir, packName))
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the cache: %v", err)
	}
	if err := c.load(data); err != nil {
		c.old = map[string]record{}
		c.Warning = fmt.Sprintf("ignoring the cache in %s: %v", dir, err)
		c.dropped = true // rewrite it
		return c, nil
	}
	c.loadCorpus()
	return c, nil
}

// loadCorpus reads DIR/corpus: magic, the 8-byte key, then the encoded
// diagnostics. A missing or damaged one is no result.
func (c *Cache) loadCorpus() {
	data, err := os.ReadFile(filepath.Join(c.dir, corpusName))
	if err != nil || len(data) < len(corpusMagic)+8 || string(data[:len(corpusMagic)]) != corpusMagic {
		return
	}
	d := decoder{b: data[len(corpusMagic):]}
	c.corpusKey = d.u64()
	c.corpusData = d.b
}

func (c *Cache) load(data []byte) error {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return errors.New("not a corpuslint cache")
	}
	d := decoder{b: data[len(magic):]}
	if v, fv := d.uint(), d.uint(); d.err == nil && (v != packVersion || fv != facts.Version) {
		return errors.New("written by another version of corpuslint")
	}
	for d.err == nil && len(d.b) > 0 {
		path := d.str()
		r := record{content: d.u64(), settings: d.u64(), report: d.bytes(), facts: d.bytes()}
		if d.err == nil {
			c.old[path] = r
		}
	}
	if d.err != nil {
		return errors.New("the pack is damaged")
	}
	return nil
}

// Len returns the number of entries loaded.
func (c *Cache) Len() int { return len(c.old) }

// Get returns the cached report of the file at abs (an absolute path) when
// its content and settings hashes match, naming the file path, and whether
// facts were stored with it (Facts decodes them, only when needed: a run
// whose corpus result is cached never does).
func (c *Cache) Get(abs, path string, content, settings uint64) (f report.File, hasFacts, ok bool) {
	r, ok := c.old[abs]
	if !ok || r.content != content || r.settings != settings {
		return report.File{}, false, false
	}
	f, err := decodeFile(r.report, path)
	if err != nil {
		return report.File{}, false, false
	}
	return f, len(r.facts) > 0, true
}

// Put stores the results of the file at abs. An entry equal to the loaded
// one costs nothing.
func (c *Cache) Put(abs string, content, settings uint64, f *report.File, fa *facts.File) {
	if r, ok := c.old[abs]; ok && r.content == content && r.settings == settings {
		c.mu.Lock()
		defer c.mu.Unlock()
		if !c.fresh[abs] { // unless an earlier Put this run replaced it
			return
		}
	}
	var b []byte
	b = appendStr(b, abs)
	b = binary.LittleEndian.AppendUint64(b, content)
	b = binary.LittleEndian.AppendUint64(b, settings)
	rep := appendFile(nil, f)
	b = appendBytes(b, rep)
	var fb []byte
	if fa != nil {
		fb = facts.AppendRecord(nil, fa)
	}
	b = appendBytes(b, fb)

	c.mu.Lock()
	defer c.mu.Unlock()
	// A file stored twice in one run has two records in the new pack; the
	// later one wins when the pack is loaded.
	c.fresh[abs] = true
	if err := c.openTmp(); err != nil {
		return
	}
	if _, err := c.w.Write(b); err != nil && c.werr == nil {
		c.werr = err
	}
}

func (c *Cache) openTmp() error {
	if c.werr != nil || c.tmp != nil {
		return c.werr
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		c.werr = err
		return err
	}
	writeMarkers(c.dir)
	tmp, err := os.CreateTemp(c.dir, "pack-*.tmp")
	if err != nil {
		c.werr = err
		return err
	}
	c.tmp, c.w = tmp, bufio.NewWriterSize(tmp, 1<<16)
	var h []byte
	h = append(h, magic...)
	h = binary.AppendUvarint(h, packVersion)
	h = binary.AppendUvarint(h, facts.Version)
	_, c.werr = c.w.Write(h)
	return c.werr
}

// writeMarkers keeps the cache out of git and backups, as ruff and cargo do.
func writeMarkers(dir string) {
	ignore := filepath.Join(dir, ".gitignore")
	if _, err := os.Stat(ignore); err != nil {
		os.WriteFile(ignore, []byte("# Made by corpuslint.\n*\n"), 0o644)
		os.WriteFile(filepath.Join(dir, "CACHEDIR.TAG"),
			[]byte("Signature: 8a477f597d28d172789f06886806bc55\n# corpuslint cache: https://bford.info/cachedir/\n"), 0o644)
	}
}

// Remembered calls fn for every loaded entry with facts that this run has
// not replaced, with its absolute path and content and settings hashes; fn
// decides whether to decode its facts with Facts.
func (c *Cache) Remembered(fn func(abs string, content, settings uint64)) {
	for abs, r := range c.old {
		if !c.fresh[abs] && len(r.facts) > 0 {
			fn(abs, r.content, r.settings)
		}
	}
}

// Corpus returns the corpus rules' diagnostics stored under key, one
// report.File per file that has some.
func (c *Cache) Corpus(key uint64) ([]report.File, bool) {
	if c.corpusData == nil || c.corpusKey != key {
		return nil, false
	}
	d := decoder{b: c.corpusData}
	var files []report.File
	for d.err == nil && len(d.b) > 0 {
		path := d.str()
		f, err := decodeFile(d.bytes(), path)
		if err != nil || d.err != nil {
			return nil, false
		}
		files = append(files, f)
	}
	return files, d.err == nil
}

// SetCorpus stores the corpus rules' diagnostics of a run under key: a
// hash of everything they depend on (each file's path, text and settings,
// and which files were reported), so that an unchanged corpus skips the
// corpus rules next time.
func (c *Cache) SetCorpus(key uint64, files []report.File) {
	var b []byte
	for i := range files {
		b = appendStr(b, files[i].Path)
		b = appendBytes(b, appendFile(nil, &files[i]))
	}
	if b == nil {
		b = []byte{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.corpusData != nil && c.corpusKey == key {
		return
	}
	c.corpusKey, c.corpusData, c.corpusDirty = key, b, true
}

// Facts decodes the facts of the loaded entry at abs, naming the file path;
// nil when it has none.
func (c *Cache) Facts(abs, path string) *facts.File {
	r, ok := c.old[abs]
	if !ok || len(r.facts) == 0 {
		return nil
	}
	fa, err := facts.UnmarshalRecord(r.facts)
	if err != nil {
		return nil
	}
	fa.Path = path
	return fa
}

// Drop forgets the loaded entry at abs (a file that no longer exists).
func (c *Cache) Drop(abs string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.old[abs]; ok && !c.fresh[abs] {
		delete(c.old, abs)
		c.dropped = true
	}
}

// Save writes the new pack when this run changed anything: the entries Put
// this run, then the loaded entries not replaced whose files still exist.
// It is atomic: the pack is renamed into place only when fully written.
func (c *Cache) Save() (err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.corpusDirty {
		if err := c.saveCorpus(); err != nil {
			return fmt.Errorf("cannot write the cache: %v", err)
		}
	}
	if c.tmp == nil && !c.dropped {
		return nil
	}
	if err := c.openTmp(); err != nil {
		return fmt.Errorf("cannot write the cache: %v", err)
	}
	defer func() {
		if err != nil {
			c.tmp.Close()
			os.Remove(c.tmp.Name())
			err = fmt.Errorf("cannot write the cache: %v", err)
		}
	}()
	var b []byte
	for abs, r := range c.old {
		if c.fresh[abs] {
			continue
		}
		if _, err := os.Stat(abs); err != nil {
			continue // deleted since: it must not haunt later runs
		}
		b = appendStr(b[:0], abs)
		b = binary.LittleEndian.AppendUint64(b, r.content)
		b = binary.LittleEndian.AppendUint64(b, r.settings)
		b = appendBytes(b, r.report)
		b = appendBytes(b, r.facts)
		if _, err := c.w.Write(b); err != nil {
			return err
		}
	}
	if c.werr != nil {
		return c.werr
	}
	if err := c.w.Flush(); err != nil {
		return err
	}
	if err := c.tmp.Close(); err != nil {
		return err
	}
	return os.Rename(c.tmp.Name(), filepath.Join(c.dir, packName))
}

// Discard removes the unfinished new pack, for a run that ends without
// saving (interrupted).
func (c *Cache) Discard() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tmp != nil {
		c.tmp.Close()
		os.Remove(c.tmp.Name())
		c.tmp = nil
	}
}

// saveCorpus writes DIR/corpus atomically.
func (c *Cache) saveCorpus() error {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	writeMarkers(c.dir)
	b := append([]byte(corpusMagic), make([]byte, 8)...)
	binary.LittleEndian.PutUint64(b[len(corpusMagic):], c.corpusKey)
	b = append(b, c.corpusData...)
	return atomicfile.Write(filepath.Join(c.dir, corpusName), func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}
