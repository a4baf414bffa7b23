// Package crosssource is the cross-source check: articles in the checked set disagree on an event the ledger does not settle.
// doc.yaml beside it is what claimlint explain cross-source prints.
package crosssource

import (
	_ "embed"

	"github.com/claimlint/claimlint/checker/analysis"
)

//go:embed doc.yaml
var doc []byte

// Check is the cross-source check.
var Check = &analysis.Check{
	ID:       "cross-source",
	Severity: analysis.Warning,
	Doc:      analysis.MustDoc("cross-source", doc),
}
