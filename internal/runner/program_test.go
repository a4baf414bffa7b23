package runner

import (
	"debug/buildinfo"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.ReaderAt
	n atomic.Int64
}

func (c *countingReader) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n.Add(int64(n))
	return n, err
}

// goTool runs the go command, or skips the test when there is none.
func goTool(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go %s: %s", strings.Join(args, " "), out)
	return strings.TrimSpace(string(out))
}

// TestProgramIDReadsTheBuildIDNotTheExecutable: the cache key of a build
// with no VCS stamp is the Go build ID, the one `go tool buildid` prints,
// read from a few kilobytes at the start of the file: never the whole
// executable, which hashing cost 12 ms on every run.
func TestProgramIDReadsTheBuildIDNotTheExecutable(t *testing.T) {
	exe, err := os.Executable()
	require.NoError(t, err)
	f, err := os.Open(exe)
	require.NoError(t, err)
	defer f.Close()
	st, err := f.Stat()
	require.NoError(t, err)
	require.Greater(t, st.Size(), int64(1<<20), "a test binary is megabytes")

	r := &countingReader{r: f}
	id := executableID(r)
	want := goTool(t, "", nil, "tool", "buildid", exe)
	assert.Equal(t, "buildid:"+want, id)
	assert.Less(t, r.n.Load(), int64(64<<10), "bytes read of a %d-byte executable", st.Size())
}

// TestGoBuildIDInEveryFormat: the build ID is found where the linker puts
// it in ELF, Mach-O and PE executables alike, as `go tool buildid` finds it.
func TestGoBuildIDInEveryFormat(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program for three systems")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.org/hello\n\ngo 1.22\n")
	write(t, filepath.Join(dir, "main.go"), "package main\n\nfunc main() { println(\"hello\") }\n")
	for _, goos := range []string{"linux", "darwin", "windows"} {
		out := filepath.Join(dir, "hello-"+goos)
		goTool(t, dir, []string{"GOOS=" + goos, "GOARCH=amd64", "CGO_ENABLED=0"}, "build", "-o", out, ".")
		f, err := os.Open(out)
		require.NoError(t, err)
		r := &countingReader{r: f}
		got, err := GoBuildID(r)
		f.Close()
		require.NoError(t, err, goos)
		assert.Equal(t, goTool(t, dir, nil, "tool", "buildid", out), got, goos)
		assert.Less(t, r.n.Load(), int64(100<<10), "%s: bytes read", goos)
	}
}

// TestCacheOfOneBuildIsNotReadByAnother builds a small program from a git
// checkout, clean and then changed twice, as `go build` stamps it: the
// clean build is known by its revision, each changed one by its build ID,
// and an entry one of them wrote is a miss for every other, while a
// rebuild of the same tree finds it.
func TestCacheOfOneBuildIsNotReadByAnother(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.org/hello\n\ngo 1.22\n")
	main := filepath.Join(dir, "main.go")
	write(t, main, "package main\n\nfunc main() { println(\"Ada Example\") }\n")
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=a", "GIT_AUTHOR_EMAIL=a@example.org",
			"GIT_COMMITTER_NAME=a", "GIT_COMMITTER_EMAIL=a@example.org")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %v: %s", args, out)
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "hello")

	id := func(name string, flags ...string) string {
		out := filepath.Join(t.TempDir(), name)
		// Stamped as go build stamps a checkout, whatever GOFLAGS the
		// machine sets.
		goTool(t, dir, []string{"GOFLAGS=-buildvcs=auto"}, append(append([]string{"build"}, flags...), "-o", out, ".")...)
		bi, err := buildinfo.ReadFile(out)
		require.NoError(t, err)
		if id := buildInfoID(bi); id != "" {
			return id
		}
		f, err := os.Open(out)
		require.NoError(t, err)
		defer f.Close()
		return executableID(f)
	}
	clean := id("clean")
	assert.True(t, strings.HasPrefix(clean, "build:"), "a clean checkout is known by its build information: %s", clean)
	assert.Equal(t, clean, id("clean-again"), "the same clean tree built again")

	write(t, main, "package main\n\nfunc main() { println(\"Bo Sample\") }\n")
	changed := id("changed")
	assert.True(t, strings.HasPrefix(changed, "buildid:"), "a changed tree is known by its build ID: %s", changed)
	noVCS := id("novcs", "-buildvcs=false")
	assert.True(t, strings.HasPrefix(noVCS, "buildid:"), "a build without VCS information: %s", noVCS)
	write(t, main, "package main\n\nfunc main() { println(\"Ruritania\") }\n")
	changedAgain := id("changed-again")

	ids := []string{clean, changed, noVCS, changedAgain}
	cacheDir := filepath.Join(t.TempDir(), "cache")
	rules := []ledger.File{{Name: "r.yaml", Data: []byte(rulesYAML)}}
	path, data := "a.md", []byte("An article.\n")
	NewCache(cacheDir, rules, changed).put(path, data, civil.Date{}, 0, entry{})
	for _, other := range ids {
		_, hit := NewCache(cacheDir, rules, other).get(path, data, civil.Date{}, 0, NoClaims)
		assert.Equal(t, other == changed, hit, "an entry of the build %s read by %s", changed, other)
	}
	for i := range ids {
		for j := range i {
			assert.NotEqual(t, ids[i], ids[j], "builds %d and %d", j, i)
		}
	}
}

