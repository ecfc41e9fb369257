package runner

import (
	"errors"

	"fmt"
	"github.com/cespare/xxhash/v2"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// StdinPath is the PATH argument that means "read one article from
// standard input".
const StdinPath = "-"

// input is one article to check: a file found on disk, or standard input.
type input struct {
	path  string // as shown in output: the argument joined with the walked path
	stdin bool
	// local says the file was found in a folder on a local file system,
	// whose caches answer without waiting on a server (see readCached).
	local bool
}

// ShardOf returns the shard (0..shards-1) of a file: a hash of its path
// relative to the folder argument it was found under (or of the path as
// given, for a file named as an argument), with / as separator. The same
// corpus thus splits the same way whether it is checked as "corpus" or,
// from inside it, as ".".
func ShardOf(rel string, shards int) int {
	return int(xxhash.Sum64String(filepath.ToSlash(filepath.Clean(rel))) % uint64(shards))
}

// discovery turns PATH arguments into the list of articles to check,
// recording a one-line error for each argument or entry it cannot use.
type discovery struct {
	pattern string
	follow  bool
	filter  Filter
	// filterErrs keeps each filter error once: a broken configuration
	// applies to every file below it, but is one problem.
	filterErrs map[string]bool
	// emit, if set, receives each input as it is found, instead of inputs.
	emit func(input)
	// root is the folder argument being walked; shard (0-based) and
	// shards select a part of the files when shards > 1.
	root          string
	shard, shards int

	inputs []input
	// seen holds the files added (when dedupe) and the problems reported.
	seen   map[string]bool
	dedupe bool
	errs   []fileError
	// skippedSymlinks counts symlinks left alone because following was off.
	skippedSymlinks int
}

// fileError is a problem with one path, kept with the path for sorting.
type fileError struct {
	path string
	msg  string
}

func (e fileError) String() string { return e.path + ": " + e.msg }

func (d *discovery) fail(path, format string, args ...any) {
	e := fileError{path, fmt.Sprintf(format, args...)}
	key := "\x00" + filepath.Clean(path) + "\x00" + e.msg
	if d.seen[key] {
		return // named and also met in a walk: one problem, said once
	}
	d.seen[key] = true
	d.errs = append(d.errs, e)
}

func (d *discovery) add(in input) {
	if !d.dedupe && d.shards <= 1 {
		d.emitOrKeep(in) // the usual walk of one folder: nothing to decide
		return
	}
	key := in.path
	if !in.stdin {
		key = filepath.Clean(in.path)
		if d.shards > 1 {
			rel := key
			if d.root != "" {
				rel, _ = filepath.Rel(d.root, in.path)
			}
			if ShardOf(rel, d.shards) != d.shard {
				return
			}
		}
	}
	if d.dedupe {
		if d.seen[key] {
			return // the same file named twice is checked (and fixed) once
		}
		d.seen[key] = true
	}
	d.emitOrKeep(in)
}

func (d *discovery) emitOrKeep(in input) {
	if d.emit != nil {
		d.emit(in)
		return
	}
	d.inputs = append(d.inputs, in)
}

// discover resolves every argument. Explicit files are checked whatever
// their name; folders are walked for names matching the pattern.
func discover(args []string, pattern string, follow bool, stdinName string, filter Filter) (*discovery, error) {
	if _, err := filepath.Match(pattern, ""); err != nil {
		return nil, fmt.Errorf("bad file pattern %q: %v", pattern, err)
	}
	d := &discovery{pattern: pattern, follow: follow, filter: filter, seen: map[string]bool{}, filterErrs: map[string]bool{}}
	d.run(args, stdinName)
	return d, nil
}

// run resolves the arguments in order, adding or emitting each input.
func (d *discovery) run(args []string, stdinName string) {
	// A file can be met twice only through two arguments or followed
	// symlinks: a walk of one folder meets each file once, and the paths
	// of a large corpus then need no map.
	d.dedupe = len(args) > 1 || d.follow
	for _, arg := range args {
		if arg == StdinPath {
			d.add(input{path: stdinName, stdin: true})
			continue
		}
		d.arg(arg)
	}
}

func (d *discovery) arg(path string) {
	// An argument that is a symlink is followed: naming it is asking for it.
	info, err := os.Stat(path)
	if err != nil {
		d.fail(path, "%s", describeStatError(err))
		return
	}
	switch {
	case info.IsDir():
		d.root = path
		if d.filter != nil {
			// A folder named on the command line is checked even when the
			// configuration or .gitignore leaves it out, as a named file
			// is: naming it is asking for it. Inside it, only the name
			// pattern applies then.
			if skip, err := d.filter.SkipDir(path); err == nil && skip {
				saved := d.filter
				d.filter = nil
				d.walk(path, []os.FileInfo{info})
				d.filter, d.root = saved, ""
				return
			}
		}
		d.walk(path, []os.FileInfo{info})
		d.root = ""
	case info.Mode().IsRegular():
		d.add(input{path: path})
	default:
		d.fail(path, "is %s, not a regular file; refusing to read it", describeMode(info.Mode()))
	}
}

// joinEntry is filepath.Join(dir, name) for a clean dir and the name of
// one of its entries, without cleaning the whole path again for each of a
// hundred thousand files: the name holds no separator and is not . or ..
// (ReadDir never returns them), so joining is concatenating.
func joinEntry(dir, name string) string {
	switch {
	case dir == ".":
		return name
	case os.IsPathSeparator(dir[len(dir)-1]) || filepath.VolumeName(dir) == dir:
		return filepath.Join(dir, name) // a root, or a bare volume
	}
	return dir + string(filepath.Separator) + name
}

// walk visits dir recursively in name order. ancestors are the folders on
// the way down, used to detect symlink loops when following symlinks.
func (d *discovery) walk(dir string, ancestors []os.FileInfo) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		d.fail(dir, "cannot read folder: %s", describeError(err))
		// ReadDir returns what it read before the error; check those.
	}
	base := filepath.Clean(dir)
	local := onLocalFileSystem(dir)
	for _, e := range entries {
		name := e.Name()
		path := joinEntry(base, name)
		typ := e.Type()
		link := typ&fs.ModeSymlink != 0
		var info os.FileInfo
		if link {
			target, err := os.Stat(path)
			if err != nil {
				if errors.Is(err, syscall.ELOOP) {
					d.fail(path, "symlink loop")
				} else if d.follow && d.matches(name) {
					d.fail(path, "broken symlink: %s", describeError(err))
				}
				continue
			}
			if !d.follow {
				d.skippedSymlinks++
				continue
			}
			info, typ = target, target.Mode().Type()
		}
		if typ.IsDir() {
			if strings.HasPrefix(name, ".") {
				continue // hidden folders, .git among them
			}
			if d.filter != nil {
				skip, err := d.filter.SkipDir(path)
				if err != nil {
					d.filterFail(path, err)
					continue
				}
				if skip {
					continue
				}
			}
			if !d.follow {
				d.walk(path, nil)
				continue
			}
			if info == nil {
				if info, err = os.Stat(path); err != nil {
					d.fail(path, "%s", describeStatError(err))
					continue
				}
			}
			if loop := findAncestor(ancestors, info); loop >= 0 {
				d.fail(path, "symlink loop: leads back to a folder above it")
				continue
			}
			d.walk(path, append(ancestors[:len(ancestors):len(ancestors)], info))
			continue
		}
		if !d.wanted(path, name) {
			continue
		}
		if typ.IsRegular() {
			d.add(input{path: path, local: local && !link})
			continue
		}
		mode := typ
		if info != nil {
			mode = info.Mode()
		}
		d.fail(path, "is %s, not a regular file; refusing to read it", describeMode(mode))
	}
}

