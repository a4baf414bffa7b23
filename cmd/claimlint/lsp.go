package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/lsp"
	"github.com/claimlint/claimlint/pipeline"
	"github.com/claimlint/claimlint/rules"
)

// stdio joins standard input and output into the stream the server reads
// and writes.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }

func newLSPCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server on standard input and output",
		Long: `lsp speaks the Language Server Protocol over standard input and output: it checks the
.md and .txt documents an editor opens, publishes the findings as diagnostics, offers
certain replacements as quick fixes, and publishes rule-file errors on the rule files
named in .claimlint.yaml. Logs go to standard error.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			defaults, err := ledger.ReadFS(rules.FS, ".", "rules")
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			embedded, err := pipeline.EmbeddedFiles(pipeline.Embedded)
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			err = lsp.Serve(context.Background(), stdio{cmd.InOrStdin(), cmd.OutOrStdout()}, lsp.Options{
				DefaultRules: defaults, EmbeddedRules: embedded, Version: pipeline.Version(), Log: cmd.ErrOrStderr(),
				Process: pipeline.ForEditor,
			})
			if err != nil {
				return &exitError{code: 1, msg: "lsp: " + err.Error()}
			}
			return nil
		},
	}
}
