package changes

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

// TestFetchHint: the hint for a revision a shallow clone lacks is a command
// git can run. It cannot fetch HEAD~1 or an abbreviated hash.
func TestFetchHint(t *testing.T) {
	full := strings.Repeat("0123456789", 4)
	for rev, want := range map[string]string{
		full:          "fetch it first (git fetch --depth=1 origin " + full + ")",
		"HEAD~1":      "deepen the history first (git fetch --deepen=N for N more commits, or git fetch --unshallow): git cannot fetch a relative revision by name",
		"main^":       "deepen the history first (git fetch --deepen=N for N more commits, or git fetch --unshallow): git cannot fetch a relative revision by name",
		"0123abcd":    "give the full hash, which git can fetch (git fetch --depth=1 origin FULL-HASH), or deepen the history (git fetch --unshallow)",
		"origin/main": "fetch it first (git fetch --depth=1 origin main)",
		"v1.2.0":      "fetch it first (git fetch --depth=1 origin v1.2.0)",
	} {
		assert.Equal(t, want, fetchHint(rev), rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the rest runs the hint")
	}
	// The hint for HEAD~1 in a shallow clone of two commits works.
	src := t.TempDir()
	git(t, src, "init", "-q")
	for _, text := range []string{"one\n", "two\n"} {
		require.NoError(t, os.WriteFile(filepath.Join(src, "a.md"), []byte(text), 0o644))
		git(t, src, "add", ".")
		git(t, src, "commit", "-qm", text)
	}
	clone := filepath.Join(t.TempDir(), "clone")
	git(t, src, "clone", "-q", "--depth=1", "file://"+src, clone)
	_, _, err := FromGit(clone, "HEAD~1")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "git fetch --deepen=N")
	git(t, clone, "fetch", "-q", "--deepen=1")
	_, _, err = FromGit(clone, "HEAD~1")
	assert.NoError(t, err)
}
