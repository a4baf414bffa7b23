// Package ledgerduplicateevent is the ledger-duplicate-event check: two events of one kind and pair on one day.
// doc.yaml beside it is what claimlint explain ledger-duplicate-event prints.
package ledgerduplicateevent

import (
	_ "embed"
	"slices"
	"sort"
	"strings"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

//go:embed doc.yaml
var doc []byte

// Check is the ledger-duplicate-event check.
var Check = &analysis.Check{
	ID:       "ledger-duplicate-event",
	Severity: analysis.Warning,
	Doc:      analysis.MustDoc("ledger-duplicate-event", doc),
	Ledger:   run,
}

// run reports an event of the same kind, participants and day as an
// earlier one.
func run(p *analysis.LedgerPass) {
	type dayKey struct{ kind, pair, day string }
	seen := map[dayKey]*ledger.Event{}
	for _, e := range p.Ledger.Events {
		if e.Kind == ledger.Anchor || e.Start.Prec != civil.Day {
			continue
		}
		pair := slices.Clone(e.Participants)
		sort.Strings(pair)
		k := dayKey{e.Kind, strings.Join(pair, "+"), e.Start.String()}
		if prev, ok := seen[k]; ok {
			p.Report(e.Pos, e.ID, "event %s repeats %s (%s): the same kind, participants and day", e.ID, prev.ID, prev.Pos)
		} else {
			seen[k] = e
		}
	}
}
