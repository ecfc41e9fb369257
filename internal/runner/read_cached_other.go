//go:build !linux

package runner

// readCached has no system calls that refuse to block here (see
// read_cached_linux.go): the caller reads the ordinary way.
func readCached(string, []byte) ([]byte, bool) { return nil, false }

// onLocalFileSystem is false here: readCached has nothing to offer.
func onLocalFileSystem(string) bool { return false }
