package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/pipeline"
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
	maxClaims     int
	shard         string
	noCache       bool
	force         bool
}

func (o *checkOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	ledgerFlags(cmd, &o.rules, &o.config, &o.published)
	f.StringArrayVar(&o.formats, "format", nil, "output format NAME[:PATH], repeatable: text, json, sarif, github, rdjsonl, checkstyle, html, claimreview (default text on stdout)")
	f.StringVar(&o.failLevel, "fail-level", "", "lowest severity that makes the exit status 1: error, warning or info (default error)")
	f.IntVarP(&o.workers, "workers", "j", 0, "articles checked at once (default: one per CPU)")
	f.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings on lines added or changed since git revision REV")
	f.StringVar(&o.newFromPatch, "new-from-patch", "", "report only findings on lines a unified diff FILE adds or changes")
	f.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in baseline FILE")
	f.StringVar(&o.writeBaseline, "write-baseline", "", "record the current findings in baseline FILE")
	f.BoolVar(&o.fix, "fix", false, "apply every certain replacement in place (atomic writes; line endings and BOM kept)")
	f.BoolVar(&o.diff, "diff", false, "print the certain replacements as a unified diff instead of writing them")
	f.StringVar(&o.stdinName, "stdin-filename", "", "read one article from standard input and report it as PATH")
	f.BoolVar(&o.lintRules, "lint-rules", false, "also check the rule files themselves (ledger-* findings)")
	f.BoolVar(&o.force, "force", false, "check the files named on the command line even when the config's paths:, include: or exclude: leave them out")
	f.BoolVar(&o.noCache, "no-cache", false, "do not read or write the result cache (claimlint cache clean empties it)")
	f.StringVar(&o.shard, "shard", "", "check only shard K of N (K/N): a deterministic share of the files, by path")
	f.StringVar(&o.maxFileSize, "max-file-size", "10MB", "skip, with an error, articles larger than this (bytes, or with KB, MB, GB)")
	maxClaimsFlag(cmd, &o.maxClaims)
	f.BoolVar(&o.selfTest, "self-test", false, "run the tests: entries of the rule files before checking; a failure is a rule-file error (exit 2)")
}

func usageErr(format string, args ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, args...)}
}

// exit2 reports an error of the pipeline as claimlint does: exit status 2
// and the error's message.
func exit2(err error) error {
	return &exitError{code: 2, msg: err.Error()}
}

// loadConfig reads the file --config names, or finds .claimlint.yaml from
// dir upwards (the working directory when dir is "").
func loadConfig(path, dir string) (*config.Config, error) {
	if path == "" {
		var err error
		if path, err = pipeline.FindConfig(dir); err != nil || path == "" {
			return nil, err
		}
	}
	c, err := pipeline.LoadConfig(path)
	if err != nil {
		return nil, exit2(err)
	}
	return c, nil
}

// loadRules reads the rule files named by --rules, the config, or the
// embedded defaults, in that order.
func loadRules(flagRules []string, cfg *config.Config) (*pipeline.Rules, error) {
	return loadRulesFrom(flagRules, cfg, pipeline.LoadFiles)
}

// loadRulesFrom is loadRules with load (pipeline.LoadFilesCached, say).
func loadRulesFrom(flagRules []string, cfg *config.Config, load func([]ledger.File) (*pipeline.Rules, error)) (*pipeline.Rules, error) {
	files, err := pipeline.RuleFiles(flagRules, cfg)
	if err != nil {
		return nil, exit2(err)
	}
	r, err := load(files)
	if err != nil {
		return nil, exit2(err)
	}
	return r, nil
}

