// Package runner finds the articles under a set of paths and checks them in
// parallel, returning findings in a stable order and every file it could not
// read, so that no file is silently lost.
package runner

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/ledger"
)

// Input is one article to check: its path as reported and, for standard
// input, its content.
type Input struct {
	Path string
	Data []byte // nil: read Path from disk
	// Published is the date for this file when its front matter has none;
	// zero: the run's default.
	Published ledger.Date
}

// Result is the outcome of a run.
type Result struct {
	Findings []checker.Finding
	Files    int     // articles checked
	Errors   []error // files that could not be read or parsed, in path order
	// Sources holds each article's bytes as read, by path, when
	// Options.KeepSources is set (for --fix and --diff).
	Sources map[string][]byte
}

// IsArticle reports whether a file name is one claimlint checks when it
// walks a folder.
func IsArticle(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".txt" || ext == ".markdown"
}

// Collect expands paths into article files: a file is taken as it is, a
// folder is walked for .md and .txt files, skipping hidden folders. The
// result is sorted and free of duplicates.
func Collect(paths []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && IsArticle(p) {
				add(p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// Options control a run.
type Options struct {
	Article     article.Options
	Workers     int  // 0: one per CPU
	KeepSources bool // keep each article's bytes in Result.Sources
}

// Run checks inputs with c, using up to Workers goroutines.
func Run(c *checker.Checker, inputs []Input, opt Options) Result {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type out struct {
		findings []checker.Finding
		src      []byte
		err      error
	}
	outs := make([]out, len(inputs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, max(len(inputs), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				aopt := opt.Article
				if !inputs[i].Published.IsZero() {
					aopt.Published = inputs[i].Published
				}
				outs[i].findings, outs[i].src, outs[i].err = checkOne(c, inputs[i], aopt)
				if !opt.KeepSources {
					outs[i].src = nil
				}
			}
		}()
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()
	var res Result
	if opt.KeepSources {
		res.Sources = map[string][]byte{}
	}
	for i, o := range outs {
		if o.err != nil {
			res.Errors = append(res.Errors, o.err)
			continue
		}
		if opt.KeepSources {
			res.Sources[inputs[i].Path] = o.src
		}
		res.Files++
		res.Findings = append(res.Findings, o.findings...)
	}
	checker.SortFindings(res.Findings)
	return res
}

func checkOne(c *checker.Checker, in Input, opt article.Options) ([]checker.Finding, []byte, error) {
	data := in.Data
	if data == nil {
		st, err := os.Stat(in.Path)
		if err != nil {
			return nil, nil, err
		}
		if st.IsDir() {
			return nil, nil, fmt.Errorf("%s is a folder, not an article", in.Path)
		}
		if st.Size() > article.MaxSize {
			return nil, nil, &article.Error{Path: in.Path, Msg: fmt.Sprintf("file is %d bytes; articles over %d bytes are not read", st.Size(), article.MaxSize)}
		}
		data, err = os.ReadFile(in.Path)
		if err != nil {
			return nil, nil, err
		}
	}
	a, err := article.Parse(in.Path, data, opt)
	if err != nil {
		var ae *article.Error
		if errors.As(err, &ae) {
			return nil, nil, err
		}
		return nil, nil, fmt.Errorf("%s: %w", in.Path, err)
	}
	return c.Check(a), data, nil
}
