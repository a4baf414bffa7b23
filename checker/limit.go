package checker

import (
	"fmt"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/checks/articlelimit"
)

// DefaultMaxClaims is the cap on what one article is read for when
// Checker.MaxClaims is 0: its claims, and as many findings. The real news
// of testdata/realnews holds at most 46 claims an article, and no news
// article comes near; past the cap, claim-dense text made by a program
// would hold memory and time in proportion to its claims.
const DefaultMaxClaims = 10000

// MaxMaxClaims is the largest cap Checker.MaxClaims may set.
const MaxMaxClaims = 1 << 30

// Limit is the cap on what one article is read for that the checker
// applies: MaxClaims, or DefaultMaxClaims when that is 0. What an article
// past it reports depends on it, as on the rules.
func (c *Checker) Limit() int {
	if c.MaxClaims > 0 {
		return c.MaxClaims
	}
	return DefaultMaxClaims
}

// The state of the cap, in a pass: the engine counts each claim it reads
// (a title, an event, an office term, an anniversary, a weekday written
// with its date) through take, and stops reading once the article has
// MaxClaims claims or as many findings.
type limit struct {
	read int // claims read
	// full is set when a claim was refused; cut is where, and over what
	// was over the cap ("claims" or "findings").
	full     bool
	cut      int
	over     string
	findings int // the findings when the reading stopped
	// refused is set when the claim opened last was refused: the hooks
	// are then not run on it.
	refused bool
	// pending is set while the definite descriptions of a paragraph are
	// judged: they were counted when they were read.
	pending bool
}

// take counts a claim at offset off and reports whether it may be read:
// not once the article holds MaxClaims claims or as many findings.
func (p *pass) take(off int) bool {
	if p.lim.full {
		return false
	}
	max := p.MaxClaims
	switch {
	case max > 0 && p.lim.read >= max:
		p.lim.over = "claims"
	case max > 0 && len(p.Findings) >= max:
		p.lim.over = "findings"
	default:
		p.lim.read++
		return true
	}
	p.lim.full, p.lim.cut, p.lim.findings = true, off, len(p.Findings)
	return false
}

// limitNotices reports an article read as plain text for its nesting,
// where the reading stopped, if it stopped, and where a check's matches
// were refused.
func (p *pass) limitNotices() {
	if a := p.Article; a.TooDeep {
		p.ReportAs(articlelimit.Check, analysis.Finding{Offset: a.DeepAt, EndOffset: a.DeepAt,
			Message: fmt.Sprintf("Markdown nested more than %d levels deep: the article was read as plain text, with the markers of lists and quotes blanked", article.MaxNesting)})
	}
	if a := p.Article; a.TooManyBrackets {
		p.ReportAs(articlelimit.Check, analysis.Finding{Offset: a.BracketsAt, EndOffset: a.BracketsAt,
			Message: fmt.Sprintf("more than %d \"[\" in the Markdown: the article was read as plain text", article.MaxBrackets)})
	}
	max := p.MaxClaims
	if p.lim.full {
		msg := fmt.Sprintf("more than %d %s in this article: those from here on were not read (--max-claims raises the cap)", max, plural(max, "claim", "claims"))
		if p.lim.over == "findings" {
			msg = fmt.Sprintf("%d %s in this article reach the cap of %d: claims from here on were not read (--max-claims raises the cap)",
				p.lim.findings, plural(p.lim.findings, "finding", "findings"), max)
		}
		p.ReportAs(articlelimit.Check, analysis.Finding{Offset: p.lim.cut, EndOffset: p.lim.cut, Message: msg})
	}
	if p.Refused {
		p.ReportAs(articlelimit.Check, analysis.Finding{Offset: p.RefusedAt, EndOffset: p.RefusedAt,
			Message: fmt.Sprintf("more than %d %s of wording rules in this article: from here on, not all were reported (--max-claims raises the cap)", max, plural(max, "match", "matches"))})
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
