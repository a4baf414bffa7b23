// Package pipeline is claimlint as a library: what happens between the
// paths to check and the exit status. Run finds the articles, checks them
// with the engine (package checker) on every core, passes the findings
// through an ordered list of processors (see Processors: cross-source,
// ledger-lint, severities, changed-lines, write-baseline, baseline, fixes),
// as golangci-lint passes its issues, writes the outputs and says how the
// run ends. When every processor can work file by file and the only output
// is text on standard output, the findings are written as each file is
// checked, in flat memory. When the outputs are any formats but html and
// claimreview and the processors are cross-source, ledger-lint and
// severities, they are written in flat memory too, byte for byte as a run
// that holds them would (see streamSorted).
//
// The command claimlint parses its flags into Options and calls Run; its
// other commands (merge, test, claims) use the loaders and the processors
// of this package, and so does a program that embeds claimlint:
//
//	res, err := pipeline.Run(pipeline.Options{Paths: []string{"articles"}})
//	if err != nil {
//		return err
//	}
//	for _, f := range res.Findings { … }
package pipeline

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/internal/report"
	"github.com/claimlint/claimlint/internal/runner"
)

// The ranges of Options' numbers; Run refuses a value outside them.
const (
	// MaxWorkers is the most articles checked at once (Options.Workers).
	MaxWorkers = 1024
	// MaxShards is the most shards a run is split into (Options.Shards).
	MaxShards = 1 << 16
	// MaxFileSize is the largest Options.MaxSize: 1 GB, since an article
	// is read whole into memory.
	MaxFileSize = 1 << 30
)

// Options say what a run checks, with what, what it does with the
// findings and where it writes them. The zero value checks the working
// directory with the rules embedded in claimlint, writes nothing and
// returns the findings.
type Options struct {
	// Paths are the articles and folders to check; with none, the
	// config's paths:, else the working directory. A file named here is
	// checked only when it is under the config's paths: (if any) and
	// passes its include: and exclude:, as a file found in a folder is,
	// unless Force is set.
	Paths []string
	// Force checks the files named in Paths whatever the config's paths:,
	// include: and exclude: say.
	Force bool
	// Stdin, when set, is the one article checked instead of Paths.
	Stdin *Input
	// Rules are the rule files; nil: LoadRules(nil, Config).
	Rules *Rules
	// Config is .claimlint.yaml (LoadConfig); nil: none.
	Config *config.Config
	// Published is the publication date of articles whose front matter
	// and config give none.
	Published civil.Date
	// Workers is how many articles are checked at once; 0: one per CPU;
	// at most MaxWorkers.
	Workers int
	// MaxSize is the largest article read, in bytes; 0: 10 MB; at most
	// MaxFileSize.
	MaxSize int64
	// MaxClaims caps what one article is read for (checker.Checker's
	// MaxClaims); 0: checker.DefaultMaxClaims; at most
	// checker.MaxMaxClaims.
	MaxClaims int
	// Shard and Shards check only shard Shard (1-based) of Shards: a
	// deterministic share of the files, by path. Shards <= 1: all; at most
	// MaxShards.
	Shard, Shards int
	// Cache keeps each article's findings between runs, in the user's
	// cache folder.
	Cache bool
	// SelfTest runs the tests: entries of the rule files before checking;
	// a failure stops the run.
	SelfTest bool
	// LintRules adds the findings on the rule files themselves.
	LintRules bool
	// NewFromRev or NewFromPatch keep only the findings on lines added or
	// changed since a git revision, or by a unified diff in a file.
	NewFromRev, NewFromPatch string
	// WriteBaseline records the findings in a baseline file; Baseline
	// drops those a baseline file records.
	WriteBaseline, Baseline string
	// Fix applies every certain replacement in place; Diff prints them as
	// a unified diff on Stdout instead of the outputs.
	Fix, Diff bool
	// Outputs are written once the findings are processed; none: nothing
	// is written (ParseOutputs gives claimlint's default, text).
	Outputs []Output
	// FailLevel is the lowest severity that fails the run; "": the
	// config's fail-level:, else error.
	FailLevel string
	// Root is what outputs, baselines and diffs give paths relative to,
	// and what shards are cut by; "": RepoRoot().
	Root string
	// Stdout receives the outputs without a path and diffs; Stderr the
	// files that could not be checked and the summary line, as claimlint
	// writes them. nil: discarded.
	Stdout, Stderr io.Writer
	// SpillAt is how many statements a streamed run holds in memory to
	// compare the articles before it moves them to temporary files; 0:
	// the default.
	SpillAt int
	// Spilled, when set, is called with the temporary files' folder when
	// it is made, and the stop it returns when the run is done with the
	// folder (the command removes it and exits on an interrupt between).
	Spilled func(dir string) (stop func())
}

