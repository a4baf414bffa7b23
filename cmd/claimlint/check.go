package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/baseline"
	"github.com/claimlint/claimlint/internal/changes"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/internal/fix"
	"github.com/claimlint/claimlint/internal/report"
	"github.com/claimlint/claimlint/internal/runner"
	"github.com/claimlint/claimlint/rules"
)

type checkOptions struct {
	rules         []string
	published     string
	formats       []string
	failLevel     string
	config        string
	workers       int
	newFromRev    string
	newFromPatch  string
	baseline      string
	writeBaseline string
	fix           bool
	diff          bool
	stdinName     string
	lintRules     bool
	selfTest      bool
	maxFileSize   string
	shard         string
	noCache       bool
}

func (o *checkOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArrayVar(&o.rules, "rules", nil, "rule file or folder (repeatable); replaces the embedded rules")
	f.StringVar(&o.published, "published", "", "publication date YYYY-MM-DD for articles whose front matter has none")
	f.StringArrayVar(&o.formats, "format", nil, "output format NAME[:PATH], repeatable: text, json, sarif, github, rdjsonl, checkstyle, html, claimreview (default text on stdout)")
	f.StringVar(&o.failLevel, "fail-level", "", "lowest severity that makes the exit status 1: error, warning or info (default error)")
	f.StringVar(&o.config, "config", "", "config file (default: .claimlint.yaml in the working directory or above)")
	f.IntVarP(&o.workers, "workers", "j", 0, "articles checked at once (default: one per CPU)")
	f.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings on lines added or changed since git revision REV")
	f.StringVar(&o.newFromPatch, "new-from-patch", "", "report only findings on lines a unified diff FILE adds or changes")
	f.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in baseline FILE")
	f.StringVar(&o.writeBaseline, "write-baseline", "", "record the current findings in baseline FILE")
	f.BoolVar(&o.fix, "fix", false, "apply every certain replacement in place (atomic writes; line endings and BOM kept)")
	f.BoolVar(&o.diff, "diff", false, "print the certain replacements as a unified diff instead of writing them")
	f.StringVar(&o.stdinName, "stdin-filename", "", "read one article from standard input and report it as PATH")
	f.BoolVar(&o.lintRules, "lint-rules", false, "also check the rule files themselves (ledger-* findings)")
	f.BoolVar(&o.noCache, "no-cache", false, "do not read or write the result cache (claimlint cache clean empties it)")
	f.StringVar(&o.shard, "shard", "", "check only shard K of N (K/N): a deterministic share of the files, by path")
	f.StringVar(&o.maxFileSize, "max-file-size", "10MB", "skip, with an error, articles larger than this (bytes, or with KB, MB, GB)")
	f.BoolVar(&o.selfTest, "self-test", false, "run the tests: entries of the rule files before checking; a failure is a rule-file error (exit 2)")
}

func usageErr(format string, args ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, args...)}
}

func ruleIDs() []string {
	var ids []string
	for _, r := range checker.Rules {
		ids = append(ids, r.ID)
	}
	return ids
}

// loadConfig finds and reads .claimlint.yaml from dir upwards (the working
// directory when dir is ""), or the file --config names.
func loadConfig(path, dir string) (*config.Config, error) {
	if path == "" {
		if dir == "" {
			wd, err := os.Getwd()
			if err != nil {
				return nil, err
			}
			dir = wd
		}
		var err error
		if path, err = config.Find(dir); err != nil || path == "" {
			return nil, err
		}
	}
	c, err := config.Load(path, ruleIDs())
	if err != nil {
		return nil, &exitError{code: 2, msg: "config:\n" + err.Error()}
	}
	return c, nil
}

// loadLedger reads the rule files named by flags, the config, or the
// embedded defaults, in that order.
func loadLedger(flagRules []string, cfg *config.Config) (*ledger.Ledger, error) {
	l, _, err := loadLedgerFiles(flagRules, cfg)
	return l, err
}

