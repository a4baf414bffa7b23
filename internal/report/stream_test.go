package report

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/ledger"
)

// randomRun makes a run of random findings, sorted as a run sorts them,
// with text that every format must escape. With unique, no two paths are
// the same relative to the root.
func randomRun(r *rand.Rand, unique bool) *Run {
	words := []string{"Ada Example", "Ruritania", "<b>", "&amp;", `"quoted"`, "a\nb", "100%", "tab\there", "é–ü", "\u2028", "::", "a,b", ""}
	word := func() string { return words[r.IntN(len(words))] + words[r.IntN(len(words))] }
	paths := []string{"/repo/a.md", "/repo/sub/b,c.md", "/repo/issue#3.md", "/elsewhere/x.md", "/repo/z <1>.md", "/repo/a-b/c.md", "/repo/a/c.md"}
	if !unique {
		paths = append(paths, "repo/a.md", "repo/sub/b,c.md") // /repo/a.md again, from the working directory /
	}
	rules := []string{"unknown-rule"}
	for _, rule := range checker.Rules {
		rules = append(rules, rule.ID)
	}
	sevs := []string{checker.Error, checker.Warning, checker.Info}
	run := &Run{Root: "/repo", Files: r.IntN(50), Version: []string{"", "v1.2.3", "devel-abc+dirty"}[r.IntN(3)], RelPathsUnique: unique}
	n := []int{0, 1, 2, 30}[r.IntN(4)]
	for range n {
		f := checker.Finding{Path: paths[r.IntN(len(paths))], Line: 1 + r.IntN(5), Column: 1 + r.IntN(40), EndLine: 1 + r.IntN(5),
			EndColumn: r.IntN(80), Offset: r.IntN(500), EndOffset: r.IntN(600), ByteCol: r.IntN(40), EndByteCol: r.IntN(90),
			Rule: rules[r.IntN(len(rules))], Severity: sevs[r.IntN(3)], Message: word(), Found: []string{"Friday", "a  b", word()}[r.IntN(3)], Expected: word()}
		if r.IntN(2) == 0 {
			f.Evidence = &checker.Evidence{ID: word(), Pos: ledger.Pos{File: "rules/events.yaml", Line: r.IntN(3), Col: r.IntN(3)}, Sources: []ledger.Source{{Outlet: word()}}}
		}
		if r.IntN(3) == 0 {
			f.Fix = &checker.Fix{Offset: f.Offset + r.IntN(3), EndOffset: f.Offset + 5, Replacement: word(), Message: word()}
		}
		for range r.IntN(3) {
			f.Related = append(f.Related, checker.Related{Path: paths[r.IntN(len(paths))], Line: r.IntN(9), Column: r.IntN(9), Message: word()})
		}
		run.Findings = append(run.Findings, f)
	}
	checker.SortFindings(run.Findings)
	if r.IntN(3) == 0 {
		run.Unchecked = []string{word(), word()}
	}
	if r.IntN(4) == 0 {
		run.Stmts = []corpus.Stmt{{Path: "/repo/a.md", Ledger: word(), Kinds: corpus.Kinds{"call"}, Line: 3}}
		run.RulesHash = "abc"
	}
	return run
}

// streamed writes a run through a format's stream, the findings given in
// random runs of one or more, as files come.
func streamed(t *testing.T, f Format, r *rand.Rand, run *Run) []byte {
	t.Helper()
	var buf bytes.Buffer
	s := f.Stream(&buf, &Run{Root: run.Root, Version: run.Version, RelPathsUnique: run.RelPathsUnique})
	for rest := run.Findings; len(rest) > 0; {
		k := 1 + r.IntN(len(rest))
		require.NoError(t, s.Write(rest[:k]))
		rest = rest[k:]
	}
	require.NoError(t, s.Close(&Run{Files: run.Files, Unchecked: run.Unchecked, Stmts: run.Stmts, RulesHash: run.RulesHash}))
	return buf.Bytes()
}

// TestStreamsWriteWhatTheWholeRunWrote: every format that streams writes,
// byte for byte, what it wrote when it was given the whole run at once,
// however the findings are cut into writes; and so does its Write.
func TestStreamsWriteWhatTheWholeRunWrote(t *testing.T) {
	t.Chdir("/") // randomRun's relative paths are from /
	ref := map[string]func(io.Writer, *Run) error{
		"text":       func(w io.Writer, r *Run) error { return Text(w, r.Findings) },
		"json":       refJSON,
		"sarif":      refSARIF,
		"github":     refGitHub,
		"rdjsonl":    refRDJSONL,
		"checkstyle": refCheckstyle,
	}
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	readSummary := func() []byte {
		b, _ := os.ReadFile(summary)
		os.Remove(summary)
		return b
	}
	for _, f := range Formats {
		want := ref[f.Name]
		if f.Stream == nil {
			continue
		}
		require.NotNil(t, want, "no reference for %s", f.Name)
		for seed := range uint64(200) {
			r := rand.New(rand.NewPCG(seed, 7))
			run := randomRun(r, seed%2 == 0)
			var a bytes.Buffer
			require.NoError(t, want(&a, run), "%s seed %d", f.Name, seed)
			sumA := readSummary()
			b := streamed(t, f, r, run)
			sumB := readSummary()
			require.Equal(t, a.String(), string(b), "%s seed %d: streamed", f.Name, seed)
			require.Equal(t, string(sumA), string(sumB), "%s seed %d: step summary", f.Name, seed)
			var c bytes.Buffer
			require.NoError(t, f.Write(&c, run), "%s seed %d", f.Name, seed)
			readSummary()
			require.Equal(t, a.String(), c.String(), "%s seed %d: Write", f.Name, seed)
		}
	}
}

// TestJSONStreamWritesEachFindingAsItComes: the JSON stream has written a
// file's findings when its Write returns, before the next file's come, and
// holds none of them.
func TestJSONStreamWritesEachFindingAsItComes(t *testing.T) {
	var buf bytes.Buffer
	s := newJSONStream(&buf, &Run{})
	require.NoError(t, s.Write([]checker.Finding{{Path: "a.md", Rule: "event-date", Message: "Ada Example met Bo Sample"}}))
	require.Contains(t, buf.String(), `"message": "Ada Example met Bo Sample"`)
	require.NotContains(t, buf.String(), "b.md")
	require.NoError(t, s.Write([]checker.Finding{{Path: "b.md", Rule: "event-date"}}))
	require.Contains(t, buf.String(), `"path": "b.md"`)
	require.NoError(t, s.Close(&Run{Files: 2}))
	require.True(t, strings.HasSuffix(buf.String(), "\"files\": 2,\n    \"findings\": 2,\n    \"errors\": 0,\n    \"warnings\": 0,\n    \"infos\": 2,\n    \"byRule\": {\n      \"event-date\": 2\n    }\n  }\n}\n"), buf.String())
}
