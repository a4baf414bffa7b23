package analysis

import (
	"slices"
	"time"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

// Index answers the questions the checks ask of a ledger, without scanning
// a ledger of a hundred thousand events for every claim. It is built once
// per ledger and is safe for concurrent use.
type Index struct {
	L *ledger.Ledger
	// eventsOf are the events each entity took part in, and inBody the
	// offices of each body, in ledger order.
	eventsOf map[string][]*ledger.Event
	inBody   map[string][]*ledger.Office
}

// NewIndex indexes a ledger.
func NewIndex(l *ledger.Ledger) *Index {
	x := &Index{L: l, eventsOf: map[string][]*ledger.Event{}, inBody: map[string][]*ledger.Office{}}
	for _, o := range l.Offices {
		if o.Body != "" {
			x.inBody[o.Body] = append(x.inBody[o.Body], o)
		}
	}
	for _, ev := range l.Events {
		for _, id := range ev.Participants {
			if evs := x.eventsOf[id]; len(evs) == 0 || evs[len(evs)-1] != ev { // an id listed twice
				x.eventsOf[id] = append(evs, ev)
			}
		}
	}
	return x
}

// InBody returns the offices of a body, in ledger order.
func (x *Index) InBody(body string) []*ledger.Office { return x.inBody[body] }

// Candidates are the events of one of kinds in which every one of parts
// took part (anchors excluded), in ledger order.
func (x *Index) Candidates(parts []*ledger.Entity, kinds []string) []*ledger.Event {
	// Only the events of the participant in the fewest need be looked at.
	events := x.L.Events
	for i, p := range parts {
		if evs := x.eventsOf[p.ID]; i == 0 || len(evs) < len(events) {
			events = evs
		}
	}
	var out []*ledger.Event
	for _, e := range events {
		if e.Kind == ledger.Anchor || !slices.Contains(kinds, e.Kind) {
			continue
		}
		all := true
		for _, p := range parts {
			if !slices.Contains(e.Participants, p.ID) {
				all = false
				break
			}
		}
		if all {
			out = append(out, e)
		}
	}
	return out
}

// Covered reports whether a coverage declaration makes the ledger complete
// for these participants, kinds and period.
func (x *Index) Covered(parts []*ledger.Entity, kinds []string, s civil.Span) bool {
	for _, c := range x.L.Coverage {
		if SameSet(parts, c.Participants) && Subset(kinds, c.Kinds) &&
			!s.First.Before(c.From.First()) && !s.Last.After(c.To.Last()) {
			return true
		}
	}
	return false
}

// ZoneOf returns the time zone of an entity, or of the country or place
// that contains it.
func (x *Index) ZoneOf(id string) *time.Location { return x.L.ZoneOf(id) }

// SameSet reports whether parts are exactly the entities ids name.
func SameSet(parts []*ledger.Entity, ids []string) bool {
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

// Subset reports whether every element of a is in b.
func Subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