// wanted reports whether a file met in a walk is to be checked: by the
// filter (the configuration's include, exclude and .gitignore) when there
// is one, else by the file name pattern.
func (d *discovery) wanted(path, name string) bool {
	if d.filter == nil {
		return d.matches(name)
	}
	ok, err := d.filter.Included(path)
	if err != nil {
		d.filterFail(path, err)
		return false
	}
	return ok
}

func (d *discovery) filterFail(path string, err error) {
	msg := err.Error()
	if d.filterErrs[msg] {
		return
	}
	d.filterErrs[msg] = true
	d.fail(path, "%s", msg)
}

func (d *discovery) matches(name string) bool {
	if suffix, ok := strings.CutPrefix(d.pattern, "*"); ok && !strings.ContainsAny(suffix, `*?[\`) {
		// The usual pattern, "*.txt": a suffix test, as Match would decide
		// it (a * matches any run of characters but the separator, which a
		// name has none of), without its general machinery per file.
		return strings.HasSuffix(name, suffix)
	}
	ok, _ := filepath.Match(d.pattern, name) // the pattern was checked in discover
	return ok
}

func findAncestor(ancestors []os.FileInfo, info os.FileInfo) int {
	for i, a := range ancestors {
		if os.SameFile(a, info) {
			return i
		}
	}
	return -1
}

func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeSymlink != 0:
		return "a symlink"
	}
	return "an irregular file"
}

func describeStatError(err error) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "symlink loop"
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	}
	return describeError(err)
}

// describeError drops the operation and path that *PathError repeats: the
// caller already names the file.
func describeError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
