package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/checks/articlelimit"
	"github.com/claimlint/claimlint/internal/report"
	"github.com/claimlint/claimlint/internal/runner"
	"github.com/claimlint/claimlint/pipeline"
)

func newClaimsCmd() *cobra.Command {
	var rulePaths []string
	var cfgPath, published, format string
	var notCovered bool
	var maxClaims int
	cmd := &cobra.Command{
		Use:   "claims [flags] PATH...",
		Short: "Print every claim read from articles, its resolved values and its verdict",
		Long: `claims prints what the checker saw: each claim (a title, an event, an anniversary, an
office term) with its span, its values resolved (dates against the publication date,
people as entity ids), and its verdict: consistent (with the ledger entry), contradicted
(with the finding), or not covered (and why). With --not-covered it lists only the claims
the ledger could not judge, grouped by kind and participants: what the ledger does not
yet hold; 'claimlint ledger suggest' proposes ledger events from those that two or more
articles agree on.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageErr("unknown --format %q: want text or json", format)
			}
			if err := checkMaxClaims(maxClaims); err != nil {
				return err
			}
			cfg, rules, aopt, err := setup(cfgPath, rulePaths, published)
			if err != nil {
				return err
			}
			files, err := runner.Collect(args)
			if err != nil {
				return usageErr("%v", err)
			}
			c := checker.New(rules.Ledger)
			c.MaxClaims = maxClaims
			var all []checker.Claim
			bad := 0
			for a, err := range pipeline.Articles(files, cfg, aopt) {
				if err != nil {
					fmt.Fprintln(cmd.ErrOrStderr(), "claimlint: "+err.Error())
					bad++
					continue
				}
				claims, fs := c.Claims(a)
				all = append(all, claims...)
				// The claims printed hold no findings: say where an
				// article past the cap stopped being read.
				for _, f := range fs {
					if f.Rule == articlelimit.Check.ID {
						fmt.Fprintf(cmd.ErrOrStderr(), "claimlint: warning: %s:%d:%d: %s\n", report.CleanLine(f.Path), f.Line, f.Column, f.Message)
					}
				}
			}
			if notCovered {
				var keep []checker.Claim
				for _, cl := range all {
					if cl.Verdict == checker.NotCovered {
						keep = append(keep, cl)
					}
				}
				all = keep
			}
			w := cmd.OutOrStdout()
			if format == "text" {
				w = &report.SafeWriter{W: w} // paths and claims' text, escaped
			}
			switch {
			case format == "json" && notCovered:
				err = writeJSON(w, map[string]any{"groups": groupClaims(all)})
			case format == "json":
				if all == nil {
					all = []checker.Claim{}
				}
				err = writeJSON(w, map[string]any{"claims": all})
			case notCovered:
				unknown := false
				for _, g := range groupClaims(all) {
					fmt.Fprintf(w, "%s (%d)\n", g.Key, len(g.Claims))
					for _, cl := range g.Claims {
						fmt.Fprintf(w, "  %s:%d:%d: %s: %s\n", cl.Path, cl.Line, cl.Column, quote(cl.Text), cl.Reason)
						unknown = unknown || cl.Cause == checker.CauseNoEvent
					}
				}
				if unknown {
					fmt.Fprintln(cmd.ErrOrStderr(), "claimlint: 'claimlint ledger suggest' proposes ledger events for those that two or more articles agree on")
				}
			default:
				for _, cl := range all {
					printClaim(w, cl)
				}
			}
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			if bad > 0 {
				return &exitError{code: 2, msg: fmt.Sprintf("%d %s could not be read", bad, plural(bad, "file", "files"))}
			}
			return nil
		},
	}
	f := cmd.Flags()
	ledgerFlags(cmd, &rulePaths, &cfgPath, &published)
	f.StringVar(&format, "format", "text", "text or json")
	f.BoolVar(&notCovered, "not-covered", false, "only the claims the ledger could not judge, grouped by kind and participants")
	maxClaimsFlag(cmd, &maxClaims)
	return cmd
}

func quote(s string) string {
	if r := []rune(s); len(r) > 72 {
		s = string(r[:71]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

func printClaim(w io.Writer, cl checker.Claim) {
	head := fmt.Sprintf("%s:%d:%d: %s: %s", cl.Path, cl.Line, cl.Column, cl.Kind, cl.Verdict)
	if cl.Ledger != "" {
		head += " [" + cl.Ledger + "]"
	}
	fmt.Fprintf(w, "%s %s\n", head, quote(cl.Text))
	keys := make([]string, 0, len(cl.Values))
	for k := range cl.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var vals []string
	for _, k := range keys {
		if cl.Values[k] != "" {
			vals = append(vals, k+"="+cl.Values[k])
		}
	}
	if len(vals) > 0 {
		fmt.Fprintf(w, "    %s\n", strings.Join(vals, " "))
	}
	for _, f := range cl.Findings {
		fmt.Fprintf(w, "    %s\n", f)
	}
	if cl.Reason != "" {
		fmt.Fprintf(w, "    why: %s\n", cl.Reason)
	}
}

// claimGroup is the claims of one kind about the same participants.
type claimGroup struct {
	Key    string          `json:"key"`
	Claims []checker.Claim `json:"claims"`
}

// groupClaims groups claims by kind and participants (or person), in a
// stable order.
func groupClaims(claims []checker.Claim) []claimGroup {
	index := map[string]int{}
	var groups []claimGroup
	for _, cl := range claims {
		var who, kinds []string
		if cl.Event != nil {
			who, kinds = slices.Clone(cl.Event.Participants), cl.Event.Kinds
		}
		if p := cl.Values["person"]; len(who) == 0 && p != "" {
			who = []string{p}
		}
		sort.Strings(who)
		key := cl.Kind
		if len(kinds) > 0 {
			key += " (" + strings.Join(kinds, "|") + ")"
		}
		if len(who) == 0 {
			key += ": (no participant named)"
		} else {
			key += ": " + strings.Join(who, ", ")
		}
		i, ok := index[key]
		if !ok {
			i = len(groups)
			index[key] = i
			groups = append(groups, claimGroup{Key: key})
		}
		groups[i].Claims = append(groups[i].Claims, cl)
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Key < groups[j].Key })
	return groups
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
