//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"
)

// runLimited runs claimlint in dir as runIn2 does, but kills it after
// limit: a hang is a failure, not a stuck test.
func runLimited(t *testing.T, dir string, limit time.Duration, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, claimlintBinary(t), args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("claimlint %q did not finish within %v: a hang", args, limit)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stdout.String(), stderr.String()
}

// TestSpecialFilesAreNotRead: a rule file (named, or in a rules folder)
// that is a FIFO, a character device or too large, and an article of
// claims or test that is a FIFO, are refused at once with an error naming
// the file: never a hang, never read into memory. Issue 16, item 5.
func TestSpecialFilesAreNotRead(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644); err != nil {
		t.Skipf("cannot make a FIFO here (%v): skipping", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "rules"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "rules", "r.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "rules.yaml"), []byte(hostileRules), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.md"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	// A sparse file past the cap: no disk, but 65 MB to read.
	big, err := os.Create(filepath.Join(dir, "big.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(65 << 20); err != nil {
		t.Fatal(err)
	}
	big.Close()
	cases := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"a FIFO as rule file", []string{"--rules", "fifo.yaml", "good.md"}, `rules: fifo\.yaml is not a regular file \(a device, pipe or socket\): not read`},
		{"a FIFO in a rules folder", []string{"--rules", "rules", "good.md"}, `rules: rules/r\.yaml is not a regular file`},
		{"a rule file over the cap", []string{"--rules", "big.yaml", "good.md"}, `rules: big\.yaml is 68157440 bytes, over the limit of 67108864: not read`},
		{"claims of a FIFO", []string{"claims", "--rules", "rules.yaml", "fifo.md"}, `fifo\.md is not a regular file`},
		{"test of a FIFO", []string{"test", "--rules", "rules.yaml", "fifo.md"}, `fifo\.md is not a regular file`},
	}
	// A character device like /dev/zero, made in the test's own folder.
	if err := syscall.Mknod(filepath.Join(dir, "zero.yaml"), syscall.S_IFCHR|0o644, 1<<8|5); err == nil {
		cases = append(cases, struct {
			name   string
			args   []string
			stderr string
		}{"a device as rule file", []string{"--rules", "zero.yaml", "good.md"}, `rules: zero\.yaml is not a regular file`})
	} else {
		t.Logf("cannot make a device node (%v): the device case is skipped", err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runLimited(t, dir, 20*time.Second, c.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2\nstdout: %s\nstderr: %s", code, stdout, stderr)
			}
			if !regexp.MustCompile(c.stderr).MatchString(stderr) {
				t.Errorf("stderr does not match %q:\n%s", c.stderr, stderr)
			}
		})
	}
}
