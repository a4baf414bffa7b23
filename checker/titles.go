package checker

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

// skipModifiers make a title claim too uncertain to judge.
var skipModifiers = map[string]bool{
	"then": true, "late": true, "outgoing": true, "incoming": true, "acting": true,
	"interim": true, "designate": true, "future": true, "elect": true, "elected": true,
	"newly": true, "deputy": true, "vice": true, "first": true, "onetime": true, "would-be": true,
	"possible": true, "next": true, "previous": true, "prospective": true, "caretaker": true,
}

// functionWords may stand capitalized before a title without being part of it.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "as": true, "when": true, "after": true, "before": true,
	"while": true, "since": true, "but": true, "and": true, "on": true, "in": true, "at": true,
	"with": true, "meanwhile": true, "also": true, "yesterday": true, "today": true,
	"earlier": true, "later": true, "by": true, "for": true, "from": true, "to": true,
	"of": true, "both": true, "says": true, "said": true, "told": true, "asked": true, "photo": true,
}

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
		p.settle(rec, tc.Office.ID, p.checkTitle(tc))
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
		if w.Is("ex") {
			tc.Former, tc.ModLo = true, i-1
			return true
		}
		return false
	}
	if t.Kind != lex.Word {
		return true
	}
	switch {
	case t.Is("former"):
		tc.Former, tc.ModLo = true, i
		if i-1 >= lo && p.Toks[i-1].Kind == lex.Word && skipModifiers[p.Toks[i-1].Norm] {
			return false
		}
		return true
	case skipModifiers[t.Norm]:
		return false
	case t.Upper && !functionWords[t.Norm] && !isMonth(t):
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

// checkTitle judges a title claim. It returns why it could not, or "".
func (p *pass) checkTitle(tc analysis.TitleClaim) string {
	if !p.HasPub {
		return "no publication date"
	}
	o, who := tc.Office, tc.Person
	holds, term := o.Holds(who.ID, p.Pub)
	startOff := p.Toks[tc.Start].Start
	endOff := p.Toks[tc.PersonHi-1].End
	switch {
	case tc.Former && holds == ledger.Holds:
		modEnd := p.Toks[tc.Start].Start
		p.report(Finding{
			Rule: "title-at-date", Severity: Error,
			Offset: p.Toks[tc.ModLo].Start, EndOffset: endOff,
			Message: fmt.Sprintf("%s holds the office of %s on %s (term from %s): not a former holder",
				who.Name, o.Title, dateText(p.Pub), term.From),
			Expected: p.Text(tc.Start, tc.PersonHi),
			Evidence: analysis.EvidenceOf(o.ID, term.Pos, term.Sources),
			Fix:      &Fix{Offset: p.Toks[tc.ModLo].Start, EndOffset: modEnd, Replacement: ""},
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
		p.report(Finding{
			Rule: "title-at-date", Severity: Error,
			Offset: startOff, EndOffset: endOff,
			Message: fmt.Sprintf("%s's term as %s ended on %s; on %s the title needs \"former\"",
				who.Name, o.Title, last.To, dateText(p.Pub)),
			Expected: rep + p.Text(tc.Start, tc.PersonHi),
			Evidence: analysis.EvidenceOf(o.ID, last.Pos, last.Sources),
			Fix:      &Fix{Offset: startOff, EndOffset: startOff, Replacement: rep},
		})
	case holds == ledger.DoesNotHold && !o.EverHeld(who.ID):
		return p.wrongOffice(tc, startOff, endOff)
	}
	return ""
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

// wrongOffice reports a title the person never held, when the ledger knows
// who held it on the publication date.
func (p *pass) wrongOffice(tc analysis.TitleClaim, startOff, endOff int) string {
	o, who := tc.Office, tc.Person
	if o.UncertainOn(p.Pub) {
		return "a term boundary in the ledger is too coarse to judge this date"
	}
	holders := o.HoldersOn(p.Pub)
	if len(holders) == 0 {
		return "the ledger names no holder of the office on that day"
	}
	var names []string
	for _, t := range holders {
		names = append(names, p.c.L.Entity(t.Holder).Name)
	}
	verb := "is"
	if len(names) > 1 {
		verb = "are"
	}
	msg := fmt.Sprintf("%s is not %s on %s: %s %s", who.Name, o.Title, dateText(p.Pub), strings.Join(names, ", "), verb)
	f := Finding{
		Rule: "office-holder", Severity: Error,
		Offset: startOff, EndOffset: endOff,
		Evidence: analysis.EvidenceOf(o.ID, holders[0].Pos, holders[0].Sources),
	}
	if held, term := p.heldInBody(o, who); held != nil {
		msg += fmt.Sprintf("; %s is %s", who.Name, held.Title)
		f.Expected = held.Title
		if i, word := oneWordSwap(tc, p.Toks, held); word != "" {
			f.Fix = &Fix{Offset: p.Toks[i].Start, EndOffset: p.Toks[i].End, Replacement: word}
			f.Expected = string(p.Article.Src[startOff:p.Toks[i].Start]) + word + string(p.Article.Src[p.Toks[i].End:endOff])
		}
		f.Evidence = analysis.EvidenceOf(held.ID, term.Pos, term.Sources)
		f.Evidence.ID = o.ID + ", " + held.ID
	}
	f.Message = msg
	p.report(f)
	return ""
}

// heldInBody finds another office of the same body that the person holds
// on the publication date; an office of no body has none.
func (p *pass) heldInBody(o *ledger.Office, who *ledger.Entity) (*ledger.Office, *ledger.Term) {
	if o.Body == "" {
		return nil, nil
	}
	for _, h := range p.Index.InBody(o.Body) {
		if h == o {
			continue
		}
		if ok, term := h.Holds(who.ID, p.Pub); ok == ledger.Holds {
			return h, term
		}
	}
	return nil, nil
}

// oneWordSwap finds a phrasing of held that differs from the matched phrase
// in exactly one word, and returns that word's token and its replacement.
func oneWordSwap(tc analysis.TitleClaim, toks []lex.Token, held *ledger.Office) (int, string) {
	n := tc.PhraseHi - tc.PhraseLo
	for _, ph := range held.Phrasings {
		pt := lex.Tokenize([]byte(ph), 0, len(ph))
		if len(pt) != n {
			continue
		}
		diff, at := 0, -1
		for j := range pt {
			if pt[j].Norm != toks[tc.PhraseLo+j].Norm {
				diff++
				at = j
			}
		}
		if diff == 1 {
			word := pt[at].Text
			if toks[tc.PhraseLo+at].Upper {
				word = strings.ToUpper(word[:1]) + word[1:]
			}
			return tc.PhraseLo + at, word
		}
	}
	return -1, ""
}
