package main

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/pipeline"
)

// initData holds the starter files `claimlint init` writes.
//
//go:embed initdata
var initData embed.FS

// initFiles maps each starter file to where init writes it: a file of
// initData, or what make returns (the JSON Schemas the YAML files' first
// lines name by a relative path, so that editors validate them offline).
var initFiles = []struct {
	from, to string
	make     func() []byte
}{
	{from: "initdata/claimlint.yaml", to: ".claimlint.yaml"},
	{from: "initdata/rules/ledger.yaml", to: "rules/ledger.yaml"},
	{from: "initdata/examples/example.md", to: "examples/example.md"},
	{to: "schema/rules.schema.json", make: ledger.Schema},
	{to: "schema/config.schema.json", make: func() []byte { return config.Schema(pipeline.RuleIDs()) }},
}

func newInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a starter .claimlint.yaml, rule file, example article and articles folder",
		Long: `init writes, in DIR (default: the working directory), a commented .claimlint.yaml, a
starter rule file (rules/) with one entity, one office, one event and a test, one
annotated example article with a deliberate error (examples/, what 'claimlint test'
reads), an empty articles/ folder for the corpus (what 'claimlint check' reads), and
the JSON Schemas (schema/) the YAML files name, for editors to use offline.
It never overwrites a file.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			var exist []string
			for _, f := range initFiles {
				if _, err := os.Lstat(filepath.Join(dir, f.to)); err == nil {
					exist = append(exist, filepath.Join(dir, f.to))
				}
			}
			if len(exist) > 0 {
				return usageErr("init writes no file that exists already: %s", strings.Join(exist, ", "))
			}
			w := cmd.OutOrStdout()
			for _, f := range initFiles {
				var data []byte
				var err error
				if f.make != nil {
					data = f.make()
				} else if data, err = fs.ReadFile(initData, f.from); err != nil {
					return &exitError{code: 2, msg: err.Error()}
				}
				path := filepath.Join(dir, f.to)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					return &exitError{code: 2, msg: err.Error()}
				}
				if err := os.WriteFile(path, data, 0o644); err != nil {
					return &exitError{code: 2, msg: err.Error()}
				}
				fmt.Fprintf(w, "wrote %s\n", path)
			}
			articles := filepath.Join(dir, "articles")
			if err := os.MkdirAll(articles, 0o755); err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			fmt.Fprintf(w, "made %s/\n", articles)
			fmt.Fprint(w, `
Next:
  claimlint test                   # examples/example.md's want annotations and the rule file's tests pass
  claimlint check examples/        # the example's deliberate error, as check reports it
  claimlint check                  # your articles: put them in articles/ (paths: in .claimlint.yaml)

Annotated examples (fixtures, with <!-- want --> comments) go in examples/ (tests:);
the facts you hold to be true go in rules/ (rules:). schema/ holds the JSON Schemas
the YAML files' first lines name: after upgrading claimlint, refresh them with
  claimlint schema > schema/rules.schema.json; claimlint schema config > schema/config.schema.json
`)
			return nil
		},
	}
}
