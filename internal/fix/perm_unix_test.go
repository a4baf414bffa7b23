//go:build unix

package fix

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWriteRefusesHardLinks: a file with another hard link is not
// rewritten (a rename would part the names). Issue 16, item 6.
func TestWriteRefusesHardLinks(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	require.NoError(t, os.WriteFile(p, []byte("old\n"), 0o644))
	if err := os.Link(p, filepath.Join(dir, "b.md")); err != nil {
		t.Skipf("cannot make a hard link here (%v): skipping", err)
	}
	assert.ErrorIs(t, Write(p, []byte("old\n"), []byte("new\n"), dir), ErrLinks)
	got, _ := os.ReadFile(filepath.Join(dir, "b.md"))
	assert.Equal(t, "old\n", string(got), "left as it was")
}

// TestWriteKeepsOwnerGroupAndMode: the rewritten file keeps its owner,
// group, and setgid bit. Changing a file's owner needs root: skipped
// otherwise. Issue 16, item 6.
func TestWriteKeepsOwnerGroupAndMode(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("giving a file to another owner needs root: skipping")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	require.NoError(t, os.WriteFile(p, []byte("old\n"), 0o644))
	require.NoError(t, os.Chown(p, 65534, 65534))
	require.NoError(t, os.Chmod(p, 0o664|os.ModeSetgid))
	require.NoError(t, Write(p, []byte("old\n"), []byte("new\n"), dir))
	fi, err := os.Stat(p)
	require.NoError(t, err)
	st := fi.Sys().(*syscall.Stat_t)
	assert.Equal(t, uint32(65534), st.Uid, "owner kept")
	assert.Equal(t, uint32(65534), st.Gid, "group kept")
	assert.Equal(t, 0o664|os.ModeSetgid, fi.Mode()&(os.ModePerm|os.ModeSetgid), "mode and setgid kept")
}

// TestWriteAsChild is the child of TestWriteRefusesWhatUserCannotWrite:
// it calls Write as the user it was started as, and prints the error.
func TestWriteAsChild(t *testing.T) {
	p := os.Getenv("CLAIMLINT_FIX_CHILD")
	if p == "" {
		t.Skip("run by TestWriteRefusesWhatUserCannotWrite")
	}
	fmt.Printf("result: %v\n", Write(p, []byte("old\n"), []byte("new\n"), filepath.Dir(p)))
}

// TestWriteRefusesWhatUserCannotWrite: user nobody, in a folder anyone may
// write, must not replace a root-owned 0644 file it could not write in
// place (the owner's write bit is set, but not for nobody). Needs root to
// start a process as nobody: skipped otherwise. Issue 16, item 6.
func TestWriteRefusesWhatUserCannotWrite(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("starting a process as another user needs root: skipping")
	}
	dir, err := os.MkdirTemp("", "claimlint-fix-perm-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	require.NoError(t, os.Chmod(dir, 0o777))
	p := filepath.Join(dir, "a.md")
	require.NoError(t, os.WriteFile(p, []byte("old\n"), 0o644))
	// The test binary, where nobody can run it.
	self, err := os.Executable()
	require.NoError(t, err)
	bin := filepath.Join(dir, "fix.test")
	copyFile(t, self, bin)
	cmd := exec.Command(bin, "-test.run=^TestWriteAsChild$", "-test.v")
	cmd.Env = append(os.Environ(), "CLAIMLINT_FIX_CHILD="+p)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil && !strings.Contains(string(out), "result:") {
		t.Skipf("cannot run a process as nobody (%v): skipping\n%s", err, out)
	}
	assert.Contains(t, string(out), "result: "+p+" is read-only; not written", "refused")
	got, _ := os.ReadFile(p)
	assert.Equal(t, "old\n", string(got), "left as it was")
	fi, err := os.Stat(p)
	require.NoError(t, err)
	assert.Equal(t, uint32(0), fi.Sys().(*syscall.Stat_t).Uid, "still root's")
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	require.NoError(t, err)
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
	require.NoError(t, err)
	_, err = io.Copy(dst, src)
	require.NoError(t, err)
	require.NoError(t, dst.Close())
}
