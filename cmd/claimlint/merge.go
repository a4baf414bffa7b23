package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/internal/report"
	"github.com/claimlint/claimlint/internal/runner"
)

func newMergeCmd() *cobra.Command {
	var formats, rulePaths []string
	var cfgPath string
	cmd := &cobra.Command{
		Use:   "merge [--format NAME[:PATH]]... FILE...",
		Short: "Combine the JSON outputs of several runs (shards) into one report",
		Long: `merge reads the --format json outputs of several claimlint runs, such as the shards
of --shard K/N, and writes them as one run: findings sorted as a single run sorts
them, counts added up, in any output format (text by default, sarif, github, …).

The JSON of a shard also carries its event claims; merge compares them across all
the shards (cross-source) as a single run would, with the rules of --rules or the
config, which must be those the shards used.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			outs, err := parseOutputs(formats)
			if err != nil {
				return err
			}
			if corpusView(outs) {
				return usageErr("merge cannot write html or claimreview: the shards' JSON holds no article text; run claimlint on the whole corpus for them")
			}
			run := &report.Run{Root: repoRoot(), Version: version()}
			var stmts []corpus.Stmt
			carried := false
			hashes := map[string]string{} // rules hash → a file that has it
			for _, path := range args {
				data, err := os.ReadFile(path)
				if err != nil {
					return usageErr("%v", err)
				}
				var doc report.Document
				dec := json.NewDecoder(bytes.NewReader(data))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&doc); err != nil {
					return usageErr("%s: not the --format json output of claimlint: %v", path, err)
				}
				run.Findings = append(run.Findings, doc.Findings...)
				run.Files += doc.Summary.Files
				stmts = append(stmts, doc.Stmts...)
				carried = carried || doc.Stmts != nil
				if doc.Rules != "" {
					hashes[doc.Rules] = path
				}
			}
			if carried {
				// Compare the articles of all the shards, as one run does
				// (shards compare nothing themselves).
				cfg, err := loadConfig(cfgPath, "")
				if err != nil {
					return err
				}
				l, files, err := loadLedgerFiles(rulePaths, cfg)
				if err != nil {
					return err
				}
				for h, path := range hashes {
					if h != rulesHash(files) {
						return usageErr("%s was checked with other rules than these: give merge the shards' --rules and --config", path)
					}
				}
				if crossSourceOn(cfg, run.Files) {
					run.Findings = append(run.Findings, cfg.Apply(corpus.Check(l, corpus.Cluster(l, stmts), run.Findings))...)
				}
			}
			checker.SortFindings(run.Findings)
			return writeOutputs(cmd.OutOrStdout(), outs, run)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&formats, "format", nil, "output format NAME[:PATH], repeatable (default text on stdout)")
	f.StringArrayVar(&rulePaths, "rules", nil, "rule file or folder (repeatable), as the shards used; replaces the embedded rules")
	f.StringVar(&cfgPath, "config", "", "config file, as the shards used (default: .claimlint.yaml in the working directory or above)")
	return cmd
}

func newCacheCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "cache", Short: "Manage the result cache"}
	cmd.AddCommand(&cobra.Command{
		Use:   "clean",
		Short: "Empty the result cache",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := runner.DefaultCacheDir()
			if err != nil {
				return usageErr("%v", err)
			}
			if err := (&runner.Cache{Dir: dir}).Clean(); err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "emptied %s\n", dir)
			return nil
		},
	})
	return cmd
}
