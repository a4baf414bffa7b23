package checker

import (
	"slices"
	"strconv"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

// terms reads the claims of a clause about a term of office and judges
// them against the person's terms:
//
//   - a cue and the date it gives: "A took office in …", "A stepped down as
//     national security adviser in March", "A, who left office in 2020"
//     (no office named: the one A's term began or ended in then);
//   - an office and a period after a name: "A, prime minister since 2016",
//     "A, who had been chancellor since 2022", "A served as prime minister
//     from 2015 to 2024", "A, Britain's prime minister until last week".
//
// A claim is not read when the clause up to its date is hedged or future
// ("who will be sworn in on …"; a hedge after the date is another
// clause's: "A, prime minister since 2016, said he would …"), nor a cue
// after a reporting verb ("announced … that he had stepped down in
// September": the date may be the announcement's).
func (p *pass) terms(s *sentence, cl lex.Range) {
	// A relative clause between commas ends at the next one: "A, who
	// stepped down in March, did not attend" (the hedge is the main clause's).
	if cl.Lo < cl.Hi && p.Toks[cl.Lo].In(p.Lang.Terms.Relative) {
		for i := cl.Lo + 1; i < cl.Hi; i++ {
			if p.Toks[i].Text == "," {
				cl.Hi = i
				break
			}
		}
	}
	if s.isDenied(p) {
		return
	}
	p.termCue(s, cl)
	p.termPeriods(s, cl)
}

// termCue reads "A took office on …" and its kind.
func (p *pass) termCue(s *sentence, cl lex.Range) {
	tw := &p.Lang.Terms
	cue, end, start, needsOffice, needsNamed, gerund := -1, -1, false, false, false, false
	for i := cl.Lo; i < cl.Hi && cue < 0; i++ {
		if p.Toks[i].Quoted {
			continue
		}
		if p.Toks[i].In(p.c.termFirst) {
			for k, c := range p.c.termCues {
				if e := p.seq(i, cl.Hi, c...); e == i+len(c) {
					cue, end, start = i, e, k < len(tw.Start)
					break
				}
			}
		}
		if cue < 0 {
			for _, c := range tw.StartWithOffice {
				if n := p.phraseLen(i, cl.Hi, c); n > 0 {
					cue, end, start, needsOffice = i, i+n, true, true
					break
				}
			}
		}
		if cue < 0 {
			for _, c := range tw.EndWithOffice {
				if e := p.seq(i, cl.Hi, c...); e == i+len(c) {
					cue, end, needsNamed = i, e, true
					break
				}
			}
		}
		if cue < 0 && i > cl.Lo && p.Toks[i-1].In(tw.GerundAfter) {
			for k, c := range append(slices.Clone(tw.GerundStart), tw.GerundEnd...) {
				if e := p.seq(i, cl.Hi, c...); e == i+len(c) {
					cue, end, start, gerund = i, e, k < len(tw.GerundStart), true
					break
				}
			}
		}
	}
	if cue < 0 {
		return
	}
	// "announced on Monday that he had stepped down": the date may be the
	// announcement's.
	for i := cl.Lo; i < cue; i++ {
		if p.Toks[i].In(tw.Announce) || p.Toks[i].In(p.Lang.Tense.Reporting) {
			return
		}
	}
	person := p.termPerson(s, cl, cue)
	if gerund {
		person = p.gerundSubject(s, cue)
	}
	if person == nil {
		return
	}
	// The office: named at once after "became", or after a role word ("as
	// prime minister", "at NATO"), before or after the date ("took office
	// last week as prime minister"); else one named in the clause
	// ("Security Council Secretary A stepped down in 2023"); else none, and
	// the claim is about the office whose term began or ended then.
	var office *ledger.Office
	named := false
	role := func(at int, bare bool) (int, bool) {
		if !bare {
			if at >= cl.Hi || !p.Toks[at].In(tw.Role) {
				return at, true
			}
			at++
		}
		offs, hi := p.officeAt(at, cl.Hi, person)
		if hi < 0 {
			return at, false // a role the ledger does not know: "stepped down as party leader"
		}
		office, named = one(offs), true
		return hi, true
	}
	j, ok := role(end, needsOffice)
	if !ok {
		return
	}
	e, ok := p.termDate(j, cl)
	if !ok {
		if e, ok = p.dateBeforeCue(cl, cue); !ok {
			return
		}
	}
	if !named {
		if _, ok := role(e.Hi, false); !ok {
			return
		}
	}
	if named && office == nil {
		return // the role names two offices the person held
	}
	if needsNamed && !named {
		return // "Bo Sample stepped aside in July": from a race, not an office
	}
	if !named {
		var offs []*ledger.Office
		for k := range s.ments {
			m := &s.ments[k]
			if m.lo >= cl.Lo && m.hi <= cl.Hi {
				for _, o := range m.offices {
					if o.EverHeld(person.ID) {
						offs = append(offs, o)
					}
				}
			}
		}
		if len(offs) > 0 {
			if office = one(offs); office == nil {
				return
			}
		}
	}
	p.termClaim(cl, person, office, start, cue, e)
}

// termPeriods reads "A, prime minister since 2016", "A, who was foreign
// secretary until last week", "A served as prime minister from 2015 to
// 2024".
func (p *pass) termPeriods(s *sentence, cl lex.Range) {
	tw := &p.Lang.Terms
	for i := cl.Lo; i < cl.Hi; i++ {
		if p.Toks[i].Quoted || !p.Toks[i].In(p.c.periodWords) {
			continue
		}
		o, person := p.officeBefore(s, cl, i)
		if o == nil {
			continue
		}
		e, ok := p.dateAt(i+1, cl.Hi)
		if !ok {
			continue
		}
		switch {
		case p.Toks[i].In(tw.Since):
			p.termClaim(cl, person, o, true, i, e)
		case p.Toks[i].In(tw.Until):
			if p.pastEnd(o, person, e) {
				p.termClaim(cl, person, o, false, i, e)
			}
		default:
			if e.Hi >= cl.Hi || !p.Toks[e.Hi].In(tw.To) {
				continue
			}
			e2, ok := p.dateAt(e.Hi+1, cl.Hi)
			if !ok {
				continue
			}
			p.termClaim(cl, person, o, true, i, e)
			if p.pastEnd(o, person, e2) {
				p.termClaim(cl, person, o, false, e.Hi, e2)
			}
		}
	}
}

// pastEnd reports whether an end "until …" may be judged: the person no
// longer holds the office, or the date names a year before publication
// ("president from 2017 to 2021" of a president back in office). For a
// holder, "until January" and "until 2029" are ends still to come.
func (p *pass) pastEnd(o *ledger.Office, person *ledger.Entity, e timex.Expr) bool {
	if h, _ := o.Holds(person.ID, p.Pub); h == ledger.DoesNotHold {
		return true
	}
	return !e.Relative() && e.Resolve(p.Pub, false).Span.Last.Before(p.Pub)
}

// termClaim judges one claim that person's term began (start) or ended on
// the date of e: in office, or, when office is nil, in the office whose
// term began or ended then. cl is the clause, read up to the date for
// hedges and the future.
func (p *pass) termClaim(cl lex.Range, person *ledger.Entity, office *ledger.Office, start bool, cue int, e timex.Expr) {
	upTo := lex.Range{Lo: cl.Lo, Hi: e.Hi}
	if p.hedged(upTo) {
		return
	}
	if future, _ := p.tense(upTo); future {
		return
	}
	r := e.Resolve(p.Pub, false)
	edge := "start"
	if !start {
		edge = "end"
	}
	id, name := person.ID, ""
	if office != nil {
		id, name = office.ID, office.ID
	}
	rec := p.claim("office-term", min(cue, e.Lo), max(cue+1, e.Hi), map[string]string{
		"person": person.ID, "office": name, "term": edge, "date": analysis.SpanText(r.Span, r.Prec)})
	if rec != nil {
		rec.Date = r
	}
	p.settle(rec, id, p.judgeTerm(&analysis.TermClaim{Person: person, Office: office, Start: start, Cue: cue, Expr: e, Resolved: r}))
}

// termPerson is the person a cue at token cue is about: the one named last
// before it in its clause (the subject: "A took office …, succeeding B"),
// or, in a relative clause ("A, who took office …"), the one named just
// before it.
func (p *pass) termPerson(s *sentence, cl lex.Range, cue int) *ledger.Entity {
	var person *ledger.Entity
	for k := range s.ments {
		m := &s.ments[k]
		if m.hi <= cue && (m.lo >= cl.Lo || m.hi == cl.Lo-1 && p.Toks[cl.Lo].In(p.Lang.Terms.Relative)) {
			if per := m.person(); per != nil {
				person = per
			}
		}
	}
	return person
}

// gerundSubject is the person a fronted gerund is about: the subject of the
// main clause after the comma ("Since taking office in January, Ada Example
// has …"), after any title before the name.
func (p *pass) gerundSubject(s *sentence, cue int) *ledger.Entity {
	comma := -1
	for i := cue; i < s.Hi; i++ {
		if p.Toks[i].Text == "," {
			comma = i
			break
		}
	}
	if comma < 0 {
		return nil
	}
	j := comma + 1
	for k := range s.ments {
		m := &s.ments[k]
		if m.lo < j {
			continue
		}
		if m.lo > j {
			return nil
		}
		if per := m.person(); per != nil {
			return per
		}
		if len(m.offices) == 0 && m.demonym == nil && m.country() == nil {
			return nil
		}
		j = m.hi // a title or a country before the name
	}
	return nil
}

// termDate reads the date at token j of a clause, after an optional
// preposition ("in March", "on Friday", "last week").
func (p *pass) termDate(j int, cl lex.Range) (timex.Expr, bool) {
	if j < cl.Hi && p.Toks[j].In(p.Lang.Terms.DatePrepositions) {
		j++
	}
	return p.dateAt(j, cl.Hi)
}

// dateBeforeCue reads the date of a cue that has none after it, when it
// stands before: opening the clause, set off by a comma ("Last month, A
// resigned", "On Sunday, A took office"), or between the subject and the
// cue, after a preposition and before at most an adverb ("A on Sunday
// formally took office"). The clause must have no other date before the
// cue.
func (p *pass) dateBeforeCue(cl lex.Range, cue int) (timex.Expr, bool) {
	es := timex.Find(p.Toks, cl.Lo, cue)
	if len(es) != 1 || p.Toks[es[0].Lo].Quoted {
		return timex.Expr{}, false
	}
	e := es[0]
	prep := e.Lo > cl.Lo && p.Toks[e.Lo-1].In(p.Lang.Terms.DatePrepositions)
	lo := e.Lo
	if prep {
		lo--
	}
	if lo == cl.Lo && e.Hi < cue && p.Toks[e.Hi].Text == "," {
		return e, true
	}
	k := e.Hi
	if k < cue && p.Toks[k].In(p.Lang.Terms.Adverbs) {
		k++
	}
	if k == cue && prep && lo > cl.Lo && p.Toks[lo-1].Kind == lex.Word && p.Toks[lo-1].Upper {
		return e, true // after a name: "A on Sunday took office"
	}
	return timex.Expr{}, false
}

// dateAt reads a date expression that begins at token j: one timex finds
// (with a year after it: "July last year"), or a bare year ("from 2015 to
// 2024").
func (p *pass) dateAt(j, hi int) (timex.Expr, bool) {
	if j >= hi || p.Toks[j].Quoted {
		return timex.Expr{}, false
	}
	lo := max(j-1, 0)
	exprs := timex.Find(p.Toks, lo, hi)
	for k, e := range exprs {
		if e.Lo == j {
			// "in July last year", "in July of last year": the month of
			// that year.
			if k+1 < len(exprs) && e.Year == 0 && (e.Form == timex.MonthOnly || e.Form == timex.MonthDay) {
				n := exprs[k+1]
				gap := n.Lo - e.Hi
				if (gap == 0 || gap == 1 && p.Toks[e.Hi].In(p.Lang.Anniversary.Of)) &&
					(n.Form == timex.LastYear || n.Form == timex.ThisYear || n.Form == timex.NextYear) {
					e.Year, e.Hi = n.Resolve(p.Pub, false).Span.First.Year(), n.Hi
				}
			}
			return e, true
		}
		if e.Lo > j {
			break
		}
	}
	if t := p.Toks[j]; t.Kind == lex.Number && len(t.Text) == 4 {
		if y, err := strconv.Atoi(t.Text); err == nil && y >= 1900 && y < 2200 {
			return timex.Expr{Lo: j, Hi: j + 1, Form: timex.YearOnly, Year: y, DayTok: -1}, true
		}
	}
	return timex.Expr{}, false
}

// officeAt reads an office named at token i, in any case: the offices one
// of the ledger's phrasings names ("national security adviser"), after
// words such as "the" or "Estonia's", or those of an organisation ("at
// NATO"). It returns the offices the person held and the end of the
// phrase, or hi -1 when no office of the ledger is named there. A place
// named with the office ("Estonia's prime minister", "president of the
// chess federation") must be the office's country or body.
func (p *pass) officeAt(i, hi int, person *ledger.Entity) ([]*ledger.Office, int) {
	var where *ledger.Entity
	for k := 0; i < hi && k < 4; k++ {
		n, vals := p.c.vocab.Longest(p.Toks[i:hi], 0)
		var offs []*ledger.Office
		var place *ledger.Entity
		for _, v := range vals {
			switch {
			case v.kind == vPhrasing && v.office.EverHeld(person.ID):
				offs = append(offs, v.office)
			case v.kind == vName && v.ent.Kind == ledger.Organisation:
				for _, o := range p.Index.InBody(v.ent.ID) {
					if o.EverHeld(person.ID) {
						offs = append(offs, o)
					}
				}
				place = v.ent
			case v.kind == vName && v.ent.Kind == ledger.Country || v.kind == vDemonym:
				place = v.ent
			}
		}
		if len(offs) > 0 {
			end := i + n
			// "president of the chess federation": of what?
			if end+1 < hi && p.Toks[end].In(p.Lang.Anniversary.Of) {
				j := end + 1
				if p.Toks[j].In(p.Lang.Terms.RoleFillers) {
					j++
				}
				m, ents := p.c.vocab.Longest(p.Toks[j:hi], 0)
				var of *ledger.Entity
				for _, v := range ents {
					if v.kind == vName && (v.ent.Kind == ledger.Country || v.ent.Kind == ledger.Organisation) {
						of = v.ent
					}
				}
				if of == nil || where != nil && where != of {
					return nil, -1
				}
				where, end = of, j+m
			}
			if where != nil {
				offs = slices.DeleteFunc(offs, func(o *ledger.Office) bool { return o.Country != where.ID && o.Body != where.ID })
				if len(offs) == 0 {
					return nil, -1
				}
			}
			return offs, end
		}
		switch {
		case n > 0 && place != nil && !p.anyPhrasing(vals):
			where = place
			i += n // "Estonia's", "the Canadian", "NATO's"
		case n == 0 && p.Toks[i].In(p.Lang.Terms.RoleFillers):
			i++
		default:
			return nil, -1
		}
	}
	return nil, -1
}

func (p *pass) anyPhrasing(vals []vocab) bool {
	for _, v := range vals {
		if v.kind == vPhrasing {
			return true
		}
	}
	return false
}

// officeBefore reads the office that ends just before token i, and the
// person named before it with only linking words between ("Ada Example,
// prime minister since", "Bo Sample, who had been chancellor since", "Ann
// Example, Ruritania's top diplomat since").
func (p *pass) officeBefore(s *sentence, cl lex.Range, i int) (*ledger.Office, *ledger.Entity) {
	for k := range s.ments {
		m := &s.ments[k]
		if m.hi > i || m.lo < cl.Lo && !(m.hi == cl.Lo-1 && p.Toks[cl.Lo].In(p.Lang.Terms.Relative)) {
			continue
		}
		per := m.person()
		if per == nil {
			continue
		}
		// The office begins after linking words and places.
		j := m.hi
		for j < i {
			if p.Toks[j].In(p.Lang.Terms.Link) || p.Toks[j].In(p.Lang.Terms.Relative) {
				j++
				continue
			}
			offs, hi := p.officeAt(j, i, per)
			if hi == i {
				return one(offs), per
			}
			break
		}
	}
	return nil, nil
}

// one returns the only office of offs (a phrasing listed twice names it
// twice), or nil when they are several.
func one(offs []*ledger.Office) *ledger.Office {
	var o *ledger.Office
	for _, x := range offs {
		if o != nil && x != o {
			return nil
		}
		o = x
	}
	return o
}
