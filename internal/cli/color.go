package cli

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// useColor decides whether output to w is coloured. An explicit --color
// always or never wins; with auto, NO_COLOR (any non-empty value) turns
// colour off, FORCE_COLOR (non-empty, not "0" or "false") turns it on, and
// otherwise colour is used only when w is a terminal. The decision is made
// here for the writer the report really goes to, since a library's own
// detection looks at stdout alone.
func useColor(mode string, getenv func(string) string, w io.Writer) (bool, error) {
	if err := checkColorMode(mode); err != nil {
		return false, err
	}
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	}
	if getenv("NO_COLOR") != "" {
		return false, nil
	}
	if v := getenv("FORCE_COLOR"); v != "" && v != "0" && v != "false" {
		return true, nil
	}
	if getenv("TERM") == "dumb" {
		return false, nil
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())), nil
}

func checkColorMode(mode string) error {
	switch mode {
	case "auto", "always", "never":
		return nil
	}
	return fmt.Errorf("--color must be auto, always or never, not %q", mode)
}
