package checker

import (
	"fmt"
	"slices"
	"strings"
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
		return p.checkLastMet(ec)
	}
	if ec.Ambiguous {
		return "", "two dates in the clause, or a tense too unclear to place a bare weekday"
	}
	if ec.Topic != nil {
		p.checkAttributes(ec, ec.Topic)
		return ec.Topic.ID, ""
	}
	cands := p.Index.Candidates(ec.Parts, ec.Kinds)
	var ev *ledger.Event
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
				if p.checkUnknown(ec) {
					return "coverage", ""
				}
				return "", ReasonNoEvent
			}
			p.reportDate(ec, ev)
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
	p.checkAttributes(ec, ev)
	return ev.ID, ""
}

// checkAttributes runs the checks of what a claim says about its event.
func (p *pass) checkAttributes(ec *eventClaim, ev *ledger.Event) {
	p.checkMedium(ec, ev)
	p.checkInitiator(ec, ev)
	p.checkVenue(ec, ev)
	p.checkDuration(ec, ev)
	p.checkOrdinal(ec, ev)
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
	at, err := time.ParseInLocation("2006-01-02 15:04", e.Start.String()+" "+e.Time, e.TZ)
	if err != nil {
		return days
	}
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

// label names an event in a message: "the A–B call".
func (p *pass) label(ec *eventClaim, e *ledger.Event) string {
	if e.Title != "" {
		return "the " + e.Title
	}
	var names []string
	for _, x := range ec.Parts {
		if slices.Contains(e.Participants, x.ID) {
			names = append(names, p.c.L.ShortName(x.ID))
		}
	}
	if len(names) < 2 {
		names = names[:0]
		for _, id := range e.Participants {
			names = append(names, p.c.L.ShortName(id))
		}
	}
	return "the " + strings.Join(names, "–") + " " + e.Kind
}

// names joins short names: "A and B".
func (p *pass) names(es []*ledger.Entity) string {
	var out []string
	for _, e := range es {
		out = append(out, p.c.L.ShortName(e.ID))
	}
	if len(out) < 2 {
		return strings.Join(out, "")
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}

func verb(e *ledger.Event) string {
	if e.Kind == ledger.Talks {
		return "were"
	}
	return "was"
}

// when writes an event's dates: "on Monday 2025-02-24", "from 2025-08-31 to 2025-09-03".
func when(e *ledger.Event) string {
	if e.Start == e.End {
		if e.Start.Prec == civil.Day {
			return "on " + day(e.Start.First())
		}
		return "in " + e.Start.String()
	}
	return fmt.Sprintf("from %s to %s", e.Start, e.End)
}

func spanText(s civil.Span, prec civil.Precision) string {
	switch prec {
	case civil.Year:
		return s.First.Format("2006")
	case civil.Month:
		return s.First.Format("2006-01")
	}
	if s.First.Equal(s.Last) {
		return dateText(s.First)
	}
	return dateText(s.First) + " to " + dateText(s.Last)
}

func (p *pass) reportDate(ec *eventClaim, e *ledger.Event) {
	d := ec.Date
	found := p.Text(d.Lo, d.Hi)
	f := Finding{
		Rule: "event-date", Severity: Error,
		Offset: p.Toks[d.Lo].Start, EndOffset: p.Toks[d.Hi-1].End,
		Expected: strings.TrimPrefix(strings.TrimPrefix(when(e), "on "), "in "),
		Evidence: analysis.EvidenceOf(e.ID, e.Pos, e.Sources),
	}
	v := verb(e) + " " + when(e)
	switch ec.Edge {
	case "start":
		v = "began on " + day(e.Start.First())
	case "end":
		v = "ended on " + day(e.End.First())
	}
	f.Message = fmt.Sprintf("%s %s, not %s (%s)", p.label(ec, e), v, found, spanText(ec.Span, ec.Prec))
	target := e.Start
	if ec.Edge == "end" {
		target = e.End
	}
	if (e.Start == e.End || ec.Edge != "") && target.Prec == civil.Day && d.DayTok >= 0 {
		t := target.First()
		switch {
		case d.Form == timex.Weekday:
			f.Fix = &Fix{Offset: p.Toks[d.DayTok].Start, EndOffset: p.Toks[d.DayTok].End, Replacement: t.Weekday().String()}
		case d.Form == timex.MonthDay && d.Day2 == 0 && t.Month() == d.Month && (d.Year == 0 || d.Year == t.Year()):
			f.Fix = &Fix{Offset: p.Toks[d.DayTok].Start, EndOffset: p.Toks[d.DayTok].End, Replacement: fmt.Sprint(t.Day())}
		}
	}
	p.report(f)
}

// checkUnknown reports a dated event that the ledger, covering those
// participants and kinds, does not hold.
func (p *pass) checkUnknown(ec *eventClaim) bool {
	if ec.Prec != civil.Day || !ec.Date.Exact() {
		return false
	}
	for _, c := range p.c.L.Coverage {
		if !sameSet(ec.Parts, c.Participants) || !subset(ec.Kinds, c.Kinds) {
			continue
		}
		period := civil.Span{First: c.From.First(), Last: c.To.Last()}
		if !period.Contains(ec.Span.First) || !period.Contains(ec.Span.Last) {
			continue
		}
		covered := p.Index.Candidates(ec.Parts, c.Kinds)
		var before, after *ledger.Event
		for _, e := range covered {
			s := e.Span()
			if s.DaysFrom(ec.Span) <= 3 {
				return false // something happened then; the kind may be loosely worded
			}
			if s.Last.Before(ec.Span.First) && (before == nil || s.Last.After(before.Span().Last)) {
				before = e
			}
			if s.First.After(ec.Span.Last) && (after == nil || s.First.Before(after.Span().First)) {
				after = e
			}
		}
		var names []string
		for _, x := range ec.Parts {
			names = append(names, p.c.L.ShortName(x.ID))
		}
		pair := strings.Join(names, "–")
		var near []string
		for _, e := range []*ledger.Event{before, after} {
			if e != nil {
				near = append(near, fmt.Sprintf("%s %s", e.Kind, strings.TrimPrefix(when(e), "on ")))
			}
		}
		nearest := "none"
		if len(near) > 0 {
			nearest = strings.Join(near, "; ")
		}
		lo, hi := min(ec.Cue, ec.Date.Lo), max(ec.Cue+1, ec.Date.Hi)
		p.report(Finding{
			Rule: "event-unknown", Severity: Error,
			Offset: p.Toks[lo].Start, EndOffset: p.Toks[hi-1].End,
			Message: fmt.Sprintf("the ledger holds every %s %s from %s to %s and none on %s; nearest: %s",
				pair, strings.Join(c.Kinds, ", "), c.From, c.To, spanText(ec.Span, ec.Prec), nearest),
			Expected: nearest,
			Evidence: analysis.EvidenceOf("coverage", c.Pos, nil),
		})
		return true
	}
	return false
}

func sameSet(parts []*ledger.Entity, ids []string) bool {
	if len(parts) != len(ids) {
		return false
	}
	for _, x := range parts {
		if !slices.Contains(ids, x.ID) {
			return false
		}
	}
	return true
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

var mediumWords = map[string]string{ledger.Phone: "phone", ledger.Video: "video", ledger.InPerson: "in person"}

func (p *pass) checkMedium(ec *eventClaim, e *ledger.Event) {
	if ec.Medium == "" || e.Medium == "" || ec.Medium == e.Medium {
		return
	}
	f := Finding{
		Rule: "event-medium", Severity: Error,
		Offset: p.Toks[ec.MediumLo].Start, EndOffset: p.Toks[ec.MediumHi-1].End,
		Message: fmt.Sprintf("%s %s %s by %s, not by %s", p.label(ec, e), when(e), verb(e),
			mediumWords[e.Medium], mediumWords[ec.Medium]),
		Expected: mediumWords[e.Medium],
		Evidence: analysis.EvidenceOf(e.ID, e.Pos, e.Sources),
	}
	if e.Medium != ledger.InPerson && ec.MediumHi-ec.MediumLo == 1 && p.Toks[ec.MediumLo].Is("phone", "telephone", "video") {
		f.Fix = &Fix{Offset: p.Toks[ec.MediumLo].Start, EndOffset: p.Toks[ec.MediumLo].End, Replacement: mediumWords[e.Medium]}
	}
	p.report(f)
}

func (p *pass) checkInitiator(ec *eventClaim, e *ledger.Event) {
	if ec.Initiator == nil || e.Initiator == "" || ec.Initiator.ID == e.Initiator ||
		!slices.Contains(e.Participants, ec.Initiator.ID) {
		return
	}
	p.report(Finding{
		Rule: "event-initiator", Severity: Error,
		Offset: p.Toks[ec.InitLo].Start, EndOffset: p.Toks[ec.InitHi-1].End,
		Message: fmt.Sprintf("%s %s was initiated by %s, not %s", p.label(ec, e), when(e),
			p.c.L.ShortName(e.Initiator), ec.Initiator.Short),
		Expected: p.c.L.Entity(e.Initiator).Name,
		Evidence: analysis.EvidenceOf(e.ID, e.Pos, e.Sources),
	})
}

func (p *pass) checkVenue(ec *eventClaim, e *ledger.Event) {
	if ec.Venue == nil || e.Venue == "" {
		return
	}
	l := p.c.L
	claimed := ec.Venue.ID
	if l.Within(e.Venue, claimed) || l.Within(claimed, e.Venue) {
		return // the venue, or a place that contains it, or a part of it
	}
	if l.CountryOf(claimed) == "" || l.CountryOf(e.Venue) == "" {
		return // a place the ledger cannot locate: not judged
	}
	venue := l.Entity(e.Venue)
	p.report(Finding{
		Rule: "event-venue", Severity: Error,
		Offset: p.Toks[ec.VenueLo].Start, EndOffset: p.Toks[ec.VenueHi-1].End,
		Message:  fmt.Sprintf("%s %s %s held in %s, not %s", p.label(ec, e), when(e), verb(e), venue.Name, ec.Venue.Name),
		Expected: venue.Name,
		Evidence: analysis.EvidenceOf(e.ID, e.Pos, e.Sources),
	})
}

func (p *pass) checkDuration(ec *eventClaim, e *ledger.Event) {
	if ec.Duration == 0 || e.Duration == 0 {
		return
	}
	a, b := float64(ec.Duration), float64(e.Duration)
	if max(a, b)/min(a, b) < 1.5 {
		return
	}
	p.report(Finding{
		Rule: "event-duration", Severity: Warning,
		Offset: p.Toks[ec.DurLo].Start, EndOffset: p.Toks[ec.DurHi-1].End,
		Message: fmt.Sprintf("%s %s lasted %s, not %s", p.label(ec, e), when(e),
			shortDuration(e.Duration), shortDuration(ec.Duration)),
		Expected: shortDuration(e.Duration),
		Evidence: analysis.EvidenceOf(e.ID, e.Pos, e.Sources),
	})
}

// shortDuration writes 1h25m, 2h or 40m.
func shortDuration(d time.Duration) string {
	h, m := int(d.Hours()), int(d.Minutes())%60
	switch {
	case h == 0:
		return fmt.Sprintf("%dm", m)
	case m == 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%dm", h, m)
}

var ordinalNames = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

func ordinalName(n int) string {
	if n > 0 && n < len(ordinalNames) {
		return ordinalNames[n]
	}
	return fmt.Sprintf("%dth", n)
}

func (p *pass) checkOrdinal(ec *eventClaim, e *ledger.Event) {
	oc := ec.Ord
	if oc == nil || oc.LastMet {
		return
	}
	f := Finding{
		Rule: "ordinal", Severity: Error,
		Offset: p.Toks[oc.Lo].Start, EndOffset: p.Toks[oc.Hi-1].End,
	}
	if oc.Round {
		if e.Series == "" || e.Round == 0 || e.Round == oc.N {
			return
		}
		f.Message = fmt.Sprintf("%s %s %s round %d of the series, not the %s", p.label(ec, e), when(e), verb(e), e.Round, ordinalName(oc.N))
		f.Expected = ordinalName(e.Round) + " round"
		f.Evidence = analysis.EvidenceOf(e.ID, e.Pos, e.Sources)
		p.report(f)
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
			p.label(ec, e), when(e), ordinalName(oc.N), period, len(earlier), when(first), first.Kind)
		f.Evidence = analysis.EvidenceOf(first.ID, first.Pos, first.Sources)
	case actual < oc.N && p.covered(ec.Parts, kinds, civil.Span{First: oc.Period.First, Last: e.Start.First()}):
		f.Message = fmt.Sprintf("%s %s was the %s %s, not the %s: the ledger, complete for this period, holds %d earlier",
			p.label(ec, e), when(e), ordinalName(actual), period, ordinalName(oc.N), len(earlier))
		f.Evidence = analysis.EvidenceOf(e.ID, e.Pos, e.Sources)
	default:
		return
	}
	f.Expected = ordinalName(actual)
	p.report(f)
}

// covered reports whether a coverage declaration makes the ledger complete
// for these participants, kinds and period.
func (p *pass) covered(parts []*ledger.Entity, kinds []string, s civil.Span) bool {
	for _, c := range p.c.L.Coverage {
		if sameSet(parts, c.Participants) && subset(kinds, c.Kinds) &&
			!s.First.Before(c.From.First()) && !s.Last.After(c.To.Last()) {
			return true
		}
	}
	return false
}

// checkLastMet checks "X and Y last met (in person) in September": the
// ledger's latest such meeting before publication must fall in the claimed
// period. Only a later meeting the ledger holds refutes the claim.
func (p *pass) checkLastMet(ec *eventClaim) (string, string) {
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
	d := ec.Date
	p.report(Finding{
		Rule: "ordinal", Severity: Error,
		Offset: p.Toks[min(oc.Lo, d.Lo)].Start, EndOffset: p.Toks[max(oc.Hi, d.Hi)-1].End,
		Message: fmt.Sprintf("%s last met %s (%s), not %s (%s)", p.names(ec.Parts), when(last), last.ID,
			p.Text(d.Lo, d.Hi), spanText(ec.Span, ec.Prec)),
		Expected: strings.TrimPrefix(when(last), "on "),
		Evidence: analysis.EvidenceOf(last.ID, last.Pos, last.Sources),
	})
	return last.ID, ""
}
