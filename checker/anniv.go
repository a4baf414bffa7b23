package checker

import (
	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/timex"
)

// anniversaries checks "the third anniversary of Russia's invasion" and
// "as the war approaches its fourth anniversary".
func (p *pass) anniversaries(s *sentence) {
	for i := s.Lo + 1; i < s.Hi; i++ {
		if !p.Lang.Anniversary.Words[p.Toks[i].Norm] || p.Toks[i].Quoted {
			continue
		}
		n, ok := p.ordinalN(p.Toks[i-1])
		if !ok {
			continue
		}
		if anchor := p.anchorOf(s, i); anchor != nil && anchor.Start.Prec == civil.Day {
			p.anniversary(s, anchor, i-1, n)
		}
	}
}

// anchorOf finds the anchor event an anniversary word at token i counts
// from: the one named just after "anniversary of", else the nearest one
// before it in its clause ("the war … approaches its fourth anniversary"),
// else the only one in the sentence.
func (p *pass) anchorOf(s *sentence, i int) *ledger.Event {
	one := func(m *mention) *ledger.Event {
		if len(m.anchors) == 1 {
			return m.anchors[0]
		}
		return nil
	}
	if i+1 < s.Hi && p.Lang.Anniversary.Of[p.Toks[i+1].Norm] {
		for k := range s.ments {
			m := &s.ments[k]
			if m.lo > i+1 && m.lo <= i+6 && len(m.anchors) > 0 {
				return one(m)
			}
		}
		return nil
	}
	cl := p.clauseOf(s, i)
	var before *ledger.Event
	for k := range s.ments {
		m := &s.ments[k]
		if m.lo >= cl.Lo && m.hi <= i && len(m.anchors) > 0 {
			before = one(m)
		}
	}
	if before != nil {
		return before
	}
	var only *ledger.Event
	for k := range s.ments {
		for _, a := range s.ments[k].anchors {
			if only != nil && only != a {
				return nil // two anchors: which anniversary is meant?
			}
			only = a
		}
	}
	return only
}

func (p *pass) anniversary(s *sentence, anchor *ledger.Event, ordTok, n int) {
	rec := p.claim("anniversary", ordTok, ordTok+2, map[string]string{"anchor": anchor.ID, "ordinal": p.Lang.OrdinalName(n)})
	ac, reason := p.readAnniversary(s, anchor, ordTok, n)
	if ac != nil {
		reason = p.judgeAnniversary(ac)
	}
	p.settle(rec, anchor.ID, reason)
}

// readAnniversary reads what dates an anniversary claim: a cue before it
// (marks, approaches) or a year in its clause. It returns why the claim
// cannot be judged when it counts from another time ("since", "after").
func (p *pass) readAnniversary(s *sentence, anchor *ledger.Event, ordTok, n int) (*analysis.AnniversaryClaim, string) {
	ac := &analysis.AnniversaryClaim{Anchor: anchor, OrdTok: ordTok, N: n}
	_, ac.OrdWord = p.Lang.Ordinals[p.Toks[ordTok].Norm]
	cl := p.clauseOf(s, ordTok)
	an := &p.Lang.Anniversary
	for i := cl.Lo; i < ordTok; i++ {
		t := p.Toks[i]
		switch {
		case an.Approach[t.Norm] || p.phraseAt(i, ordTok, an.ApproachPairs):
			ac.Mode = "approach"
		case an.Mark[t.Norm]:
			ac.Mode = "mark"
		case an.OtherTime[t.Norm]:
			return nil, "counted from another time (since, after, before)"
		}
	}
	// A year written in the clause dates the anniversary: "… in 2019".
	for _, e := range timex.Find(p.Toks, cl.Lo, cl.Hi) {
		if e.Form == timex.YearOnly {
			e := e
			ac.InYear = &e
		}
	}
	return ac, ""
}
