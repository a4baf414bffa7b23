package checker

import (
	"sort"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

func (p *pass) titles(s *sentence) {
	for k := range s.ments {
		m := &s.ments[k]
		if len(m.offices) == 0 || k+1 >= len(s.ments) {
			continue
		}
		next := &s.ments[k+1]
		person := next.person()
		if person == nil || next.lo != m.hi || p.Toks[m.lo].Quoted {
			continue
		}
		tc := analysis.TitleClaim{Start: m.lo, PhraseLo: m.lo, PhraseHi: m.hi, Person: person, PersonHi: next.hi, ModLo: -1}
		// A country qualifier: "Russian", "U.S.", "Russia's".
		var qual *ledger.Entity
		if k > 0 {
			prev := &s.ments[k-1]
			switch {
			case prev.hi == m.lo && prev.country() != nil:
				qual, tc.Start = prev.country(), prev.lo
			case prev.hi == m.lo-1 && p.Toks[m.lo-1].Kind == lex.Possessive:
				if c := prev.country(); c != nil {
					qual, tc.Start = c, prev.lo
				} else {
					tc.Start = prev.lo // "A's adviser": a person, not a country
				}
			}
		}
		values := map[string]string{"person": person.ID}
		if !p.titleModifier(&tc, s.Lo) {
			p.settle(p.claim("title", m.lo, next.hi, values), "", "a hedged or longer title (then-, acting, Vice, Deputy …)")
			continue
		}
		tc.Initial = tc.Start == s.Lo
		tc.Office = p.pickOffice(m.offices, qual, person)
		lo := tc.Start
		if tc.ModLo >= 0 {
			lo = tc.ModLo
		}
		if tc.Office == nil {
			p.settle(p.claim("title", lo, next.hi, values), "", "the title names no office of the ledger that this person held")
			continue
		}
		values["office"] = tc.Office.ID
		if tc.Former {
			values["former"] = "true"
		}
		cl := p.clauseOf(s, m.lo)
		if p.HasPub {
			for _, e := range timex.Find(p.Toks, cl.Lo, cl.Hi) {
				tc.Refs = append(tc.Refs, e.Resolve(p.Pub, false).Span)
			}
		}
		rec := p.claim("title", lo, next.hi, values)
		p.settle(rec, tc.Office.ID, p.judgeTitle(&tc))
	}
}

// titleModifier reads what stands before the title. It returns false when the
// title is part of a longer one ("Vice President") or is hedged ("then-").
func (p *pass) titleModifier(tc *analysis.TitleClaim, lo int) bool {
	i := tc.Start - 1
	if i < lo {
		return true
	}
	t := p.Toks[i]
	// ex-President, then-President
	if t.Text == "-" && i-1 >= lo && p.Toks[i-1].End == t.Start {
		w := p.Toks[i-1]
		if p.Lang.Titles.Ex[w.Norm] {
			tc.Former, tc.ModLo = true, i-1
			return true
		}
		return false
	}
	if t.Kind != lex.Word {
		return true
	}
	switch {
	case p.Lang.Titles.Former[t.Norm]:
		tc.Former, tc.ModLo = true, i
		if i-1 >= lo && p.Toks[i-1].Kind == lex.Word && p.Lang.Titles.Hedges[p.Toks[i-1].Norm] {
			return false
		}
		return true
	case p.Lang.Titles.Hedges[t.Norm]:
		return false
	case t.Upper && !p.Lang.Titles.FunctionWords[t.Norm] && !timex.IsMonthName(t):
		if _, ok := timex.WeekdayName(t); ok {
			return true
		}
		return false // "Deputy Foreign Minister", "Vice President"
	}
	return true
}

// pickOffice narrows the offices a phrasing names to one, or returns nil.
func (p *pass) pickOffice(offices []*ledger.Office, qual, person *ledger.Entity) *ledger.Office {
	var cands []*ledger.Office
	for _, o := range offices {
		if qual != nil && o.Country != qual.ID {
			continue
		}
		if qual == nil && !o.EverHeld(person.ID) {
			continue
		}
		cands = append(cands, o)
	}
	if len(cands) > 1 {
		var held []*ledger.Office
		for _, o := range cands {
			if o.EverHeld(person.ID) {
				held = append(held, o)
			}
		}
		cands = held
	}
	if len(cands) != 1 {
		return nil
	}
	return cands[0]
}

// clauseOf returns the clause of s that holds token tok.
func (p *pass) clauseOf(s *sentence, tok int) lex.Range {
	i := sort.Search(len(s.clauses), func(i int) bool { return s.clauses[i].Hi > tok })
	if i < len(s.clauses) && tok >= s.clauses[i].Lo {
		return s.clauses[i]
	}
	return s.Range
}