// Input is an article given as bytes, such as standard input, reported
// under Path.
type Input struct {
	Path string
	Data []byte
}

func (o *Options) root() string {
	if o.Root != "" {
		return o.Root
	}
	return RepoRoot()
}

func (o *Options) stdout() io.Writer {
	if o.Stdout == nil {
		return io.Discard
	}
	return o.Stdout
}

func (o *Options) stderr() io.Writer {
	if o.Stderr == nil {
		return io.Discard
	}
	return o.Stderr
}

// Result is how a run ended.
type Result struct {
	// Findings are what the processors left, sorted; nil when the run
	// streamed them to its outputs as it went.
	Findings []checker.Finding
	Files    int     // articles checked
	Errors   []error // files that could not be checked (or fixed), as written to Stderr
	Failed   bool    // a finding reached the fail level
}

// Exit is claimlint's exit status for the run: 2 when a file could not be
// checked, else 1 when a finding reached the fail level, else 0.
func (r *Result) Exit() int {
	switch {
	case len(r.Errors) > 0:
		return 2
	case r.Failed:
		return 1
	}
	return 0
}

// Run checks the articles opt names and processes, writes and returns the
// findings. Files that cannot be checked are written to Stderr and counted
// in the Result; an error is a run that could not go on (a rule-file test
// that fails, a baseline or diff that cannot be read, an output that
// cannot be written), and its message is the whole report.
func Run(opt Options) (*Result, error) {
	cfg := opt.Config
	if opt.Rules == nil {
		r, err := LoadRules(nil, cfg)
		if err != nil {
			return nil, err
		}
		opt.Rules = r
	}
	l := opt.Rules.Ledger
	failLevel := opt.FailLevel
	if failLevel == "" && cfg != nil {
		failLevel = cfg.FailLevel
	}
	if failLevel == "" {
		failLevel = checker.Error
	}
	if checker.SeverityRank(failLevel) == 0 {
		return nil, fmt.Errorf("unknown fail level %q: want error, warning or info", failLevel)
	}
	if opt.Shards <= 1 {
		opt.Shard, opt.Shards = 1, 1
	} else if opt.Shard < 1 || opt.Shard > opt.Shards || opt.Shards > MaxShards {
		return nil, fmt.Errorf("shard %d of %d: want 1 <= shard <= shards <= %d", opt.Shard, opt.Shards, MaxShards)
	}
	if opt.Workers < 0 || opt.Workers > MaxWorkers {
		return nil, fmt.Errorf("workers %d: want 0 (one per CPU) to %d", opt.Workers, MaxWorkers)
	}
	if opt.MaxSize < 0 || opt.MaxSize > MaxFileSize {
		return nil, fmt.Errorf("max size %d: want 0 (10 MB) to %d bytes (1 GB)", opt.MaxSize, MaxFileSize)
	}
	if opt.MaxClaims < 0 || opt.MaxClaims > checker.MaxMaxClaims {
		return nil, fmt.Errorf("max claims %d: want 0 (%d) to %d", opt.MaxClaims, checker.DefaultMaxClaims, checker.MaxMaxClaims)
	}
	chk := checker.New(l)
	chk.MaxClaims = opt.MaxClaims
	root := sync.OnceValue(opt.root)
	if opt.SelfTest {
		if fails := checker.New(l).RunSpecs(); len(fails) > 0 {
			var lines []string
			for _, f := range fails {
				lines = append(lines, f.String())
			}
			return nil, fmt.Errorf("%d rule-file %s failed (--self-test):\n%s", len(fails), plural(len(fails), "test", "tests"), strings.Join(lines, "\n"))
		}
	}
	var found iter.Seq[runner.Input]
	var roots []string // the paths walked
	if opt.Stdin != nil {
		found = slices.Values([]runner.Input{{Path: opt.Stdin.Path, Data: opt.Stdin.Data, Published: cfg.PublishedFor(opt.Stdin.Path)}})
	} else {
		paths, forced, left := selectNamed(opt.Paths, cfg, opt.Force)
		if left > 0 {
			fmt.Fprintf(opt.stderr(), "claimlint: %d named %s not in the config's paths:, include: or exclude: left out (--force checks %s)\n",
				left, plural(left, "file", "files"), plural(left, "it", "them"))
		}
		if len(opt.Paths) > 0 && len(paths) == 0 {
			found = slices.Values([]runner.Input(nil)) // every file named was left out
		} else {
			roots = Paths(paths, cfg)
			found = findInputs(roots, cfg, forced, opt.Shard, opt.Shards, root, func(err error) {
				fmt.Fprintln(opt.stderr(), "claimlint: warning: "+report.CleanLine(err.Error()))
			})
		}
	}
	ropt := runner.Options{Article: article.Options{Published: opt.Published}, Workers: opt.Workers,
		KeepSources: opt.Fix || opt.Diff, MaxSize: opt.MaxSize}
	if opt.Cache && opt.Stdin == nil {
		// A program that cannot name its own build keeps no cache: it could
		// not tell its entries from another build's.
		if dir, err := runner.DefaultCacheDir(); err == nil {
			if id := runner.ProgramID(); id != "" {
				ropt.Cache = runner.NewCache(dir, opt.Rules.Files, id)
			}
		}
	}
	procs := processors(opt, root)
	if streams(opt, procs) {
		// The files are found as they are checked, and their number is
		// known only at the end: statements are kept whenever comparing
		// is not turned off, and compared if more than one article was read.
		// A shard's text compares nothing: it sees only its share.
		if crossSourceOn(cfg) && opt.Shards <= 1 {
			ropt.Claims = runner.CorpusClaims
		}
		return stream(opt, l, chk, found, ropt, procs, failLevel)
	}
	if streamsSorted(opt, procs, roots, root) {
		run := &report.Run{Root: root(), Version: Version(), RelPathsUnique: true}
		return streamSorted(opt, l, found, ropt, procs, failLevel, run)
	}
	var inputs []runner.Input
	var pathErrs []error
	for in := range found {
		if in.Err != nil {
			pathErrs = append(pathErrs, in.Err)
		} else {
			inputs = append(inputs, in)
		}
	}
	// A shard keeps its claims even when it holds one article: Merge
	// compares the articles of every shard.
	cross := crossSourceOn(cfg) && max(len(inputs), opt.Shards) > 1
	view := corpusView(opt.Outputs)
	switch {
	case view:
		ropt.Claims, ropt.KeepSources = runner.AllClaims, true
	case cross:
		ropt.Claims = runner.CorpusClaims
	}
	res := runner.Run(chk, inputs, ropt)
	res.Errors = append(pathErrs, res.Errors...)
	for _, e := range res.Errors {
		fmt.Fprintln(opt.stderr(), "claimlint: "+report.CleanLine(e.Error()))
	}
	set := &Set{Findings: res.Findings, Articles: len(inputs), Stmts: res.Stmts, Sources: res.Sources, Errors: res.Errors}
	if cross || view {
		// Cluster sorts the statements in place: a shard's JSON carries
		// them in that order.
		set.Events = corpus.Cluster(l, res.Stmts)
	}
	if err := Process(procs, set); err != nil {
		return nil, err
	}
	findings := set.Findings
	outs := opt.Outputs
	if opt.Diff {
		outs = nil // the diff is the output
	}
	run := &report.Run{Findings: findings, Files: res.Files, Root: root(), Version: Version()}
	for _, e := range set.Errors {
		run.Unchecked = append(run.Unchecked, e.Error())
	}
	if view {
		run.View = corpusData(l, cfg, ropt.Article, inputs, res, set.Events)
	}
	if opt.Shards > 1 && cross {
		run.Stmts = res.Stmts // for Merge, to compare articles across shards
		run.RulesHash = opt.Rules.Hash()
	}
	if err := writeOutputs(opt.stdout(), outs, run); err != nil {
		return nil, err
	}
	fmt.Fprintln(opt.stderr(), "claimlint: "+report.Summarize(res.Files, findings).Line())
	r := &Result{Findings: findings, Files: res.Files, Errors: set.Errors}
	for _, f := range findings {
		r.Failed = r.Failed || checker.SeverityRank(f.Severity) >= checker.SeverityRank(failLevel)
	}
	return r, nil
}

