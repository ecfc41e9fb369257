//go:build linux || darwin || freebsd

package runner

import "syscall"

// readRegularFast reads a regular file whole with plain system calls
// (open, fstat, read, close), into buf's storage when it is large enough.
// It skips what os.Open adds for files in general (registration with the
// poller, a non-blocking mode switch, a FileInfo), which matters when a
// run opens 100,000 small files. It handles only the ordinary case: on any
// error or surprise it returns ok false, and the caller reads the file the
// portable way, which reports the problem in its usual words.
func readRegularFast(path string, buf []byte) (src []byte, ok bool) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || uint32(st.Mode)&syscall.S_IFMT != syscall.S_IFREG {
		return nil, false
	}
	size := st.Size
	if size <= 0 || size >= 1<<30 {
		return nil, false // empty (perhaps a special file) or huge: the general path
	}
	buf = readBuffer(buf, size)
	n := 0
	for n < len(buf) {
		m, err := syscall.Read(fd, buf[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil || m < 0 {
			return nil, false
		}
		if m == 0 {
			return buf[:n], true
		}
		n += m
	}
	return nil, false // the file grew while being read
}
