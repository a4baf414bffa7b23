// Package eventvenue is the event-venue check: a place named for an event held elsewhere.
// doc.yaml beside it is what claimlint explain event-venue prints.
package eventvenue

import (
	_ "embed"
	"fmt"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
)

//go:embed doc.yaml
var doc []byte

// Check is the event-venue check.
var Check = &analysis.Check{
	ID:        "event-venue",
	Severity:  analysis.Error,
	Doc:       analysis.MustDoc("event-venue", doc),
	Attribute: run,
}

func run(p *analysis.Pass, ec *analysis.EventClaim, e *ledger.Event) {
	if ec.Venue == nil || e.Venue == "" {
		return
	}
	l := p.Ledger
	claimed := ec.Venue.ID
	if l.Within(e.Venue, claimed) || l.Within(claimed, e.Venue) {
		return // the venue, or a place that contains it, or a part of it
	}
	if l.CountryOf(claimed) == "" || l.CountryOf(e.Venue) == "" {
		return // a place the ledger cannot locate: not judged
	}
	venue := l.Entity(e.Venue)
	p.Report(analysis.Finding{
		Offset: p.Toks[ec.VenueLo].Start, EndOffset: p.Toks[ec.VenueHi-1].End,
		Message:  fmt.Sprintf("%s %s %s held in %s, not %s", p.Label(ec, e), analysis.When(e), analysis.Verb(e), venue.Name, ec.Venue.Name),
		Expected: venue.Name,
		Evidence: analysis.EventEvidence(e),
	})
}
