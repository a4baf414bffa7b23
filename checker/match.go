package checker

import (
	"slices"
	"strings"
	"time"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
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
		if !ec.Future && !ec.Topic.Held() {
			return "", notHeld(ec.Topic)
		}
		p.judgeEvent(ec, &analysis.Match{Event: ec.Topic})
		return ec.Topic.ID, ""
	}
	cands := p.Index.Candidates(ec.Parts, ec.Kinds)
	// A claim that an event took place is matched to held events only: an
	// event the ledger holds as planned, unconfirmed or cancelled that
	// fits the claim's date, or is the nearest to it, leaves it unjudged.
	var ev *ledger.Event
	wrongDate := false
	if ec.Date != nil {
		var hits []*ledger.Event
		for _, e := range cands {
			if p.dateFits(e, ec) {
				if !e.Held() && !ec.Future {
					return "", notHeld(e)
				}
				hits = append(hits, e)
			}
		}
		switch len(hits) {
		case 0:
			if p.tomorrowFits(ec) {
				return "", "a weekday read as past is also the day after publication, when they met: the article may be dated in a zone behind the event's"
			}
			// "X stepped out of a meeting on Monday to phone Y": an event of
			// another kind on that day may be the one the clause tells of.
			if p.otherKindFits(ec) {
				return "", "an event of another kind between them fits the date: the clause may tell of it"
			}
			ev = p.nearest(ec, cands)
			if ev != nil && !ev.Held() && !ec.Future {
				return "", notHeld(ev)
			}
			// "A spoke with B on Saturday", two days before their talks: a
			// past clause of any contact ("spoke", "met": a word of
			// all the contact kinds) does not tell of an event yet to come.
			if ev != nil && !ec.Future && len(ec.Kinds) > 3 && ev.Span().First.After(p.Pub) {
				return "", "the nearest such event came after publication: the clause tells of another"
			}
			// "X arrived in Port Sylva on Wednesday for talks with Y", the
			// talks on Thursday: the day is the arrival's, the first of X's
			// visit when the ledger holds one beginning then.
			if ev != nil && p.travelFor(ec) && p.visitBegins(ec) {
				return "", "an arrival on the first day of a visit the ledger holds, for an event of the visit"
			}
			if ev != nil && p.heldElsewhere(ec, ev) {
				return "", "the nearest such event was held elsewhere: the clause tells of another event"
			}
			if ev != nil && p.gathering(ec, ev) {
				return "", "the nearest such event is a gathering of more people on other days: the clause may tell of a meeting of their own"
			}
			if ev == nil {
				if p.judgeEvent(ec, &analysis.Match{Unmatched: true}) {
					return "coverage", ""
				}
				ec.noEvent = true
				return "", ReasonNoEvent
			}
			wrongDate = true
		case 1:
			ev = hits[0]
		default:
			if hits = preferParts(p.Ledger, hits); len(hits) == 1 {
				ev = hits[0]
			} else if ev = preferRound(hits, ec); ev == nil {
				return "", "several ledger events match"
			}
		}
	} else if p.byOccasion(ec) {
		return "", "no date, and the clause places the event by another occasion"
	} else if ev = p.nearPublication(ec, cands); ev == nil {
		return "", "no date, and no single matching event near the publication date"
	} else if p.namesAnother(ec, ev) {
		return "", "no date, and the clause names another event than the one near the publication date"
	} else if p.gathering(ec, ev) {
		return "", "no date, and the event near the publication date is a gathering of more people: the clause may tell of a meeting of their own"
	} else if !ev.Held() && !ec.Future {
		return "", notHeld(ev)
	}
	if len(ec.Parts) >= 2 {
		p.lastEvent = ev
	}
	if ec.Date != nil && ec.Date.HasWd {
		p.dated[ec.Date.Lo] = ev
	}
	p.judgeEvent(ec, &analysis.Match{Event: ev, WrongDate: wrongDate})
	return ev.ID, ""
}

