// Package eventinitiator is the event-initiator check: who placed the call, contradicted.
// doc.yaml beside it is what claimlint explain event-initiator prints.
package eventinitiator

import (
	_ "embed"
	"fmt"
	"slices"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
)

//go:embed doc.yaml
var doc []byte

// Check is the event-initiator check.
var Check = &analysis.Check{
	ID:        "event-initiator",
	Severity:  analysis.Error,
	Doc:       analysis.MustDoc("event-initiator", doc),
	Attribute: run,
}

func run(p *analysis.Pass, ec *analysis.EventClaim, e *ledger.Event) {
	if ec.Initiator == nil || e.Initiator == "" || ec.Initiator.ID == e.Initiator ||
		!slices.Contains(e.Participants, ec.Initiator.ID) {
		return
	}
	p.Report(analysis.Finding{
		Offset: p.Toks[ec.InitLo].Start, EndOffset: p.Toks[ec.InitHi-1].End,
		Message: fmt.Sprintf("%s %s was initiated by %s, not %s", p.Label(ec, e), analysis.When(e),
			p.Ledger.ShortName(e.Initiator), ec.Initiator.Short),
		Expected: p.Ledger.Entity(e.Initiator).Name,
		Evidence: analysis.EventEvidence(e),
	})
}
