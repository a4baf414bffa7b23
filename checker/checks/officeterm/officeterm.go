// Package officeterm is the office-term check: took office or stepped down at the wrong time.
// doc.yaml beside it is what claimlint explain office-term prints.
package officeterm

import (
	_ "embed"
	"fmt"
	"strconv"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/timex"
)

//go:embed doc.yaml
var doc []byte

// Check is the office-term check.
var Check = &analysis.Check{
	ID:       "office-term",
	Severity: analysis.Error,
	Doc:      analysis.MustDoc("office-term", doc),
	Term:     run,
}

// run judges a term claim; it returns why it could not, or "".
func run(p *analysis.Pass, tc *analysis.TermClaim) string {
	person, office, start, cue, e, r := tc.Person, tc.Office, tc.Start, tc.Cue, tc.Expr, tc.Resolved
	var best *ledger.Term
	bestGap := 1 << 30
	for i := range office.Terms {
		t := &office.Terms[i]
		if t.Holder != person.ID {
			continue
		}
		d := t.From
		if !start {
			d = t.To
		}
		if d.IsZero() {
			continue
		}
		// Compare at the coarser of the two precisions.
		sp := civil.SpanOf(d)
		claimed := r.Span
		if d.Prec < r.Prec {
			claimed = civil.SpanOf(coarsen(civil.DayOf(r.Span.First), d.Prec))
		}
		if sp.Overlaps(claimed) {
			return ""
		}
		if g := sp.DaysFrom(claimed); g < bestGap {
			best, bestGap = t, g
		}
	}
	if best == nil || bestGap > 3*366 {
		return "no term of this person in this office begins or ends near that date"
	}
	what, d := "began", best.From
	if !start {
		what, d = "ended", best.To
	}
	f := analysis.Finding{
		Offset: p.Toks[min(cue, e.Lo)].Start, EndOffset: p.Toks[max(cue+1, e.Hi)-1].End,
		Message: fmt.Sprintf("%s's term as %s %s on %s, not %s (%s)", person.Name, office.Title, what, d,
			p.Text(e.Lo, e.Hi), analysis.SpanText(r.Span, r.Prec)),
		Expected: d.String(),
		Evidence: analysis.EvidenceOf(office.ID, best.Pos, best.Sources),
	}
	if e.Form == timex.YearOnly {
		f.Fix = &analysis.Fix{Offset: p.Toks[e.Lo].Start, EndOffset: p.Toks[e.Lo].End, Replacement: strconv.Itoa(d.Y)}
	}
	p.Report(f)
	return ""
}

func coarsen(d civil.Date, prec civil.Precision) civil.Date {
	d.Prec = prec
	if prec < civil.Day {
		d.D = 0
	}
	if prec < civil.Month {
		d.M = 0
	}
	return d
}
