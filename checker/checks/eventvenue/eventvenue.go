// Package eventvenue is the event-venue check: a place named for an event held elsewhere.
// doc.yaml beside it is what claimlint explain event-venue prints.
package eventvenue

import (
	_ "embed"
	"fmt"
	"strings"

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
	if ec.Venue == nil || len(e.Venues) == 0 {
		return
	}
	l := p.Ledger
	claimed := ec.Venue.ID
	// Any of the venues, or a place that contains one, or a part of one; a
	// venue of the event a session is part of is not judged either.
	for x, n := e, 0; x != nil && n < 32; x, n = l.Event(x.PartOf), n+1 {
		for _, v := range x.Venues {
			if l.Within(v, claimed) || l.Within(claimed, v) {
				return
			}
		}
		if x.PartOf == "" {
			break
		}
	}
	if l.CountryOf(claimed) == "" {
		return // a place the ledger cannot locate: not judged
	}
	var names []string
	for _, v := range e.Venues {
		if l.CountryOf(v) == "" {
			return
		}
		names = append(names, l.Entity(v).Name)
	}
	venues := strings.Join(names, " or ")
	p.Report(analysis.Finding{
		Offset: p.Toks[ec.VenueLo].Start, EndOffset: p.Toks[ec.VenueHi-1].End,
		Message:  fmt.Sprintf("%s %s %s held in %s, not %s", p.Label(ec, e), analysis.When(e), analysis.Verb(e), venues, ec.Venue.Name),
		Expected: venues,
		Evidence: analysis.EventEvidence(e),
	})
}
