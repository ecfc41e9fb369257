package config

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"
)

// Git's ignore rules are implemented here on top of doublestar, the glob
// engine that include and exclude use, rather than with a gitignore
// library: the one on offer (sabhiram/go-gitignore) is unmaintained since
// 2021, does not tell a negated match from no match (so nested .gitignore
// files cannot override each other correctly) and treats "dir/" patterns as
// matching files too. The semantics kept here are git's:
//   - a pattern without a slash (other than a trailing one) matches a name
//     at any depth below its .gitignore; one with a slash is anchored there;
//   - a trailing slash matches directories only;
//   - "!" re-includes, the last matching line wins, and a deeper .gitignore
//     wins over a shallower one;
//   - a file inside an ignored directory is ignored, whatever follows.
// .gitignore files count only inside a git work tree (a folder with .git);
// .git/info/exclude counts as a .gitignore at the root.

type gitPattern struct {
	glob    string // doublestar pattern relative to the .gitignore's folder
	negate  bool
	dirOnly bool
}

type gitignoreFile struct {
	dir      string // absolute folder the patterns are relative to
	patterns []gitPattern
}

// gitignores caches, per folder, the ignore files that apply to it (from
// the work tree's root down), so that each folder is read once.
type gitignores struct {
	mu    sync.Mutex
	chain map[string][]*gitignoreFile // folder → applicable files, shallowest first; nil outside a work tree
	done  map[string]bool
}

func newGitignores() *gitignores {
	return &gitignores{chain: map[string][]*gitignoreFile{}, done: map[string]bool{}}
}

// filesFor returns the ignore files that apply inside dir (absolute).
func (g *gitignores) filesFor(dir string) []*gitignoreFile {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.filesForLocked(dir)
}

func (g *gitignores) filesForLocked(dir string) []*gitignoreFile {
	if g.done[dir] {
		return g.chain[dir]
	}
	var chain []*gitignoreFile
	if isDir(filepath.Join(dir, ".git")) || isFile(filepath.Join(dir, ".git")) {
		// The root of a work tree (a .git file marks a linked work tree).
		if f := readGitignore(filepath.Join(dir, ".git", "info", "exclude"), dir); f != nil {
			chain = append(chain, f)
		}
		chain = appendNonNil(chain, readGitignore(filepath.Join(dir, ".gitignore"), dir))
		if chain == nil {
			chain = []*gitignoreFile{} // inside a work tree, with no patterns
		}
	} else if parent := filepath.Dir(dir); parent != dir {
		if up := g.filesForLocked(parent); up != nil {
			chain = append([]*gitignoreFile{}, up...) // a copy: the parent's slice is shared
			chain = appendNonNil(chain, readGitignore(filepath.Join(dir, ".gitignore"), dir))
		}
	}
	g.chain[dir] = chain
	g.done[dir] = true
	return chain
}

func appendNonNil(chain []*gitignoreFile, f *gitignoreFile) []*gitignoreFile {
	if f != nil {
		return append(chain, f)
	}
	return chain
}

// ignored reports whether git ignores path (absolute, a file unless isDir).
func (g *gitignores) ignored(path string, isDir bool) bool {
	dir := filepath.Dir(path)
	files := g.filesFor(dir)
	if len(files) == 0 {
		return false
	}
	// A file in an ignored folder is ignored: check each folder from the
	// work tree's root down, then the path itself.
	root := files[0].dir
	rel, err := filepath.Rel(root, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for i := 1; i <= len(parts); i++ {
		p := filepath.Join(root, filepath.Join(parts[:i]...))
		asDir := i < len(parts) || isDir
		if matchChain(files, p, asDir) {
			return true
		}
	}
	return false
}

// matchChain applies the ignore files in order; the last match wins.
func matchChain(files []*gitignoreFile, path string, isDir bool) bool {
	ignored := false
	for _, f := range files {
		rel, err := filepath.Rel(f.dir, path)
		if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
			continue
		}
		rel = filepath.ToSlash(rel)
		for _, p := range f.patterns {
			if p.dirOnly && !isDir {
				continue
			}
			if ok, _ := doublestar.Match(p.glob, rel); ok {
				ignored = !p.negate
			}
		}
	}
	return ignored
}

func readGitignore(path, dir string) *gitignoreFile {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	f := &gitignoreFile{dir: dir}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if p, ok := parseGitPattern(sc.Text()); ok {
			f.patterns = append(f.patterns, p)
		}
	}
	return f
}

// parseGitPattern turns one .gitignore line into a doublestar pattern.
func parseGitPattern(line string) (gitPattern, bool) {
	line = strings.TrimSuffix(line, "\r")
	// Trailing spaces are dropped unless escaped with a backslash.
	for strings.HasSuffix(line, " ") && !strings.HasSuffix(line, `\ `) {
		line = line[:len(line)-1]
	}
	if line == "" || strings.HasPrefix(line, "#") {
		return gitPattern{}, false
	}
	var p gitPattern
	if strings.HasPrefix(line, "!") {
		p.negate = true
		line = line[1:]
	} else if strings.HasPrefix(line, `\!`) || strings.HasPrefix(line, `\#`) {
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		p.dirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if line == "" {
		return gitPattern{}, false
	}
	// Braces are literal in git but alternation in doublestar.
	line = strings.NewReplacer("{", `\{`, "}", `\}`).Replace(line)
	if strings.Contains(line, "/") {
		p.glob = strings.TrimPrefix(line, "/")
	} else {
		p.glob = "**/" + line
	}
	if !doublestar.ValidatePattern(p.glob) {
		return gitPattern{}, false // git ignores lines it cannot use; so do we
	}
	return p, true
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
