package checker_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/fix"
	"github.com/claimlint/claimlint/internal/report"
	"github.com/claimlint/claimlint/internal/runner"
	"github.com/claimlint/claimlint/rules"
)

var update = flag.Bool("update", false, "rewrite testdata/seeds.golden (then read every line before committing it)")

// TestDemoCorpusGolden checks the demo corpus with the embedded rules and
// compares the text output with testdata/seeds.golden, a file read and
// judged line by line.
func TestDemoCorpusGolden(t *testing.T) {
	files, err := ledger.ReadFS(rules.FS, ".", "rules")
	require.NoError(t, err)
	l, err := ledger.Load(files)
	require.NoError(t, err)
	paths, err := runner.Collect([]string{"../seeds"})
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(paths), 12, "the demo corpus has at least twelve articles")
	var findings []checker.Finding
	var stmts []corpus.Stmt
	c := checker.New(l)
	for _, p := range paths {
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		rel := filepath.ToSlash(strings.TrimPrefix(p, ".."+string(filepath.Separator)))
		a, err := article.Parse(rel, src, article.Options{})
		require.NoError(t, err)
		require.NotZero(t, a.Meta.Published, "%s has no publication date", rel)
		ss, fs := corpus.Statements(c, a)
		findings = append(findings, fs...)
		stmts = append(stmts, ss...)
	}
	// The articles compared with each other, as claimlint check does.
	findings = append(findings, corpus.Check(l, corpus.Cluster(l, stmts), findings)...)
	checker.SortFindings(findings)
	var got bytes.Buffer
	require.NoError(t, report.Text(&got, findings))
	golden := filepath.Join("testdata", "seeds.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, got.Bytes(), 0o644))
		return
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	if d := fix.Diff(golden, want, got.Bytes()); d != "" {
		t.Errorf("the demo corpus's findings differ from %s (-golden +got):\n%s", golden, d)
	}
}
