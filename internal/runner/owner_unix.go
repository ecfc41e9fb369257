//go:build unix

package runner

import (
	"os"
	"syscall"
)

// keepOwner gives the replacement file the original's owner and group.
// Only a privileged process can do this for other users' files; otherwise
// the file simply belongs to whoever ran the fix, as with any editor.
func keepOwner(f *os.File, orig os.FileInfo) {
	st, ok := orig.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	f.Chown(int(st.Uid), int(st.Gid))
}
