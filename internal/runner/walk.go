package runner

import (
	"cmp"
	"container/heap"
	"fmt"
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
// path given that cannot be read is yielded as an error before any file, a
// folder within that cannot be read when the walk reaches it, and the rest
// is still walked.
func Files(paths []string) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		// Files named are taken as they are, sorted; each folder is walked
		// in sorted order; merging them keeps the whole in sorted order and
		// puts repeats side by side.
		var named []string
		h := &walkHeap{}
		defer h.stop()
		wd := ""
		for _, root := range paths {
			st, err := os.Stat(root)
			switch {
			case err != nil:
				if !yield("", err) {
					return
				}
			case st.IsDir():
				next, stop := iter.Pull2(walkDir(filepath.Clean(root)))
				h.add(&walkHead{next: next, stop: stop})
			default:
				// A file named that is a link must stay below the
				// working folder, and out of .git.
				if wd == "" {
					wd, _ = os.Getwd()
					wd = resolved(wd)
				}
				if err := linkOut(root, wd); err != nil {
					if !yield("", err) {
						return
					}
					continue
				}
				named = append(named, filepath.Clean(root))
			}
		}
		slices.Sort(named)
		h.add(&walkHead{next: sliceNext(named), stop: func() {}})
		heap.Init(h)
		last := ""
		for h.Len() > 0 {
			w := h.heads[0]
			if w.err != nil {
				if !yield("", w.err) {
					return
				}
			} else if w.path != last {
				last = w.path
				if !yield(w.path, nil) {
					return
				}
			}
			if w.advance() {
				heap.Fix(h, 0)
			} else {
				w.stop()
				heap.Pop(h)
			}
		}
	}
}

// sliceNext returns the items of a sorted list one at a time, as a walk's
// next does.
func sliceNext(list []string) func() (string, error, bool) {
	return func() (string, error, bool) {
		if len(list) == 0 {
			return "", nil, false
		}
		p := list[0]
		list = list[1:]
		return p, nil, true
	}
}

// walkHead is the next item of one sorted source: a folder's walk, or the
// files named.
type walkHead struct {
	next func() (string, error, bool)
	stop func()
	path string
	err  error
	seq  int // the order it was added in: of equal items, the first source's first
}

func (w *walkHead) advance() bool {
	var ok bool
	w.path, w.err, ok = w.next()
	return ok
}

// walkHeap orders the heads: errors first, then paths in sorted order.
type walkHeap struct{ heads []*walkHead }

// add adds a head that has an item.
func (h *walkHeap) add(w *walkHead) {
	w.seq = len(h.heads)
	if w.advance() {
		h.heads = append(h.heads, w)
	} else {
		w.stop()
	}
}

func (h *walkHeap) stop() {
	for _, w := range h.heads {
		w.stop()
	}
}

func (h *walkHeap) Len() int { return len(h.heads) }
func (h *walkHeap) Less(i, j int) bool {
	a, b := h.heads[i], h.heads[j]
	if (a.err != nil) != (b.err != nil) {
		return a.err != nil
	}
	if a.err == nil && a.path != b.path {
		return a.path < b.path
	}
	return a.seq < b.seq
}
func (h *walkHeap) Swap(i, j int) { h.heads[i], h.heads[j] = h.heads[j], h.heads[i] }
func (h *walkHeap) Push(x any)    { h.heads = append(h.heads, x.(*walkHead)) }
func (h *walkHeap) Pop() any {
	w := h.heads[len(h.heads)-1]
	h.heads = h.heads[:len(h.heads)-1]
	return w
}

// walkDir yields the articles below dir in sorted order of their whole
// paths: a folder's entries are visited by name, a subfolder's name taken
// with the separator after it, so "a-b/x.md" comes before "a/y.md" as it
// does in a sorted list ('-' sorts before '/'). Hidden subfolders, and
// what the .gitignore files of its git work tree ignore, are skipped; links
// to folders are not followed, and a link to a file is yielded (a broken
// one is reported when read) if its target lies within dir and not in a
// .git folder, else a *LinkSkipped error is yielded in its place. A
// subfolder that cannot be read is yielded as an error, in its place.
func walkDir(dir string) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) { walkFrom(dir, resolved(dir), newIgnorer(dir), yield) }
}

// walkFrom yields the articles below dir, whose links must stay within
// tree, leaving out what the .gitignore files of ig and of the folders
// walked ignore; false: stop.
func walkFrom(dir, tree string, ig *ignorer, yield func(string, error) bool) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return yield("", err)
	}
	ig = ig.in(dir)
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
			if strings.HasPrefix(d.Name(), ".") || ig.ignored(d.Name(), true) {
				continue
			}
			if !walkFrom(p, tree, ig.child(d.Name()), yield) {
				return false
			}
			continue
		}
		if IsArticle(p) && (d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0) && !ig.ignored(d.Name(), false) {
			if d.Type()&fs.ModeSymlink != 0 {
				if err := linkOut(p, tree); err != nil {
					if !yield("", err) {
						return false
					}
					continue
				}
			}
			if !yield(p, nil) {
				return false
			}
		}
	}
	return true
}

// LinkSkipped is a link to a file outside the folder checked, or into a
// .git folder: it is not followed, and the run warns of it (it is not an
// error: the file is not an article of the tree).
type LinkSkipped struct {
	Path, Target string
	IntoGit      bool
}

func (e *LinkSkipped) Error() string {
	if e.IntoGit {
		return fmt.Sprintf("%s is a link into a .git folder (%s): not followed, not checked", e.Path, e.Target)
	}
	return fmt.Sprintf("%s is a link to %s, outside the folder checked: not followed, not checked", e.Path, e.Target)
}

// linkOut returns a *LinkSkipped when p is a link whose target is not
// below tree (an absolute path with links resolved) or is in a .git
// folder; nil for anything else, a broken link included (reading it
// reports it).
func linkOut(p, tree string) error {
	if fi, err := os.Lstat(p); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil
	}
	if abs, err := filepath.Abs(target); err == nil {
		target = abs
	}
	rel, err := filepath.Rel(tree, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		// Outside the tree: say so, or that it is into a .git folder.
		for _, part := range strings.Split(filepath.ToSlash(target), "/") {
			if part == ".git" {
				return &LinkSkipped{Path: p, Target: target, IntoGit: true}
			}
		}
		return &LinkSkipped{Path: p, Target: target}
	}
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if part == ".git" {
			return &LinkSkipped{Path: p, Target: target, IntoGit: true}
		}
	}
	return nil
}

// resolved is dir as an absolute path with its links resolved (as far as
// it can be).
func resolved(dir string) string {
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		dir = r
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return dir
}
