package runner

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// maxIgnoreFile is the most of a .gitignore file read: a pattern list, not
// an article; a larger file (or a device) is not a .gitignore anyone wrote.
const maxIgnoreFile = 1 << 20

// ignorer holds the .gitignore patterns that apply in one folder of a
// walk: those of the work tree's .git/info/exclude and of every
// .gitignore from the work tree's top down to the folder. Outside a git
// work tree it holds none and ignores nothing, as git would.
type ignorer struct {
	on       bool
	domain   []string // the folder, relative to the work tree's top, as names
	patterns []gitignore.Pattern
}

// newIgnorer is the ignorer of dir, the root of a walk: it finds the work
// tree dir is in and reads the patterns of the folders above dir (dir's
// own .gitignore is read by the walk, as any folder's).
func newIgnorer(dir string) *ignorer {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return &ignorer{}
	}
	top := abs
	for {
		if _, err := os.Lstat(filepath.Join(top, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(top)
		if parent == top {
			return &ignorer{}
		}
		top = parent
	}
	ig := &ignorer{on: true}
	ig.patterns = append(ig.patterns, readIgnore(filepath.Join(top, ".git", "info", "exclude"), nil)...)
	rel, err := filepath.Rel(top, abs)
	if err != nil {
		return &ignorer{}
	}
	d := top
	if rel != "." {
		for _, name := range strings.Split(rel, string(filepath.Separator)) {
			ig = ig.in(d)
			d = filepath.Join(d, name)
			ig.domain = append(slices.Clip(ig.domain), name)
		}
	}
	return ig
}

// in is the ignorer with the patterns of folder's .gitignore added, folder
// being the folder ig.domain names.
func (ig *ignorer) in(folder string) *ignorer {
	if !ig.on {
		return ig
	}
	ps := readIgnore(filepath.Join(folder, ".gitignore"), ig.domain)
	if len(ps) == 0 {
		return ig
	}
	return &ignorer{on: true, domain: ig.domain, patterns: append(slices.Clip(ig.patterns), ps...)}
}

// child is the ignorer of the subfolder name, before its own .gitignore.
func (ig *ignorer) child(name string) *ignorer {
	if !ig.on {
		return ig
	}
	return &ignorer{on: true, domain: append(slices.Clip(ig.domain), name), patterns: ig.patterns}
}

// ignored reports whether the entry name of the folder is ignored.
func (ig *ignorer) ignored(name string, isDir bool) bool {
	if !ig.on || len(ig.patterns) == 0 {
		return false
	}
	return gitignore.NewMatcher(ig.patterns).Match(append(slices.Clip(ig.domain), name), isDir)
}

// readIgnore reads the patterns of a .gitignore-format file, each for the
// folder domain; nothing when it is missing or not a regular file.
func readIgnore(path string, domain []string) []gitignore.Pattern {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil
	}
	var ps []gitignore.Pattern
	sc := bufio.NewScanner(io.LimitReader(f, maxIgnoreFile))
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps
}
