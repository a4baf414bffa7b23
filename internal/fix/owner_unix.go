//go:build unix

package fix

import (
	"io/fs"
	"syscall"
)

// ownership returns a file's owner, group and number of hard links.
func ownership(fi fs.FileInfo) (uid, gid int, links uint64, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, 0, false
	}
	return int(st.Uid), int(st.Gid), uint64(st.Nlink), true
}
