package report

import (
	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/ledger"
)

// View is what the corpus formats show besides the findings: the articles'
// text, every claim read, and the events the articles tell of.
type View struct {
	Ledger   *ledger.Ledger
	Claims   []checker.Claim
	Events   []*corpus.Event
	Articles []Article // in the run's order
	Author   Author    // for ClaimReview
	Reviewed string    // YYYY-MM-DD: when the reviews were made, for ClaimReview
}

// Article is one checked article as the corpus formats show it.
type Article struct {
	Path      string
	Title     string
	Outlet    string
	URL       string
	Published civil.Date
	Src       []byte // as read: finding offsets index it
}

// Author is who publishes a ClaimReview.
type Author struct {
	Name string
	URL  string
}

// verdicts counts claims by verdict. A contradicted claim none of whose
// findings the run reports (a directive, a severity of off, a baseline or
// changed lines left them out) is counted as silenced.
func (v *View) verdicts(reported findingIndex) (consistent, contradicted, silenced, notCovered int) {
	for _, c := range v.Claims {
		switch c.Verdict {
		case checker.Consistent:
			consistent++
		case checker.Contradicted:
			shown := false
			for _, f := range reported[c.Path] {
				if f.Offset >= c.Offset && f.Offset < c.EndOffset {
					shown = true
				}
			}
			if shown {
				contradicted++
			} else {
				silenced++
			}
		default:
			notCovered++
		}
	}
	return
}