// streams reports whether a run writes its findings file by file as they
// come: when every processor can, and the only outputs are text on
// standard output. (One article from standard input is written whole.)
func streams(opt Options, ps []Processor) bool {
	if opt.Stdin != nil || !streamable(opt.Outputs) {
		return false
	}
	for _, p := range ps {
		if _, ok := p.(Streamer); !ok {
			return false
		}
	}
	return true
}

// selectNamed keeps, of the paths given, the folders, the paths that do not
// exist (to be reported) and the files the config selects: under its
// paths: when it has some, and passing its include: and exclude:. With
// force, every file is kept, and forced holds them, cleaned as the walk
// yields them. left is how many files were left out.
func selectNamed(paths []string, cfg *config.Config, force bool) (kept []string, forced map[string]bool, left int) {
	if len(paths) == 0 || cfg == nil {
		return paths, nil, 0
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		switch {
		case err != nil || st.IsDir():
			kept = append(kept, p)
		case force:
			kept = append(kept, p)
			if forced == nil {
				forced = map[string]bool{}
			}
			forced[filepath.Clean(p)] = true
		case cfg.InPaths(p) && cfg.Selected(p):
			kept = append(kept, p)
		default:
			left++
		}
	}
	return kept, forced, left
}

// findInputs yields the articles under paths that the configuration
// selects and, with shardN > 1, that are in shard shardK; a path that
// cannot be read is yielded as an input with Err set. The folders are
// walked as the inputs are taken, never listed whole. A link out of the
// folder checked (or into .git) is not followed: warn says so, and it is
// not an input.
func findInputs(paths []string, cfg *config.Config, forced map[string]bool, shardK, shardN int, root func() string, warn func(error)) iter.Seq[runner.Input] {
	dir := ""
	if shardN > 1 {
		dir = root()
	}
	return func(yield func(runner.Input) bool) {
		for f, err := range runner.Files(paths) {
			var skipped *runner.LinkSkipped
			if errors.As(err, &skipped) {
				warn(err)
				continue
			}
			in := runner.Input{Err: err}
			if err == nil {
				if shardN > 1 && !runner.InShard(f, dir, shardK, shardN) || !forced[f] && !cfg.Selected(f) {
					continue
				}
				in = runner.Input{Path: f, Published: cfg.PublishedFor(f)}
			}
			if !yield(in) {
				return
			}
		}
	}
}