// eventDays are the spans of days on which an event may rightly be said to
// have happened: its own dates and, when its time of day is known (an exact
// time, or a daypart's window of hours), its date in the time zones of its
// participants, its venues and the article's outlet.
func (p *pass) eventDays(e *ledger.Event, edge string) []civil.Span {
	own := e.Span()
	switch edge {
	case "start":
		own = civil.SpanOf(e.Start)
	case "end":
		own = civil.SpanOf(e.End)
	}
	days := []civil.Span{own}
	from, to, ok := p.eventHours(e)
	if !ok {
		return days
	}
	zones := slices.Clone(p.Zones)
	for _, id := range e.Participants {
		zones = append(zones, p.Index.ZoneOf(id))
	}
	for _, id := range e.Venues {
		zones = append(zones, p.Index.ZoneOf(id))
	}
	for _, z := range zones {
		if z == nil {
			continue
		}
		a, b := from.In(z), to.In(z)
		days = append(days, civil.Span{
			First: time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC),
			Last:  time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC),
		})
	}
	return days
}

// eventHours returns the first and last instant the event may have taken
// place at: its exact time, or the window of its daypart in its local zone.
func (p *pass) eventHours(e *ledger.Event) (from, to time.Time, ok bool) {
	switch {
	case e.Time != "" && e.TZ != nil && e.Start.Prec == civil.Day:
		// The ledger checked Time when it loaded it.
		clock, err := time.Parse("15:04", e.Time)
		at := time.Date(e.Start.Y, time.Month(e.Start.M), e.Start.D, clock.Hour(), clock.Minute(), 0, 0, e.TZ)
		return at, at, err == nil
	case e.Daypart != "" && e.Start.Prec == civil.Day:
		lo, hi, ok := ledger.DaypartHours(e.Daypart)
		z := p.Ledger.LocalZone(e)
		if !ok || z == nil {
			return from, to, false
		}
		y, m, d := e.Start.Y, time.Month(e.Start.M), e.Start.D
		// Hours past 24 fall on the next day; the window ends before hi.
		return time.Date(y, m, d, lo, 0, 0, 0, z), time.Date(y, m, d, hi, 0, 0, 0, z).Add(-time.Nanosecond), true
	}
	return from, to, false
}

func (p *pass) dateFits(e *ledger.Event, ec *eventClaim) bool {
	for _, d := range p.eventDays(e, ec.Edge) {
		if d.Overlaps(ec.Span) {
			return true
		}
	}
	return false
}

// otherKindFits reports whether the ledger holds, between the claim's
// parties, a contact of a kind the claim's event word does not name on the
// claimed date, in no other place and by no other medium than the claim
// says.
func (p *pass) otherKindFits(ec *eventClaim) bool {
	if ec.Prec != civil.Day || len(ec.Parts) < 2 {
		return false
	}
	for _, e := range p.Index.Candidates(ec.Parts, analysis.ContactKinds) {
		if slices.Contains(ec.Kinds, e.Kind) || !p.dateFits(e, ec) || p.heldElsewhere(ec, e) ||
			e.Kind == ledger.Visit && slices.ContainsFunc(ec.Kinds, func(k string) bool { return k != ledger.Call }) ||
			ec.Medium != "" && e.Medium != "" && ec.Medium != e.Medium {
			continue // the claim's place or medium is not that event's
		}
		return true
	}
	return false
}

// travelFor reports whether the clause tells of a journey to its event: an
// arrival or a departure that is not itself the event's word.
func (p *pass) travelFor(ec *eventClaim) bool {
	cl := ec.Clause
	for i := cl.Lo; i < cl.Hi; i++ {
		if i != ec.Cue && (p.Toks[i].In(p.Lang.Edges.Arrivals) || p.Toks[i].In(p.Lang.Edges.Departures)) {
			return true
		}
	}
	return false
}

