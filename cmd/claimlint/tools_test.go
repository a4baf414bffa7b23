package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needTool returns the path of an outside program a test needs. Where it is
// missing the test skips with a message, unless CLAIMLINT_REQUIRE_TOOLS is
// set (as .ci/run sets it after installing them): then it fails, so that CI
// never skips silently.
func needTool(t *testing.T, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CLAIMLINT_REQUIRE_TOOLS") != "" {
		t.Fatalf("%s is not installed, and CLAIMLINT_REQUIRE_TOOLS is set (install: %s)", name, install)
	}
	t.Skipf("%s is not installed (install: %s); .ci/run installs it", name, install)
	return ""
}

func runIn(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out), code
}

// TestPreCommitHook runs the hook of .pre-commit-hooks.yaml through
// `pre-commit try-repo` on this checkout, in a new repository holding an
// article with a known discrepancy: it must fail and name the finding, and
// pass once the article is fixed.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds claimlint through pre-commit; skipped with -short")
	}
	preCommit := needTool(t, "pre-commit", "apt-get install pre-commit")
	needTool(t, "git", "apt-get install git")
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(repo, ".git")); err != nil {
		t.Skipf("%s is not a git checkout: pre-commit try-repo needs one", repo)
	}
	dir := t.TempDir()
	env := []string{"PRE_COMMIT_HOME=" + filepath.Join(t.TempDir(), "cache"),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org"}
	runIn(t, dir, env, "git", "init", "-q")
	article := filepath.Join(dir, "call.md")
	write := func(body string) {
		if err := os.WriteFile(article, []byte("---\npublished: 2026-02-05\n---\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		runIn(t, dir, env, "git", "add", "call.md")
	}

	write("Xi also spoke with former U.S. President Donald Trump by phone.")
	out, code := runIn(t, dir, env, preCommit, "try-repo", repo, "claimlint", "--files", "call.md")
	if code == 0 || !strings.Contains(out, "call.md:4:20: error: Donald Trump holds the office of President of the United States") ||
		!strings.Contains(out, "[title-at-date]") {
		t.Fatalf("the hook should fail and name the finding; exit %d:\n%s", code, out)
	}

	write("Xi also spoke with U.S. President Donald Trump by phone.")
	out, code = runIn(t, dir, env, preCommit, "try-repo", repo, "claimlint", "--files", "call.md")
	if code != 0 || !strings.Contains(out, "Passed") {
		t.Fatalf("the hook should pass on the fixed article; exit %d:\n%s", code, out)
	}
}