// setup reads what the commands that check articles share: the config, the
// rules, and --published.
func setup(cfgPath string, rulePaths []string, published string) (*config.Config, *pipeline.Rules, article.Options, error) {
	cfg, err := loadConfig(cfgPath, "")
	if err != nil {
		return nil, nil, article.Options{}, err
	}
	r, err := loadRules(rulePaths, cfg)
	if err != nil {
		return nil, nil, article.Options{}, err
	}
	aopt, err := publishedFlag(published)
	return cfg, r, aopt, err
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

// runCheck reads the flags of check into pipeline options, runs the
// pipeline and turns its result into an exit status.
func runCheck(cmd *cobra.Command, o *checkOptions, args []string) error {
	maxSize, err := parseSize(o.maxFileSize)
	if err != nil {
		return usageErr("--max-file-size %q: %v", o.maxFileSize, err)
	}
	shardK, shardN, err := parseShard(o.shard)
	if err != nil {
		return usageErr("--shard %q: %v", o.shard, err)
	}
	if err := checkMaxClaims(o.maxClaims); err != nil {
		return err
	}
	if o.workers < 0 || o.workers > pipeline.MaxWorkers {
		return usageErr("--workers %d: want 0 (one per CPU) to %d", o.workers, pipeline.MaxWorkers)
	}
	var stdin *pipeline.Input
	if o.stdinName != "" {
		if len(args) > 1 || len(args) == 1 && args[0] != "-" {
			return usageErr("--stdin-filename reads one article from standard input: give no PATH, or -")
		}
		if o.fix {
			return usageErr("--fix writes files; with --stdin-filename use --diff")
		}
		data, err := io.ReadAll(io.LimitReader(cmd.InOrStdin(), maxSize+1))
		if err != nil {
			return usageErr("read standard input: %v", err)
		}
		stdin = &pipeline.Input{Path: o.stdinName, Data: data}
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
	outs, err := pipeline.ParseOutputs(o.formats, cfg)
	if err != nil {
		return exit2(err)
	}
	aopt, err := publishedFlag(o.published)
	if err != nil {
		return err
	}
	// The config's fail-level: was checked as it was read.
	if o.failLevel != "" && checker.SeverityRank(o.failLevel) == 0 {
		return usageErr("unknown --fail-level %q: want error, warning or info", o.failLevel)
	}
	if o.newFromRev != "" && o.newFromPatch != "" {
		return usageErr("--new-from-rev and --new-from-patch: give one")
	}
	load := pipeline.LoadFilesCached
	if o.noCache {
		load = pipeline.LoadFiles
	}
	r, err := loadRulesFrom(o.rules, cfg, load)
	if err != nil {
		return err
	}
	collectAfterLoad()
	tuneGC()
	res, err := pipeline.Run(pipeline.Options{
		Paths: args, Force: o.force, Stdin: stdin, Rules: r, Config: cfg, Published: aopt.Published,
		Workers: o.workers, MaxSize: maxSize, MaxClaims: o.maxClaims, Shard: shardK, Shards: shardN, Cache: !o.noCache,
		SelfTest: o.selfTest, LintRules: o.lintRules, NewFromRev: o.newFromRev, NewFromPatch: o.newFromPatch,
		WriteBaseline: o.writeBaseline, Baseline: o.baseline, Fix: o.fix, Diff: o.diff,
		Outputs: outs, FailLevel: o.failLevel, Stdout: cmd.OutOrStdout(), Stderr: cmd.ErrOrStderr(),
		SpillAt: spillAt, Spilled: removeOnSignal,
	})
	if err != nil {
		return exit2(err)
	}
	switch res.Exit() {
	case 2:
		return &exitError{code: 2, msg: notDone(res.Errors)}
	case 1:
		if o.writeBaseline != "" {
			// The findings are recorded, as asked: the run did its job.
			return nil
		}
		return &exitError{code: 1}
	}
	return nil
}

// notDone says how many files could not be checked and how many, checked,
// could not be fixed.
func notDone(errs []error) string {
	unfixed := 0
	for _, e := range errs {
		var nf *pipeline.NotFixedError
		if errors.As(e, &nf) {
			unfixed++
		}
	}
	var parts []string
	if n := len(errs) - unfixed; n > 0 {
		parts = append(parts, fmt.Sprintf("%d %s could not be checked", n, plural(n, "file", "files")))
	}
	if unfixed > 0 {
		parts = append(parts, fmt.Sprintf("%d %s checked could not be fixed", unfixed, plural(unfixed, "file", "files")))
	}
	return strings.Join(parts, "; ")
}

// spillAt is the pipeline's SpillAt in a streamed run: 0, its default
// (a test lowers it).
var spillAt int

// removeOnSignal removes dir and exits as the shell reports a signal (130
// for SIGINT, 143 for SIGTERM, 141 for SIGPIPE: the reader of the output
// went away, as in claimlint | head) if the run is interrupted before stop
// is called.
func removeOnSignal(dir string) (stop func()) {
	sig := make(chan os.Signal, 1)
	// With SIGPIPE notified, a write to a closed pipe fails with EPIPE
	// instead of killing the process, and the signal comes here.
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM, syscall.SIGPIPE)
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
			switch s {
			case syscall.SIGTERM:
				code = 143
			case syscall.SIGPIPE:
				code = 141
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

// maxClaimsFlag adds --max-claims, the cap on what one article is read for.
func maxClaimsFlag(cmd *cobra.Command, n *int) {
	cmd.Flags().IntVar(n, "max-claims", checker.DefaultMaxClaims,
		"read at most this many claims of an article, and none once it has this many findings; an article-limit warning says where reading stopped")
}

// checkMaxClaims range-checks --max-claims.
func checkMaxClaims(n int) error {
	if n < 1 || n > checker.MaxMaxClaims {
		return usageErr("--max-claims %d: want 1 to %d", n, checker.MaxMaxClaims)
	}
	return nil
}

// parseShard reads K/N, 1 <= K <= N; "" is the whole run (1/1).
func parseShard(s string) (int, int, error) {
	if s == "" {
		return 1, 1, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(ks)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 1 || k > n || n > pipeline.MaxShards {
		return 0, 0, fmt.Errorf("want K/N with 1 <= K <= N <= %d, such as 2/8", pipeline.MaxShards)
	}
	return k, n, nil
}

// parseSize reads 10MB, 512KB, 1GB or a number of bytes: at least one
// byte, at most pipeline.MaxFileSize.
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
	if err != nil && !errors.Is(err, strconv.ErrRange) || n <= 0 {
		return 0, fmt.Errorf("want a size such as 10MB, 512KB or 1048576")
	}
	// n*mult could overflow: compare by division.
	if err != nil || n > pipeline.MaxFileSize/mult {
		return 0, fmt.Errorf("at most 1GB (an article is read whole into memory)")
	}
	return n * mult, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func newRulesCmd() *cobra.Command {
	c := &cobra.Command{
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
	c.AddCommand(newRulesExportCmd())
	return c
}

func newRulesExportCmd() *cobra.Command {
	var force bool
	c := &cobra.Command{
		Use:   "export DIR",
		Short: "Write the embedded rule files into DIR, unchanged",
		Long: `export writes the rule files embedded in claimlint into DIR (made if missing), byte for
byte, for a desk that wants to own and edit them: name DIR in --rules or rules: instead
of embedded. It writes nothing when one of the files exists already, unless --force.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			files, err := pipeline.EmbeddedFiles("")
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			if st, err := os.Stat(dir); err == nil && !st.IsDir() {
				return usageErr("rules export: %s is not a folder", dir)
			}
			if !force {
				var exist []string
				for _, f := range files {
					if _, err := os.Lstat(filepath.Join(dir, f.Name)); err == nil {
						exist = append(exist, filepath.Join(dir, f.Name))
					}
				}
				if len(exist) > 0 {
					return usageErr("rules export writes no file that exists already (--force overwrites): %s", strings.Join(exist, ", "))
				}
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return &exitError{code: 2, msg: "rules export: " + err.Error()}
			}
			w := cmd.OutOrStdout()
			for _, f := range files {
				path := filepath.Join(dir, f.Name)
				if err := os.WriteFile(path, f.Data, 0o644); err != nil {
					return &exitError{code: 2, msg: "rules export: " + err.Error()}
				}
				fmt.Fprintf(w, "wrote %s\n", path)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&force, "force", false, "overwrite files that exist already")
	return c
}

func newExplainCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Print the documentation of a check",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, ok := checker.RuleByID(args[0])
			if !ok {
				return usageErr("unknown rule %q; the rules are: %s", args[0], strings.Join(pipeline.RuleIDs(), ", "))
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%s (%s): %s\n\n%s\n\nReported:  %s\nRight:     %s\nUses:      %s\n",
				r.ID, r.Severity, r.Title, r.Doc, r.Bad, r.Good, r.Fields)
			fmt.Fprintf(w, "Silence:   <!-- claimlint-disable-next-line %s -- reason --> on the line before,\n           or severity: {%s: off} in .claimlint.yaml\n", r.ID, r.ID)
			return nil
		},
	}
}
