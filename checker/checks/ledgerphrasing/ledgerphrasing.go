// Package ledgerphrasing is the ledger-phrasing check: a phrasing shared by two offices of one country.
// doc.yaml beside it is what claimlint explain ledger-phrasing prints.
package ledgerphrasing

import (
	_ "embed"
	"strings"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
)

//go:embed doc.yaml
var doc []byte

// Check is the ledger-phrasing check.
var Check = &analysis.Check{
	ID:       "ledger-phrasing",
	Severity: analysis.Warning,
	Doc:      analysis.MustDoc("ledger-phrasing", doc),
	Ledger:   run,
}

// run reports a phrasing shared by two offices of one country.
func run(p *analysis.LedgerPass) {
	type phr struct{ country, phrasing string }
	offices := map[phr]*ledger.Office{}
	for _, o := range p.Ledger.Offices {
		for _, ph := range o.Phrasings {
			k := phr{o.Country, strings.Join(strings.Fields(lex.Normalize(ph)), " ")}
			if prev, ok := offices[k]; ok && prev != o {
				p.Report(o.Pos, o.ID, "phrasing %q of %s is also a phrasing of %s (%s) in the same country: a title written so names neither", ph, o.ID, prev.ID, prev.Pos)
				continue
			}
			offices[k] = o
		}
	}
}
