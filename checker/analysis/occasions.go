package analysis

import (
	"slices"
	"time"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

// Occasion is one occasion on which people met or spoke, as counts and
// "last met" see it: the ledger may hold a visit, the talks and the banquet
// inside it, or the days of a summit, as several events. In-person events
// that overlap or follow each other within a day are one occasion; a call
// or a video conference is an occasion of its own.
type Occasion struct {
	Events      []*ledger.Event // in order of their start
	First, Last time.Time
}

// Span is the days of the occasion.
func (o *Occasion) Span() civil.Span { return civil.Span{First: o.First, Last: o.Last} }

// Has reports whether e is one of the occasion's events.
func (o *Occasion) Has(e *ledger.Event) bool { return slices.Contains(o.Events, e) }

// Latest is the occasion's event that ends last (the first such in start
// order).
func (o *Occasion) Latest() *ledger.Event {
	var last *ledger.Event
	for _, e := range o.Events {
		if last == nil || e.End.Last().After(last.End.Last()) {
			last = e
		}
	}
	return last
}

// Occasions groups events into occasions, in order of their first day.
func Occasions(evs []*ledger.Event) []Occasion {
	sorted := slices.Clone(evs)
	slices.SortStableFunc(sorted, func(a, b *ledger.Event) int {
		if c := a.Start.First().Compare(b.Start.First()); c != 0 {
			return c
		}
		return a.End.Last().Compare(b.End.Last())
	})
	var out []Occasion
	open := -1 // the latest in-person occasion
	for _, e := range sorted {
		sp := e.Span()
		inPerson := e.Kind != ledger.Call && e.Medium != ledger.Phone && e.Medium != ledger.Video
		if inPerson && open >= 0 && !sp.First.After(out[open].Last.AddDate(0, 0, 1)) {
			o := &out[open]
			o.Events = append(o.Events, e)
			if sp.Last.After(o.Last) {
				o.Last = sp.Last
			}
			continue
		}
		out = append(out, Occasion{Events: []*ledger.Event{e}, First: sp.First, Last: sp.Last})
		if inPerson {
			open = len(out) - 1
		}
	}
	return out
}

// Alone reports whether the people (or, for parties that are countries, the
// countries) taking part in e are exactly parts: a bilateral event of theirs.
func Alone(l *ledger.Ledger, e *ledger.Event, parts []*ledger.Entity) bool {
	if len(parts) == 0 {
		return false
	}
	kind := parts[0].Kind
	var ids []string
	for _, id := range e.Participants {
		if x := l.Entity(id); x != nil && x.Kind == kind {
			ids = append(ids, id)
		}
	}
	return SameSet(parts, ids)
}
