// Package eventduration is the event-duration check: a stated length far from the ledger's.
// doc.yaml beside it is what claimlint explain event-duration prints.
package eventduration

import (
	_ "embed"
	"fmt"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
)

//go:embed doc.yaml
var doc []byte

// Check is the event-duration check.
var Check = &analysis.Check{
	ID:        "event-duration",
	Severity:  analysis.Warning,
	Doc:       analysis.MustDoc("event-duration", doc),
	Attribute: run,
}

func run(p *analysis.Pass, ec *analysis.EventClaim, e *ledger.Event) {
	if ec.Duration == 0 || e.Duration == 0 {
		return
	}
	// Rounding is fine: only a length half as long again as the longest,
	// or the shortest half as long again as it, is wrong.
	lo, hi := e.Duration, max(e.DurationMax, e.Duration)
	c, l, h := float64(ec.Duration), float64(lo), float64(hi)
	claimed := analysis.ShortDuration(ec.Duration)
	switch ec.DurBound {
	case 1: // "more than an hour": wrong only when the event was far shorter
		if h*1.5 > c {
			return
		}
		claimed = "more than " + claimed
	case -1: // "less than an hour": wrong only when it was far longer
		if l < c*1.5 {
			return
		}
		claimed = "less than " + claimed
	default:
		if c < h*1.5 && l < c*1.5 {
			return
		}
	}
	said := analysis.ShortDuration(lo)
	if hi != lo {
		said = "between " + said + " and " + analysis.ShortDuration(hi)
	}
	p.Report(analysis.Finding{
		Offset: p.Toks[ec.DurLo].Start, EndOffset: p.Toks[ec.DurHi-1].End,
		Message: fmt.Sprintf("%s %s lasted %s, not %s", p.Label(ec, e), analysis.When(e),
			said, claimed),
		Expected: said,
		Evidence: analysis.EventEvidence(e),
	})
}
