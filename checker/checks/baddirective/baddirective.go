// Package baddirective is the bad-directive check: a suppression comment that cannot be applied.
// doc.yaml beside it is what claimlint explain bad-directive prints.
package baddirective

import (
	_ "embed"

	"github.com/claimlint/claimlint/checker/analysis"
)

//go:embed doc.yaml
var doc []byte

// Check is the bad-directive check.
var Check = &analysis.Check{
	ID:       "bad-directive",
	Severity: analysis.Warning,
	Doc:      analysis.MustDoc("bad-directive", doc),
}
