// Package runner finds the articles under a set of paths and checks them in
// parallel, returning findings in a stable order and every file it could not
// read, so that no file is silently lost.
package runner

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/corpus"
)

// Input is one article to check: its path as reported and, for standard
// input, its content.
type Input struct {
	Path string
	Data []byte // nil: read Path from disk
	// Published is the date for this file when its front matter has none;
	// zero: the run's default.
	Published civil.Date
	// Err, when set, is why the input could not be found (a path that
	// does not exist, a folder that cannot be read): it is reported in
	// the input's place, as a file that could not be read is.
	Err error
}

// Result is the outcome of a run.
type Result struct {
	Findings []checker.Finding
	Files    int     // articles checked
	Errors   []error // files that could not be read or parsed, in path order
	// Sources holds each article's bytes as read, by path, when
	// Options.KeepSources is set (for --fix and --diff).
	Sources map[string][]byte
	// Claims (with AllClaims) and Stmts (with CorpusClaims or AllClaims)
	// are what Options.Claims kept, in input order.
	Claims []checker.Claim
	Stmts  []corpus.Stmt
}

// Output is what checking one input gave.
type Output struct {
	Findings []checker.Finding
	Claims   []checker.Claim // with AllClaims
	Stmts    []corpus.Stmt   // with CorpusClaims or AllClaims
	Src      []byte          // when Options.KeepSources is set
	Err      error           // the input could not be read or parsed
}

// IsArticle reports whether a file name is one claimlint checks when it
// walks a folder.
func IsArticle(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".txt" || ext == ".markdown"
}

// Collect expands paths into article files: a file is taken as it is, a
// folder is walked for .md and .txt files, skipping hidden folders and not
// following links to folders. The result is sorted and free of duplicates.
// A path that cannot be read is an error, and the others are still
// collected: CollectAll returns both.
func Collect(paths []string) ([]string, error) {
	files, errs := CollectAll(paths)
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return files, nil
}

// CollectAll is Collect that goes on past a bad path, returning every error.
func CollectAll(paths []string) ([]string, []error) {
	var out []string
	var errs []error
	for p, err := range Files(paths) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, p)
	}
	return out, errs
}

// InShard reports whether file is in shard k of n (1-based): whether its
// path, relative to root with forward slashes, hashes to k-1 modulo n.
// Every file falls in exactly one shard, whatever the working directory.
func InShard(file, root string, k, n int) bool {
	rel := file
	if abs, err := filepath.Abs(file); err == nil {
		if r, err := filepath.Rel(root, abs); err == nil {
			rel = r
		}
	}
	h := fnv.New32a()
	h.Write([]byte(filepath.ToSlash(rel)))
	return n > 0 && uint64(h.Sum32())%uint64(n) == uint64(k-1)
}

// Options control a run.
type Options struct {
	Article     article.Options
	Workers     int  // 0: one per CPU
	KeepSources bool // keep each article's bytes in Result.Sources
	// Cache, when set, keeps each article's findings between runs.
	Cache *Cache
	// MaxSize is the largest article read, in bytes; larger files are
	// reported, never read. 0: DefaultMaxSize.
	MaxSize int64
	// Claims says which claims to keep of each article.
	Claims ClaimMode
}

// ClaimMode says which claims a run keeps.
type ClaimMode int

const (
	NoClaims     ClaimMode = iota
	CorpusClaims           // the statements articles are compared on (corpus.Compact)
	AllClaims              // those, and every claim with its text
)

// DefaultMaxSize is the default --max-file-size: 10 MB.
const DefaultMaxSize = 10 << 20

// Run checks inputs with c, using up to Workers goroutines, and returns
// every finding, sorted.
func Run(c *checker.Checker, inputs []Input, opt Options) Result {
	var res Result
	if opt.KeepSources {
		res.Sources = map[string][]byte{}
	}
	Stream(c, slices.Values(inputs), opt, func(in Input, out Output) {
		if out.Err != nil {
			res.Errors = append(res.Errors, out.Err)
			return
		}
		if opt.KeepSources {
			res.Sources[in.Path] = out.Src
		}
		res.Files++
		res.Findings = append(res.Findings, out.Findings...)
		res.Claims = append(res.Claims, out.Claims...)
		res.Stmts = append(res.Stmts, out.Stmts...)
	})
	checker.SortFindings(res.Findings)
	return res
}