// TestBuildInfoID: the build information names the code only when it pins
// every source file.
func TestBuildInfoID(t *testing.T) {
	rev := func(r, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: r}, {Key: "vcs.modified", Value: modified}}
	}
	dep := &debug.Module{Path: "example.org/dep", Version: "v1.0.0", Sum: "h1:x"}
	main := debug.Module{Path: "github.com/claimlint/claimlint", Version: "(devel)"}
	for _, c := range []struct {
		name   string
		bi     *debug.BuildInfo
		pinned bool
	}{
		{"no build information", nil, false},
		{"a clean checkout", &debug.BuildInfo{Main: main, Deps: []*debug.Module{dep}, Settings: rev("abc", "false")}, true},
		{"a changed checkout", &debug.BuildInfo{Main: main, Deps: []*debug.Module{dep}, Settings: rev("abc", "true")}, false},
		{"no VCS stamp", &debug.BuildInfo{Main: main, Deps: []*debug.Module{dep}}, false},
		{"go install …@version", &debug.BuildInfo{Main: debug.Module{Path: main.Path, Version: "v1.2.0", Sum: "h1:y"}, Deps: []*debug.Module{dep}}, true},
		{"a version without a checksum", &debug.BuildInfo{Main: debug.Module{Path: main.Path, Version: "v1.2.0"}}, false},
		{"a version made from a changed checkout", &debug.BuildInfo{Main: debug.Module{Path: main.Path, Version: "v1.2.1-0.20250101000000-abcdef+dirty"}, Settings: rev("abc", "true")}, false},
		{"a dependency replaced by a folder", &debug.BuildInfo{Main: main, Settings: rev("abc", "false"),
			Deps: []*debug.Module{{Path: "example.org/dep", Version: "v1.0.0", Replace: &debug.Module{Path: "../dep"}}}}, false},
		{"a dependency replaced by a version", &debug.BuildInfo{Main: main, Settings: rev("abc", "false"),
			Deps: []*debug.Module{{Path: "example.org/dep", Version: "v1.0.0", Replace: &debug.Module{Path: "example.org/fork", Version: "v1.0.1", Sum: "h1:z"}}}}, true},
	} {
		got := buildInfoID(c.bi)
		assert.Equal(t, c.pinned, got != "", "%s: %q", c.name, got)
	}
	a := &debug.BuildInfo{GoVersion: "go1.26.0", Main: main, Settings: rev("abc", "false")}
	b := &debug.BuildInfo{GoVersion: "go1.26.0", Main: main, Settings: rev("abd", "false")}
	c := &debug.BuildInfo{GoVersion: "go1.26.1", Main: main, Settings: rev("abc", "false")}
	assert.NotEqual(t, buildInfoID(a), buildInfoID(b), "another revision")
	assert.NotEqual(t, buildInfoID(a), buildInfoID(c), "another Go release")
}
