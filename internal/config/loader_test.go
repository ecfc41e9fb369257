package config

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

func TestDiscoveryNearestWins(t *testing.T) {
	reg := rules.Registry()
	root := t.TempDir()
	writeFile(t, filepath.Join(root, FileName), "layout:\n  story_code: 'Code: {code}'\n")
	writeFile(t, filepath.Join(root, "bbc", FileName), "layout:\n  order: [title, blank]\n")
	writeFile(t, filepath.Join(root, "bbc", "sport", "a.txt"), "x\n")
	writeFile(t, filepath.Join(root, "other", "deep", "b.txt"), "x\n")
	writeFile(t, filepath.Join(root, "explicit.yaml"), "layout:\n  header: 'Date: {date:2006-01-02}'\n")

	l := &Loader{Registry: reg}
	s, err := l.ForFile(filepath.Join(root, "bbc", "sport", "a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Source != filepath.Join(root, "bbc", FileName) || len(s.Layout.Order) != 2 {
		t.Errorf("bbc file got %s %v", s.Source, s.Layout.Order)
	}
	// Nearest wins whole: the root's story_code does not leak into bbc.
	if s.Layout.StoryCode != "Story Code : {code}" {
		t.Errorf("story code = %q", s.Layout.StoryCode)
	}
	s2, err := l.ForFile(filepath.Join(root, "other", "deep", "b.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if s2.Source != filepath.Join(root, FileName) || s2.Layout.StoryCode != "Code: {code}" {
		t.Errorf("other file got %s %q", s2.Source, s2.Layout.StoryCode)
	}
	// Files sharing a configuration share one Settings, and each folder
	// was looked up once.
	s3, _ := l.ForFile(filepath.Join(root, "other", "deep", "c.txt"))
	if s3 != s2 {
		t.Errorf("settings not shared")
	}
	if len(l.files) != 2 {
		t.Errorf("parsed %d configuration files, want 2", len(l.files))
	}

	explicit := &Loader{Registry: reg, ConfigFile: filepath.Join(root, "explicit.yaml")}
	s4, err := explicit.ForFile(filepath.Join(root, "bbc", "sport", "a.txt"))
	if err != nil || s4.Layout.Header != "Date: {date:2006-01-02}" {
		t.Errorf("--config not used: %v %v", err, s4)
	}
	isolated := &Loader{Registry: reg, Isolated: true}
	s5, err := isolated.ForFile(filepath.Join(root, "bbc", "sport", "a.txt"))
	if err != nil || s5.Source != "" || len(s5.Layout.Order) != 6 {
		t.Errorf("--isolated not honoured: %v %+v", err, s5)
	}
}

func TestDiscoveryReportsBrokenConfig(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, FileName), "select: [layot]\n")
	l := &Loader{Registry: rules.Registry()}
	_, err := l.ForFile(filepath.Join(root, "a.txt"))
	if err == nil || !strings.Contains(err.Error(), FileName+":1:10: unknown rule or family \"layot\" (did you mean \"layout\"?)") {
		t.Errorf("err = %v", err)
	}
	if _, err := l.Included(filepath.Join(root, "a.txt")); err == nil {
		t.Errorf("Included hides the broken configuration")
	}
}

func TestCommandLineSelection(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, FileName), "ignore: [layout]\ncustom:\n  - id: house/x\n    type: existence\n    terms: [a]\n")
	l := &Loader{Registry: rules.Registry(), Select: []string{"house/x", "layout"}, Ignore: []string{"house"}}
	s, err := l.ForFile(filepath.Join(root, "a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rules) != 0 {
		t.Errorf("rules = %v (select replaced, both ignores apply)", ids(s.Rules))
	}
	l = &Loader{Registry: rules.Registry(), Select: []string{"house/x"}}
	s, _ = l.ForFile(filepath.Join(root, "a.txt"))
	if !slices.Equal(ids(s.Rules), []string{"house/x"}) {
		t.Errorf("rules = %v", ids(s.Rules))
	}
	l = &Loader{Registry: rules.Registry(), Select: []string{"hous/x"}}
	if _, err := l.ForFile(filepath.Join(root, "a.txt")); err == nil || !strings.Contains(err.Error(), `did you mean "house/x"`) {
		t.Errorf("err = %v", err)
	}
}

