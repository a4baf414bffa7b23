// Package unusedbaseline is the unused-baseline check: a baseline entry that matches no finding any more.
// doc.yaml beside it is what claimlint explain unused-baseline prints.
package unusedbaseline

import (
	_ "embed"

	"github.com/claimlint/claimlint/checker/analysis"
)

//go:embed doc.yaml
var doc []byte

// Check is the unused-baseline check.
var Check = &analysis.Check{
	ID:       "unused-baseline",
	Severity: analysis.Info,
	Doc:      analysis.MustDoc("unused-baseline", doc),
}