// loadLedgerFiles is loadLedger that also returns the rule files read.
func loadLedgerFiles(flagRules []string, cfg *config.Config) (*ledger.Ledger, []ledger.File, error) {
	var files []ledger.File
	var err error
	paths := flagRules
	if len(paths) == 0 && cfg != nil {
		for _, p := range cfg.Rules {
			paths = append(paths, cfg.Resolve(p))
		}
	}
	if len(paths) > 0 {
		files, err = ledger.ReadPaths(paths)
	} else {
		files, err = ledger.ReadFS(rules.FS, ".", "rules")
	}
	if err != nil {
		return nil, nil, usageErr("%v", err)
	}
	l, err := ledger.Load(files)
	if err != nil {
		var list ledger.ErrorList
		if errors.As(err, &list) {
			return nil, nil, &exitError{code: 2, msg: fmt.Sprintf("%d problem(s) in the rule files:\n%s", len(list), list.Error())}
		}
		return nil, nil, usageErr("%v", err)
	}
	return l, files, nil
}

// output is one --format NAME[:PATH].
type output struct {
	format report.Format
	path   string // "" for stdout
}

func parseOutputs(specs []string) ([]output, error) {
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	var outs []output
	for _, s := range specs {
		name, path, _ := strings.Cut(s, ":")
		f, ok := report.LookupFormat(name)
		if !ok {
			var names []string
			for _, f := range report.Formats {
				names = append(names, f.Name)
			}
			return nil, usageErr("unknown --format %q: want one of %s, optionally :PATH", name, strings.Join(names, ", "))
		}
		outs = append(outs, output{f, path})
	}
	return outs, nil
}

// programID identifies the code of this claimlint for the result cache: the
// commit it was built from when the build says the tree was clean, else a
// hash of the executable itself.
func programID() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" && modified == "false" {
			return "rev:" + rev
		}
	}
	return runner.ProgramHash()
}

// writeOutputs writes a run in each output format, to stdout or to its file.
func writeOutputs(stdout io.Writer, outs []output, run *report.Run) error {
	for _, out := range outs {
		var err error
		if out.path == "" {
			err = out.format.Write(stdout, run)
		} else {
			var buf bytes.Buffer
			if err = out.format.Write(&buf, run); err == nil {
				err = writeFile(out.path, buf.Bytes())
			}
		}
		if err != nil {
			return &exitError{code: 2, msg: fmt.Sprintf("write %s: %v", out.format.Name, err)}
		}
	}
	return nil
}

// setup reads what the commands that check articles share: the config, the
// ledger, and --published.
func setup(cfgPath string, rulePaths []string, published string) (*config.Config, *ledger.Ledger, article.Options, error) {
	cfg, err := loadConfig(cfgPath, "")
	if err != nil {
		return nil, nil, article.Options{}, err
	}
	l, err := loadLedger(rulePaths, cfg)
	if err != nil {
		return nil, nil, article.Options{}, err
	}
	aopt, err := publishedFlag(published)
	return cfg, l, aopt, err
}

// publishedFlag reads --published into article options.
func publishedFlag(s string) (article.Options, error) {
	var opt article.Options
	if s != "" {
		d, err := civil.ParseDate(s)
		if err != nil || d.Prec != civil.Day {
			return opt, usageErr("--published %q: want a date YYYY-MM-DD", s)
		}
		opt.Published = d
	}
	return opt, nil
}