// visitBegins reports whether a visit of one of the claim's participants
// begins on the claim's date.
func (p *pass) visitBegins(ec *eventClaim) bool {
	for _, who := range ec.Parts {
		for _, e := range p.Index.Candidates([]*ledger.Entity{who}, []string{ledger.Visit}) {
			if e.Kind == ledger.Visit && e.Start.Prec == civil.Day && ec.Span.Contains(e.Start.First()) {
				return true
			}
		}
	}
	return false
}

// byOccasion reports whether an undated claim's clause places its event by
// another occasion: a preposition of time, "the" and a capitalized name
// ("spoke by video before the Harvest Fair", "ahead of the Games").
// The event may be any before or after it, not the one near publication.
func (p *pass) byOccasion(ec *eventClaim) bool {
	cl := ec.Clause
	for i := cl.Lo; i+2 < cl.Hi; i++ {
		if !p.Toks[i].In(p.Lang.Cues.OccasionPrepositions) {
			continue
		}
		j := i + 1
		if p.Toks[j].In(p.Lang.Anniversary.Of) {
			j++ // "ahead of"
		}
		if j+1 < cl.Hi && p.Toks[j].In(p.Lang.Determiners) && p.Toks[j+1].Kind == lex.Word && p.Toks[j+1].Upper && !p.Toks[j+1].Quoted {
			return true
		}
	}
	return false
}

// namesAnother reports whether the claim's event word carries a name that
// the event e does not ("during the SCO summit in Tianjin" in an article
// about another summit): capitalized words right before the event word
// that name no person, country or place of the ledger, and that e's title
// lacks.
func (p *pass) namesAnother(ec *eventClaim, e *ledger.Event) bool {
	if ec.Ord != nil {
		return false // "the 25th SCO summit": a count names its series, judged as such
	}
	title := strings.ToLower(e.Title)
	for k := ec.Cue - 1; k >= ec.Clause.Lo && k >= ec.Cue-3; k-- {
		t := p.Toks[k]
		// A determiner ends the name: "The summit" at the start of a
		// sentence names no other summit.
		if n, _ := p.c.vocab.Longest(p.Toks[k:ec.Cue], 0); t.Kind != lex.Word || !t.Upper || n > 0 || t.In(p.Lang.Determiners) {
			break
		}
		if !strings.Contains(title, t.Norm) {
			return true
		}
	}
	return false
}

// heldElsewhere reports whether the claim names a place that contradicts
// where event e was held: "a meeting in Davos" is not the talks in Abu
// Dhabi nine days later with a wrong date; it is another meeting.
func (p *pass) heldElsewhere(ec *eventClaim, e *ledger.Event) bool {
	l := p.Ledger
	if ec.Ord != nil && ec.Ord.Round && e.Round == ec.Ord.N {
		return false // "the second round": the claim names the event it tells of
	}
	if ec.Venue == nil || e.Venue == "" || l.Within(e.Venue, ec.Venue.ID) || l.Within(ec.Venue.ID, e.Venue) {
		return false
	}
	return l.CountryOf(ec.Venue.ID) != "" && l.CountryOf(e.Venue) != ""
}

// tomorrowFits reports whether a bare weekday, read as past, names the day
// after publication, on which an event of the claim's people begins in the
// ledger: "Example and Sample held talks on Tuesday" in a paper dated
// Monday in a zone behind Ruritania's tells of Tuesday in Ruritania, not
// of the Tuesday before.
func (p *pass) tomorrowFits(ec *eventClaim) bool {
	if ec.Date == nil || ec.Date.Form != timex.Weekday || !p.HasPub || len(ec.Parts) == 0 {
		return false
	}
	tomorrow := p.Pub.AddDate(0, 0, 1)
	if tomorrow.Weekday() != ec.Date.Wd || !ec.Span.First.Before(p.Pub) {
		return false
	}
	// The event begins that day, to the day (one already under way at
	// publication was reported on its own days), and is of a kind and a
	// medium the claim may tell of: a call for a call, any in-person event
	// for one in person.
	for _, e := range p.Index.Candidates(ec.Parts, analysis.ContactKinds) {
		if !e.Held() || e.Start.Prec != civil.Day || !civil.SpanOf(e.Start).Contains(tomorrow) {
			continue
		}
		kindFits := slices.Contains(ec.Kinds, e.Kind) || e.Kind != ledger.Call && !slices.Contains(ec.Kinds, ledger.Call)
		if kindFits && (ec.Medium == "" || e.Medium == "" || ec.Medium == e.Medium) {
			return true
		}
	}
	return false
}

