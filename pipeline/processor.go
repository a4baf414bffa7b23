package pipeline

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/baseline"
	"github.com/claimlint/claimlint/internal/changes"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/internal/fix"
	"github.com/claimlint/claimlint/internal/report"
)

// A Set is findings on their way through the processors, with what the
// checks kept beside them for the processors that read it.
type Set struct {
	Findings []checker.Finding
	// Articles is how many articles the run checked or tried to: the
	// articles are compared with each other when there are two or more.
	Articles int
	// Stmts are the articles' event claims, for cross-source; Events are
	// Stmts grouped by corpus.Cluster (which sorts Stmts in place), when a
	// processor or the run has grouped them already.
	Stmts  []corpus.Stmt
	Events []*corpus.Event
	// Sources holds each article's bytes by path, for fixes.
	Sources map[string][]byte
	// Errors are the files that could not be checked; fixes adds those it
	// could not write.
	Errors []error
}

// A Processor is one step after the checks, as golangci-lint's processors
// are: it reads the findings of a Set and changes them (adds, drops,
// rewrites), in order. A run passes its Set through the processors of its
// list, each seeing what the ones before it left; an error stops the run.
type Processor interface {
	// Name is the processor's name, as Processors lists it.
	Name() string
	// Process changes the findings of a whole run, sorted.
	Process(s *Set) error
}

// A Streamer is a processor that can also work file by file, so that a
// run writes each file's findings as soon as the file is checked, in flat
// memory. A run streams only when every processor of its list is one.
type Streamer interface {
	Processor
	// File changes the findings of one file, as the files come, in order.
	File(s *Set) error
	// Finish is called once every file has been through File, with the
	// number of articles the run checked or tried to. It calls emit with
	// each finding it held back until then, in order (each then goes
	// through the processors after this one), and frees what it held.
	Finish(articles int, emit func(checker.Finding)) error
}

// Processors is the ordered list of processors that opt asks for: of
// cross-source, ledger-lint, severities, changed-lines, write-baseline,
// baseline and fixes, those it turns on, in that order. (Suppressions are
// applied by the engine, article by article, before any processor.) With
// no opt.Rules, it loads them as Run does.
func Processors(opt Options) ([]Processor, error) {
	if opt.Rules == nil {
		r, err := LoadRules(nil, opt.Config)
		if err != nil {
			return nil, err
		}
		opt.Rules = r
	}
	return processors(opt, sync.OnceValue(opt.root)), nil
}

// processors is Processors with the run's root, found when a processor
// first needs it.
func processors(opt Options, root func() string) []Processor {
	l := opt.Rules.Ledger
	var ps []Processor
	// A shard compares nothing: it sees only its share of the articles.
	// Its JSON carries the statements, and Merge compares them all.
	if opt.Shards <= 1 {
		ps = append(ps, &crossSource{l: l, on: crossSourceOn(opt.Config), spillAt: opt.SpillAt, spilled: opt.Spilled})
	}
	if opt.LintRules {
		ps = append(ps, LedgerLint(l))
	}
	ps = append(ps, Severities(opt.Config))
	if opt.NewFromRev != "" || opt.NewFromPatch != "" {
		ps = append(ps, &changedLines{rev: opt.NewFromRev, patch: opt.NewFromPatch, root: root()})
	}
	if opt.WriteBaseline != "" {
		ps = append(ps, &writeBaseline{path: opt.WriteBaseline, root: root(), stderr: opt.stderr()})
	}
	if opt.Baseline != "" {
		ps = append(ps, &applyBaseline{path: opt.Baseline, root: root()})
	}
	if opt.Fix || opt.Diff {
		ps = append(ps, &fixes{diff: opt.Diff, root: root(), stdout: opt.stdout(), stderr: opt.stderr()})
	}
	return ps
}

// Process passes s through ps in order, and stops at the first error.
func Process(ps []Processor, s *Set) error {
	for _, p := range ps {
		if err := p.Process(s); err != nil {
			return err
		}
	}
	return nil
}

// crossSourceOn reports whether cfg leaves the comparison of articles on.
func crossSourceOn(cfg *config.Config) bool {
	return cfg == nil || cfg.Severity[checker.CrossSource] != "off"
}

// CrossSource compares the articles with each other: it adds a
// cross-source finding for each claim that disagrees with another article
// on a fact the ledger does not hold, and adds the other articles, as
// related locations, to the ledger's findings on facts it does hold. It
// compares nothing with fewer than two articles, or when cfg turns
// cross-source off.
func CrossSource(l *ledger.Ledger, cfg *config.Config) Processor {
	return &crossSource{l: l, on: crossSourceOn(cfg)}
}

