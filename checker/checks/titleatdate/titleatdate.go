// Package titleatdate is the title-at-date check: a title that does not fit the publication date.
// doc.yaml beside it is what claimlint explain title-at-date prints.
package titleatdate

import (
	_ "embed"
	"fmt"
	"time"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
)

//go:embed doc.yaml
var doc []byte

// Check is the title-at-date check.
var Check = &analysis.Check{
	ID:       "title-at-date",
	Severity: analysis.Error,
	Doc:      analysis.MustDoc("title-at-date", doc),
	Title:    run,
}

// run judges whether a title fits the publication date: "former" for a
// holder, no "former" for one whose term ended. It returns why it could
// not judge, or "".
func run(p *analysis.Pass, tc *analysis.TitleClaim) string {
	o, who := tc.Office, tc.Person
	holds, term := o.Holds(who.ID, p.Pub)
	startOff := p.Toks[tc.Start].Start
	endOff := p.Toks[tc.PersonHi-1].End
	switch {
	case tc.Former && holds == ledger.Holds:
		modEnd := p.Toks[tc.Start].Start
		p.Report(analysis.Finding{
			Offset: p.Toks[tc.ModLo].Start, EndOffset: endOff,
			Message: fmt.Sprintf("%s holds the office of %s on %s (%s): not a former holder",
				who.Name, o.Title, analysis.DateText(p.Pub), termFrom(term)),
			Expected: p.Text(tc.Start, tc.PersonHi),
			Evidence: analysis.EvidenceOf(o.ID, term.Pos, term.Sources),
			Fix:      &analysis.Fix{Offset: p.Toks[tc.ModLo].Start, EndOffset: modEnd, Replacement: ""},
		})
	case holds == ledger.Unknown:
		return "a term boundary in the ledger is too coarse to judge this date"
	case tc.Former && o.EverHeld(who.ID):
		// A former holder who does not hold it now: right.
	case !tc.Former && holds == ledger.DoesNotHold && o.EverHeld(who.ID):
		// "In 2023, President A …" may use the title of its time: judge it
		// only if the person held the office on none of the days it names.
		for _, r := range tc.Refs {
			a, _ := o.Holds(who.ID, r.First)
			b, _ := o.Holds(who.ID, r.Last)
			if a != ledger.DoesNotHold || b != ledger.DoesNotHold {
				return "the clause dates itself to a day the person held the office"
			}
		}
		last := lastEnded(o, who.ID, p.Pub)
		if last == nil || o.UncertainOn(p.Pub) {
			return "the ledger cannot tell when the term ended"
		}
		rep := "former "
		if tc.Initial {
			rep = "Former "
		}
		p.Report(analysis.Finding{
			Offset: startOff, EndOffset: endOff,
			Message: fmt.Sprintf("%s's term as %s ended on %s; on %s the title needs \"former\"",
				who.Name, o.Title, last.To, analysis.DateText(p.Pub)),
			Expected: rep + p.Text(tc.Start, tc.PersonHi),
			Evidence: analysis.EvidenceOf(o.ID, last.Pos, last.Sources),
			Fix:      &analysis.Fix{Offset: startOff, EndOffset: startOff, Replacement: rep},
		})
	}
	return ""
}

// termFrom writes where a term starts: "term from 2025-01-20", or "in
// office on 2019-03-01" for a term whose start is unknown.
func termFrom(t *ledger.Term) string {
	if t.From.IsZero() {
		return "in office on " + t.InOfficeOn.String()
	}
	return "term from " + t.From.String()
}

// lastEnded returns the person's term in o that ended most recently on or
// before day t: a later term (a return to office) does not count.
func lastEnded(o *ledger.Office, who string, t time.Time) *ledger.Term {
	var last *ledger.Term
	for i := range o.Terms {
		term := &o.Terms[i]
		if term.Holder != who || term.To.IsZero() || term.To.First().After(t) {
			continue
		}
		if last == nil || term.To.First().After(last.To.First()) {
			last = term
		}
	}
	return last
}
