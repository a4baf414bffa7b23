package missingdate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/checks/missingdate"
	"github.com/claimlint/claimlint/checker/checktest"
	"github.com/claimlint/claimlint/checker/civil"
)

// The notice sits at the article's first byte, where no annotation can
// stand before it, so this check's test is written in Go.
func TestMissingDate(t *testing.T) {
	c := checker.New(checktest.Ledger(t, "testdata"))
	for _, tt := range []struct {
		name, src string
		want      int
	}{
		{"no front matter", "Example called Sample on Friday.\n", 1},
		{"front matter without a date", "---\ntitle: a story\n---\nExample called Sample on Friday.\n", 1},
		{"a publication date", "---\npublished: 2025-03-07\n---\nExample called Sample on Friday.\n", 0},
		{"an empty article", "", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := article.Parse("a.md", []byte(tt.src), article.Options{})
			require.NoError(t, err)
			var got []checker.Finding
			for _, f := range c.Check(a) {
				if f.Rule == missingdate.Check.ID {
					got = append(got, f)
				}
			}
			require.Len(t, got, tt.want)
			if tt.want == 1 {
				assert.Equal(t, checker.Info, got[0].Severity)
				assert.Equal(t, 1, got[0].Line)
				assert.Equal(t, 1, got[0].Column)
				assert.Contains(t, got[0].Message, "date-relative checks were skipped")
			}
		})
	}
	t.Run("--published stands in for the front matter", func(t *testing.T) {
		a, err := article.Parse("a.md", []byte("Example called Sample on Friday.\n"), article.Options{Published: mustDate(t, "2025-03-07")})
		require.NoError(t, err)
		for _, f := range c.Check(a) {
			assert.NotEqual(t, missingdate.Check.ID, f.Rule)
		}
	})
}

func mustDate(t *testing.T, s string) civil.Date {
	t.Helper()
	d, err := civil.ParseDate(s)
	require.NoError(t, err)
	return d
}
