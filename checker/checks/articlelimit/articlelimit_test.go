package articlelimit_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/checks/articlelimit"
	"github.com/claimlint/claimlint/checker/checktest"
)

// The claims of these tests, about the one call of testdata/ledger.yaml.
const (
	rightClaim = "Example called Sample on Friday by video."   // no finding
	wrongClaim = "Example called Sample on Thursday by phone." // two findings
	header     = "---\npublished: 2025-07-07\n---\n\n"
)

// paragraphs is an article with each of paras in a paragraph of its own:
// paragraph k (from 0) is on line 5+2k.
func paragraphs(paras ...string) []byte {
	return []byte(header + strings.Join(paras, "\n\n") + "\n")
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// newChecker checks with the ledger of testdata and a cap of max (0: the
// default).
func newChecker(t *testing.T, max int) *checker.Checker {
	c := checker.New(checktest.Ledger(t, "testdata"))
	c.MaxClaims = max
	return c
}

// split returns the article-limit findings of fs, and the others.
func split(fs []checker.Finding) (lim, rest []checker.Finding) {
	for _, f := range fs {
		if f.Rule == articlelimit.Check.ID {
			lim = append(lim, f)
		} else {
			rest = append(rest, f)
		}
	}
	return lim, rest
}

func parse(t *testing.T, path string, src []byte) *article.Article {
	t.Helper()
	a, err := article.Parse(path, src, article.Options{})
	require.NoError(t, err)
	return a
}

// An article with more claims than the cap is read up to the cap: the
// claims past it are not read, and one notice, at the first claim left
// unread, says so and names the flag that raises the cap.
func TestClaimCap(t *testing.T) {
	c := newChecker(t, 5)
	src := paragraphs(repeat(rightClaim, 8)...)
	claims, fs := c.Claims(parse(t, "a.md", src))
	assert.Equal(t, 5, len(claims))
	for _, cl := range claims {
		assert.Equal(t, checker.Consistent, cl.Verdict, "%+v", cl)
	}
	lim, rest := split(fs)
	assert.Empty(t, rest)
	require.Len(t, lim, 1)
	assert.Equal(t, checker.Warning, lim[0].Severity)
	assert.Equal(t, 5+2*5, lim[0].Line) // the sixth claim
	assert.Equal(t, 1, lim[0].Column)
	assert.Equal(t, "more than 5 claims in this article: those from here on were not read (--max-claims raises the cap)", lim[0].Message)

	// Check, which keeps no claim, and the reading for comparing articles,
	// which keeps event claims, stop at the same place.
	assert.Equal(t, fs, c.Check(parse(t, "a.md", src)))
	_, efs := c.EventClaims(parse(t, "a.md", src), func(*checker.Claim) bool { return true })
	assert.Equal(t, fs, efs)

	t.Run("exactly the cap: no notice", func(t *testing.T) {
		claims, fs := c.Claims(parse(t, "a.md", paragraphs(repeat(rightClaim, 5)...)))
		assert.Equal(t, 5, len(claims))
		assert.Empty(t, fs)
	})
	t.Run("a cap above the claims changes nothing", func(t *testing.T) {
		src := paragraphs(append(repeat(rightClaim, 7), wrongClaim)...)
		want := newChecker(t, 0).Check(parse(t, "a.md", src))
		require.Len(t, want, 2)
		assert.Equal(t, want, newChecker(t, 8).Check(parse(t, "a.md", src)))
	})
}

// Findings stop the reading too: once an article has as many findings as
// the cap, no further claim is read, so no claim's verdict rests on
// findings cut short.
func TestFindingCap(t *testing.T) {
	c := newChecker(t, 5)
	claims, fs := c.Claims(parse(t, "a.md", paragraphs(repeat(wrongClaim, 8)...)))
	require.Equal(t, 3, len(claims)) // two findings each: six after the third
	for _, cl := range claims {
		assert.Equal(t, checker.Contradicted, cl.Verdict)
		assert.Len(t, cl.Findings, 2)
	}
	lim, rest := split(fs)
	assert.Len(t, rest, 6)
	require.Len(t, lim, 1)
	assert.Equal(t, 5+2*3, lim[0].Line) // the fourth claim
	assert.Equal(t, "6 findings in this article reach the cap of 5: claims from here on were not read (--max-claims raises the cap)", lim[0].Message)
}

// The default cap bounds what an article holds however many claims it
// makes: claim-dense text keeps DefaultMaxClaims claims, not one a saying.
func TestDefaultClaimCap(t *testing.T) {
	n := checker.DefaultMaxClaims + 500
	claims, fs := newChecker(t, 0).Claims(parse(t, "a.md", paragraphs(repeat(rightClaim, n)...)))
	assert.Equal(t, checker.DefaultMaxClaims, len(claims))
	lim, rest := split(fs)
	assert.Empty(t, rest)
	require.Len(t, lim, 1)
	assert.Equal(t, 5+2*checker.DefaultMaxClaims, lim[0].Line)
	assert.Contains(t, lim[0].Message, fmt.Sprintf("more than %d claims", checker.DefaultMaxClaims))
}

// A wording rule's matches are counted against the cap, apart from the
// claims: a page of a phrase a rule reports gives as many findings as the
// cap, not one a match.
func TestWordingMatchesCount(t *testing.T) {
	c := newChecker(t, 4)
	lim, rest := split(c.Check(parse(t, "a.md", paragraphs(repeat("The mayor of Rurstadt spoke.", 7)...))))
	assert.Len(t, rest, 4)
	for _, f := range rest {
		assert.Equal(t, "wording", f.Rule)
	}
	require.Len(t, lim, 1)
	assert.Equal(t, 5+2*4, lim[0].Line) // the fifth match
	assert.Equal(t, 14, lim[0].Column)
	assert.Equal(t, "more than 4 matches of wording rules in this article: from here on, not all were reported (--max-claims raises the cap)", lim[0].Message)

	t.Run("past the claims' cap a rule reports nothing", func(t *testing.T) {
		c := newChecker(t, 2)
		src := paragraphs("Rurstadt.", rightClaim, rightClaim, rightClaim, "Rurstadt.")
		lim, rest := split(c.Check(parse(t, "a.md", src)))
		require.Len(t, rest, 1)
		assert.Equal(t, 5, rest[0].Line)
		require.Len(t, lim, 1)
		assert.Equal(t, 5+2*3, lim[0].Line)
	})
}

// Weekdays written with their dates are claims: a page of them stops at the
// cap like any other.
func TestWeekdayDatesCount(t *testing.T) {
	c := newChecker(t, 3)
	src := paragraphs(repeat("The fair opened on Monday, July 7, 2025.", 6)...) // a Monday: no finding
	lim, rest := split(c.Check(parse(t, "a.md", src)))
	assert.Empty(t, rest)
	require.Len(t, lim, 1)
	assert.Equal(t, 5+2*3, lim[0].Line)
	assert.Equal(t, 20, lim[0].Column)
}

// Definite descriptions are judged at the end of their paragraph, but
// counted as they are read: one paragraph of them stops at the cap too.
func TestDescriptionsCount(t *testing.T) {
	c := newChecker(t, 3)
	src := []byte(header + strings.Repeat("Example called Sample on Friday by video. The premier agreed. ", 4) + "\n")
	claims, fs := c.Claims(parse(t, "a.md", src))
	assert.Len(t, claims, 3) // the call, "The premier", the call
	lim, _ := split(fs)
	require.Len(t, lim, 1)
	assert.Equal(t, 5, lim[0].Line)
	assert.Equal(t, 109, lim[0].Column) // the second "premier"
}

// Markdown nested deeper than article.MaxNesting is read as plain text, so
// that parsing it stays linear in its size: a notice says so at the first
// line past the cap, and the claims after it are read, at their exact
// positions.
func TestDeepNesting(t *testing.T) {
	var b strings.Builder
	b.WriteString(header)
	depth := 3 * article.MaxNesting
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	b.WriteString("\n" + wrongClaim + "\n")
	lim, rest := split(newChecker(t, 0).Check(parse(t, "a.md", []byte(b.String()))))
	require.Len(t, lim, 1)
	assert.Equal(t, 5+article.MaxNesting, lim[0].Line)
	assert.Equal(t, 1, lim[0].Column)
	assert.Equal(t, "Markdown nested more than 100 levels deep: the article was read as plain text, with the markers of lists and quotes blanked", lim[0].Message)
	require.Len(t, rest, 2)
	for _, f := range rest {
		assert.Equal(t, 5+depth+1, f.Line)
	}
	assert.Equal(t, "event-date", rest[0].Rule)
	assert.Equal(t, 26, rest[0].Column) // "Thursday"
	assert.Equal(t, "event-medium", rest[1].Rule)
	assert.Equal(t, 38, rest[1].Column) // "phone"
}

// An article whose Markdown holds more than article.MaxBrackets "[" is read
// as plain text: goldmark's time grows with the square of the link openers
// left unclosed ("[a](" 64,000 times took 46 s). A notice says so at the
// first "[" past the cap, and the claim after them is read where it is.
func TestManyBrackets(t *testing.T) {
	openers := strings.Repeat("[a](", article.MaxBrackets+1)
	src := paragraphs(openers, wrongClaim)
	a := parse(t, "a.md", src)
	assert.True(t, a.TooManyBrackets)
	assert.False(t, a.Markdown)
	lim, rest := split(newChecker(t, 0).Check(a))
	require.Len(t, lim, 1)
	assert.Equal(t, []int{5, 4*article.MaxBrackets + 1}, []int{lim[0].Line, lim[0].Column})
	assert.Equal(t, `more than 4000 "[" in the Markdown: the article was read as plain text`, lim[0].Message)
	require.Len(t, rest, 2)
	assert.Equal(t, []int{7, 26}, []int{rest[0].Line, rest[0].Column}) // "Thursday"

	// Up to the cap, Markdown as ever: the links are markup.
	a = parse(t, "a.md", paragraphs(strings.Repeat("[a](https://example.org) ", article.MaxBrackets/2)))
	assert.False(t, a.TooManyBrackets)
	assert.True(t, a.Markdown)
}
