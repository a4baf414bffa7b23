// Package fix applies the certain replacements of findings to an article's
// bytes, writes the result safely, and shows it as a unified diff.
//
// Replacements act on the bytes as read, so a file's line endings and
// byte-order mark are kept as they were.
package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/claimlint/claimlint/checker"
)

// Apply returns src with every fix applied, and how many were applied. Fixes
// that overlap an earlier one are left out (the finding stays reported).
func Apply(src []byte, fs []checker.Finding) ([]byte, []bool) {
	idx := make([]int, 0, len(fs))
	for i, f := range fs {
		if f.Fix != nil && f.Fix.Offset >= 0 && f.Fix.EndOffset <= len(src) && f.Fix.Offset <= f.Fix.EndOffset {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return fs[idx[a]].Fix.Offset < fs[idx[b]].Fix.Offset })
	applied := make([]bool, len(fs))
	var out bytes.Buffer
	at := 0
	for _, i := range idx {
		fx := fs[i].Fix
		if fx.Offset < at {
			continue // overlaps the previous fix
		}
		out.Write(src[at:fx.Offset])
		out.WriteString(fx.Replacement)
		at = fx.EndOffset
		applied[i] = true
	}
	out.Write(src[at:])
	return out.Bytes(), applied
}

// Errors a write may refuse with.
var (
	ErrChanged  = errors.New("changed on disk since it was read; run claimlint again")
	ErrReadOnly = errors.New("is read-only; not written")
	ErrOutside  = errors.New("is a link to a file outside the checked tree; not written")
	ErrLinks    = errors.New("has other hard links, which a rewrite would part from it; not written")
	ErrOwner    = errors.New("belongs to another owner or group, which a rewrite could not keep; not written")
)

// Write replaces path with data, atomically: a temporary file in the same
// folder, then a rename, so that a reader (or a crash) sees the old file or
// the new one, never half of one. It keeps the file's mode (setuid, setgid
// and sticky bits included), owner and group, and refuses to write when the
// file is read-only (no owner write bit) or the running user could not
// write it in place, when the rewrite could not keep its owner and group,
// when it has other hard links (a rename would part them), when it no
// longer holds orig (it changed since it was read), or when it is a link
// that leads outside root.
func Write(path string, orig, data []byte, root string) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	if target != path && root != "" {
		absRoot, err := filepath.EvalSymlinks(root)
		if err != nil {
			return err
		}
		absTarget, _ := filepath.Abs(target)
		if rel, err := filepath.Rel(absRoot, absTarget); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("%s %w", path, ErrOutside)
		}
	}
	st, err := os.Stat(target)
	if err != nil {
		return err
	}
	if st.Mode().Perm()&0o200 == 0 || !st.Mode().IsRegular() {
		return fmt.Errorf("%s %w", path, ErrReadOnly)
	}
	// Whether this user may write the file itself, as the system decides
	// (owner, group, ACLs, a read-only mount): opening it for writing,
	// without truncating, changes nothing.
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("%s %w (%v)", path, ErrReadOnly, errors.Unwrap(err))
	}
	f.Close()
	uid, gid, links, known := ownership(st)
	if known && links > 1 {
		return fmt.Errorf("%s %w", path, ErrLinks)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%s: the fixed text is not valid UTF-8; not written", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".claimlint-*")
	if err != nil {
		return err
	}
	clean := func(e error) error {
		tmp.Close()
		os.Remove(tmp.Name())
		return e
	}
	if _, err := tmp.Write(data); err != nil {
		return clean(err)
	}
	if err := tmp.Sync(); err != nil {
		return clean(err)
	}
	if known {
		if ti, err := tmp.Stat(); err == nil {
			if tuid, tgid, _, ok := ownership(ti); ok && (tuid != uid || tgid != gid) {
				if err := tmp.Chown(uid, gid); err != nil {
					return clean(fmt.Errorf("%s %w", path, ErrOwner))
				}
			}
		}
	}
	// After chown, which clears the setuid and setgid bits.
	if err := tmp.Chmod(st.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return clean(err)
	}
	if err := tmp.Close(); err != nil {
		return clean(err)
	}
	// The last moment to see a change made since the file was read.
	now, err := os.ReadFile(target)
	if err != nil || !bytes.Equal(now, orig) {
		os.Remove(tmp.Name())
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s was removed since it was read; not written", path)
		}
		return fmt.Errorf("%s %w", path, ErrChanged)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// Diff writes a unified diff between old and new, with three lines of
// context, labelled a/path and b/path.
func Diff(path string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToRunes(string(old), string(new))
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(a, b, false), lines)
	// Flatten into one op per line.
	type op struct {
		kind byte // ' ', '-', '+'
		text string
	}
	var ops []op
	for _, d := range diffs {
		kind := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			kind = '-'
		case diffmatchpatch.DiffInsert:
			kind = '+'
		}
		for _, l := range strings.SplitAfter(d.Text, "\n") {
			if l != "" {
				ops = append(ops, op{kind, l})
			}
		}
	}
	const context = 3
	var out strings.Builder
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", filepath.ToSlash(path), filepath.ToSlash(path))
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk: from context lines before the change to context lines after
		// the last change that is within 2*context of the next.
		start := max(0, i-context)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j
			} else if j-end > 2*context {
				break
			}
		}
		stop := min(len(ops), end+context+1)
		oldLine, newLine := 1, 1
		for _, o := range ops[:start] {
			if o.kind != '+' {
				oldLine++
			}
			if o.kind != '-' {
				newLine++
			}
		}
		oldN, newN := 0, 0
		for _, o := range ops[start:stop] {
			if o.kind != '+' {
				oldN++
			}
			if o.kind != '-' {
				newN++
			}
		}
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", oldLine, oldN, newLine, newN)
		for _, o := range ops[start:stop] {
			out.WriteByte(o.kind)
			out.WriteString(o.text)
			if !strings.HasSuffix(o.text, "\n") {
				out.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = stop
	}
	return out.String()
}
