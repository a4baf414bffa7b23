package checks

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/analysis"
)

// TestEveryCheckHasItsFolder holds each check to the layout: a unique id, a
// known severity, a full doc, and a folder named for its id (without the
// dashes) that holds its code, its doc.yaml and a test.
func TestEveryCheckHasItsFolder(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range All {
		assert.False(t, seen[c.ID], "duplicate check %s", c.ID)
		seen[c.ID] = true
		assert.Regexp(t, `^[a-z]+(-[a-z]+)*$`, c.ID)
		assert.NotZero(t, analysis.SeverityRank(c.Severity), "%s has no known severity", c.ID)
		for name, v := range map[string]string{"title": c.Doc.Title, "doc": c.Doc.Doc, "bad": c.Doc.Bad, "good": c.Doc.Good, "fields": c.Doc.Fields} {
			assert.NotEmpty(t, v, "%s's doc.yaml has no %s", c.ID, name)
		}
		dir := strings.ReplaceAll(c.ID, "-", "")
		for _, f := range []string{dir + ".go", "doc.yaml", dir + "_test.go"} {
			_, err := os.Stat(filepath.Join(dir, f))
			assert.NoError(t, err, "check %s: its folder checker/checks/%s needs %s", c.ID, dir, f)
		}
		assert.Equal(t, c, ByID(c.ID))
	}
	assert.Nil(t, ByID("no-such-check"))
	dirs, err := os.ReadDir(".")
	require.NoError(t, err)
	for _, d := range dirs {
		if d.IsDir() {
			assert.True(t, slicesContainsFunc(All, func(c *analysis.Check) bool { return strings.ReplaceAll(c.ID, "-", "") == d.Name() }),
				"checker/checks/%s is not in checks.All: add one line to checks.go", d.Name())
		}
	}
}

func slicesContainsFunc(cs []*analysis.Check, f func(*analysis.Check) bool) bool {
	for _, c := range cs {
		if f(c) {
			return true
		}
	}
	return false
}

// TestREADMERuleTable holds the README's table of rules to the list: every
// check, in order, with its default severity. On a difference it prints the
// first column pair of the rows as they should be.
func TestREADMERuleTable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	row := regexp.MustCompile("(?m)^\\| <a name=\"rule-([a-z-]+)\"></a>`[a-z-]+` \\| ([a-z]+)[^|]*\\|")
	var got, want []string
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		got = append(got, m[1]+" "+m[2])
	}
	for _, c := range All {
		want = append(want, c.ID+" "+c.Severity)
	}
	if !assert.Equal(t, want, got, "README.md's rule table differs from checks.All") {
		var b strings.Builder
		for _, c := range All {
			fmt.Fprintf(&b, "| <a name=\"rule-%s\"></a>`%s` | %s | …\n", c.ID, c.ID, c.Severity)
		}
		t.Logf("the table's rows should begin, in this order (the example column is prose, kept by hand):\n%s", b.String())
	}
}