// Stream checks inputs with c on up to Workers goroutines and calls emit
// once per input, in input order, from one goroutine. inputs is read as the
// workers need it, and at most a few inputs per worker are in flight, so
// memory does not grow with the corpus: a caller that yields inputs as it
// finds them, writes each result out and drops it runs in flat memory.
func Stream(c *checker.Checker, inputs iter.Seq[Input], opt Options, emit func(in Input, out Output)) {
	maxSize := opt.MaxSize
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// A ring of window slots: input i uses slot i%window, free again since
	// input i+window is dispatched only after input i is emitted.
	window := 4 * workers
	slots := make([]chan Output, window)
	for i := range slots {
		slots[i] = make(chan Output, 1)
	}
	type job struct {
		i  int
		in Input
	}
	next := make(chan job)
	order := make(chan Input, window)    // dispatched inputs, in order, for emit
	ahead := make(chan struct{}, window) // inputs dispatched but not yet emitted
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				aopt := opt.Article
				if !j.in.Published.IsZero() {
					aopt.Published = j.in.Published
				}
				r := checkOne(c, j.in, aopt, maxSize, opt.Cache, opt.Claims)
				if !opt.KeepSources {
					r.Src = nil
				}
				slots[j.i%window] <- r
			}
		}()
	}
	go func() {
		i := 0
		for in := range inputs {
			ahead <- struct{}{}
			order <- in
			next <- job{i, in}
			i++
		}
		close(next)
		close(order)
	}()
	i := 0
	for in := range order {
		emit(in, <-slots[i%window])
		<-ahead
		i++
	}
	wg.Wait()
}

func checkOne(c *checker.Checker, in Input, opt article.Options, maxSize int64, cache *Cache, claims ClaimMode) Output {
	fail := func(err error) Output { return Output{Err: err} }
	if in.Err != nil {
		return fail(in.Err)
	}
	data := in.Data
	if data == nil {
		st, err := os.Stat(in.Path)
		if err != nil {
			return fail(err)
		}
		if st.IsDir() {
			return fail(fmt.Errorf("%s is a folder, not an article", in.Path))
		}
		if !st.Mode().IsRegular() {
			return fail(fmt.Errorf("%s is not a regular file (a device, pipe or socket); not read", in.Path))
		}
		if st.Size() > maxSize {
			return fail(tooLarge(in.Path, st.Size(), maxSize))
		}
		f, err := os.Open(in.Path)
		if err != nil {
			return fail(err)
		}
		// Read at most one byte past the limit: a file that grows meanwhile
		// is still refused, not read whole.
		data, err = io.ReadAll(io.LimitReader(f, maxSize+1))
		f.Close()
		if err != nil {
			return fail(fmt.Errorf("%s: %w", in.Path, err))
		}
	}
	if int64(len(data)) > maxSize {
		return fail(tooLarge(in.Path, int64(len(data)), maxSize))
	}
	opt.MaxSize = maxSize
	if cache != nil {
		if e, ok := cache.get(in.Path, data, opt.Published, c.Limit(), claims); ok {
			return Output{Findings: e.Findings, Claims: e.Claims, Stmts: e.Stmts, Src: data}
		}
	}
	a, err := article.Parse(in.Path, data, opt)
	if err != nil {
		var ae *article.Error
		if errors.As(err, &ae) {
			return fail(err)
		}
		return fail(fmt.Errorf("%s: %w", in.Path, err))
	}
	out := Output{Src: data}
	switch claims {
	case AllClaims:
		out.Claims, out.Findings = c.Claims(a)
		out.Stmts, _ = corpus.Statements(c, a) // a second pass: the same statements as CorpusClaims
	case CorpusClaims:
		out.Stmts, out.Findings = corpus.Statements(c, a)
	default:
		out.Findings = c.Check(a)
	}
	if cache != nil {
		cache.put(in.Path, data, opt.Published, c.Limit(), entry{Findings: out.Findings, Claims: out.Claims, Stmts: out.Stmts, Mode: claims})
	}
	return out
}

func tooLarge(path string, size, max int64) error {
	return &article.Error{Path: path, Msg: fmt.Sprintf("file is %d bytes, over --max-file-size %d: skipped, not checked", size, max)}
}
