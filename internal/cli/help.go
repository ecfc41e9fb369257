package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"
)

// writeHelp prints the manual page for `corpuslint --help`.
func writeHelp(w io.Writer, fs *pflag.FlagSet) {
	var cmds strings.Builder
	for _, c := range sortedCommands() {
		fmt.Fprintf(&cmds, "    corpuslint %s\n        %s\n", strings.TrimSpace(c.Name+" "+c.Args), c.Summary)
	}
	fmt.Fprintf(w, `NAME
    corpuslint - lint and fix corpora of plain-text news articles

SYNOPSIS
    corpuslint [OPTIONS] [PATH ...]
    corpuslint COMMAND [ARGS]

DESCRIPTION
    corpuslint checks article files against the corpus layout (header,
    dateline, title, story code, paragraphs) and its content rules, and
    reports each problem with its place, its rule and, where one exists, a
    fix. Fixes are safe (whitespace, line endings, quote marks, exact
    encoding repairs) or unsafe (anything that may change meaning).

    Each PATH is a file or a folder. Folders are walked recursively for
    files named *.txt; hidden folders such as .git are skipped, and
    symlinks are left alone unless --follow-symlinks is given. Without a
    PATH the current folder is checked. The PATH - reads one article from
    standard input; with --fix the fixed article goes to standard output and
    the report to standard error.

    Files are checked in parallel; the report is always in path, line,
    column and rule order. A summary goes to standard error. A file that
    cannot be read (missing, unreadable, binary, a FIFO or device, a
    symlink loop) is reported on standard error and the other files are
    still checked. Fixed files are replaced atomically: each is either left
    as it was or fully fixed, with its permissions kept.

    Each file is checked with the nearest .corpuslint.yaml found by walking
    up from its folder (layout, rule selection, severities, options,
    per-file ignores, custom rules, include and exclude globs; .gitignore is
    respected), or with --config FILE, or with the embedded defaults (the
    seed's layout) under --isolated. Run 'corpuslint config PATH' to see
    the configuration in effect, 'corpuslint config --default' for the
    defaults, and 'corpuslint init' to write one learned from a corpus.

    A first argument naming a command runs that command; to check a folder
    with such a name, write it as ./NAME.

OPTIONS
%s
COMMANDS
%s    corpuslint help
        print this help

EXIT STATUS
    0    no problem of severity error was found (or --exit-zero was given)
    1    a problem of severity error was found; with --diff, a file would
         change
    2    usage error, a path or file that could not be read or written, or
         an internal error in a rule (the other files are still checked)
    130  interrupted before every file was checked

ENVIRONMENT
    NO_COLOR     when set and not empty, no colour unless --color always
    FORCE_COLOR  when set and not empty or 0, colour unless --color never

EXAMPLES
    Check a corpus, showing each problem with its source line:
        corpuslint examples/corpus

    Only the layout and header rules, one line per problem:
        corpuslint --select layout,header --format concise archive/

    See what --fix would change, then apply the safe fixes:
        corpuslint --diff archive/ | less
        corpuslint --fix archive/

    Fix one article through a pipe:
        corpuslint --fix --stdin-filename a.txt - < a.txt > fixed.txt

    Learn about a rule:
        corpuslint rules
        corpuslint explain layout/final-newline

    Adopt corpuslint on an archive: record today's problems, fail on new ones:
        corpuslint --write-baseline corpuslint-baseline.json archive/
        corpuslint --baseline corpuslint-baseline.json archive/

    Check a corpus on two CI runners, then run the corpus rules once:
        corpuslint --shard 1/2 --facts-out 1.facts archive/
        corpuslint --shard 2/2 --facts-out 2.facts archive/
        corpuslint corpus 1.facts 2.facts

    Corpus rules (corpus/*) compare files; see docs/corpus.md for how they
    are configured, the cache (.corpuslint_cache/ at the repository root),
    baselines and shards.
`, optionsText(fs), cmds.String())
}

// optionsText lists the flags as a manual page does: the flag and its
// argument on one line, the description indented below.
func optionsText(fs *pflag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		arg, usage := pflag.UnquoteUsage(f)
		b.WriteString("    ")
		if f.Shorthand != "" {
			b.WriteString("-" + f.Shorthand + ", ")
		}
		b.WriteString("--" + f.Name)
		if arg != "" {
			b.WriteString(" " + strings.ToUpper(arg))
		}
		b.WriteString("\n")
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" && f.Name != "jobs" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		b.WriteString(wrap(usage, "        ", 76))
	})
	return b.String()
}

// wrap breaks text into lines of at most width columns, each indented.
func wrap(text, indent string, width int) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if len(line) > len(indent) && len(line)+1+len(word) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	b.WriteString(line + "\n")
	return b.String()
}
