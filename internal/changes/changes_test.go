package changes

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
)

const patch = `diff --git a/seeds/a.md b/seeds/a.md
index 1111111..2222222 100644
--- a/seeds/a.md
+++ b/seeds/a.md
@@ -2,3 +2,4 @@ title
 kept
-removed
+added at 3
+added at 4
 kept at 5
@@ -10,0 +12,1 @@
+added at 12
diff --git a/gone.md b/gone.md
deleted file mode 100644
--- a/gone.md
+++ /dev/null
@@ -1 +0,0 @@
-x
`

func TestParse(t *testing.T) {
	l, err := Parse([]byte(patch), "/repo")
	require.NoError(t, err)
	assert.Equal(t, Lines{"/repo/seeds/a.md": {3: true, 4: true, 12: true}}, l)
}

func TestFilter(t *testing.T) {
	dir := t.TempDir()
	abs := filepath.Join(dir, "a.md")
	l := Lines{abs: {3: true}}
	fs := []checker.Finding{
		{Path: abs, Line: 2, EndLine: 2},
		{Path: abs, Line: 2, EndLine: 3}, // spans onto a changed line
		{Path: abs, Line: 3, EndLine: 3},
		{Path: filepath.Join(dir, "b.md"), Line: 3, EndLine: 3},
	}
	got := l.Filter(fs)
	assert.Equal(t, []checker.Finding{fs[1], fs[2]}, got)
}

func git(t *testing.T, dir string, args ...string) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "git %v: %s", args, out)
}

func TestFromGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: --new-from-rev needs it")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.md"), []byte("one\ntwo\nthree\n"), 0o644))
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-qm", "first")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.md"), []byte("zero\none\ntwo\nTHREE\n"), 0o644))
	l, root, err := FromGit(dir, "HEAD")
	require.NoError(t, err)
	real, _ := filepath.EvalSymlinks(dir)
	assert.Equal(t, real, root)
	assert.Equal(t, map[int]bool{1: true, 4: true}, l[filepath.Join(root, "a.md")])

	_, _, err = FromGit(dir, "no-such-rev")
	assert.EqualError(t, err, "--new-from-rev no-such-rev: no such commit in this clone; in a shallow clone fetch it first (git fetch --depth=1 origin no-such-rev)")
}
