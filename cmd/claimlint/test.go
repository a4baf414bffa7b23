package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/internal/report"
	"github.com/claimlint/claimlint/pipeline"
)

func newTestCmd() *cobra.Command {
	var rulePaths []string
	var cfgPath, published string
	var allowMissed bool
	cmd := &cobra.Command{
		Use:   "test [flags] [PATH...]",
		Short: "Run the expectations written in annotated example articles",
		Long: `test checks example articles and compares the findings with the expectations
written inside them: an HTML comment on the line before the sentence,

    <!-- want event-date "Monday 2025-02-24" -->

expects a finding of that rule whose message matches the regular expression. Every
unmet expectation and every unexpected finding is a failure; the exit status is 1
when there is one. After the failures comes a table: per check, the expectations,
how many were met and missed, and the unexpected findings.

With --allow-missed, test measures a corpus the checks do not read in full yet:
unmet expectations are still listed and counted, but only unexpected findings (and
rule-file tests) fail the run, and an annotation may name a rule claimlint does not
have yet; its expectations count as missed. Without the flag, such an annotation is
an error (exit status 2).`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, rules, aopt, err := setup(cfgPath, rulePaths, published)
			if err != nil {
				return err
			}
			res, err := pipeline.Test(pipeline.TestOptions{Paths: args, Rules: rules, Config: cfg, Published: aopt.Published, AllowMissed: allowMissed})
			if err != nil {
				return exit2(err)
			}
			out, errOut := io.Writer(&report.SafeWriter{W: cmd.OutOrStdout()}), cmd.ErrOrStderr()
			for _, err := range res.Errors {
				fmt.Fprintln(errOut, "claimlint: "+err.Error())
			}
			for _, f := range res.Failures {
				fmt.Fprintln(out, f.String())
			}
			for _, f := range res.Specs {
				fmt.Fprintln(out, f.String())
			}
			if len(res.Failures)+len(res.Specs) > 0 && len(res.Scores) > 0 {
				fmt.Fprintln(out)
			}
			writeScores(out, res.Scores, res.Total())
			failures := len(res.Failures) + len(res.Specs)
			allowed := ""
			if allowMissed {
				failures -= len(res.Missed)
				allowed = fmt.Sprintf(", %d missed %s allowed (--allow-missed)", len(res.Missed), plural(len(res.Missed), "expectation", "expectations"))
			}
			fmt.Fprintf(errOut, "claimlint test: %d %s, %d %s, %d rule-file %s, %d %s%s\n", res.Files, plural(res.Files, "file", "files"),
				res.Wants, plural(res.Wants, "expectation", "expectations"), res.RuleTests, plural(res.RuleTests, "test", "tests"),
				failures, plural(failures, "failure", "failures"), allowed)
			if code := res.Exit(); code != 0 {
				return &exitError{code: code}
			}
			return nil
		},
	}
	f := cmd.Flags()
	ledgerFlags(cmd, &rulePaths, &cfgPath, &published)
	f.BoolVar(&allowMissed, "allow-missed", false, "report unmet expectations without failing on them, and count those of rules claimlint does not have yet as missed; unexpected findings still fail")
	return cmd
}

// writeScores writes the per-check table of claimlint test, as Markdown
// whose columns line up in a terminal too: one row per check that has an
// expectation or an unexpected finding, and the total. A rule claimlint
// does not have is named below the table. Nothing when no check appears.
func writeScores(w io.Writer, scores []pipeline.Score, total pipeline.Score) {
	if len(scores) == 0 {
		return
	}
	head := []string{"check", "expected", "met", "missed", "unexpected"}
	rows := [][]string{}
	var unknown []string
	for _, s := range append(scores, total) {
		rows = append(rows, []string{s.Rule, strconv.Itoa(s.Wants), strconv.Itoa(s.Met), strconv.Itoa(s.Missed), strconv.Itoa(s.Unexpected)})
		if !s.Known {
			unknown = append(unknown, s.Rule)
		}
	}
	width := make([]int, len(head))
	for i, h := range head {
		width[i] = len(h)
		for _, r := range rows {
			width[i] = max(width[i], len(r[i]))
		}
	}
	line := func(cells []string) {
		var b strings.Builder
		b.WriteString("|")
		for i, c := range cells {
			if i == 0 {
				fmt.Fprintf(&b, " %-*s |", width[i], c)
			} else {
				fmt.Fprintf(&b, " %*s |", width[i], c)
			}
		}
		fmt.Fprintln(w, b.String())
	}
	line(head)
	rule := make([]string, len(head))
	for i := range head {
		rule[i] = strings.Repeat("-", width[i])
		if i > 0 {
			rule[i] = strings.Repeat("-", width[i]-1) + ":"
		}
	}
	line(rule)
	for _, r := range rows {
		line(r)
	}
	if len(unknown) > 0 {
		fmt.Fprintf(w, "\n%s: not %s of this claimlint yet; %s expectations count as missed.\n",
			strings.Join(unknown, ", "), plural(len(unknown), "a check", "checks"), plural(len(unknown), "its", "their"))
	}
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