// gathering reports whether e gathers more people than the claim names,
// and is of a kind the claim's event word does not name first: "A met B"
// near a summit that both attended, but not on its days, may tell of a
// meeting of their own, which the ledger need not hold.
func (p *pass) gathering(ec *eventClaim, e *ledger.Event) bool {
	if len(ec.Kinds) == 0 || ec.Kinds[0] == e.Kind {
		return false
	}
	// Count people when the claim names people, else countries: an event
	// of two leaders lists their countries too, and is no gathering.
	kind := ledger.Country
	for _, x := range ec.Parts {
		if x.Kind == ledger.Person {
			kind = ledger.Person
		}
	}
	claimed, held := 0, 0
	for _, x := range ec.Parts {
		if x.Kind == kind {
			claimed++
		}
	}
	for _, id := range e.Participants {
		if x := p.Ledger.Entity(id); x != nil && x.Kind == kind {
			held++
		}
	}
	return held > claimed
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
	var best []*ledger.Event
	bestD := 1 << 30
	for _, e := range in {
		d := e.Span().DaysFrom(ec.Span)
		switch {
		case d < bestD:
			best, bestD = []*ledger.Event{e}, d
		case d == bestD:
			best = append(best, e)
		}
	}
	if len(best) > 1 {
		// A tie between a bilateral meeting and the summit around it: the
		// event of exactly the claimed parties, or the session of the whole.
		if exact := exactParts(best, ec.Parts); len(exact) == 1 {
			return exact[0]
		}
		best = preferParts(p.Ledger, best)
	}
	if len(best) != 1 {
		return nil
	}
	return best[0]
}

// exactParts keeps the events whose participants are exactly parts.
func exactParts(evs []*ledger.Event, parts []*ledger.Entity) []*ledger.Event {
	var out []*ledger.Event
	for _, e := range evs {
		if analysis.SameSet(parts, e.Participants) {
			out = append(out, e)
		}
	}
	return out
}

// notHeld is why a claim that an event took place is not judged against e.
func notHeld(e *ledger.Event) string {
	return "the ledger's event " + e.ID + " is " + e.Status + ", not held"
}

// preferParts drops from events that all fit a claim those that another
// of them is a session of: the session is the more precise match. A
// session is one the ledger names so (part-of), or one it implies: an
// event of some of the same people on a day (or days) within a longer
// event of theirs, such as the talks on the second day of a visit.
func preferParts(l *ledger.Ledger, hits []*ledger.Event) []*ledger.Event {
	var out []*ledger.Event
	for _, e := range hits {
		if !slices.ContainsFunc(hits, func(x *ledger.Event) bool { return x != e && (partOf(l, x, e) || within(x, e)) }) {
			out = append(out, e)
		}
	}
	return out
}

// within reports whether part is a session of whole that the ledger
// implies: whole runs over several days and part over fewer, inside them,
// and every participant of part takes part in whole.
func within(part, whole *ledger.Event) bool {
	if !whole.End.Last().After(whole.Start.Last()) || part.PartOf != "" {
		return false
	}
	ps, ws := part.Span(), whole.Span()
	if ps.First.Before(ws.First) || ps.Last.After(ws.Last) || ps.Last.Sub(ps.First) >= ws.Last.Sub(ws.First) {
		return false
	}
	for _, id := range part.Participants {
		if !slices.Contains(whole.Participants, id) {
			return false
		}
	}
	return true
}

