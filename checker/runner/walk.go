package runner

import (
	"cmp"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Files yields the article files under paths, as Collect lists them (sorted,
// without duplicates), one at a time: a folder is read when the walk reaches
// it, so a run over a large archive never holds the list of its files. A
// path that cannot be read is yielded as an error, in its place, and the
// walk goes on.
func Files(paths []string) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		// Each root is walked in sorted order; merging the walks keeps the
		// whole in sorted order and puts repeats side by side.
		var heads []*walkHead
		defer func() {
			for _, h := range heads {
				h.stop()
			}
		}()
		for _, root := range paths {
			next, stop := iter.Pull2(walkRoot(root))
			h := &walkHead{next: next, stop: stop}
			if h.advance() {
				heads = append(heads, h)
			} else {
				stop()
			}
		}
		last := ""
		for len(heads) > 0 {
			i := 0
			for j := 1; j < len(heads); j++ {
				if heads[j].before(heads[i]) {
					i = j
				}
			}
			h := heads[i]
			if h.err != nil {
				if !yield("", h.err) {
					return
				}
			} else if h.path != last {
				last = h.path
				if !yield(h.path, nil) {
					return
				}
			}
			if !h.advance() {
				h.stop()
				heads = slices.Delete(heads, i, i+1)
			}
		}
	}
}

// walkHead is the next item of one root's walk.
type walkHead struct {
	next func() (string, error, bool)
	stop func()
	path string
	err  error
}

// before orders the heads: errors first, then paths in sorted order; a
// tie keeps the earlier root.
func (h *walkHead) before(o *walkHead) bool {
	if h.err != nil || o.err != nil {
		return h.err != nil && o.err == nil
	}
	return h.path < o.path
}

func (h *walkHead) advance() bool {
	var ok bool
	h.path, h.err, ok = h.next()
	return ok
}

// walkRoot yields the articles below root in sorted order of their whole
// paths: a folder's entries are visited by name, a subfolder's name taken
// with the separator after it, so "a-b/x.md" comes before "a/y.md" as it
// does in a sorted list ('-' sorts before '/'). Hidden subfolders are
// skipped, links to folders are not followed, and a link to a file is
// yielded (a broken one is reported when read).
func walkRoot(root string) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		st, err := os.Stat(root)
		if err != nil {
			yield("", err)
			return
		}
		if !st.IsDir() {
			yield(filepath.Clean(root), nil)
			return
		}
		walkDir(filepath.Clean(root), yield)
	}
}

// walkDir yields the articles below dir; false: stop.
func walkDir(dir string, yield func(string, error) bool) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return yield("", err)
	}
	sep := string(filepath.Separator)
	key := func(d fs.DirEntry) string {
		if d.IsDir() {
			return d.Name() + sep
		}
		return d.Name()
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return cmp.Compare(key(a), key(b)) })
	for _, d := range entries {
		p := filepath.Join(dir, d.Name())
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") {
				continue
			}
			if !walkDir(p, yield) {
				return false
			}
			continue
		}
		if IsArticle(p) && (d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0) {
			if !yield(p, nil) {
				return false
			}
		}
	}
	return true
}
