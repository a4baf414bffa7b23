// Command claimlint checks news articles against a ledger of declared facts
// and reports every claim the ledger contradicts, as a linter would.
//
//	claimlint [check] [flags] [PATH...]
//
// With no PATH it checks the paths listed in .claimlint.yaml (found in the
// working directory or above), or the working directory. With no --rules it
// uses the rule files embedded in the binary. Exit status: 0 clean, 1 when a
// finding reaches --fail-level, 2 on a usage, rule-file or input error.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	_ "time/tzdata" // rule files name IANA time zones; do not depend on the host's database

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/internal/report"
	"github.com/claimlint/claimlint/pipeline"
)

// exitError carries an exit status out of a command.
type exitError struct {
	code int
	msg  string // printed to stderr when not empty
}

func (e *exitError) Error() string { return e.msg }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes claimlint with args and returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Every message on standard error is written with control characters
	// escaped and no line starting a GitHub workflow command: they name
	// files that whoever runs claimlint did not name.
	stderr = &report.SafeWriter{W: stderr}
	root := newRoot()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, "claimlint: "+ee.msg)
		}
		return ee.code
	}
	// Cobra's own errors: unknown flags, commands, bad arguments.
	fmt.Fprintln(stderr, "claimlint: "+err.Error())
	fmt.Fprintln(stderr, "Run 'claimlint --help' for usage.")
	return 2
}

func newRoot() *cobra.Command {
	checkOpts := &checkOptions{}
	root := &cobra.Command{
		Use:   "claimlint [check] [flags] [PATH...]",
		Short: "Check news articles against a ledger of declared facts",
		Long: `claimlint reads articles (.md and .txt), finds the claims they make about who held
which office, when leaders spoke, by phone or video, who called whom and where talks were
held, resolves relative dates against each article's publication date, and reports every
claim that the rule files contradict.

With no PATH, claimlint checks the paths listed in .claimlint.yaml, or the working
directory. With no --rules, it uses the rule files embedded in the binary.

Exit status: 0 when nothing at or above --fail-level is found, 1 when something is,
2 on a usage, rule-file or input error.`,
		Args:          cobra.ArbitraryArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := mistypedCommand(cmd, args); err != nil {
				return err
			}
			return runCheck(cmd, checkOpts, args)
		},
	}
	checkOpts.register(root)
	root.SuggestionsMinimumDistance = 2 // for mistypedCommand
	root.Version = pipeline.Version()
	root.SetVersionTemplate(versionText())
	root.Flags().Bool("version", false, "print claimlint's version and the revision it was built from")

	check := &cobra.Command{
		Use:   "check [flags] [PATH...]",
		Short: "Check articles (the default command)",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, checkOpts, args)
		},
	}
	checkOpts.register(check)
	root.AddCommand(check, newTestCmd(), newRulesCmd(), newExplainCmd(), newLSPCmd(), newSchemaCmd(), newInitCmd(), newClaimsCmd(), newMergeCmd(), newCacheCmd(), newLedgerCmd(), newVersionCmd())
	return root
}

// mistypedCommand is a usage error when the first PATH given to the default
// command is not a path that exists but is close to a command's name
// (`claimlint chek`): that is a typo, not a missing article.
func mistypedCommand(root *cobra.Command, args []string) error {
	if len(args) == 0 || args[0] == "" || args[0] == "-" {
		return nil
	}
	if _, err := os.Lstat(args[0]); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if s := root.SuggestionsFor(args[0]); len(s) > 0 {
		return usageErr("unknown command %q; did you mean %s? (an article of that name does not exist)", args[0], strings.Join(s, " or "))
	}
	return nil
}

// ledgerFlags adds the flags that choose the ledger (--rules, --config) and the
// publication date of articles without one (--published), which every command that
// reads articles against the rules shares; a command that reads no article passes a
// nil published.
func ledgerFlags(cmd *cobra.Command, rules *[]string, config, published *string) {
	f := cmd.Flags()
	f.StringArrayVar(rules, "rules", nil, "rule file or folder, or embedded for the embedded rules (repeatable); without embedded, replaces them")
	f.StringVar(config, "config", "", "config file (default: .claimlint.yaml in the working directory or above)")
	if published != nil {
		f.StringVar(published, "published", "", "publication date YYYY-MM-DD for articles whose front matter has none")
	}
}