// partOf reports whether part is a session of whole, directly or through
// a session of a session.
func partOf(l *ledger.Ledger, part, whole *ledger.Event) bool {
	for i := 0; i < 32 && part != nil && part.PartOf != ""; i++ {
		if part.PartOf == whole.ID {
			return true
		}
		part = l.Event(part.PartOf)
	}
	return false
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
	if found != nil && ec.Ord != nil && ec.Ord.Round && found.Round != ec.Ord.N {
		// "Preparing for the second round", just after the first: the
		// round named is the next one, when it is to come within weeks.
		if _, past := p.tense(ec.TenseClause); !past {
			next := civil.Span{First: p.Pub, Last: p.Pub.AddDate(0, 0, 21)}
			var r *ledger.Event
			for _, e := range cands {
				if e.Round == ec.Ord.N && e.Span().Overlaps(next) {
					if r != nil {
						return found
					}
					r = e
				}
			}
			if r != nil {
				return r
			}
		}
	}
	return found
}

// recentDays is how far before publication an article's own event may lie:
// the latest occasion that ended within it is the one the article reports.
const recentDays = 14

// matchLastMet matches "X and Y last met (in person) in September" and "the
// last bilateral meeting came in 2021". In an article about a new meeting,
// "last met" refers to the meeting before it: the latest occasion before
// publication is set aside when it ended within recentDays of it (unless the
// claim names it), and the claim is judged against the one before. A later
// occasion the ledger holds refutes the claim, and so does an earlier one
// where coverage says the ledger misses none since; one that fits the claim
// is judged for its place and medium.
func (p *pass) matchLastMet(ec *eventClaim) (string, string) {
	oc := ec.Ord
	if ec.Date == nil || ec.Ambiguous || len(ec.Parts) < 2 {
		return "", "no single date, or fewer than two participants"
	}
	_, keep := oc.Counted()
	var evs []*ledger.Event
	for _, e := range p.Index.Candidates(ec.Parts, ec.Kinds) {
		if keep(e) && e.Held() && !e.Start.First().After(p.Pub) && (!oc.Bilateral || analysis.Alone(p.Ledger, e, ec.Parts)) {
			evs = append(evs, e)
		}
	}
	occs := analysis.Occasions(evs)
	if len(occs) > 0 {
		if o := &occs[len(occs)-1]; !o.Last.Before(p.Pub.AddDate(0, 0, -recentDays)) {
			if o.Span().Overlaps(ec.Span) {
				return o.Latest().ID, "" // the claim names the article's own occasion
			}
			occs = occs[:len(occs)-1]
		}
	}
	if len(occs) == 0 {
		return "", "the ledger holds no such meeting before the one the article reports"
	}
	o := &occs[len(occs)-1]
	last := o.Latest()
	switch {
	case o.Span().Overlaps(ec.Span):
		if e := p.fitsVenue(ec, o); e != nil {
			p.judgeEvent(ec, &analysis.Match{Event: e})
			return e.ID, ""
		}
		return last.ID, ""
	case !o.Last.After(ec.Span.Last) && !p.Index.Covered(ec.Parts, ec.Kinds, civil.Span{First: ec.Span.First, Last: p.Pub}):
		return last.ID, "the ledger's latest meeting is earlier than the claimed one; only a later one, or coverage, would refute it"
	}
	p.judgeEvent(ec, &analysis.Match{Event: last, LastMet: true})
	return last.ID, ""
}

// fitsVenue returns the event of an occasion a "last met" claim's place and
// manner are judged against: the occasion's one event with a venue when all
// its events were held in one place, else the one held at the claimed
// place; nil when neither is certain.
func (p *pass) fitsVenue(ec *eventClaim, o *analysis.Occasion) *ledger.Event {
	var one *ledger.Event
	for _, e := range o.Events {
		switch {
		case e.Venue == "":
		case one == nil:
			one = e
		case one.Venue != e.Venue:
			one = nil
			if ec.Venue == nil {
				return nil
			}
			for _, x := range o.Events {
				if x.Venue != "" && (p.Ledger.Within(x.Venue, ec.Venue.ID) || p.Ledger.Within(ec.Venue.ID, x.Venue)) {
					return x
				}
			}
			return nil
		}
	}
	return one
}
