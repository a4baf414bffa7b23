package checker

import (
	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

// terms checks "X took office in …", "X stepped down as … in …" against the
// person's terms in the office the clause names.
func (p *pass) terms(s *sentence, cl lex.Range) {
	if p.hedged(cl) {
		return
	}
	cue, start := -1, false
	for i := cl.Lo; i < cl.Hi && cue < 0; i++ {
		if !p.c.termFirst[p.Toks[i].Norm] {
			continue
		}
		for k, c := range p.c.termCues {
			if p.seq(i, cl.Hi, c...) == i+len(c) && !p.Toks[i].Quoted {
				cue, start = i, k < len(p.Lang.Terms.Start)
				break
			}
		}
	}
	if cue < 0 {
		return
	}
	// The person is the one named last before the cue (the subject: "A took
	// office …, succeeding B"); a relative clause ("A, who took office …")
	// takes the name just before it.
	var person *ledger.Entity
	var offices []*ledger.Office
	for k := range s.ments {
		m := &s.ments[k]
		if m.hi <= cue && (m.lo >= cl.Lo || m.hi == cl.Lo-1 && p.Lang.Terms.Relative[p.Toks[cl.Lo].Norm]) {
			if per := m.person(); per != nil {
				person = per
			}
		}
		if m.lo >= cl.Lo && m.hi <= cl.Hi {
			offices = append(offices, m.offices...)
		}
	}
	if person == nil {
		return
	}
	var office *ledger.Office
	for _, o := range offices {
		if o.EverHeld(person.ID) && office != o {
			if office != nil {
				return
			}
			office = o
		}
	}
	if office == nil {
		return
	}
	exprs := timex.Find(p.Toks, cl.Lo, cl.Hi)
	if len(exprs) != 1 {
		return
	}
	e := exprs[0]
	if e.Form == timex.Weekday {
		return
	}
	r := e.Resolve(p.Pub, false)
	edge := "start"
	if !start {
		edge = "end"
	}
	rec := p.claim("office-term", min(cue, e.Lo), max(cue+1, e.Hi), map[string]string{
		"person": person.ID, "office": office.ID, "term": edge, "date": analysis.SpanText(r.Span, r.Prec)})
	if rec != nil {
		rec.Date = r
	}
	p.settle(rec, office.ID, p.judgeTerm(&analysis.TermClaim{Person: person, Office: office, Start: start, Cue: cue, Expr: e, Resolved: r}))
}
