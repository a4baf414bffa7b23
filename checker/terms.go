package checker

import (
	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

// termCues say a term began or ended.
var termCues = []struct {
	words []string
	start bool
}{
	{[]string{"took", "office"}, true},
	{[]string{"sworn", "in"}, true},
	{[]string{"assumed", "office"}, true},
	{[]string{"took", "over"}, true},
	{[]string{"left", "office"}, false},
	{[]string{"stepped", "down"}, false},
	{[]string{"resigned"}, false},
	{[]string{"stepped", "aside"}, false},
	{[]string{"was", "dismissed"}, false},
	{[]string{"was", "replaced"}, false},
}

// termFirst holds the first word of every term cue, to skip most tokens at once.
var termFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range termCues {
		m[c.words[0]] = true
	}
	return m
}()

// terms checks "X took office in …", "X stepped down as … in …" against the
// person's terms in the office the clause names.
func (p *pass) terms(s *sentence, cl lex.Range) {
	if p.hedged(cl) {
		return
	}
	cue, start := -1, false
	for i := cl.Lo; i < cl.Hi && cue < 0; i++ {
		if !termFirst[p.Toks[i].Norm] {
			continue
		}
		for _, c := range termCues {
			if p.seq(i, cl.Hi, c.words...) == i+len(c.words) && !p.Toks[i].Quoted {
				cue, start = i, c.start
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
		if m.hi <= cue && (m.lo >= cl.Lo || m.hi == cl.Lo-1 && p.Toks[cl.Lo].Is("who")) {
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
