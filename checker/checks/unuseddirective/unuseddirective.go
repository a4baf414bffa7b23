// Package unuseddirective is the unused-directive check: a suppression comment that silences nothing.
// doc.yaml beside it is what claimlint explain unused-directive prints.
package unuseddirective

import (
	_ "embed"

	"github.com/claimlint/claimlint/checker/analysis"
)

//go:embed doc.yaml
var doc []byte

// Check is the unused-directive check.
var Check = &analysis.Check{
	ID:       "unused-directive",
	Severity: analysis.Warning,
	Doc:      analysis.MustDoc("unused-directive", doc),
}
