package checker

import (
	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
)

// LintLedger checks the ledger itself for what loads but is probably wrong:
// an event whose participant held no office of the ledger on its date, an
// event dated after every source that backs it, two events of one kind and
// pair on one day, an alias shared by two entities (a mention of it names
// neither), a phrasing shared by two offices of one country, and a name,
// demonym or phrasing that no article can match. Each is a finding on the
// rule file, at the entry's position.
func LintLedger(l *ledger.Ledger) []Finding {
	p := &analysis.LedgerPass{Ledger: l}
	for _, c := range defaultHooks.ledger {
		p.Use(c)
		c.Ledger(p)
	}
	SortFindings(p.Findings)
	return p.Findings
}
