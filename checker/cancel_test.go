package checker

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/article"
)

// TestCheckContext: with a live context CheckContext finds what Check
// finds; with one that is done it stops and says so, with no findings.
func TestCheckContext(t *testing.T) {
	c := testChecker(t)
	src := "---\npublished: 2025-02-25\n---\nPutin called Xi on Friday.\n"
	a, err := article.Parse("t.md", []byte(src), article.Options{})
	require.NoError(t, err)
	want := c.Check(a)
	require.NotEmpty(t, want)

	got, err := c.CheckContext(context.Background(), a)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got, err = c.CheckContext(ctx, a)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, got)
}
