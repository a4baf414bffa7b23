// Package titleatdate is the title-at-date check: a title that does not fit the publication date.
// doc.yaml beside it is what claimlint explain title-at-date prints.
package titleatdate

import (
	_ "embed"
	"fmt"
	"time"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
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
// holder, no "former" for one whose term ended, and no title for one whose
// term has not begun. It returns why it could not judge, or "".
func run(p *analysis.Pass, tc *analysis.TitleClaim) string {
	o, who := tc.Office, tc.Person
	holds, term := o.Holds(who.ID, p.Pub)
	lo, hi := tc.Span()
	startOff, endOff := p.Toks[lo].Start, p.Toks[hi-1].End
	switch {
	case tc.Former && holds == ledger.Holds:
		// "In 2023, former President A …": judged only if the person held
		// the office on every day the clause names.
		for _, r := range tc.Refs {
			a, _ := o.Holds(who.ID, r.First)
			b, _ := o.Holds(who.ID, r.Last)
			if a != ledger.Holds || b != ledger.Holds {
				return "the clause dates itself to a day the person did not hold the office"
			}
		}
		fix := &analysis.Fix{Offset: p.Toks[tc.ModLo].Start, EndOffset: p.Toks[tc.ModLo+1].Start, Replacement: ""}
		if tc.ModLo+1 < len(p.Toks) && p.Toks[tc.ModLo+1].Text == "-" {
			fix.EndOffset = p.Toks[tc.ModLo+1].End // "ex-"
		}
		p.Report(analysis.Finding{
			Offset: startOff, EndOffset: endOff,
			Message: fmt.Sprintf("%s holds the office of %s on %s (%s): not a former holder",
				who.Name, o.Title, analysis.DateText(p.Pub), termFrom(term)),
			Expected: p.Fixed(lo, hi, fix),
			Evidence: analysis.EvidenceOf(o.ID, term.Pos, term.Sources),
			Fix:      fix,
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
		if o.UncertainOn(p.Pub) {
			return "the ledger cannot tell when the term ended"
		}
		last := lastEnded(o, who.ID, p.Pub)
		if last == nil {
			return notYet(p, tc, startOff, endOff)
		}
		if p.Pub.Sub(last.To.Last()) < handover {
			// An article of the day the office changed hands may tell of
			// the change, or show the person still in it.
			return "the term ended on the day of publication"
		}
		reportEnded(p, tc, last, lo, hi)
	}
	return ""
}

// handover is how long after a term's end a current title is not judged:
// on the day of the change itself, the news of it still names the office
// left.
const handover = 24 * time.Hour

// reportEnded reports a current title for a person whose term ended. When
// the person now holds another office, the message names it, and the fix is
// that office's title when it is a promotion within the body or the title
// written shorter or longer ("Deputy Defence Minister" for a minister now,
// "President-elect" for a president now); otherwise the fix is "former".
func reportEnded(p *analysis.Pass, tc *analysis.TitleClaim, last *ledger.Term, lo, hi int) {
	o, who := tc.Office, tc.Person
	msg := fmt.Sprintf("%s's term as %s ended on %s; on %s ", who.Name, o.Title, last.To, analysis.DateText(p.Pub))
	at := tc.Start
	if tc.Start < tc.PhraseLo && p.Toks[tc.PhraseLo-1].Kind == lex.Possessive {
		at = tc.PhraseLo // "Russia's former defence minister"
	}
	rep := "former "
	if tc.Initial && at == tc.Start {
		rep = "Former "
	}
	fix := &analysis.Fix{Offset: p.Toks[at].Start, EndOffset: p.Toks[at].Start, Replacement: rep}
	now, nowTerm, title := heldNow(p, tc)
	ev := analysis.EvidenceOf(o.ID, last.Pos, last.Sources)
	switch {
	case now != nil && title != "":
		msg += fmt.Sprintf("%s is %s (since %s)", who.Name, now.Title, nowTerm.From)
		fix = &analysis.Fix{Offset: p.Toks[tc.PhraseLo].Start, EndOffset: p.Toks[tc.PhraseHi-1].End, Replacement: title}
		ev = analysis.EvidenceOf(o.ID+", "+now.ID, nowTerm.Pos, nowTerm.Sources)
	case now != nil:
		msg += fmt.Sprintf("the title needs \"former\" (%s is %s since %s)", who.Name, now.Title, nowTerm.From)
	default:
		msg += "the title needs \"former\""
	}
	p.Report(analysis.Finding{
		Offset: p.Toks[lo].Start, EndOffset: p.Toks[hi-1].End,
		Message:  msg,
		Expected: p.Fixed(lo, hi, fix),
		Evidence: ev,
		Fix:      fix,
	})
}

// notYet reports a title whose holder's term has not begun, when no one
// holds the office in between (with a holder, office-holder reports it).
func notYet(p *analysis.Pass, tc *analysis.TitleClaim, startOff, endOff int) string {
	o, who := tc.Office, tc.Person
	var next *ledger.Term
	for i := range o.Terms {
		t := &o.Terms[i]
		if t.Holder == who.ID && t.From.First().After(p.Pub) && (next == nil || t.From.First().Before(next.From.First())) {
			next = t
		}
	}
	if next == nil {
		return "the ledger cannot tell when the term ended"
	}
	if len(o.HoldersOn(p.Pub)) > 0 {
		return "" // someone else holds it: office-holder's
	}
	p.Report(analysis.Finding{
		Offset: startOff, EndOffset: endOff,
		Message: fmt.Sprintf("%s does not hold the office of %s on %s: not yet, the term starts on %s",
			who.Name, o.Title, analysis.DateText(p.Pub), next.From),
		Evidence: analysis.EvidenceOf(o.ID, next.Pos, next.Sources),
	})
	return ""
}

// heldNow finds the office the person holds on the publication date that
// the message should name, with the title to write when the fix is to
// write it: an office whose phrasing is the claimed title written shorter
// or longer, then one of the same body, then the only one.
func heldNow(p *analysis.Pass, tc *analysis.TitleClaim) (*ledger.Office, *ledger.Term, string) {
	var held []*ledger.Office
	var terms []*ledger.Term
	for _, h := range p.Ledger.Offices {
		if h == tc.Office {
			continue
		}
		if ok, t := h.Holds(tc.Person.ID, p.Pub); ok == ledger.Holds {
			held, terms = append(held, h), append(terms, t)
		}
	}
	for i, h := range held {
		if title := p.Rewritten(tc, h); title != "" {
			return h, terms[i], title
		}
	}
	if tc.Office.Body != "" {
		for i, h := range held {
			if h.Body == tc.Office.Body && len(h.Phrasings) > 0 {
				return h, terms[i], p.Cased(tc, h.Phrasings[0])
			}
		}
	}
	if len(held) == 1 {
		return held[0], terms[0], ""
	}
	return nil, nil, ""
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

// termFrom writes where a term starts: "term from 2025-01-20", or "in
// office on 2019-03-01" for a term whose start is unknown.
func termFrom(t *ledger.Term) string {
	if t.From.IsZero() {
		return "in office on " + t.InOfficeOn.String()
	}
	return "term from " + t.From.String()
}
