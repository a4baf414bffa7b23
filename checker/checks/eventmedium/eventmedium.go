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
	ID:       "event-medium",
	Severity: analysis.Error,
	Doc:      analysis.MustDoc("event-medium", doc),
	Event:    run,
}

func run(p *analysis.Pass, ec *analysis.EventClaim, m *analysis.Match) {
	e := m.Attributes()
	if e == nil {
		return
	}
	if ec.Medium == "" || len(e.Media) == 0 || slices.Contains(e.Media, ec.Medium) {
		return
	}
	said := "by " + mediumWords[e.Medium]
	expected := mediumWords[e.Medium]
	if len(e.Media) > 1 {
		// Several accepted media: "in person or by video".
		var ways []string
		for _, x := range e.Media {
			ways = append(ways, mediumWays[x])
		}
		said = strings.Join(ways, " or ")
		expected = said
	}
	f := analysis.Finding{
		Offset: p.Toks[ec.MediumLo].Start, EndOffset: p.Toks[ec.MediumHi-1].End,
		Message: fmt.Sprintf("%s %s %s %s, not by %s", p.Label(ec, e), analysis.When(e), analysis.Verb(e),
			said, mediumWords[ec.Medium]),
		Expected: expected,
		Evidence: analysis.EvidenceOf(e.ID, e.Pos, e.Sources),
	}
	// A fix only when the ledger gives one medium, and not in person.
	if len(e.Media) == 1 && e.Medium != ledger.InPerson && ec.MediumHi-ec.MediumLo == 1 && p.Toks[ec.MediumLo].Is("phone", "telephone", "video") {
		f.Fix = &analysis.Fix{Offset: p.Toks[ec.MediumLo].Start, EndOffset: p.Toks[ec.MediumLo].End, Replacement: mediumWords[e.Medium]}
	}
	p.Report(f)
}

// mediumWords write a medium in a message.
var mediumWords = map[string]string{ledger.Phone: "phone", ledger.Video: "video", ledger.InPerson: "in person"}

// mediumWays write one of several accepted media in a message.
var mediumWays = map[string]string{ledger.Phone: "by phone", ledger.Video: "by video", ledger.InPerson: "in person"}
