package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKillDuringFix kills claimlint --fix in the middle of a large run and
// checks that every article is either wholly old or wholly new: writes go
// through a temporary file and a rename, so no file is ever half written.
func TestKillDuringFix(t *testing.T) {
	if testing.Short() {
		t.Skip("writes thousands of files; skipped with -short")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "rules.yaml"), []byte(hostileRules), 0o644); err != nil {
		t.Fatal(err)
	}
	// Long enough that a torn write would show: the fix is near the start,
	// the file goes on for a while.
	body := "---\npublished: 2025-03-01\n---\nFormer President Vladimir Putin spoke.\n\n" + strings.Repeat("Filler text for length. ", 2000) + "\nEnd.\n"
	old := []byte(body)
	fixed := []byte(strings.Replace(body, "Former ", "", 1))
	const n = 800
	for i := 0; i < n; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.md", i)), old, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := claimlintBinary(t)
	cmd := exec.Command(bin, "--rules", "rules.yaml", "--fix", ".")
	cmd.Dir = dir
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the first file is rewritten, then kill at once.
	first := filepath.Join(dir, "a0000.md")
	deadline := time.Now().Add(60 * time.Second)
	for {
		if b, _ := os.ReadFile(first); bytes.Equal(b, fixed) {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the fix run never rewrote the first file")
		}
		time.Sleep(time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	var nOld, nNew int
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".md") {
			continue // rules.yaml, and perhaps the temporary file of the write that was cut off
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case bytes.Equal(b, old):
			nOld++
		case bytes.Equal(b, fixed):
			nNew++
		default:
			t.Fatalf("%s is neither the old text nor the new one (%d bytes)", name, len(b))
		}
	}
	if nOld+nNew != n {
		t.Fatalf("%d articles, want %d: a file was lost", nOld+nNew, n)
	}
	t.Logf("killed after %d of %d files were fixed", nNew, n)
	if nOld == 0 {
		t.Log("the run finished before the kill; the test proved only that complete runs are whole")
	}
	// A second run picks up where the first stopped.
	var stdout, stderr bytes.Buffer
	if code := runCmd(dir, bin, []string{"--rules", "rules.yaml", "--fix", "."}, &stdout, &stderr); code != 0 {
		t.Fatalf("second run exited %d: %s", code, stderr.String())
	}
	for i := 0; i < n; i++ {
		if b, _ := os.ReadFile(filepath.Join(dir, fmt.Sprintf("a%04d.md", i))); !bytes.Equal(b, fixed) {
			t.Fatalf("a%04d.md was not fixed by the second run", i)
		}
	}
}

// TestInterruptRemovesTempFiles interrupts a run over many articles once it
// has written their statements to temporary files to compare them, and
// checks that it exits 130 and leaves nothing in the temporary folder. The
// run is this test binary as claimlint, told to write to disk early.
func TestInterruptRemovesTempFiles(t *testing.T) {
	cmd, tmp := startSpillingRun(t, nil)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Fatalf("exit status %d (%v), want 130: the run should stop on the interrupt", code, err)
	}
	assertEmpty(t, tmp)
}

// TestBrokenPipeRemovesTempFiles closes the pipe a run writes its findings
// to (claimlint ... | head) once it has written statements to temporary
// files: it exits 141, as a shell reports SIGPIPE, and leaves nothing
// behind. Before, SIGPIPE killed it with its temporary folder left.
func TestBrokenPipeRemovesTempFiles(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd, tmp := startSpillingRun(t, w)
	w.Close()
	r.Close() // the reader is gone: the next write is a broken pipe
	err = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 141 {
		t.Fatalf("exit status %d (%v), want 141: the run should stop on the broken pipe", code, err)
	}
	assertEmpty(t, tmp)
}

// startSpillingRun starts this test binary as claimlint over 3,000
// articles, told to write statements to disk early, its standard output
// stdout, and returns once it has; tmp is its temporary folder.
func startSpillingRun(t *testing.T, stdout *os.File) (cmd *exec.Cmd, tmp string) {
	if testing.Short() {
		t.Skip("writes thousands of files; skipped with -short")
	}
	seeds, err := filepath.Glob("../../seeds/*.md")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no demo articles: %v", err)
	}
	dir, tmp := t.TempDir(), t.TempDir()
	for i := 0; i < 3000; i++ {
		b, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.md", i)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd = exec.Command(os.Args[0], "--no-cache", dir)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "CLAIMLINT_TEST_SPILL_AT=100")
	if stdout != nil {
		cmd.Stdout = stdout
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if m, _ := filepath.Glob(filepath.Join(tmp, "claimlint-claims-*", "b00")); len(m) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the run never wrote its statements to disk")
		}
		time.Sleep(time.Millisecond)
	}
	return cmd, tmp
}

func assertEmpty(t *testing.T, tmp string) {
	t.Helper()
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range left {
		t.Errorf("left behind in the temporary folder: %s", e.Name())
	}
}