type crossSource struct {
	l  *ledger.Ledger
	on bool
	// The streamed form: the statements, packed, then on disk past spillAt.
	stmts   *corpus.Collector
	spillAt int
	spilled func(dir string) (stop func())
	stop    func()
}

func (x *crossSource) Name() string { return "cross-source" }

func (x *crossSource) Process(s *Set) error {
	if fs := x.compare(s); fs != nil {
		s.Findings = append(s.Findings, fs...)
		checker.SortFindings(s.Findings)
	}
	return nil
}

// compare returns the findings of comparing the articles of s, sorted,
// and adds related locations to s.Findings in place; nil when it compares
// nothing.
func (x *crossSource) compare(s *Set) []checker.Finding {
	if !x.on || s.Articles < 2 {
		return nil
	}
	if s.Events == nil {
		s.Events = corpus.Cluster(x.l, s.Stmts)
	}
	return corpus.Check(x.l, s.Events, s.Findings)
}

// File keeps the file's statements, a few packed records each, to compare
// them at Finish; past spillAt of them, they go to temporary files.
func (x *crossSource) File(s *Set) error {
	if x.stmts == nil {
		x.stmts = corpus.NewCollector(x.l)
		x.stmts.SpillAt = x.spillAt
		x.stmts.Spilled = func(dir string) {
			if x.spilled != nil {
				x.stop = x.spilled(dir)
			}
		}
	}
	if x.on {
		x.stmts.Add(s.Stmts)
	}
	return nil
}

// Finish compares the statements kept, group by group, with no findings
// of the run to give related locations to (a streamed run has written
// them): the findings come last, sorted.
func (x *crossSource) Finish(articles int, emit func(checker.Finding)) error {
	if x.stmts == nil {
		return nil
	}
	defer func() {
		x.stmts.Close()
		x.stmts = nil
		if x.stop != nil {
			x.stop()
			x.stop = nil
		}
	}()
	if !x.on || articles < 2 {
		return nil
	}
	return x.stmts.Each(emit)
}

// LedgerLint adds the findings of checking the ledger itself (ledger-*
// rules): what loads but is probably wrong.
func LedgerLint(l *ledger.Ledger) Processor { return ledgerLint{l} }

type ledgerLint struct{ l *ledger.Ledger }

func (ledgerLint) Name() string { return "ledger-lint" }

func (p ledgerLint) Process(s *Set) error {
	s.Findings = append(s.Findings, checker.LintLedger(p.l)...)
	checker.SortFindings(s.Findings)
	return nil
}

// EditorProcessors is the processor list of a document checked in an
// editor, by the language server: the config's severities. Comparing
// articles, the ledger's self-checks, changed lines, baselines and fixes
// belong to a run over files, not to one text being written.
func EditorProcessors(cfg *config.Config) []Processor {
	return []Processor{Severities(cfg)}
}

// ForEditor passes one document's findings through EditorProcessors(cfg):
// what the language server calls (lsp.Options.Process).
func ForEditor(cfg *config.Config, findings []checker.Finding) ([]checker.Finding, error) {
	s := &Set{Findings: findings, Articles: 1}
	for _, p := range EditorProcessors(cfg) {
		if err := p.Process(s); err != nil {
			return nil, err
		}
	}
	return s.Findings, nil
}

// Severities gives findings the severities of the config's severity:,
// dropping the rules it turns off. With no config it changes nothing.
func Severities(cfg *config.Config) Processor { return severities{cfg} }

type severities struct{ cfg *config.Config }

func (severities) Name() string { return "severities" }

func (p severities) Process(s *Set) error {
	s.Findings = p.cfg.Apply(s.Findings)
	return nil
}

func (p severities) File(s *Set) error { return p.Process(s) }

func (severities) Finish(int, func(checker.Finding)) error { return nil }

// changedLines keeps the findings on lines a change adds or changes: since
// git revision rev, or in the unified diff at patch.
type changedLines struct{ rev, patch, root string }

func (changedLines) Name() string { return "changed-lines" }

