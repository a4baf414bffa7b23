package unusedbaseline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/checks/unusedbaseline"
	"github.com/claimlint/claimlint/internal/baseline"
)

// The check is reported by the baseline, not by the engine: an entry that
// matches no finding of the run is reported on the baseline file, at the
// check's severity; an entry that still matches is not.
func TestUnusedBaseline(t *testing.T) {
	root := t.TempDir()
	a := filepath.Join(root, "a.md")
	recorded := []checker.Finding{
		{Path: a, Line: 3, Rule: "event-date", Found: "Friday", Message: "still there"},
		{Path: a, Line: 8, Rule: "title-at-date", Found: "former President X", Message: "fixed since"},
	}
	var buf bytes.Buffer
	require.NoError(t, baseline.Write(&buf, root, recorded))
	file := filepath.Join(root, "baseline.json")
	require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o644))
	b, err := baseline.Load(file)
	require.NoError(t, err)

	got := b.Apply(root, recorded[:1])
	require.Len(t, got, 1)
	assert.Equal(t, unusedbaseline.Check.ID, got[0].Rule)
	assert.Equal(t, unusedbaseline.Check.Severity, got[0].Severity)
	assert.Equal(t, file, got[0].Path)
	assert.Contains(t, got[0].Message, "title-at-date in a.md: former President X")

	assert.Empty(t, b.Apply(root, recorded), "every entry matches: nothing to report")
}
