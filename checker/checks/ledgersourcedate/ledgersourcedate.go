// Package ledgersourcedate is the ledger-source-date check: an event dated after every source that backs it.
// doc.yaml beside it is what claimlint explain ledger-source-date prints.
package ledgersourcedate

import (
	_ "embed"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
)

//go:embed doc.yaml
var doc []byte

// Check is the ledger-source-date check.
var Check = &analysis.Check{
	ID:       "ledger-source-date",
	Severity: analysis.Warning,
	Doc:      analysis.MustDoc("ledger-source-date", doc),
	Ledger:   run,
}

// run reports an event dated after every source that backs it.
func run(p *analysis.LedgerPass) {
	for _, e := range p.Ledger.Events {
		if e.Kind == ledger.Anchor {
			continue
		}
		var dated []ledger.Source
		for _, s := range e.Sources {
			if !s.Date.IsZero() {
				dated = append(dated, s)
			}
		}
		if len(dated) == 0 || len(dated) != len(e.Sources) {
			continue
		}
		latest := dated[0].Date
		for _, s := range dated[1:] {
			if s.Date.Last().After(latest.Last()) {
				latest = s.Date
			}
		}
		if e.Start.First().After(latest.Last()) {
			p.Report(e.Pos, e.ID, "event %s is dated %s, after every source that backs it (the latest is %s)",
				e.ID, e.Start, latest)
		}
	}
}
