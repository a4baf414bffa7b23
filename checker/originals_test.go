package checker

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/rules"
)

// sharedSeeds finds ../shared/seeds beside the repository, or "".
func sharedSeeds(t *testing.T) string {
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "seeds")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestOriginalArticles runs the default rules over the five articles the
// project grew from. It must report exactly these, at error or warning level.
func TestOriginalArticles(t *testing.T) {
	dir := sharedSeeds(t)
	if _, err := os.Stat(dir); dir == "" || err != nil {
		t.Skipf("the original articles are not here (%s): they live in ../shared/seeds beside the repository", dir)
	}
	published := map[string]string{"000": "2025-02-24", "001": "2026-02-04", "002": "2026-02-05", "003": "2026-02-04", "004": "2025-02-24"}
	type got struct {
		File string
		Line int
		Rule string
	}
	want := []got{
		{"000", 4, "event-date"},   // "on Friday": the call was on Monday 24 February 2025
		{"000", 11, "event-date"},  // the same call, again "on Friday"
		{"000", 21, "event-venue"}, // the second round was held in Istanbul, not Riyadh
		{"000", 21, "event-date"},  // … on Thursday 27 February, not Tuesday
		{"001", 10, "office-holder"},
		{"002", 10, "title-at-date"},
		{"002", 35, "title-at-date"},
		{"002", 44, "title-at-date"},
	}
	files, err := ledger.ReadFS(rules.FS, ".", "rules")
	require.NoError(t, err)
	l, err := ledger.Load(files)
	require.NoError(t, err)
	c := New(l)
	matches, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	require.NoError(t, err)
	require.Len(t, matches, 5)
	var all []got
	for _, path := range matches {
		id := filepath.Base(path)[:3]
		d, err := civil.ParseDate(published[id])
		require.NoError(t, err)
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		a, err := article.Parse(path, src, article.Options{Published: d})
		require.NoError(t, err)
		for _, f := range c.Check(a) {
			if SeverityRank(f.Severity) >= SeverityRank(Warning) {
				all = append(all, got{id, f.Line, f.Rule})
				t.Logf("%s:%d:%d: %s [%s]", id, f.Line, f.Column, f.Message, f.Rule)
			}
		}
	}
	if diff := cmp.Diff(want, all); diff != "" {
		t.Errorf("findings on the original articles (-want +got):\n%s", diff)
	}
}
