// Package missingdate is the missing-date check: no publication date: date-relative checks were skipped.
// doc.yaml beside it is what claimlint explain missing-date prints.
package missingdate

import (
	_ "embed"

	"github.com/claimlint/claimlint/checker/analysis"
)

//go:embed doc.yaml
var doc []byte

// Check is the missing-date check.
var Check = &analysis.Check{
	ID:       "missing-date",
	Severity: analysis.Info,
	Doc:      analysis.MustDoc("missing-date", doc),
	Article:  run,
}

func run(p *analysis.Pass) {
	if !p.HasPub {
		p.Report(analysis.Finding{
			Offset: 0, EndOffset: 0,
			Message: "no publication date (front matter published: or --published): date-relative checks were skipped",
		})
	}
}
