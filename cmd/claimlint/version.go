package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/pipeline"
)

// versionText is what `claimlint version` and `claimlint --version` print:
// the version SARIF, the HTML report and the language server carry, the
// revision the build was made from when it says, and the Go release.
func versionText() string {
	s := "claimlint " + pipeline.Version() + "\n"
	if rev := pipeline.Revision(); rev != "" {
		s += "revision " + rev + "\n"
	}
	return s + "built with " + runtime.Version() + "\n"
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print claimlint's version and the revision it was built from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprint(cmd.OutOrStdout(), versionText())
			return nil
		},
	}
}
