// Package eventmedium is the event-medium check: phone, video or in person, contradicted.
// doc.yaml beside it is what claimlint explain event-medium prints.
package eventmedium

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

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
	if ec.Medium == "" || len(e.Media) == 0 || slices.Contains(e.Media, ec.Medium) {
		return
	}
	said := p.Lang.MediumWays[e.Medium] // "by phone", "in person"
	expected := p.Lang.MediumNames[e.Medium]
	if len(e.Media) > 1 {
		// Several accepted media: "in person or by video".
		var ways []string
		for _, x := range e.Media {
			ways = append(ways, p.Lang.MediumWays[x])
		}
		said = strings.Join(ways, " or ")
		expected = said
	}
	f := analysis.Finding{
		Offset: p.Toks[ec.MediumLo].Start, EndOffset: p.Toks[ec.MediumHi-1].End,
		Message: fmt.Sprintf("%s %s %s %s, not %s", p.Label(ec, e), analysis.When(e), analysis.Verb(e),
			said, p.Lang.MediumWays[ec.Medium]),
		Expected: expected,
		Evidence: analysis.EventEvidence(e),
	}
	// A fix only when the ledger gives one medium, and not in person.
	if len(e.Media) == 1 && e.Medium != ledger.InPerson && ec.MediumHi-ec.MediumLo == 1 && p.Toks[ec.MediumLo].In(p.Lang.Medium.Replaceable) {
		f.Fix = &analysis.Fix{Offset: p.Toks[ec.MediumLo].Start, EndOffset: p.Toks[ec.MediumLo].End, Replacement: p.Lang.MediumNames[e.Medium]}
	}
	p.Report(f)
}
