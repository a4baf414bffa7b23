// Package eventduration is the event-duration check: a stated length far from the ledger's.
// doc.yaml beside it is what claimlint explain event-duration prints.
package eventduration

import (
	_ "embed"
	"fmt"

	"github.com/claimlint/claimlint/checker/analysis"
)

//go:embed doc.yaml
var doc []byte

// Check is the event-duration check.
var Check = &analysis.Check{
	ID:       "event-duration",
	Severity: analysis.Warning,
	Doc:      analysis.MustDoc("event-duration", doc),
	Event:    run,
}

func run(p *analysis.Pass, ec *analysis.EventClaim, m *analysis.Match) {
	e := m.Attributes()
	if e == nil {
		return
	}
	if ec.Duration == 0 || e.Duration == 0 {
		return
	}
	// Rounding is fine: only a length half as long again as the longest,
	// or the shortest half as long again as it, is wrong.
	lo, hi := e.Duration, max(e.DurationMax, e.Duration)
	c := float64(ec.Duration)
	if c < float64(hi)*1.5 && float64(lo) < c*1.5 {
		return
	}
	said := analysis.ShortDuration(lo)
	if hi != lo {
		said = "between " + said + " and " + analysis.ShortDuration(hi)
	}
	p.Report(analysis.Finding{
		Offset: p.Toks[ec.DurLo].Start, EndOffset: p.Toks[ec.DurHi-1].End,
		Message: fmt.Sprintf("%s %s lasted %s, not %s", p.Label(ec, e), analysis.When(e),
			said, analysis.ShortDuration(ec.Duration)),
		Expected: said,
		Evidence: analysis.EvidenceOf(e.ID, e.Pos, e.Sources),
	})
}
