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
	a, b := float64(ec.Duration), float64(e.Duration)
	claimed := analysis.ShortDuration(ec.Duration)
	switch ec.DurBound {
	case 1: // "more than an hour": wrong only when the event was far shorter
		if b*1.5 > a {
			return
		}
		claimed = "more than " + claimed
	case -1: // "less than an hour": wrong only when it was far longer
		if b < a*1.5 {
			return
		}
		claimed = "less than " + claimed
	default:
		if max(a, b)/min(a, b) < 1.5 {
			return
		}
	}
	p.Report(analysis.Finding{
		Offset: p.Toks[ec.DurLo].Start, EndOffset: p.Toks[ec.DurHi-1].End,
		Message: fmt.Sprintf("%s %s lasted %s, not %s", p.Label(ec, e), analysis.When(e),
			analysis.ShortDuration(e.Duration), claimed),
		Expected: analysis.ShortDuration(e.Duration),
		Evidence: analysis.EventEvidence(e),
	})
}
