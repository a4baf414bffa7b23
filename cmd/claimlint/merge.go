package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/internal/runner"
	"github.com/claimlint/claimlint/pipeline"
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
			outs, err := pipeline.ParseOutputs(formats, nil)
			if err != nil {
				return exit2(err)
			}
			if err := pipeline.CanMerge(outs); err != nil {
				return exit2(err)
			}
			shards, err := pipeline.ReadShards(args)
			if err != nil {
				return exit2(err)
			}
			opt := pipeline.Options{Outputs: outs, Stdout: cmd.OutOrStdout()}
			if shards.Compare() {
				if opt.Config, err = loadConfig(cfgPath, ""); err != nil {
					return err
				}
				if opt.Rules, err = loadRules(rulePaths, opt.Config); err != nil {
					return err
				}
			}
			if _, err := pipeline.Merge(shards, opt); err != nil {
				return exit2(err)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&formats, "format", nil, "output format NAME[:PATH], repeatable (default text on stdout)")
	f.StringArrayVar(&rulePaths, "rules", nil, "rule file or folder, or embedded for the embedded rules (repeatable), as the shards used")
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
