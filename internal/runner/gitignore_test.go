package runner

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFilesHonourGitignore: a walk in a git work tree leaves out what its
// .gitignore files (from the top down, and .git/info/exclude) ignore, with
// negations, whichever folder the walk starts from.
func TestFilesHonourGitignore(t *testing.T) {
	top := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(top, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".git/info/exclude", "secret.md\n")
	write(".gitignore", "# generated\nnode_modules/\n/build/\n*.tmp.md\r\n")
	write("a/node_modules/x/readme.md", "")
	write("a/build/keep.md", "") // /build/ is anchored at the top
	write("build/gone.md", "")
	write("a/b.tmp.md", "")
	write("a/secret.md", "")
	write("a/ok.md", "")
	write("a/sub/.gitignore", "*.md\n!back.md\n")
	write("a/sub/gone.md", "")
	write("a/sub/back.md", "")
	rel := func(files []string) []string {
		for i, f := range files {
			r, _ := filepath.Rel(top, f)
			files[i] = filepath.ToSlash(r)
		}
		return files
	}
	got, err := Collect([]string{top})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a/build/keep.md", "a/ok.md", "a/sub/back.md"}
	if d := cmp.Diff(want, rel(got)); d != "" {
		t.Errorf("from the top (-want +got):\n%s", d)
	}
	// From a subfolder: the patterns above it still apply.
	got, err = Collect([]string{filepath.Join(top, "a", "sub")})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"a/sub/back.md"}, rel(got)); d != "" {
		t.Errorf("from a/sub (-want +got):\n%s", d)
	}
	got, err = Collect([]string{filepath.Join(top, "a")})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"a/build/keep.md", "a/ok.md", "a/sub/back.md"}, rel(got)); d != "" {
		t.Errorf("from a (-want +got):\n%s", d)
	}
}