// pathsOrConfig is the paths to check: the arguments, else the config's
// paths:, else the working directory.
func pathsOrConfig(args []string, cfg *config.Config) []string {
	paths := args
	if len(paths) == 0 && cfg != nil {
		for _, p := range cfg.Paths {
			paths = append(paths, cfg.Resolve(p))
		}
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	return paths
}

// version is the module version claimlint was built from, or "dev".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func runCheck(cmd *cobra.Command, o *checkOptions, args []string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	maxSize, err := parseSize(o.maxFileSize)
	if err != nil {
		return usageErr("--max-file-size %q: %v", o.maxFileSize, err)
	}
	shardK, shardN, err := parseShard(o.shard)
	if err != nil {
		return usageErr("--shard %q: %v", o.shard, err)
	}
	var stdinData []byte
	if o.stdinName != "" {
		if len(args) > 1 || len(args) == 1 && args[0] != "-" {
			return usageErr("--stdin-filename reads one article from standard input: give no PATH, or -")
		}
		if o.fix {
			return usageErr("--fix writes files; with --stdin-filename use --diff")
		}
		stdinData, err = io.ReadAll(io.LimitReader(cmd.InOrStdin(), maxSize+1))
		if err != nil {
			return usageErr("read standard input: %v", err)
		}
	} else if len(args) == 1 && args[0] == "-" {
		return usageErr("- reads standard input only with --stdin-filename PATH")
	}
	if o.fix && o.diff {
		return usageErr("--fix and --diff: give one")
	}
	cfgDir := ""
	if o.stdinName != "" {
		cfgDir = filepath.Dir(o.stdinName)
		if _, err := os.Stat(cfgDir); err != nil {
			cfgDir = ""
		}
	}
	cfg, err := loadConfig(o.config, cfgDir)
	if err != nil {
		return err
	}
	specs := o.formats
	if len(specs) == 0 && cfg != nil {
		specs = cfg.Formats
	}
	outs, err := parseOutputs(specs)
	if err != nil {
		return err
	}
	aopt, err := publishedFlag(o.published)
	if err != nil {
		return err
	}
	failLevel := o.failLevel
	if failLevel == "" && cfg != nil {
		failLevel = cfg.FailLevel
	}
	if failLevel == "" {
		failLevel = checker.Error
	}
	if checker.SeverityRank(failLevel) == 0 {
		return usageErr("unknown --fail-level %q: want error, warning or info", failLevel)
	}
	if o.newFromRev != "" && o.newFromPatch != "" {
		return usageErr("--new-from-rev and --new-from-patch: give one")
	}
	l, ruleFiles, err := loadLedgerFiles(o.rules, cfg)
	if err != nil {
		return err
	}
	tuneGC()
	if o.selfTest {
		if fails := checker.New(l).RunSpecs(); len(fails) > 0 {
			var lines []string
			for _, f := range fails {
				lines = append(lines, f.String())
			}
			return &exitError{code: 2, msg: fmt.Sprintf("%d rule-file %s failed (--self-test):\n%s", len(fails), plural(len(fails), "test", "tests"), strings.Join(lines, "\n"))}
		}
	}
	paths := pathsOrConfig(args, cfg)
	found := findInputs(paths, cfg, shardK, shardN)
	if o.stdinName != "" {
		found = slices.Values([]runner.Input{{Path: o.stdinName, Data: stdinData, Published: cfg.PublishedFor(o.stdinName)}})
	}
	ropt := runner.Options{Article: aopt, Workers: o.workers, KeepSources: o.fix || o.diff, MaxSize: maxSize}
	if !o.noCache && o.stdinName == "" {
		if dir, err := runner.DefaultCacheDir(); err == nil {
			ropt.Cache = runner.NewCache(dir, ruleFiles, programID())
		}
	}
	if o.streamable(outs) {
		// The files are found as they are checked, and their number is
		// known only at the end: statements are kept whenever comparing
		// is not turned off, and compared if more than one article was read.
		// A shard's text compares nothing: it sees only its share.
		if crossSourceOn(cfg, 2) && shardN <= 1 {
			ropt.Claims = runner.CorpusClaims
		}
		return streamCheck(stdout, stderr, l, found, ropt, cfg, failLevel)
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
	// A shard keeps its claims even when it holds one article: merge
	// compares the articles of every shard.
	cross := crossSourceOn(cfg, max(len(inputs), shardN))
	view := corpusView(outs)
	switch {
	case view:
		ropt.Claims, ropt.KeepSources = runner.AllClaims, true
	case cross:
		ropt.Claims = runner.CorpusClaims
	}
	// A shard compares nothing: it sees only its share of the articles.
	// Its JSON carries the statements, and merge compares them all.
	compare := cross && shardN <= 1
	res := runner.Run(checker.New(l), inputs, ropt)
	res.Errors = append(pathErrs, res.Errors...)
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, "claimlint: "+e.Error())
	}
	var events []*corpus.Event
	if cross || view {
		events = corpus.Cluster(l, res.Stmts)
	}
	if compare {
		res.Findings = append(res.Findings, corpus.Check(l, events, res.Findings)...)
		checker.SortFindings(res.Findings)
	}
	findings := res.Findings
	if o.lintRules {
		findings = append(findings, checker.LintLedger(l)...)
		checker.SortFindings(findings)
	}
	findings = cfg.Apply(findings)

	root := repoRoot()
	if o.newFromRev != "" || o.newFromPatch != "" {
		var lines changes.Lines
		if o.newFromRev != "" {
			lines, _, err = changes.FromGit(".", o.newFromRev)
		} else {
			var patch []byte
			if patch, err = os.ReadFile(o.newFromPatch); err == nil {
				lines, err = changes.Parse(patch, root)
			}
		}
		if err != nil {
			return usageErr("%v", err)
		}
		findings = lines.Filter(findings)
	}
	if o.writeBaseline != "" {
		var buf bytes.Buffer
		if err := baseline.Write(&buf, root, findings); err != nil {
			return &exitError{code: 2, msg: err.Error()}
		}
		if err := writeFile(o.writeBaseline, buf.Bytes()); err != nil {
			return &exitError{code: 2, msg: err.Error()}
		}
		fmt.Fprintf(stderr, "claimlint: wrote %d %s to %s\n", len(findings), plural(len(findings), "entry", "entries"), o.writeBaseline)
	}
	if o.baseline != "" {
		b, err := baseline.Load(o.baseline)
		if err != nil {
			return usageErr("%v", err)
		}
		findings = b.Apply(root, findings)
	}

	if o.fix || o.diff {
		var fixErrs []error
		findings, fixErrs = applyFixes(stdout, stderr, o.diff, root, res.Sources, findings)
		for _, e := range fixErrs {
			fmt.Fprintln(stderr, "claimlint: "+e.Error())
		}
		if len(fixErrs) > 0 {
			res.Errors = append(res.Errors, fixErrs...)
		}
		if o.diff {
			outs = nil // the diff is the output
		}
	}

	run := &report.Run{Findings: findings, Files: res.Files, Root: root, Version: version()}
	if view {
		run.View = corpusData(l, cfg, aopt, inputs, res, events)
	}
	if shardN > 1 && cross {
		run.Stmts = res.Stmts // for merge, to compare articles across shards
		run.RulesHash = rulesHash(ruleFiles)
	}
	if err := writeOutputs(stdout, outs, run); err != nil {
		return err
	}
	fmt.Fprintln(stderr, "claimlint: "+report.Summarize(res.Files, findings).Line())
	if len(res.Errors) > 0 {
		return &exitError{code: 2, msg: fmt.Sprintf("%d %s could not be checked", len(res.Errors), plural(len(res.Errors), "file", "files"))}
	}
	for _, f := range findings {
		if checker.SeverityRank(f.Severity) >= checker.SeverityRank(failLevel) {
			return &exitError{code: 1}
		}
	}
	return nil
}

