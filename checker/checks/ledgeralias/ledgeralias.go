// Package ledgeralias is the ledger-alias check: an alias shared by two entities.
// doc.yaml beside it is what claimlint explain ledger-alias prints.
package ledgeralias

import (
	_ "embed"
	"strings"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
)

//go:embed doc.yaml
var doc []byte

// Check is the ledger-alias check.
var Check = &analysis.Check{
	ID:       "ledger-alias",
	Severity: analysis.Warning,
	Doc:      analysis.MustDoc("ledger-alias", doc),
	Ledger:   run,
}

// run reports an alias shared by two entities.
func run(p *analysis.LedgerPass) {
	owner := map[string]*ledger.Entity{}
	for _, e := range p.Ledger.Entities {
		for _, a := range e.Aliases {
			key := strings.Join(strings.Fields(lex.Normalize(a)), " ")
			if prev, ok := owner[key]; ok && prev != e {
				p.Report(e.Pos, e.ID, "alias %q of %s is also a name of %s (%s): a mention of it names neither", a, e.ID, prev.ID, prev.Pos)
				continue
			}
			owner[key] = e
		}
	}
}
