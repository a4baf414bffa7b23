//go:build unix

package pipeline

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// fifoReader makes a named pipe at path and opens it for reading without
// blocking, so a writer's open does not block either; read returns what
// was written into the pipe (nothing, never a hang, if the pipe was
// replaced by a file).
func fifoReader(t *testing.T, path string) (read func() string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("cannot make a FIFO here (%v): skipping", err)
	}
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Skipf("cannot open a FIFO without blocking (%v): skipping", err)
	}
	t.Cleanup(func() { syscall.Close(fd) })
	return func() string {
		buf := make([]byte, 4096)
		n, _ := syscall.Read(fd, buf)
		if n < 0 {
			n = 0
		}
		return string(buf[:n])
	}
}

// TestWriteFileKeepsFIFO: an output path that is a named pipe is written
// into, not replaced by a regular file (as /dev/null or /dev/stdout would
// be). Issue 16, item 1.
func TestWriteFileKeepsFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "out.fifo")
	read := fifoReader(t, fifo)
	if err := writeFile(fifo, []byte("findings\n")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(fifo)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced by a file of mode %v", fi.Mode())
	}
	if got := read(); got != "findings\n" {
		t.Errorf("the reader of the FIFO got %q, want %q", got, "findings\n")
	}
}

// TestWriteFileKeepsSymlink: an output path that is a symbolic link stays
// a link; the file it points to gets the data, and keeps its mode.
// Issue 16, item 1.
func TestWriteFileKeepsSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.json")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("real.json", link); err != nil {
		t.Skipf("cannot make a symbolic link here (%v): skipping", err)
	}
	if err := writeFile(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v, %v)", fi.Mode(), err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("the link's target holds %q, want %q", b, "new")
	}
	if ti, _ := os.Stat(target); ti.Mode().Perm() != 0o600 {
		t.Errorf("the target's mode became %v, want 0600 kept", ti.Mode().Perm())
	}

	// A link to a FIFO (as /dev/stdout is, to a pipe) is written through.
	fifo := filepath.Join(dir, "p")
	read := fifoReader(t, fifo)
	plink := filepath.Join(dir, "plink")
	if err := os.Symlink(fifo, plink); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(plink, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "x" {
		t.Errorf("the FIFO behind a link got %q, want %q", got, "x")
	}
	if fi, _ := os.Lstat(plink); fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link to a FIFO was replaced by a file of mode %v", fi.Mode())
	}
}

// TestWriteFileRegular: a new path and a regular file are written whole;
// a directory is refused.
func TestWriteFileRegular(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "new.sarif")
	for _, s := range []string{"one", "two"} {
		if err := writeFile(p, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(p); string(b) != s {
			t.Errorf("got %q, want %q", b, s)
		}
	}
	if err := writeFile(dir, []byte("x")); err == nil {
		t.Errorf("writing over a directory did not fail")
	}
}
