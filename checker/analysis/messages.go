package analysis

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

// How findings write what the ledger says: the same words in every check.

// Label names an event in a message: "the A–B call", or the event's title;
// the parties in the order the claim ec names them, if ec is not nil.
func (p *Pass) Label(ec *EventClaim, e *ledger.Event) string {
	if e.Title != "" {
		return "the " + e.Title
	}
	var names []string
	for _, x := range claimParts(ec) {
		if slices.Contains(e.Participants, x.ID) {
			names = append(names, p.Ledger.ShortName(x.ID))
		}
	}
	if len(names) < 2 {
		names = names[:0]
		for _, id := range e.Participants {
			names = append(names, p.Ledger.ShortName(id))
		}
	}
	return "the " + strings.Join(names, "–") + " " + e.Kind
}

func claimParts(ec *EventClaim) []*ledger.Entity {
	if ec == nil {
		return nil
	}
	return ec.Parts
}

// Names joins short names: "A and B", "A, B and C".
func (p *Pass) Names(es []*ledger.Entity) string {
	var out []string
	for _, e := range es {
		out = append(out, p.Ledger.ShortName(e.ID))
	}
	if len(out) < 2 {
		return strings.Join(out, "")
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}

// Verb is "were" for talks and "was" for any other event.
func Verb(e *ledger.Event) string {
	if e.Kind == ledger.Talks {
		return "were"
	}
	return "was"
}

// When writes an event's dates: "on Monday 2025-02-24", "in 2025-02",
// "from 2025-08-31 to 2025-09-03".
func When(e *ledger.Event) string {
	if e.Start == e.End {
		if e.Start.Prec == civil.Day {
			return "on " + civil.FormatDay(e.Start.First())
		}
		return "in " + e.Start.String()
	}
	return fmt.Sprintf("from %s to %s", e.Start, e.End)
}

// DateText writes a day as 2025-02-24.
func DateText(t time.Time) string { return t.Format("2006-01-02") }

// SpanText writes a claimed span at its precision: 2025, 2025-02,
// 2025-02-24 or "2025-02-17 to 2025-02-23".
func SpanText(s civil.Span, prec civil.Precision) string {
	return civil.Period{Span: s, Prec: prec}.String()
}

// ShortDuration writes 1h25m, 2h or 40m.
func ShortDuration(d time.Duration) string {
	h, m := int(d.Hours()), int(d.Minutes())%60
	switch {
	case h == 0:
		return fmt.Sprintf("%dm", m)
	case m == 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%dm", h, m)
}
