package main

import (
	"io"
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

// claimlintBinary returns a path that runs claimlint in a child process: a
// link named claimlint to this test binary, which is claimlint when called
// by that name (see TestMain).
func claimlintBinary(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "claimlint")
	if err := os.Symlink(self, bin); err != nil {
		t.Fatal(err)
	}
	return bin
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

// TestNeovimClient attaches a real client, Neovim's built-in LSP client,
// headless, to `claimlint lsp` on a demo article and checks the
// diagnostics it received.
func TestNeovimClient(t *testing.T) {
	nvim := needTool(t, "nvim", "apt-get install neovim")
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	bin := claimlintBinary(t)
	out := filepath.Join(t.TempDir(), "diagnostics.txt")
	script, _ := filepath.Abs("testdata/nvim/diagnostics.lua")
	env := []string{"CLAIMLINT=" + bin, "ROOT=" + repo, "OUT=" + out,
		"ARTICLE=" + filepath.Join(repo, "seeds", "02-xi-putin-call-readouts.md"), "XDG_STATE_HOME=" + t.TempDir()}
	log, code := runIn(t, t.TempDir(), env, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+script)
	if code != 0 {
		t.Fatalf("nvim exited %d:\n%s", code, log)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("no diagnostics file (%v); nvim said:\n%s", err, log)
	}
	want := "8:20:event-date:claimlint:the Putin–Xi call was on Monday 2025-02-24, not Friday (2025-02-21)\n" +
		"21:113:anniversary:claimlint:Russia's full-scale invasion of Ukraine was on 2022-02-24; on 2025-02-25 it is the third anniversary, not the fourth\n" +
		"24:41:event-venue:claimlint:the second round of US–Russia talks on Thursday 2025-02-27 were held in Istanbul, not Riyadh\n"
	if string(got) != want {
		t.Errorf("Neovim's diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// runCmd runs a program in dir and returns its exit status.
func runCmd(dir, name string, args []string, stdout, stderr io.Writer) int {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = stdout, stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}
