package fix

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
)

func finding(src, old, rep string) checker.Finding {
	i := strings.Index(src, old)
	return checker.Finding{Offset: i, EndOffset: i + len(old), Fix: &checker.Fix{Offset: i, EndOffset: i + len(old), Replacement: rep}}
}

func TestApplyKeepsLineEndingsAndBOM(t *testing.T) {
	src := "\uFEFFPutin called Xi on Friday.\r\nformer President X spoke.\r\n"
	fs := []checker.Finding{
		finding(src, "former ", ""),
		finding(src, "Friday", "Monday"),
		{Offset: 3, EndOffset: 3}, // no fix
	}
	got, applied := Apply([]byte(src), fs)
	assert.Equal(t, "\uFEFFPutin called Xi on Monday.\r\nPresident X spoke.\r\n", string(got))
	assert.Equal(t, []bool{true, true, false}, applied)
}

func TestApplySkipsOverlaps(t *testing.T) {
	src := "on Friday afternoon"
	a := finding(src, "Friday afternoon", "Monday")
	b := finding(src, "Friday", "Sunday")
	got, applied := Apply([]byte(src), []checker.Finding{a, b})
	assert.Equal(t, "on Monday", string(got))
	assert.Equal(t, []bool{true, false}, applied)
}

func TestWriteIsSafe(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	require.NoError(t, os.WriteFile(p, []byte("old\n"), 0o640))

	require.NoError(t, Write(p, []byte("old\n"), []byte("new\n"), dir))
	got, _ := os.ReadFile(p)
	assert.Equal(t, "new\n", string(got))
	st, _ := os.Stat(p)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "the mode is kept")

	// Changed since read: refused, file untouched.
	err := Write(p, []byte("old\n"), []byte("newer\n"), dir)
	assert.ErrorIs(t, err, ErrChanged)
	got, _ = os.ReadFile(p)
	assert.Equal(t, "new\n", string(got))

	// Read-only: refused.
	require.NoError(t, os.Chmod(p, 0o444))
	assert.ErrorIs(t, Write(p, []byte("new\n"), []byte("x\n"), dir), ErrReadOnly)
	require.NoError(t, os.Chmod(p, 0o644))

	// A link out of the checked tree: refused. A link inside: the target is written.
	outside := filepath.Join(t.TempDir(), "out.md")
	require.NoError(t, os.WriteFile(outside, []byte("o\n"), 0o644))
	link := filepath.Join(dir, "link.md")
	require.NoError(t, os.Symlink(outside, link))
	assert.ErrorIs(t, Write(link, []byte("o\n"), []byte("x\n"), dir), ErrOutside)
	inside := filepath.Join(dir, "inside.md")
	require.NoError(t, os.Symlink(p, inside))
	require.NoError(t, Write(inside, []byte("new\n"), []byte("via link\n"), dir))
	got, _ = os.ReadFile(p)
	assert.Equal(t, "via link\n", string(got))
	fi, _ := os.Lstat(inside)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link stays a link")

	// No temporary files are left behind.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		assert.False(t, strings.Contains(e.Name(), ".claimlint-"), e.Name())
	}
}

func TestDiff(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n"
	new := "a\nB\nc\nd\ne\nf\ng\nh\ni\nJ\nk\n"
	want := "--- a/x.md\n+++ b/x.md\n" +
		"@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n" +
		"@@ -7,5 +7,5 @@\n g\n h\n i\n-j\n+J\n k\n"
	assert.Equal(t, want, Diff("x.md", []byte(old), []byte(new)))
	assert.Empty(t, Diff("x.md", []byte(old), []byte(old)))

	if _, err := exec.LookPath("git"); err == nil {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "x.md"), []byte(old), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "p.diff"), []byte(want), 0o644))
		cmd := exec.Command("git", "apply", "p.diff")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git apply: %s", out)
		got, _ := os.ReadFile(filepath.Join(dir, "x.md"))
		assert.Equal(t, new, string(got))
	}
}
