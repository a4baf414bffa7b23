// Package ledgerparticipant is the ledger-participant check: an event whose participant held no office that day.
// doc.yaml beside it is what claimlint explain ledger-participant prints.
package ledgerparticipant

import (
	_ "embed"
	"slices"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

//go:embed doc.yaml
var doc []byte

// Check is the ledger-participant check.
var Check = &analysis.Check{
	ID:       "ledger-participant",
	Severity: analysis.Warning,
	Doc:      analysis.MustDoc("ledger-participant", doc),
	Ledger:   run,
}

// run reports an event one of whose participants held none of their
// ledger offices on its day: a wrong date, or a wrong participant.
func run(p *analysis.LedgerPass) {
	l := p.Ledger
	// Offices each person holds, to ask "did they hold any on that day?".
	held := map[string][]*ledger.Office{}
	for _, o := range l.Offices {
		for _, t := range o.Terms {
			if !slices.Contains(held[t.Holder], o) {
				held[t.Holder] = append(held[t.Holder], o)
			}
		}
	}
	for _, e := range l.Events {
		if e.Kind == ledger.Anchor || e.Start.Prec != civil.Day {
			continue
		}
		for _, who := range e.Participants {
			offices := held[who]
			if len(offices) == 0 {
				continue // the ledger says nothing of this person's offices
			}
			any := false
			for _, o := range offices {
				if h, _ := o.Holds(who, e.Start.First()); h != ledger.DoesNotHold {
					any = true
				}
			}
			if !any {
				p.Report(e.Pos, e.ID, "event %s on %s: %s held none of their offices in the ledger that day",
					e.ID, e.Start, l.Entity(who).Name)
			}
		}
	}
}
