package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
)

func TestRoundTripSurvivesMovedLines(t *testing.T) {
	root := t.TempDir()
	a := filepath.Join(root, "a.md")
	old := []checker.Finding{
		{Path: a, Line: 4, Rule: "event-date", Found: "Friday", Message: "m1"},
		{Path: a, Line: 9, Rule: "event-date", Found: "Friday", Message: "m2"},
		{Path: a, Line: 12, Rule: "title-at-date", Found: "former President X", Message: "m3"},
	}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, root, old))
	file := filepath.Join(root, "baseline.json")
	require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o644))
	b, err := Load(file)
	require.NoError(t, err)
	require.Len(t, b.Entries, 3)
	assert.Equal(t, "a.md", b.Entries[0].Path)
	assert.Equal(t, []int{2, 3, 4}, []int{b.Entries[0].line, b.Entries[1].line, b.Entries[2].line})

	// Lines inserted above: every finding moves down, none comes back; a new
	// third "Friday" is new; the title finding is gone, so its entry is unused.
	now := []checker.Finding{
		{Path: a, Line: 7, Rule: "event-date", Found: "Friday", Message: "m1"},
		{Path: a, Line: 12, Rule: "event-date", Found: "Friday", Message: "m2"},
		{Path: a, Line: 20, Rule: "event-date", Found: "Friday", Message: "m4"},
	}
	got := b.Apply(root, now)
	require.Len(t, got, 2)
	assert.Equal(t, "m4", got[0].Message)
	assert.Equal(t, "unused-baseline", got[1].Rule)
	assert.Equal(t, checker.Info, got[1].Severity)
	assert.Equal(t, file, got[1].Path)
	assert.Equal(t, 4, got[1].Line)
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "b.json")
	require.NoError(t, os.WriteFile(p, []byte("not json"), 0o644))
	_, err := Load(p)
	assert.ErrorContains(t, err, "b.json: not a claimlint baseline")
	require.NoError(t, os.WriteFile(p, []byte(`{"version": 2, "entries": []}`), 0o644))
	_, err = Load(p)
	assert.ErrorContains(t, err, "baseline version 2")
}
