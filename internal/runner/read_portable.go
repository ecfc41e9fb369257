//go:build !(linux || darwin || freebsd)

package runner

// readRegularFast has no fast path here: the caller reads the portable way.
func readRegularFast(string, []byte) ([]byte, bool) { return nil, false }
