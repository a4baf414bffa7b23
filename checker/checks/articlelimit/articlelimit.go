// Package articlelimit is the article-limit check: an article past one of
// the caps on what one article may hold, checked only in part. The engine
// reports it (checker/limit.go); the check has no hook of its own.
// doc.yaml beside it is what claimlint explain article-limit prints.
package articlelimit

import (
	_ "embed"

	"github.com/claimlint/claimlint/checker/analysis"
)

//go:embed doc.yaml
var doc []byte

// Check is the article-limit check.
var Check = &analysis.Check{
	ID:       "article-limit",
	Severity: analysis.Warning,
	Doc:      analysis.MustDoc("article-limit", doc),
}