// rulesHash identifies the rules a shard was checked with, so that merge
// refuses to compare shards under other rules.
func rulesHash(files []ledger.File) string {
	h := sha256.New()
	for _, f := range files {
		h.Write(f.Data)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// crossSourceOn reports whether articles are compared with each other:
// when more than one is checked and cross-source is not turned off.
func crossSourceOn(cfg *config.Config, articles int) bool {
	return articles > 1 && (cfg == nil || cfg.Severity[checker.CrossSource] != "off")
}

// corpusView reports whether an output needs every claim and article text.
func corpusView(outs []output) bool {
	for _, out := range outs {
		if out.format.Name == "html" || out.format.Name == "claimreview" {
			return true
		}
	}
	return false
}

// corpusData gathers what the corpus formats show beside the findings:
// each article's text and front matter, every claim, and the events.
func corpusData(l *ledger.Ledger, cfg *config.Config, aopt article.Options, inputs []runner.Input, res runner.Result, events []*corpus.Event) *report.View {
	v := &report.View{Ledger: l, Claims: res.Claims, Events: events, Author: report.Author(cfg.AuthorOrZero()),
		Reviewed: time.Now().UTC().Format("2006-01-02")}
	for _, in := range inputs {
		src, ok := res.Sources[in.Path]
		if !ok {
			continue // not read: reported as an error
		}
		opt := aopt
		if !in.Published.IsZero() {
			opt.Published = in.Published
		}
		art := report.Article{Path: in.Path, Src: src, URL: cfg.ArticleURL(in.Path)}
		if a, err := article.Parse(in.Path, src, opt); err == nil {
			art.Title, art.Outlet, art.Published = a.Meta.Title, a.Meta.Outlet, a.Meta.Published
			if a.Meta.URL != "" {
				art.URL = a.Meta.URL
			}
		}
		v.Articles = append(v.Articles, art)
	}
	return v
}

// findInputs yields the articles under paths that the configuration
// selects and, with shardN > 1, that are in shard shardK; a path that
// cannot be read is yielded as an input with Err set. The folders are
// walked as the inputs are taken, never listed whole.
func findInputs(paths []string, cfg *config.Config, shardK, shardN int) iter.Seq[runner.Input] {
	root := ""
	if shardN > 1 {
		root = repoRoot()
	}
	return func(yield func(runner.Input) bool) {
		for f, err := range runner.Files(paths) {
			in := runner.Input{Err: err}
			if err == nil {
				if shardN > 1 && !runner.InShard(f, root, shardK, shardN) || !cfg.Selected(f) {
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

// streamable reports whether findings can be written file by file as they
// are found, in flat memory: text on standard output, and no mode that needs
// every finding at once (baselines, changed lines, fixes, the ledger's lint).
func (o *checkOptions) streamable(outs []output) bool {
	if o.fix || o.diff || o.baseline != "" || o.writeBaseline != "" || o.newFromRev != "" ||
		o.newFromPatch != "" || o.lintRules || o.stdinName != "" {
		return false
	}
	for _, out := range outs {
		if out.format.Name != "text" || out.path != "" {
			return false
		}
	}
	return true
}

// spillAt is the Collector's SpillAt in a streamed run: 0, its default
// (a test lowers it).
var spillAt int

// streamCheck checks inputs and writes each file's findings as soon as it
// and every file before it are done: the same output, in the same order, as
// a run that holds them all, without holding them; but for the findings of
// comparing the articles (when opt keeps their statements and more than
// one article was read), which come last, once all are read.
func streamCheck(stdout, stderr io.Writer, l *ledger.Ledger, inputs iter.Seq[runner.Input], opt runner.Options,
	cfg *config.Config, failLevel string) error {
	w := bufio.NewWriter(stdout)
	var s report.Summary
	bad, articles, failed := 0, 0, false
	var werr error
	write := func(fs []checker.Finding) {
		fs = cfg.Apply(fs)
		for _, f := range fs {
			s.Add(f)
			failed = failed || checker.SeverityRank(f.Severity) >= checker.SeverityRank(failLevel)
		}
		if err := report.Text(w, fs); err != nil && werr == nil {
			werr = err
		}
	}
	stmts := corpus.NewCollector(l) // a few packed records per article, then files
	stmts.SpillAt = spillAt
	stop := func() {}
	defer func() { stop() }()
	stmts.Spilled = func(dir string) { stop = removeOnSignal(dir) }
	defer stmts.Close()
	runner.Stream(checker.New(l), inputs, opt, func(in runner.Input, out runner.Output) {
		if in.Err == nil {
			articles++
		}
		if out.Err != nil {
			w.Flush()
			fmt.Fprintln(stderr, "claimlint: "+out.Err.Error())
			bad++
			return
		}
		s.Files++
		stmts.Add(out.Stmts)
		write(out.Findings)
	})
	if opt.Claims != runner.NoClaims && articles > 1 {
		// Articles are compared once all are read: these findings come last.
		err := stmts.Each(func(f checker.Finding) { write([]checker.Finding{f}) })
		if err != nil && werr == nil {
			werr = err
		}
	}
	if err := w.Flush(); err != nil && werr == nil {
		werr = err
	}
	if werr != nil {
		return &exitError{code: 2, msg: werr.Error()}
	}
	fmt.Fprintln(stderr, "claimlint: "+s.Line())
	if bad > 0 {
		return &exitError{code: 2, msg: fmt.Sprintf("%d %s could not be checked", bad, plural(bad, "file", "files"))}
	}
	if failed {
		return &exitError{code: 1}
	}
	return nil
}

// removeOnSignal removes dir and exits as the shell reports a signal (130
// for SIGINT, 143 for SIGTERM) if the run is interrupted before stop is
// called.
func removeOnSignal(dir string) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sig:
			// The run goes on making files while the folder is removed,
			// which can leave it not empty: try again, for a little while.
			for try := 0; os.RemoveAll(dir) != nil && try < 20; try++ {
				time.Sleep(5 * time.Millisecond)
			}
			code := 130
			if s == syscall.SIGTERM {
				code = 143
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}

// applyFixes applies (or, with diff, prints) the certain replacements of
// each file's findings, and returns the findings that remain: with --fix,
// those it could not fix; with --diff, all of them.
func applyFixes(stdout, stderr io.Writer, diff bool, root string, sources map[string][]byte, findings []checker.Finding) ([]checker.Finding, []error) {
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
	for _, path := range paths {
		src := sources[path]
		var fs []checker.Finding
		for _, i := range byPath[path] {
			fs = append(fs, findings[i])
		}
		out, applied := fix.Apply(src, fs)
		if diff {
			io.WriteString(stdout, fix.Diff(report.RelPath(root, path), src, out))
			continue
		}
		if err := fix.Write(path, src, out, root); err != nil {
			errs = append(errs, err)
			continue
		}
		nFiles++
		for k, i := range byPath[path] {
			if applied[k] {
				fixed[i] = true
				nFixed++
			}
		}
	}
	if diff {
		return findings, errs
	}
	fmt.Fprintf(stderr, "claimlint: fixed %d %s in %d %s\n", nFixed, plural(nFixed, "finding", "findings"), nFiles, plural(nFiles, "file", "files"))
	var remaining []checker.Finding
	for i, f := range findings {
		if !fixed[i] {
			remaining = append(remaining, f)
		}
	}
	return remaining, errs
}

// parseShard reads K/N, 1 <= K <= N; "" is the whole run (1/1).
func parseShard(s string) (int, int, error) {
	if s == "" {
		return 1, 1, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(ks)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 1 || k > n {
		return 0, 0, fmt.Errorf("want K/N with 1 <= K <= N, such as 2/8")
	}
	return k, n, nil
}

// parseSize reads 10MB, 512KB, 1GB or a number of bytes.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSuffix(t, u.suffix), u.m
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("want a size such as 10MB, 512KB or 1048576")
	}
	return n * mult, nil
}

// repoRoot is the top of the git repository around the working directory,
// or the working directory itself.
func repoRoot() string {
	wd, _ := os.Getwd()
	if root, err := changes.Root(wd); err == nil {
		return root
	}
	return wd
}

// writeFile writes data through a temporary file in the same folder and a
// rename, so a reader never sees half a file.
func writeFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	if _, err := io.Copy(tmp, bytes.NewReader(data)); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func newRulesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List every check with its id, default severity and one line",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			w := cmd.OutOrStdout()
			for _, r := range checker.Rules {
				fmt.Fprintf(w, "%-16s %-8s %s\n", r.ID, r.Severity, r.Title)
			}
			return nil
		},
	}
}

func newExplainCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Print the documentation of a check",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, ok := checker.RuleByID(args[0])
			if !ok {
				return usageErr("unknown rule %q; the rules are: %s", args[0], strings.Join(ruleIDs(), ", "))
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%s (%s): %s\n\n%s\n\nReported:  %s\nRight:     %s\nUses:      %s\n",
				r.ID, r.Severity, r.Title, r.Doc, r.Bad, r.Good, r.Fields)
			fmt.Fprintf(w, "Silence:   <!-- claimlint-disable-next-line %s -- reason --> on the line before,\n           or severity: {%s: off} in .claimlint.yaml\n", r.ID, r.ID)
			return nil
		},
	}
}
