package checker

import (
	"strings"
	"testing"

	"github.com/claimlint/claimlint/checker/article"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoneCRLineEnds checks the same articles with LF, CRLF and lone-CR
// line ends: the same findings at the same lines and columns. With lone
// CRs the front matter was not found (no date: the date checks skipped)
// and a directive silenced the wrong line.
func TestLoneCRLineEnds(t *testing.T) {
	c := testChecker(t)
	for _, text := range []string{
		"---\npublished: 2025-02-24\n---\n# Talks\n\nIn Moscow,\nPutin called Xi on Friday afternoon.\n",
		"---\npublished: 2025-02-24\n---\n<!-- claimlint-disable-next-line event-date -- confirmed -->\nPutin called Xi on Friday afternoon.\n\nPutin called Xi on Friday, again.\n",
	} {
		var want string
		for _, eol := range []string{"\n", "\r\n", "\r"} {
			src := strings.ReplaceAll(text, "\n", eol)
			a, err := article.Parse("t.md", []byte(src), article.Options{})
			require.NoError(t, err)
			got := dump(c.Check(a))
			if eol == "\n" {
				require.Contains(t, got, "[event-date]")
				want = got
				continue
			}
			assert.Equal(t, want, got, "line ends %q", eol)
		}
	}
}
