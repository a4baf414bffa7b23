package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/report"
	"github.com/claimlint/claimlint/checker/runner"
)

func newMergeCmd() *cobra.Command {
	var formats []string
	cmd := &cobra.Command{
		Use:   "merge [--format NAME[:PATH]]... FILE...",
		Short: "Combine the JSON outputs of several runs (shards) into one report",
		Long: `merge reads the --format json outputs of several claimlint runs, such as the shards
of --shard K/N, and writes them as one run: findings sorted as a single run sorts
them, counts added up, in any output format (text by default, sarif, github, …).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			outs, err := parseOutputs(formats)
			if err != nil {
				return err
			}
			run := &report.Run{Root: repoRoot(), Version: version()}
			for _, path := range args {
				data, err := os.ReadFile(path)
				if err != nil {
					return usageErr("%v", err)
				}
				var doc struct {
					Findings []checker.Finding `json:"findings"`
					Summary  report.Summary    `json:"summary"`
				}
				dec := json.NewDecoder(bytes.NewReader(data))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&doc); err != nil {
					return usageErr("%s: not the --format json output of claimlint: %v", path, err)
				}
				run.Findings = append(run.Findings, doc.Findings...)
				run.Files += doc.Summary.Files
			}
			checker.SortFindings(run.Findings)
			return writeOutputs(cmd.OutOrStdout(), outs, run)
		},
	}
	cmd.Flags().StringArrayVar(&formats, "format", nil, "output format NAME[:PATH], repeatable (default text on stdout)")
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
