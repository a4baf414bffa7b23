// Package eventunknown is the event-unknown check: an event the ledger declares complete coverage for, but does not hold.
// doc.yaml beside it is what claimlint explain event-unknown prints.
package eventunknown

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

//go:embed doc.yaml
var doc []byte

// Check is the event-unknown check.
var Check = &analysis.Check{
	ID:       "event-unknown",
	Severity: analysis.Error,
	Doc:      analysis.MustDoc("event-unknown", doc),
	Event:    run,
}

func run(p *analysis.Pass, ec *analysis.EventClaim, m *analysis.Match) {
	if m.Unmatched {
		unknown(p, ec)
	}
}

// unknown reports a dated event that the ledger, covering those
// participants and kinds, does not hold.
func unknown(p *analysis.Pass, ec *analysis.EventClaim) {
	if ec.Prec != civil.Day || !ec.Date.Exact() {
		return
	}
	for _, c := range p.Ledger.Coverage {
		if !analysis.SameSet(ec.Parts, c.Participants) || !analysis.Subset(ec.Kinds, c.Kinds) {
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
				return // something happened then; the kind may be loosely worded
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
			names = append(names, p.Ledger.ShortName(x.ID))
		}
		pair := strings.Join(names, "–")
		var near []string
		for _, e := range []*ledger.Event{before, after} {
			if e != nil {
				near = append(near, fmt.Sprintf("%s %s", e.Kind, strings.TrimPrefix(analysis.When(e), "on ")))
			}
		}
		nearest := "none"
		if len(near) > 0 {
			nearest = strings.Join(near, "; ")
		}
		lo, hi := min(ec.Cue, ec.Date.Lo), max(ec.Cue+1, ec.Date.Hi)
		p.Report(analysis.Finding{
			Offset: p.Toks[lo].Start, EndOffset: p.Toks[hi-1].End,
			Message: fmt.Sprintf("the ledger holds every %s %s from %s to %s and none on %s; nearest: %s",
				pair, strings.Join(c.Kinds, ", "), c.From, c.To, analysis.SpanText(ec.Span, ec.Prec), nearest),
			Expected: nearest,
			Evidence: analysis.EvidenceOf("coverage", c.Pos, nil),
		})
		return
	}
}
