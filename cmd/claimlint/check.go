package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/config"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/report"
	"github.com/claimlint/claimlint/checker/runner"
	"github.com/claimlint/claimlint/rules"
)

type checkOptions struct {
	rules     []string
	published string
	format    string
	failLevel string
	config    string
	workers   int
}

func (o *checkOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArrayVar(&o.rules, "rules", nil, "rule file or folder (repeatable); replaces the embedded rules")
	f.StringVar(&o.published, "published", "", "publication date YYYY-MM-DD for articles whose front matter has none")
	f.StringVar(&o.format, "format", "text", "output format: text or json")
	f.StringVar(&o.failLevel, "fail-level", "", "lowest severity that makes the exit status 1: error, warning or info (default error)")
	f.StringVar(&o.config, "config", "", "config file (default: .claimlint.yaml in the working directory or above)")
	f.IntVar(&o.workers, "workers", 0, "articles checked at once (default: one per CPU)")
}

func usageErr(format string, args ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, args...)}
}

// loadConfig finds and reads .claimlint.yaml, or the file --config names.
func loadConfig(path string) (*config.Config, error) {
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		if path, err = config.Find(wd); err != nil || path == "" {
			return nil, err
		}
	}
	c, err := config.Load(path)
	if err != nil {
		return nil, &exitError{code: 2, msg: "config:\n" + err.Error()}
	}
	return c, nil
}

// loadLedger reads the rule files named by flags, the config, or the
// embedded defaults, in that order.
func loadLedger(flagRules []string, cfg *config.Config) (*ledger.Ledger, error) {
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
		return nil, usageErr("%v", err)
	}
	l, err := ledger.Load(files)
	if err != nil {
		var list ledger.ErrorList
		if errors.As(err, &list) {
			return nil, &exitError{code: 2, msg: fmt.Sprintf("%d problem(s) in the rule files:\n%s", len(list), list.Error())}
		}
		return nil, usageErr("%v", err)
	}
	return l, nil
}

func runCheck(cmd *cobra.Command, o *checkOptions, args []string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if o.format != "text" && o.format != "json" {
		return usageErr("unknown --format %q: want text or json", o.format)
	}
	var aopt article.Options
	if o.published != "" {
		d, err := ledger.ParseDate(o.published)
		if err != nil || d.Prec != ledger.Day {
			return usageErr("--published %q: want a date YYYY-MM-DD", o.published)
		}
		aopt.Published = d
	}
	cfg, err := loadConfig(o.config)
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
	l, err := loadLedger(o.rules, cfg)
	if err != nil {
		return err
	}
	paths := args
	if len(paths) == 0 && cfg != nil {
		for _, p := range cfg.Paths {
			paths = append(paths, cfg.Resolve(p))
		}
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	files, err := runner.Collect(paths)
	if err != nil {
		return usageErr("%v", err)
	}
	inputs := make([]runner.Input, len(files))
	for i, f := range files {
		inputs[i] = runner.Input{Path: f}
	}
	res := runner.Run(checker.New(l), inputs, runner.Options{Article: aopt, Workers: o.workers})
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, "claimlint: "+e.Error())
	}
	switch o.format {
	case "json":
		err = report.JSON(stdout, res.Files, res.Findings)
	default:
		err = report.Text(stdout, res.Findings)
	}
	if err != nil {
		return &exitError{code: 2, msg: err.Error()}
	}
	s := report.Summarize(res.Files, res.Findings)
	fmt.Fprintf(stderr, "claimlint: %d %s checked: %d %s, %d %s, %d info\n", s.Files, plural(s.Files, "file", "files"),
		s.Errors, plural(s.Errors, "error", "errors"), s.Warnings, plural(s.Warnings, "warning", "warnings"), s.Infos)
	if len(res.Errors) > 0 {
		return &exitError{code: 2, msg: fmt.Sprintf("%d %s could not be checked", len(res.Errors), plural(len(res.Errors), "file", "files"))}
	}
	for _, f := range res.Findings {
		if checker.SeverityRank(f.Severity) >= checker.SeverityRank(failLevel) {
			return &exitError{code: 1}
		}
	}
	return nil
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
				var ids []string
				for _, r := range checker.Rules {
					ids = append(ids, r.ID)
				}
				return usageErr("unknown rule %q; the rules are: %s", args[0], strings.Join(ids, ", "))
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%s (%s): %s\n\n%s\n\nReported:  %s\nRight:     %s\nUses:      %s\n",
				r.ID, r.Severity, r.Title, r.Doc, r.Bad, r.Good, r.Fields)
			return nil
		},
	}
}
