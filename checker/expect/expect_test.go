package expect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
)

const src = `Intro.
<!-- want event-date "Monday" want event-venue "Istanbul" -->

Putin called Xi on Friday.
<!-- want title-at-date "holds" -->
former U.S. President Donald Trump
`

func TestParse(t *testing.T) {
	ws, err := Parse("a.md", []byte(src))
	require.NoError(t, err)
	require.Len(t, ws, 3)
	assert.Equal(t, []int{4, 4, 6}, []int{ws[0].Line, ws[1].Line, ws[2].Line})
	assert.Equal(t, []string{"event-date", "event-venue", "title-at-date"}, []string{ws[0].Rule, ws[1].Rule, ws[2].Rule})
	assert.Equal(t, 2, ws[0].At)
	assert.Equal(t, 6, ws[0].Col)
	assert.Equal(t, 31, ws[1].Col)
}

func TestParseErrors(t *testing.T) {
	_, err := Parse("a.md", []byte("x\n<!-- want event-date Monday -->\ny\n"))
	assert.EqualError(t, err, `a.md:2:6: malformed annotation "want event-date Monday": want RULE "regexp"`)
	_, err = Parse("a.md", []byte("x\n<!-- want event-date \"(\" -->\ny\n"))
	assert.ErrorContains(t, err, "a.md:2:6: bad regexp")
	_, err = Parse("a.md", []byte("x\n<!-- want event-date \"x\" -->\n"))
	assert.EqualError(t, err, "a.md:2:6: annotation has no line after it")
}

func TestCompare(t *testing.T) {
	ws, err := Parse("a.md", []byte(src))
	require.NoError(t, err)
	fs := []checker.Finding{
		{Line: 4, Column: 20, Rule: "event-date", Message: "was on Monday"},
		{Line: 4, Column: 1, Rule: "event-medium", Message: "by video"},
		{Line: 6, Column: 1, Rule: "title-at-date", Message: "holds the office"},
	}
	got := Compare("a.md", ws, fs)
	var msgs []string
	for _, f := range got {
		msgs = append(msgs, f.String())
	}
	assert.Equal(t, []string{
		`a.md:2:31: no event-venue finding on line 4 matching "Istanbul"`,
		`a.md:4:1: unexpected finding: by video [event-medium]`,
	}, msgs)
	assert.Empty(t, Compare("a.md", ws[2:], fs[2:]))
}
