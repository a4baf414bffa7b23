// Package changes reads which lines a change added or modified, from a
// unified diff or from `git diff`, so that a pull request is judged only on
// the lines it touches.
package changes

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/sourcegraph/go-diff/diff"

	"github.com/claimlint/claimlint/checker"
)

// Lines holds the added or changed lines of each file, by absolute path.
type Lines map[string]map[int]bool

// Parse reads a unified diff. Paths in it are relative to root (a/ and b/
// prefixes, as git writes them, are removed).
func Parse(patch []byte, root string) (Lines, error) {
	fds, err := diff.ParseMultiFileDiff(patch)
	if err != nil {
		return nil, fmt.Errorf("read diff: %w", err)
	}
	out := Lines{}
	for _, fd := range fds {
		name := fd.NewName
		if name == "/dev/null" {
			continue // a deleted file has no lines to judge
		}
		name = strings.TrimPrefix(name, "b/")
		path := filepath.Join(root, filepath.FromSlash(name))
		set := out[path]
		if set == nil {
			set = map[int]bool{}
			out[path] = set
		}
		for _, h := range fd.Hunks {
			line := int(h.NewStartLine)
			for _, l := range bytes.SplitAfter(h.Body, []byte("\n")) {
				if len(l) == 0 {
					continue
				}
				switch l[0] {
				case '+':
					set[line] = true
					line++
				case ' ':
					line++
				case '\\': // "\ No newline at end of file"
				}
			}
		}
	}
	return out, nil
}

// fetchHint says how to get rev into a shallow clone. git fetches a commit
// by its full hash or a branch or tag by name, never a relative revision
// (HEAD~1) or an abbreviated hash: for those, deepen the history.
func fetchHint(rev string) string {
	hex := rev != "" && strings.Trim(rev, "0123456789abcdefABCDEF") == ""
	switch {
	case hex && (len(rev) == 40 || len(rev) == 64):
		return fmt.Sprintf("fetch it first (git fetch --depth=1 origin %s)", rev)
	case hex:
		return "give the full hash, which git can fetch (git fetch --depth=1 origin FULL-HASH), or deepen the history (git fetch --unshallow)"
	case strings.ContainsAny(rev, "~^@:"):
		return "deepen the history first (git fetch --deepen=N for N more commits, or git fetch --unshallow): git cannot fetch a relative revision by name"
	}
	name := strings.TrimPrefix(strings.TrimPrefix(rev, "refs/remotes/"), "origin/")
	return fmt.Sprintf("fetch it first (git fetch --depth=1 origin %s)", name)
}

// FromGit reads the lines changed since rev in the working tree of the
// repository that holds dir. It fails with a clear message when rev is not
// in the clone (a shallow clone lacks older commits).
func FromGit(dir, rev string) (Lines, string, error) {
	root, err := Root(dir)
	if err != nil {
		return nil, "", err
	}
	verify := exec.Command("git", "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	verify.Dir = root
	if err := verify.Run(); err != nil {
		return nil, "", fmt.Errorf("--new-from-rev %s: no such commit in this clone; in a shallow clone %s", rev, fetchHint(rev))
	}
	cmd := exec.Command("git", "diff", "--no-color", "--no-ext-diff", "--unified=0", "--no-renames", rev, "--")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, "", fmt.Errorf("git diff %s: %v: %s", rev, err, strings.TrimSpace(stderr.String()))
	}
	lines, err := Parse(out, root)
	return lines, root, err
}

// Root returns the top of the git repository that holds dir.
func Root(dir string) (string, error) {
	cmd := exec.Command("git", "rev-parse", "--show-toplevel")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("%s is not in a git repository", dir)
		}
		return "", fmt.Errorf("git: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// Filter keeps the findings that touch an added or changed line.
func (l Lines) Filter(fs []checker.Finding) []checker.Finding {
	var out []checker.Finding
	for _, f := range fs {
		abs, err := filepath.Abs(f.Path)
		if err != nil {
			continue
		}
		set := l[abs]
		if set == nil {
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				set = l[real] // git reports the real path of a linked folder
			}
		}
		for line := f.Line; line <= max(f.EndLine, f.Line); line++ {
			if set[line] {
				out = append(out, f)
				break
			}
		}
	}
	return out
}
