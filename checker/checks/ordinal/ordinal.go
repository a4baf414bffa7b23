// Package ordinal is the ordinal check: first, second, last: the order of events, contradicted.
// doc.yaml beside it is what claimlint explain ordinal prints.
package ordinal

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"time"

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
	verb := "met"
	if slices.Contains(ec.Kinds, ledger.Call) {
		verb = "spoke"
	}
	p.Report(analysis.Finding{
		Offset: p.Toks[min(oc.Lo, d.Lo)].Start, EndOffset: p.Toks[max(oc.Hi, d.Hi)-1].End,
		Message: fmt.Sprintf("%s last %s %s (%s), not %s (%s)", p.Names(ec.Parts), verb, analysis.When(last), last.ID,
			p.Text(d.Lo, d.Hi), analysis.SpanText(ec.Span, ec.Prec)),
		Expected: strings.TrimPrefix(analysis.When(last), "on "),
		Evidence: analysis.EventEvidence(last),
	})
}

// count checks "the first call … this year", "her second visit to
// Ruritania", "the 14th annual summit" against the events the ledger holds.
// Occasions are counted (a visit and the talks inside it are one): a count
// too low is refuted by the occasions the ledger holds in the period read
// narrowly; a count too high only where coverage makes the ledger complete
// for the period read widely, counting every event apart, and never when an
// event cannot be placed.
func count(p *analysis.Pass, ec *analysis.EventClaim, e *ledger.Event) {
	oc := ec.Ord
	if oc == nil || oc.LastMet {
		return
	}
	f := analysis.Finding{
		Offset: p.Toks[oc.Lo].Start, EndOffset: p.Toks[oc.Hi-1].End,
	}
	if oc.Silent != "" {
		return
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
	c := counter{p: p, ec: ec, oc: oc}
	c.kinds, c.keep = oc.Counted()
	if c.counts(e) != yes {
		return // the claim is about another kind of event, or another trip
	}
	narrow, wide := c.periods(e)
	if narrow == nil && !oc.Whole || narrow != nil && !wide.Contains(e.Start.First()) {
		return
	}
	in := func(sp *civil.Span, x *ledger.Event) bool { return sp == nil || sp.Contains(x.Start.First()) }
	all := p.Index.Candidates(ec.Parts, union(c.kinds, analysis.InPersonKinds))
	occs := analysis.Occasions(all)
	own := slices.IndexFunc(occs, func(o analysis.Occasion) bool { return o.Has(e) })
	if own < 0 {
		return
	}
	low, high, unsure := 0, 0, false // occasions in the narrow period; events in the wide one
	var first *ledger.Event
	for k := range occs[:own] {
		o := &occs[k]
		if !o.Last.Before(occs[own].First) {
			continue
		}
		seen := false
		for _, x := range o.Events {
			switch c.counts(x) {
			case yes:
				if in(narrow, x) && !seen && c.strictly(x) {
					seen, low = true, low+1
					if first == nil {
						first = x
					}
				}
				if in(wide, x) {
					high++
				}
			case unknown:
				if in(wide, x) {
					unsure = true
				}
			}
		}
	}
	for _, x := range occs[own].Events {
		if x != e && x.Start.First().Before(e.Start.First()) && c.counts(x) == yes {
			high++ // an earlier session of the same occasion
		}
	}
	period := ""
	if oc.PerLo >= 0 {
		period = " " + p.Text(oc.PerLo, oc.PerHi)
	}
	switch {
	case low+1 > oc.N && !oc.Restricted:
		f.Message = fmt.Sprintf("%s %s was not the %s%s: the ledger holds %d earlier, the first %s (%s)",
			p.Label(ec, e), analysis.When(e), p.Lang.OrdinalName(oc.N), period, low, analysis.When(first), first.Kind)
		f.Evidence = analysis.EventEvidence(first)
		f.Expected = p.Lang.OrdinalName(low + 1)
	case high+1 < oc.N && wide != nil && !unsure &&
		p.Index.Covered(ec.Parts, c.kinds, civil.Span{First: wide.First, Last: e.Start.First()}):
		f.Evidence = analysis.EventEvidence(e)
		if low == high {
			f.Message = fmt.Sprintf("%s %s was the %s%s, not the %s: the ledger, complete for this period, holds %d earlier",
				p.Label(ec, e), analysis.When(e), p.Lang.OrdinalName(high+1), period, p.Lang.OrdinalName(oc.N), high)
			f.Expected = p.Lang.OrdinalName(high + 1)
			break
		}
		// Sessions of one occasion may be counted apart: say the most.
		f.Message = fmt.Sprintf("%s %s was at most the %s%s, not the %s: the ledger, complete for this period, holds %d earlier events on %d occasions",
			p.Label(ec, e), analysis.When(e), p.Lang.OrdinalName(high+1), period, p.Lang.OrdinalName(oc.N), high, low)
	default:
		return
	}
	p.Report(f)
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// tri is an answer the ledger may not be able to give.
type tri int

const (
	no tri = iota
	yes
	unknown
)

// counter decides which of the ledger's events a count takes in.
type counter struct {
	p     *analysis.Pass
	ec    *analysis.EventClaim
	oc    *analysis.OrdinalClaim
	kinds []string
	keep  func(*ledger.Event) bool
}

// counts says whether the count takes in x: of the kind and medium counted,
// the parties' own (for "bilateral"), held at the place counted, and, for a
// count of trips, one on which the party was the visitor.
func (c *counter) counts(x *ledger.Event) tri {
	if !slices.Contains(c.kinds, x.Kind) || !c.keep(x) || c.oc.Bilateral && !analysis.Alone(c.p.Ledger, x, c.ec.Parts) {
		return no
	}
	if !x.Held() {
		return no // a planned or cancelled event is no occasion that took place
	}
	answer := yes
	for _, t := range []tri{c.at(x), c.visitor(x), c.abroad(x)} {
		switch t {
		case no:
			return no
		case unknown:
			answer = unknown
		}
	}
	return answer
}

// strictly reports whether x is one a count too low may take in: a
// "summit" is loosely any meeting, but only a summit refutes "the first
// summit"; an in-person count takes in no phone or video event.
func (c *counter) strictly(x *ledger.Event) bool {
	if len(c.oc.NounKinds) > 0 && c.oc.NounKinds[0] == ledger.Summit && x.Kind != ledger.Summit {
		return false
	}
	if !slices.Contains(c.kinds, ledger.Call) && (x.Medium == ledger.Phone || x.Medium == ledger.Video) {
		return false
	}
	return true
}

// at says whether x was held at the place counted ("a visit to India").
func (c *counter) at(x *ledger.Event) tri {
	if c.oc.Dest == nil {
		return yes
	}
	l, v, d := c.p.Ledger, x.Venue, c.oc.Dest.ID
	switch {
	case v == "":
		return unknown
	case l.Within(v, d):
		return yes
	case l.Within(d, v):
		return unknown // "a visit to Beijing", held somewhere in China
	case l.CountryOf(d) == "" || l.CountryOf(v) == "":
		return unknown // a region the ledger may not place every country in
	}
	return no
}

// visitor says whether the one party of a count of trips was the visitor on
// x: as the event's visitor: says, or, when the ledger does not say, only
// where it cannot be misread: the party comes from outside the venue's
// country, and no one else from a third country took part.
func (c *counter) visitor(x *ledger.Event) tri {
	if !c.oc.Visit {
		return yes
	}
	l, who := c.p.Ledger, c.ec.Parts[0]
	if len(x.Visitors) > 0 { // the ledger says who visited
		if slices.Contains(x.Visitors, who.ID) {
			return yes
		}
		return no
	}
	home := l.CountryOf(x.Venue)
	switch {
	case x.Venue == "" || home == "" || who.Country == "":
		return unknown
	case who.Country == home:
		return no // at home: the host
	}
	for _, id := range x.Participants {
		q := l.Entity(id)
		if q == nil || q == who || q.Kind != ledger.Person {
			continue
		}
		if q.Country != home && q.Country != who.Country {
			return unknown // another party from abroad: who visited whom?
		}
	}
	return yes
}

// abroad says whether x was held outside the party's country ("his first
// foreign trip").
func (c *counter) abroad(x *ledger.Event) tri {
	if !c.oc.Abroad {
		return yes
	}
	home, who := c.p.Ledger.CountryOf(x.Venue), c.ec.Parts[0]
	switch {
	case home == "" || who.Country == "":
		return unknown
	case home == who.Country:
		return no
	}
	return yes
}

// periods returns the period of the count at its narrowest and at its
// widest, nil when the claim gives none. "In six years" is counted back from
// the event, to the nearest year: narrowly five and a half, widely six and a
// half.
func (c *counter) periods(e *ledger.Event) (narrow, wide *civil.Span) {
	oc := c.oc
	switch {
	case oc.Back > 0:
		end := e.Start.First()
		back := end.AddDate(0, -oc.Back, 0)
		half := func(t time.Time, sign int) time.Time {
			if oc.BackUnit >= 2 {
				return t.AddDate(0, sign*oc.BackUnit/2, 0)
			}
			return t.AddDate(0, 0, sign*15)
		}
		return &civil.Span{First: half(back, 1), Last: end}, &civil.Span{First: half(back, -1), Last: end}
	case oc.Period != nil:
		if oc.Wide != nil {
			return oc.Period, oc.Wide
		}
		return oc.Period, oc.Period
	}
	return nil, nil
}
