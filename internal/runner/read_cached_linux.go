package runner

import (
	"strings"
	"sync/atomic"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// A run reads 100,000 small files with five system calls each. Made the
// usual way, every call tells the Go scheduler that the goroutine may
// block; the scheduler's monitor, finding a worker in a call, hands its
// CPU to another thread, which finds nothing to do and sleeps again. On a
// corpus in the page cache this churn costs about 5% of a run.
//
// readCached avoids it for files the kernel holds in its caches, by making
// the calls raw, without telling the scheduler. That is safe only because
// each call it makes cannot block: openat2 with RESOLVE_CACHED fails rather
// than look a name up on disk, statx with AT_STATX_DONT_SYNC takes the
// attributes the kernel has, and preadv2 with RWF_NOWAIT fails rather than
// wait for storage. Whenever one fails (a file not cached, a kernel before
// 5.12, a file system without RWF_NOWAIT), the caller reads the file the
// ordinary way.

// Only files on local file systems are read this way (the walk asks once
// per folder): on a network or FUSE file system, opening a file may wait on
// a server whatever the flags, and a raw call would hold its CPU meanwhile.

// onLocalFileSystem reports whether dir is on a file system that keeps a
// file's names, attributes and text in the kernel's caches alone.
func onLocalFileSystem(dir string) bool {
	var st unix.Statfs_t
	if unix.Statfs(dir, &st) != nil {
		return false
	}
	switch uint32(st.Type) {
	case unix.EXT4_SUPER_MAGIC, unix.XFS_SUPER_MAGIC, unix.BTRFS_SUPER_MAGIC, unix.TMPFS_MAGIC,
		unix.RAMFS_MAGIC, unix.F2FS_SUPER_MAGIC, unix.BCACHEFS_SUPER_MAGIC, unix.OVERLAYFS_SUPER_MAGIC,
		zfsSuperMagic:
		return true
	}
	return false
}

// zfsSuperMagic is ZFS's statfs type, which x/sys lacks (ZFS is not in
// the kernel's tree).
const zfsSuperMagic = 0x2fc12fc1

// resolveCached is RESOLVE_CACHED of linux/openat2.h, which x/sys lacks.
const resolveCached = 0x20

// cachedReadOff is set once the kernel or file system is seen to lack one
// of the calls, so that a run does not try them again for every file.
var cachedReadOff atomic.Bool

// readCached reads a regular file whole into buf's storage when it is
// large enough, if every byte of it and its path is in the kernel's
// caches. ok is false otherwise, and for anything unusual: the caller
// then reads the file the ordinary way.
func readCached(path string, buf []byte) (src []byte, ok bool) {
	if cachedReadOff.Load() {
		return nil, false
	}
	// The path as a C string, on the stack for the usual length.
	var room [256]byte
	if len(path) >= len(room) || strings.IndexByte(path, 0) >= 0 {
		return nil, false
	}
	name := &room[0]
	copy(room[:], path)
	// O_NONBLOCK so that opening a named pipe does not wait for a writer;
	// it changes nothing for a regular file.
	how := unix.OpenHow{Flags: unix.O_RDONLY | unix.O_CLOEXEC | unix.O_NONBLOCK, Resolve: resolveCached}
	cwd := unix.AT_FDCWD
	fd, _, errno := syscall.RawSyscall6(unix.SYS_OPENAT2, uintptr(cwd), uintptr(unsafe.Pointer(name)),
		uintptr(unsafe.Pointer(&how)), unsafe.Sizeof(how), 0, 0)
	if errno != 0 {
		if errno == syscall.ENOSYS || errno == syscall.EINVAL || errno == syscall.EPERM {
			cachedReadOff.Store(true) // no openat2, no RESOLVE_CACHED, or a seccomp filter
		}
		return nil, false
	}
	defer syscall.RawSyscall(unix.SYS_CLOSE, fd, 0, 0)

	var st unix.Statx_t
	empty := [1]byte{}
	const want = unix.STATX_TYPE | unix.STATX_SIZE
	if _, _, errno := syscall.RawSyscall6(unix.SYS_STATX, fd, uintptr(unsafe.Pointer(&empty[0])),
		unix.AT_EMPTY_PATH|unix.AT_STATX_DONT_SYNC, want, uintptr(unsafe.Pointer(&st)), 0); errno != 0 {
		return nil, false
	}
	if st.Mask&want != want || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, false
	}
	size := int64(st.Size)
	if size <= 0 || size >= 1<<30 {
		return nil, false // empty (perhaps a special file) or huge: the general path
	}
	buf = readBuffer(buf, size)
	n := 0
	for n < len(buf) {
		iov := unix.Iovec{Base: &buf[n]}
		iov.SetLen(len(buf) - n)
		m, _, errno := syscall.RawSyscall6(unix.SYS_PREADV2, fd, uintptr(unsafe.Pointer(&iov)), 1,
			uintptr(n), 0, unix.RWF_NOWAIT)
		if errno != 0 {
			if errno == syscall.EOPNOTSUPP || errno == syscall.EINVAL || errno == syscall.ENOSYS {
				cachedReadOff.Store(true)
			}
			return nil, false // EAGAIN: not all cached
		}
		if m == 0 {
			return buf[:n], true
		}
		n += int(m)
	}
	return nil, false // the file grew while being read
}
