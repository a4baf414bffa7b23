package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/expect"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/internal/runner"
	"github.com/claimlint/claimlint/pipeline"
)

func newTestCmd() *cobra.Command {
	var rulePaths []string
	var cfgPath, published string
	cmd := &cobra.Command{
		Use:   "test [flags] [PATH...]",
		Short: "Run the expectations written in annotated example articles",
		Long: `test checks example articles and compares the findings with the expectations
written inside them: an HTML comment on the line before the sentence,

    <!-- want event-date "Monday 2025-02-24" -->

expects a finding of that rule whose message matches the regular expression. Every
unmet expectation and every unexpected finding is a failure; the exit status is 1
when there is one.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, rules, aopt, err := setup(cfgPath, rulePaths, published)
			if err != nil {
				return err
			}
			l := rules.Ledger
			files, err := runner.Collect(pipeline.Paths(args, cfg))
			if err != nil {
				return usageErr("%v", err)
			}
			c := checker.New(l)
			out, errOut := cmd.OutOrStdout(), cmd.ErrOrStderr()
			failures, wants, bad := 0, 0, 0
			// Every file is checked first: cross-source compares them all.
			type checked struct {
				path string
				ws   []expect.Want
			}
			var done []checked
			set := &pipeline.Set{}
			for a, err := range pipeline.Articles(files, cfg, aopt) {
				if err == nil {
					var ws []expect.Want
					ws, err = expect.Parse(a.Path, a.Src)
					if err == nil {
						wants += len(ws)
						ss, fs := corpus.Statements(c, a)
						set.Stmts = append(set.Stmts, ss...)
						set.Findings = append(set.Findings, fs...)
						done = append(done, checked{a.Path, ws})
					}
				}
				if err != nil {
					fmt.Fprintln(errOut, "claimlint: "+err.Error())
					bad++
				}
			}
			// Of the processors, only cross-source: expectations are met
			// against the findings as the checks make them, without the
			// config's severities.
			set.Articles = len(done)
			if err := pipeline.Process([]pipeline.Processor{pipeline.CrossSource(l, cfg)}, set); err != nil {
				return exit2(err)
			}
			findings := set.Findings
			byPath := map[string][]checker.Finding{}
			for _, f := range findings {
				byPath[f.Path] = append(byPath[f.Path], f)
			}
			for _, d := range done {
				fs := byPath[d.path]
				checker.SortFindings(fs)
				for _, f := range expect.Compare(d.path, d.ws, fs) {
					fmt.Fprintln(out, f.String())
					failures++
				}
			}
			specs := c.RunSpecs()
			for _, f := range specs {
				fmt.Fprintln(out, f.String())
			}
			failures += len(specs)
			fmt.Fprintf(errOut, "claimlint test: %d %s, %d %s, %d rule-file %s, %d %s\n", len(files), plural(len(files), "file", "files"),
				wants, plural(wants, "expectation", "expectations"), len(l.Tests), plural(len(l.Tests), "test", "tests"),
				failures, plural(failures, "failure", "failures"))
			switch {
			case bad > 0:
				return &exitError{code: 2}
			case failures > 0:
				return &exitError{code: 1}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&rulePaths, "rules", nil, "rule file or folder (repeatable); replaces the embedded rules")
	f.StringVar(&cfgPath, "config", "", "config file (default: .claimlint.yaml in the working directory or above)")
	f.StringVar(&published, "published", "", "publication date YYYY-MM-DD for articles whose front matter has none")
	return cmd
}

func newSchemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:       "schema [rules|config]",
		Short:     "Print the JSON Schema for rule files (default) or for .claimlint.yaml",
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: []string{"rules", "config"},
		RunE: func(cmd *cobra.Command, args []string) error {
			which := "rules"
			if len(args) == 1 {
				which = args[0]
			}
			switch which {
			case "rules":
				_, err := cmd.OutOrStdout().Write(ledger.Schema())
				return err
			case "config":
				_, err := cmd.OutOrStdout().Write(config.Schema(pipeline.RuleIDs()))
				return err
			}
			return usageErr("unknown schema %q: want rules or config", which)
		},
	}
}