func TestIncludeExcludeGitignore(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, ".git", "HEAD"), "ref: refs/heads/main\n")
	writeFile(t, filepath.Join(root, ".git", "info", "exclude"), "scratch/\n")
	writeFile(t, filepath.Join(root, ".gitignore"), "# generated\n*.tmp.txt\nbuild/\n/drafts\n!keep.tmp.txt\n")
	writeFile(t, filepath.Join(root, "corpus", ".gitignore"), "!again.tmp.txt\nlocal-*.txt\n")
	writeFile(t, filepath.Join(root, "corpus", FileName), "exclude: ['archive/2019/**', '**/*.draft.txt']\n")
	l := &Loader{Registry: rules.Registry()}
	cases := map[string]bool{
		"corpus/a.txt":                  true,
		"corpus/sub/b.txt":              true,
		"corpus/a.md":                   false, // not included
		"corpus/archive/2019/c.txt":     false, // excluded
		"corpus/archive/2020/c.txt":     true,
		"corpus/x.draft.txt":            false,
		"corpus/x.tmp.txt":              false, // root .gitignore, any depth
		"corpus/keep.tmp.txt":           true,  // negated in the same file
		"corpus/again.tmp.txt":          true,  // negated by a deeper .gitignore
		"corpus/local-1.txt":            false,
		"corpus/build/d.txt":            false, // ignored folder
		"corpus/build.txt":              true,  // build/ matches folders only
		"drafts/e.txt":                  false, // anchored
		"corpus/drafts/e.txt":           true,  // anchored: not below
		"scratch/f.txt":                 false, // .git/info/exclude
		"corpus/deep/scratch/again.txt": false,
	}
	for rel, want := range cases {
		got, err := l.Included(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("Included(%s) = %v, want %v", rel, got, want)
		}
	}
	for rel, want := range map[string]bool{"corpus/build": true, "corpus/archive/2019": true, "corpus/archive": false, "corpus": false} {
		got, err := l.SkipDir(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil || got != want {
			t.Errorf("SkipDir(%s) = %v, %v; want %v", rel, got, err, want)
		}
	}
	writeFile(t, filepath.Join(root, "plain", FileName), "respect_gitignore: false\n")
	if ok, _ := l.Included(filepath.Join(root, "plain", "x.tmp.txt")); !ok {
		t.Errorf("respect_gitignore: false still applies .gitignore")
	}
	// Outside a git work tree, .gitignore files do not count.
	bare := t.TempDir()
	writeFile(t, filepath.Join(bare, ".gitignore"), "*.txt\n")
	if ok, _ := l.Included(filepath.Join(bare, "a.txt")); !ok {
		t.Errorf(".gitignore applied outside a work tree")
	}
}

// Files in one folder share forPath's key; files in different folders do not.
func TestFolderAsSpelled(t *testing.T) {
	same := [][2]string{{"a.txt", "b.txt"}, {"c/a.txt", "c/b.txt"}, {"/x/y/a.txt", "/x/y/b.txt"}}
	for _, p := range same {
		if folderAsSpelled(p[0]) != folderAsSpelled(p[1]) {
			t.Errorf("%s and %s: keys %q and %q", p[0], p[1], folderAsSpelled(p[0]), folderAsSpelled(p[1]))
		}
	}
	differ := [][2]string{{"a.txt", "c/a.txt"}, {"c/a.txt", "cc/a.txt"}, {"/a.txt", "a.txt"}, {"c/d/a.txt", "c/a.txt"}}
	for _, p := range differ {
		if folderAsSpelled(p[0]) == folderAsSpelled(p[1]) {
			t.Errorf("%s and %s share key %q", p[0], p[1], folderAsSpelled(p[0]))
		}
	}
}
