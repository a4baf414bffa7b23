package runner

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimlint/claimlint/checker/ledger"
)

// MaxRuleFileSize is the largest rule file read: 64 MB, three times the
// largest ledger benchmarked; a file past it (or one that links to
// /dev/zero) is refused, not read into memory.
const MaxRuleFileSize = 64 << 20

// ReadRegular reads the file at path, which must be a regular file (a link
// is followed) of at most max bytes: a folder, device, pipe or socket is
// refused without being opened, so a FIFO cannot hang the run, and at most
// max+1 bytes are ever read, so a file that grows (or /dev/zero swapped in)
// cannot fill memory.
func ReadRegular(path string, max int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(path, st); err != nil {
		return nil, err
	}
	if st.Size() > max {
		return nil, fmt.Errorf("%s is %d bytes, over the limit of %d: not read", path, st.Size(), max)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file opened must be the one looked at: not swapped for a pipe
	// or device since.
	if st2, err := f.Stat(); err != nil || !os.SameFile(st, st2) {
		return nil, fmt.Errorf("%s changed while it was opened: not read", path)
	}
	// Read into a buffer of the size the file has: io.ReadAll grows its
	// buffer from 512 bytes, which for a 29 MB ledger allocated 70 MB and
	// kept a third more than the file.
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data := buf.Bytes()
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s grew past the limit of %d bytes while it was read: not read", path, max)
	}
	return data, nil
}

func regular(path string, st fs.FileInfo) error {
	switch {
	case st.IsDir():
		return fmt.Errorf("%s is a folder, not a file", path)
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file (a device, pipe or socket): not read", path)
	}
	return nil
}

// ReadRulePaths reads rule files from paths on disk, as ledger.ReadPaths
// does (a file is read as it is, a folder walked for .yaml and .yml files,
// skipping hidden folders), but each must be a regular file of at most
// MaxRuleFileSize bytes.
func ReadRulePaths(paths []string) ([]ledger.File, error) {
	var files []ledger.File
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		if !st.IsDir() {
			data, err := ReadRegular(p, MaxRuleFileSize)
			if err != nil {
				return nil, fmt.Errorf("rules: %w", err)
			}
			files = append(files, ledger.File{Name: p, Data: data})
			continue
		}
		var found []ledger.File
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if q != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if ext := filepath.Ext(q); ext != ".yaml" && ext != ".yml" {
				return nil
			}
			data, err := ReadRegular(q, MaxRuleFileSize)
			if err != nil {
				return err
			}
			found = append(found, ledger.File{Name: filepath.ToSlash(q), Data: data})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("rules: %s holds no .yaml or .yml file", p)
		}
		files = append(files, found...)
	}
	return files, nil
}
