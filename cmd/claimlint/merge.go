package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker"

	"github.com/claimlint/claimlint/internal/runner"
	"github.com/claimlint/claimlint/pipeline"
)

func newMergeCmd() *cobra.Command {
	var formats, rulePaths []string
	var cfgPath, failLevel string
	cmd := &cobra.Command{
		Use:   "merge [--format NAME[:PATH]]... FILE...",
		Short: "Combine the JSON outputs of several runs (shards) into one report",
		Long: `merge reads the --format json outputs of several claimlint runs, such as the shards
of --shard K/N, and writes them as one run: findings sorted as a single run sorts
them, counts added up, in any output format (text by default, sarif, github, …).

The JSON of a shard also carries its event claims; merge compares them across all
the shards (cross-source) as a single run would, with the rules of --rules or the
config, which must be those the shards used.

merge exits as one run over all the files would: 2 when a shard could not check a
file (each is written to standard error), else 1 when a finding reaches the fail
level (--fail-level, or the config's), else 0.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			outs, err := pipeline.ParseOutputs(formats, nil)
			if err != nil {
				return exit2(err)
			}
			if err := pipeline.CanMerge(outs); err != nil {
				return exit2(err)
			}
			if failLevel != "" && checker.SeverityRank(failLevel) == 0 {
				return usageErr("unknown --fail-level %q: want error, warning or info", failLevel)
			}
			shards, err := pipeline.ReadShards(args)
			if err != nil {
				return exit2(err)
			}
			opt := pipeline.Options{Outputs: outs, FailLevel: failLevel, Stdout: cmd.OutOrStdout(), Stderr: cmd.ErrOrStderr()}
			if opt.Config, err = loadConfig(cfgPath, ""); err != nil {
				return err
			}
			if shards.Compare() {
				if opt.Rules, err = loadRules(rulePaths, opt.Config); err != nil {
					return err
				}
			}
			res, err := pipeline.Merge(shards, opt)
			if err != nil {
				return exit2(err)
			}
			switch res.Exit() {
			case 2:
				return &exitError{code: 2, msg: fmt.Sprintf("%d %s could not be checked", len(res.Errors), plural(len(res.Errors), "file", "files"))}
			case 1:
				return &exitError{code: 1}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&formats, "format", nil, "output format NAME[:PATH], repeatable (default text on stdout)")
	f.StringArrayVar(&rulePaths, "rules", nil, "rule file or folder, or embedded for the embedded rules (repeatable), as the shards used")
	f.StringVar(&failLevel, "fail-level", "", "lowest severity that makes the exit status 1: error, warning or info (default error, or the config's)")
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