// stream checks inputs and writes each file's findings, through the
// processors' File, as soon as it and every file before it are done: the
// same output, in the same order, as a run that holds them all, without
// holding them; but for the findings a processor holds back to its Finish
// (those of comparing the articles), which come last, once all are read.
func stream(opt Options, l *ledger.Ledger, chk *checker.Checker, inputs iter.Seq[runner.Input], ropt runner.Options, procs []Processor, failLevel string) (*Result, error) {
	w := bufio.NewWriter(opt.stdout())
	var sum report.Summary
	res := &Result{}
	articles := 0
	var werr error
	keep := func(err error) {
		if err != nil && werr == nil {
			werr = err
		}
	}
	// write passes a set through the processors from procs[from] on, and
	// writes what they leave.
	write := func(s *Set, from int) {
		for _, p := range procs[from:] {
			keep(p.(Streamer).File(s))
		}
		for _, f := range s.Findings {
			sum.Add(f)
			res.Failed = res.Failed || checker.SeverityRank(f.Severity) >= checker.SeverityRank(failLevel)
		}
		keep(report.Text(w, s.Findings))
	}
	runner.Stream(chk, inputs, ropt, func(in runner.Input, out runner.Output) {
		if in.Err == nil {
			articles++
		}
		if out.Err != nil {
			w.Flush()
			fmt.Fprintln(opt.stderr(), "claimlint: "+report.CleanLine(out.Err.Error()))
			res.Errors = append(res.Errors, out.Err)
			return
		}
		sum.Files++
		write(&Set{Findings: out.Findings, Articles: 1, Stmts: out.Stmts}, 0)
	})
	for i, p := range procs {
		keep(p.(Streamer).Finish(articles, func(f checker.Finding) {
			write(&Set{Findings: []checker.Finding{f}}, i+1)
		}))
	}
	keep(w.Flush())
	if werr != nil {
		return nil, werr
	}
	fmt.Fprintln(opt.stderr(), "claimlint: "+sum.Line())
	res.Files = sum.Files
	return res, nil
}
