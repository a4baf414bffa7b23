// Package ordinal is the ordinal check: first, second, last: the order of events, contradicted.
// doc.yaml beside it is what claimlint explain ordinal prints.
package ordinal

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

//go:embed doc.yaml
var doc []byte

// Check is the ordinal check.
var Check = &analysis.Check{
	ID:       "ordinal",
	Severity: analysis.Error,
	Doc:      analysis.MustDoc("ordinal", doc),
	Event:    run,
}

func run(p *analysis.Pass, ec *analysis.EventClaim, m *analysis.Match) {
	switch {
	case m.LastMet:
		lastMet(p, ec, m.Event)
	case m.Attributes() != nil:
		count(p, ec, m.Event)
	}
}

// lastMet reports "A and B last met in …" when the ledger holds a later
// meeting, last.
func lastMet(p *analysis.Pass, ec *analysis.EventClaim, last *ledger.Event) {
	oc, d := ec.Ord, ec.Date
	p.Report(analysis.Finding{
		Offset: p.Toks[min(oc.Lo, d.Lo)].Start, EndOffset: p.Toks[max(oc.Hi, d.Hi)-1].End,
		Message: fmt.Sprintf("%s last met %s (%s), not %s (%s)", p.Names(ec.Parts), analysis.When(last), last.ID,
			p.Text(d.Lo, d.Hi), analysis.SpanText(ec.Span, ec.Prec)),
		Expected: strings.TrimPrefix(analysis.When(last), "on "),
		Evidence: analysis.EventEvidence(last),
	})
}

// count checks "the first call … this year" and "the second round" against
// the events the ledger holds.
func count(p *analysis.Pass, ec *analysis.EventClaim, e *ledger.Event) {
	oc := ec.Ord
	if oc == nil || oc.LastMet {
		return
	}
	f := analysis.Finding{
		Offset: p.Toks[oc.Lo].Start, EndOffset: p.Toks[oc.Hi-1].End,
	}
	if oc.Round {
		if e.Series == "" || e.Round == 0 || e.Round == oc.N {
			return
		}
		f.Message = fmt.Sprintf("%s %s %s round %d of the series, not the %s", p.Label(ec, e), analysis.When(e), analysis.Verb(e), e.Round, p.Lang.OrdinalName(oc.N))
		f.Expected = p.Lang.OrdinalName(e.Round) + " round"
		f.Evidence = analysis.EventEvidence(e)
		p.Report(f)
		return
	}
	if oc.Period == nil || !oc.Period.Contains(e.Start.First()) {
		return
	}
	kinds, keep := oc.Counted()
	var earlier []*ledger.Event
	for _, x := range p.Index.Candidates(ec.Parts, kinds) {
		if x != e && keep(x) && oc.Period.Contains(x.Start.First()) && x.Start.First().Before(e.Start.First()) {
			earlier = append(earlier, x)
		}
	}
	slices.SortFunc(earlier, func(a, b *ledger.Event) int { return a.Start.First().Compare(b.Start.First()) })
	actual := len(earlier) + 1
	period := p.Text(oc.PerLo, oc.PerHi)
	switch {
	case actual > oc.N:
		first := earlier[0]
		f.Message = fmt.Sprintf("%s %s was not the %s %s: the ledger holds %d earlier, the first %s (%s)",
			p.Label(ec, e), analysis.When(e), p.Lang.OrdinalName(oc.N), period, len(earlier), analysis.When(first), first.Kind)
		f.Evidence = analysis.EventEvidence(first)
	case actual < oc.N && p.Index.Covered(ec.Parts, kinds, civil.Span{First: oc.Period.First, Last: e.Start.First()}):
		f.Message = fmt.Sprintf("%s %s was the %s %s, not the %s: the ledger, complete for this period, holds %d earlier",
			p.Label(ec, e), analysis.When(e), p.Lang.OrdinalName(actual), period, p.Lang.OrdinalName(oc.N), len(earlier))
		f.Evidence = analysis.EventEvidence(e)
	default:
		return
	}
	f.Expected = p.Lang.OrdinalName(actual)
	p.Report(f)
}
