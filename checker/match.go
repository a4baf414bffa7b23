package checker

import (
	"slices"
	"time"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/timex"
)

// verifyEvent matches an event claim to the ledger and runs the event checks
// on it. A claim that matches nothing, or more than one event, is not judged.
// It returns the ledger entry the claim was judged against, or why it was not.
func (p *pass) verifyEvent(ec *eventClaim) (string, string) {
	if ec.Ord != nil && ec.Ord.LastMet {
		return p.matchLastMet(ec)
	}
	if ec.Ambiguous {
		return "", "two dates in the clause, or a tense too unclear to place a bare weekday"
	}
	if ec.Topic != nil {
		p.judgeEvent(ec, &analysis.Match{Event: ec.Topic})
		return ec.Topic.ID, ""
	}
	cands := p.Index.Candidates(ec.Parts, ec.Kinds)
	var ev *ledger.Event
	wrongDate := false
	if ec.Date != nil {
		var hits []*ledger.Event
		for _, e := range cands {
			if p.dateFits(e, ec) {
				hits = append(hits, e)
			}
		}
		switch len(hits) {
		case 0:
			ev = p.nearest(ec, cands)
			if ev == nil {
				if p.judgeEvent(ec, &analysis.Match{Unmatched: true}) {
					return "coverage", ""
				}
				return "", ReasonNoEvent
			}
			wrongDate = true
		case 1:
			ev = hits[0]
		default:
			if ev = preferRound(hits, ec); ev == nil {
				return "", "several ledger events match"
			}
		}
	} else if ev = p.nearPublication(ec, cands); ev == nil {
		return "", "no date, and no single matching event near the publication date"
	}
	if len(ec.Parts) >= 2 {
		p.lastEvent = ev
	}
	p.judgeEvent(ec, &analysis.Match{Event: ev, WrongDate: wrongDate})
	return ev.ID, ""
}

// eventDays are the spans of days on which an event may rightly be said to
// have happened: its own dates and, when its time of day is known, its date
// in the time zones of its participants, its venue and the article's outlet.
func (p *pass) eventDays(e *ledger.Event, edge string) []civil.Span {
	own := e.Span()
	switch edge {
	case "start":
		own = civil.SpanOf(e.Start)
	case "end":
		own = civil.SpanOf(e.End)
	}
	days := []civil.Span{own}
	if e.Time == "" || e.TZ == nil {
		return days
	}
	// The ledger checked Time when it loaded it; an event of a month or a
	// year has no day for it.
	clock, err := time.Parse("15:04", e.Time)
	if err != nil || e.Start.Prec != civil.Day {
		return days
	}
	at := time.Date(e.Start.Y, time.Month(e.Start.M), e.Start.D, clock.Hour(), clock.Minute(), 0, 0, e.TZ)
	zones := slices.Clone(p.Zones)
	for _, id := range e.Participants {
		zones = append(zones, p.Index.ZoneOf(id))
	}
	if e.Venue != "" {
		zones = append(zones, p.Index.ZoneOf(e.Venue))
	}
	for _, z := range zones {
		if z == nil {
			continue
		}
		l := at.In(z)
		d := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
		days = append(days, civil.Span{First: d, Last: d})
	}
	return days
}

func (p *pass) dateFits(e *ledger.Event, ec *eventClaim) bool {
	for _, d := range p.eventDays(e, ec.Edge) {
		if d.Overlaps(ec.Span) {
			return true
		}
	}
	return false
}

// window is how far, in days, a claimed date may be from a ledger event for
// the claim to be about that event.
func window(ec *eventClaim) int {
	switch {
	case ec.Prec == civil.Day && ec.Date.Form == timex.Weekday:
		return 6
	case ec.Prec == civil.Day:
		return 10
	case ec.Prec == civil.Month:
		return 31
	}
	return -1
}

// nearest returns the one candidate closest to the claimed date within the
// window, preferring the claimed round of a series; nil on a tie.
func (p *pass) nearest(ec *eventClaim, cands []*ledger.Event) *ledger.Event {
	w := window(ec)
	if w < 0 {
		return nil
	}
	var in []*ledger.Event
	for _, e := range cands {
		if e.Span().DaysFrom(ec.Span) <= w {
			in = append(in, e)
		}
	}
	if ec.Ord != nil && ec.Ord.Round {
		var r []*ledger.Event
		for _, e := range in {
			if e.Round == ec.Ord.N {
				r = append(r, e)
			}
		}
		if len(r) > 0 {
			in = r
		}
	}
	var best *ledger.Event
	bestD, tie := 1<<30, false
	for _, e := range in {
		d := e.Span().DaysFrom(ec.Span)
		switch {
		case d < bestD:
			best, bestD, tie = e, d, false
		case d == bestD:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

func preferRound(hits []*ledger.Event, ec *eventClaim) *ledger.Event {
	if ec.Ord == nil || !ec.Ord.Round {
		return nil
	}
	var r []*ledger.Event
	for _, e := range hits {
		if e.Round == ec.Ord.N {
			r = append(r, e)
		}
	}
	if len(r) == 1 {
		return r[0]
	}
	return nil
}

// nearPublication finds the event an undated claim is about: the one
// candidate around the publication date ("the call was initiated by …").
func (p *pass) nearPublication(ec *eventClaim, cands []*ledger.Event) *ledger.Event {
	win := civil.Span{First: p.Pub.AddDate(0, 0, -10), Last: p.Pub.AddDate(0, 0, 3)}
	if ec.Future {
		win = civil.Span{First: p.Pub, Last: p.Pub.AddDate(0, 0, 21)}
	}
	var found *ledger.Event
	for _, e := range cands {
		if e.Span().Overlaps(win) {
			if found != nil {
				return nil
			}
			found = e
		}
	}
	return found
}

// matchLastMet matches "X and Y last met (in person) in September": the
// ledger's latest such meeting before publication must fall in the claimed
// period. Only a later meeting the ledger holds refutes the claim.
func (p *pass) matchLastMet(ec *eventClaim) (string, string) {
	oc := ec.Ord
	if ec.Date == nil || ec.Ambiguous || len(ec.Parts) < 2 {
		return "", "no single date, or fewer than two participants"
	}
	kinds, keep := (&analysis.OrdinalClaim{NounKinds: oc.NounKinds, InPerson: oc.InPerson}).Counted()
	if !oc.InPerson {
		kinds = ec.Kinds
		keep = func(e *ledger.Event) bool { return true }
	}
	var last *ledger.Event
	for _, e := range p.Index.Candidates(ec.Parts, kinds) {
		if !keep(e) || e.Start.First().After(p.Pub) {
			continue
		}
		if last == nil || e.End.Last().After(last.End.Last()) {
			last = e
		}
	}
	switch {
	case last == nil:
		return "", "the ledger holds no such meeting before publication"
	case last.Span().Overlaps(ec.Span):
		return last.ID, ""
	case !last.End.Last().After(ec.Span.Last):
		return last.ID, "the ledger's latest meeting is earlier than the claimed one; only a later one would refute it"
	}
	p.judgeEvent(ec, &analysis.Match{Event: last, LastMet: true})
	return last.ID, ""
}