func (p *changedLines) Process(s *Set) error {
	var lines changes.Lines
	var err error
	if p.rev != "" {
		lines, _, err = changes.FromGit(".", p.rev)
	} else {
		var patch []byte
		if patch, err = os.ReadFile(p.patch); err == nil {
			lines, err = changes.Parse(patch, p.root)
		}
	}
	if err != nil {
		return err
	}
	s.Findings = lines.Filter(s.Findings)
	return nil
}

// writeBaseline records the findings, as they are, in a baseline file.
type writeBaseline struct {
	path, root string
	stderr     io.Writer
}

func (writeBaseline) Name() string { return "write-baseline" }

func (p *writeBaseline) Process(s *Set) error {
	var buf bytes.Buffer
	if err := baseline.Write(&buf, p.root, s.Findings); err != nil {
		return err
	}
	if err := writeFile(p.path, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(p.stderr, "claimlint: wrote %d %s to %s\n", len(s.Findings), plural(len(s.Findings), "entry", "entries"), report.CleanLine(p.path))
	return nil
}

// applyBaseline drops the findings a baseline file records, and reports
// its entries that match no finding any more.
type applyBaseline struct{ path, root string }

func (applyBaseline) Name() string { return "baseline" }

func (p *applyBaseline) Process(s *Set) error {
	b, err := baseline.Load(p.path)
	if err != nil {
		return err
	}
	s.Findings = b.Apply(p.root, s.Findings)
	return nil
}

// NotFixedError is a file that was checked but whose fixes could not be
// written (read-only, changed on disk, a link out of the tree): one of a
// Result's Errors, told apart from a file that could not be checked.
type NotFixedError struct {
	Path string
	Err  error
}

func (e *NotFixedError) Error() string { return e.Err.Error() }
func (e *NotFixedError) Unwrap() error { return e.Err }

// fixes applies the certain replacements of each file's findings and
// keeps those it could not fix; with diff, it prints them as a unified
// diff instead and keeps every finding.
type fixes struct {
	diff           bool
	root           string
	stdout, stderr io.Writer
}

func (fixes) Name() string { return "fixes" }

func (p *fixes) Process(s *Set) error {
	var errs []error
	s.Findings, errs = p.apply(s.Sources, s.Findings)
	for _, e := range errs {
		fmt.Fprintln(p.stderr, "claimlint: "+report.CleanLine(e.Error()))
	}
	s.Errors = append(s.Errors, errs...)
	return nil
}

func (p *fixes) apply(sources map[string][]byte, findings []checker.Finding) ([]checker.Finding, []error) {
	byPath := map[string][]int{}
	var paths []string
	for i, f := range findings {
		if f.Fix == nil || sources[f.Path] == nil {
			continue
		}
		if _, ok := byPath[f.Path]; !ok {
			paths = append(paths, f.Path)
		}
		byPath[f.Path] = append(byPath[f.Path], i)
	}
	fixed := make([]bool, len(findings))
	var errs []error
	nFixed, nFiles := 0, 0
	// A file checked both as itself and through a link (or two links) is
	// written once: the second write would find it changed on disk. Its
	// other paths' fixes are made by that write, or fail with it.
	written := map[string]bool{} // the file's resolved path: written
	for _, path := range paths {
		src := sources[path]
		var fs []checker.Finding
		for _, i := range byPath[path] {
			fs = append(fs, findings[i])
		}
		out, applied := fix.Apply(src, fs)
		if p.diff {
			io.WriteString(p.stdout, fix.Diff(report.RelPath(p.root, path), src, out))
			continue
		}
		key := path
		if t, err := filepath.EvalSymlinks(path); err == nil {
			if abs, err := filepath.Abs(t); err == nil {
				key = abs
			}
		}
		if ok, seen := written[key]; seen {
			for k, i := range byPath[path] {
				fixed[i] = ok && applied[k]
			}
			continue
		}
		if err := fix.Write(path, src, out, p.root); err != nil {
			written[key] = false
			errs = append(errs, &NotFixedError{Path: path, Err: err})
			continue
		}
		written[key] = true
		nFiles++
		for k, i := range byPath[path] {
			if applied[k] {
				fixed[i] = true
				nFixed++
			}
		}
	}
	if p.diff {
		return findings, errs
	}
	fmt.Fprintf(p.stderr, "claimlint: fixed %d %s in %d %s\n", nFixed, plural(nFixed, "finding", "findings"), nFiles, plural(nFiles, "file", "files"))
	var remaining []checker.Finding
	for i, f := range findings {
		if !fixed[i] {
			remaining = append(remaining, f)
		}
	}
	return remaining, errs
}
