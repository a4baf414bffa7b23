// Package eventmedium is the event-medium check: phone, video or in person, contradicted.
// doc.yaml beside it is what claimlint explain event-medium prints.
package eventmedium

import (
	_ "embed"
	"fmt"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
)

//go:embed doc.yaml
var doc []byte

// Check is the event-medium check.
var Check = &analysis.Check{
	ID:        "event-medium",
	Severity:  analysis.Error,
	Doc:       analysis.MustDoc("event-medium", doc),
	Attribute: run,
}

func run(p *analysis.Pass, ec *analysis.EventClaim, e *ledger.Event) {
	if ec.Medium == "" || e.Medium == "" || ec.Medium == e.Medium {
		return
	}
	f := analysis.Finding{
		Offset: p.Toks[ec.MediumLo].Start, EndOffset: p.Toks[ec.MediumHi-1].End,
		Message: fmt.Sprintf("%s %s %s by %s, not by %s", p.Label(ec, e), analysis.When(e), analysis.Verb(e),
			p.Lang.MediumNames[e.Medium], p.Lang.MediumNames[ec.Medium]),
		Expected: p.Lang.MediumNames[e.Medium],
		Evidence: analysis.EventEvidence(e),
	}
	if e.Medium != ledger.InPerson && ec.MediumHi-ec.MediumLo == 1 && p.Lang.Medium.Replaceable[p.Toks[ec.MediumLo].Norm] {
		f.Fix = &analysis.Fix{Offset: p.Toks[ec.MediumLo].Start, EndOffset: p.Toks[ec.MediumLo].End, Replacement: p.Lang.MediumNames[e.Medium]}
	}
	p.Report(f)
}
