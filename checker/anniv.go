package checker

import (
	"slices"
	"strconv"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

// anniversaries reads the claims of a sentence that count from an anchor
// event or date it:
//
//   - "the third anniversary of Russia's invasion", "the three-year
//     anniversary", "as the war approaches its fourth anniversary", "days
//     after the 80th anniversary";
//   - "the war entered its fourth year", "now in its fifth year";
//   - "four years after the invasion", "the establishment of relations 75
//     years ago";
//   - a date for the anchor itself: "since the invasion in February 2023",
//     "the 2015 annexation of Crimea", "the treaty, signed in July 2003".
func (p *pass) anniversaries(s *sentence) {
	an := &p.Lang.Anniversary
	for i := s.Lo; i < s.Hi; i++ {
		t := p.Toks[i]
		if t.Quoted {
			continue
		}
		switch {
		case t.In(an.Words):
			p.ordinalAnniversary(s, i)
		case t.In(an.Year):
			p.nthYear(s, i)
		}
		if t.In(p.c.unitWords) {
			p.elapsed(s, i)
		}
	}
	p.anchorDates(s)
}

// ordinalAnniversary reads "the third anniversary" and "the three-year
// anniversary" at the anniversary word i.
func (p *pass) ordinalAnniversary(s *sentence, i int) {
	an := &p.Lang.Anniversary
	if i == s.Lo {
		return
	}
	ordTok := i - 1
	n, ok := p.ordinalN(p.Toks[ordTok])
	if !ok && i-3 >= s.Lo && p.Toks[i-1].In(an.Year) && p.Toks[i-2].Text == "-" {
		ordTok = i - 3
		n, ok = p.countN(p.Toks[ordTok])
	}
	if !ok {
		return
	}
	if anchor := p.anchorOf(s, i); anchor != nil && anchor.Start.Prec == civil.Day {
		p.anniversary(s, anchor, ordTok, i+1, n)
	}
}

// countN reads a count: "three", "a", "75".
func (p *pass) countN(t lex.Token) (int, bool) {
	if n, ok := p.Lang.Dates.Numbers[t.Norm]; ok {
		return n, true
	}
	if t.Kind == lex.Number {
		n, err := strconv.Atoi(t.Text)
		return n, err == nil && n > 0 && n < 1000
	}
	return 0, false
}

// anchorOf finds the anchor event an anniversary word at token i counts
// from: the one named just after "anniversary of", else the nearest one
// before it in its clause ("the war … approaches its fourth anniversary"),
// else the only one in the sentence.
func (p *pass) anchorOf(s *sentence, i int) *ledger.Event {
	one := func(m *mention) *ledger.Event {
		if len(m.anchors) == 1 && p.plainAnchor(s, m) {
			return m.anchors[0]
		}
		return nil
	}
	if i+1 < s.Hi && p.Toks[i+1].In(p.Lang.Anniversary.Of) {
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

// namedAsPeriod reports whether the sentence names anchor as a period ("the
// war in Ukraine"), whose start a writer may count from an earlier phase.
func (p *pass) namedAsPeriod(s *sentence, anchor *ledger.Event) bool {
	for k := range s.ments {
		m := &s.ments[k]
		if len(m.anchors) != 1 || m.anchors[0] != anchor {
			continue
		}
		for i := m.lo; i < m.hi; i++ {
			if p.Toks[i].In(p.Lang.Anniversary.PeriodNouns) {
				return true
			}
		}
	}
	return false
}

// plainAnchor reports whether a mention of an anchor names it and not
// another event that shares a word of its aliases: "the invasion of Iraq",
// "the Soviet invasion" (a name of another actor before it).
func (p *pass) plainAnchor(s *sentence, m *mention) bool {
	// The anchor's title names its own actors and places: "Ruritania's
	// invasion of Ostland". Another name there makes another
	// event.
	titled := func(at int) bool {
		if len(m.anchors) != 1 {
			return false
		}
		for k := range s.ments {
			o := &s.ments[k]
			if o.lo != at && o.hi != at {
				continue
			}
			for _, e := range append(slices.Clone(o.names), o.demonym) {
				if p.inTitle(m.anchors[0], e) {
					return true
				}
			}
		}
		return false
	}
	if m.hi+1 < s.Hi && p.Toks[m.hi].In(p.Lang.Anniversary.Of) && p.Toks[m.hi+1].Upper && !timex.IsMonthName(p.Toks[m.hi+1]) && !titled(m.hi+1) {
		return false // "the invasion of Iraq", not "the invasion of February 2022" or "of Ostland", the title's
	}
	if m.lo-1 > s.Lo {
		if t := p.Toks[m.lo-1]; t.Kind == lex.Word && t.Upper {
			return false
		}
	}
	// "Borduria's invasion", "Cy Other's second inauguration": an owner that
	// the anchor's title does not name (by itself or its country) makes
	// another event; "Strelsau's invasion", "Ada Example's invasion" name
	// Ruritania's.
	if m.lo-2 >= s.Lo && p.Toks[m.lo-1].Kind == lex.Possessive && p.Toks[m.lo-2].Upper {
		return titled(m.lo - 1)
	}
	return true
}

func (p *pass) anniversary(s *sentence, anchor *ledger.Event, ordTok, hi, n int) {
	rec := p.claim("anniversary", ordTok, hi, map[string]string{"anchor": anchor.ID, "ordinal": p.Lang.OrdinalName(n)})
	ac, reason := p.readAnniversary(s, anchor, ordTok, hi, n)
	if ac != nil {
		reason = p.judgeAnniversary(ac)
	}
	p.settle(rec, anchor.ID, reason)
}

// readAnniversary reads what dates an anniversary claim: a cue before it
// (marks, approaches, days after), a year or a day in its clause. It
// returns why the claim cannot be judged when it counts from another time
// ("since", "after").
func (p *pass) readAnniversary(s *sentence, anchor *ledger.Event, ordTok, hi, n int) (*analysis.AnniversaryClaim, string) {
	ac := &analysis.AnniversaryClaim{Anchor: anchor, OrdTok: ordTok, N: n, Lo: ordTok, Hi: hi, LaterOnly: p.namedAsPeriod(s, anchor)}
	_, ac.OrdWord = p.Lang.Ordinals[p.Toks[ordTok].Norm]
	cl := p.clauseOf(s, ordTok)
	an := &p.Lang.Anniversary
	p.clauseTime(s, p.withDatePhrase(s, cl), cl.Hi, ac)
	// "days after the 80th anniversary", "weeks before the 20th".
	if k := ordTok - 3; k >= cl.Lo && p.Toks[ordTok-1].In(an.The) {
		if days, ok := an.Near[p.Toks[k].Norm]; ok {
			mode := ""
			switch {
			case p.Toks[k+1].In(an.After):
				mode = "after"
			case p.Toks[k+1].In(an.Before):
				mode = "before"
			}
			if mode != "" {
				// The clause's time is publication's unless a year or
				// "then-" says otherwise.
				if ac.On == nil && ac.Elsewhen {
					return nil, "the sentence tells of another time"
				}
				ac.Mode, ac.Near = mode, days
				return ac, ""
			}
		}
	}
	for i := cl.Lo; i < ordTok; i++ {
		t := p.Toks[i]
		switch {
		case t.In(an.Approach) || p.phraseAt(i, ordTok, an.ApproachPairs):
			ac.Mode = "approach"
		case t.In(an.Mark):
			ac.Mode = "mark"
		case t.In(an.OtherTime):
			return nil, "counted from another time (since, after, before)"
		}
	}
	// "on the 75th anniversary of …"
	if ac.Mode == "" && ordTok-2 >= cl.Lo && p.Toks[ordTok-2].In(an.On) && p.Toks[ordTok-1].In(an.The) {
		ac.Mode = "mark"
	}
	return ac, ""
}

// clauseTime reads what dates a claim in clause cl: a year written in it
// (InYear: "in 2019", "last year's summit"), a day or days (On: "on
// Tuesday", "in February"), and whether it speaks of the time of
// publication (Present). Dates of the anchor itself ("the victory in
// 1945"), a period's start ("since 2009") and a reported clause's dates
// are left aside.
func (p *pass) clauseTime(s *sentence, cl lex.Range, hedgeHi int, ac *analysis.AnniversaryClaim) {
	future, _ := p.tense(cl)
	past := p.pastNotPerfect(cl)
	reported := p.hasAny(cl.Lo, cl.Hi, p.Lang.Tense.Reporting)
	var years, days []timex.Expr
	other := false
	for _, e := range timex.Find(p.Toks, cl.Lo, cl.Hi) {
		if p.Toks[e.Lo].Quoted || p.datesAnchor(s, e) {
			continue
		}
		if e.Lo > cl.Lo && p.Toks[e.Lo-1].In(p.Lang.Anniversary.Bounds) {
			continue // "since 2009", "until May"
		}
		r := e.Resolve(p.Pub, future)
		if !r.Span.Contains(p.Pub) {
			other = true
		}
		y := 0
		switch {
		case e.Year != 0:
			y = e.Year
		case e.Form == timex.LastYear || e.Form == timex.ThisYear || e.Form == timex.NextYear || e.Form == timex.YearsAgo:
			y = r.Span.First.Year()
		}
		if y != 0 {
			e.Year = y
			years = append(years, e)
		}
		if e.Exact() || e.Form == timex.MonthOnly {
			days = append(days, e)
		}
	}
	if len(years) > 0 {
		same := true
		for _, e := range years[1:] {
			same = same && e.Year == years[0].Year
		}
		if same {
			e := years[len(years)-1]
			ac.InYear = &e
		}
	}
	hedged := p.hedged(lex.Range{Lo: cl.Lo, Hi: min(cl.Hi, hedgeHi)})
	// A day of another year than the one written is another event's:
	// "on Tuesday, the ministry recalled the 70th anniversary in 2019".
	if ac.InYear != nil && len(days) == 1 && days[0].Resolve(p.Pub, future).Span.First.Year() != ac.InYear.Year {
		days = nil
	}
	if len(days) == 1 && !reported && !hedged {
		r := days[0].Resolve(p.Pub, future)
		ac.On = &r
	}
	ac.Elsewhen = p.otherTime(s)
	ac.Present = !past && !future && !other && !hedged && !ac.Elsewhen
}

// pastNotPerfect reports whether a clause has a verb in the past, not
// counting the perfect ("has moved", "have fallen", which speak of now)
// nor reporting verbs ("…, officials said").
func (p *pass) pastNotPerfect(cl lex.Range) bool {
	an, tn := &p.Lang.Anniversary, &p.Lang.Tense
	for i := cl.Lo; i < cl.Hi; i++ {
		t := p.Toks[i]
		if t.Quoted || t.In(an.Perfect) || t.In(tn.Reporting) || !p.isPastWord(t) {
			continue
		}
		perfect := false
		for k := i - 1; k >= max(cl.Lo, i-3); k-- {
			perfect = perfect || p.Toks[k].In(an.Perfect)
		}
		if !perfect {
			return true
		}
	}
	return false
}

// otherTime reports whether a sentence tells of another time than its
// publication: "then-President", a year written in it.
func (p *pass) otherTime(s *sentence) bool {
	for i := s.Lo; i < s.Hi; i++ {
		t := p.Toks[i]
		if t.In(p.Lang.Anniversary.Then) {
			return true
		}
		if t.Kind == lex.Number && len(t.Text) == 4 {
			if y, err := strconv.Atoi(t.Text); err == nil && y >= 1900 && y < 2200 {
				return true
			}
		}
	}
	return false
}

// datesAnchor reports whether a date expression is one a text gives for an
// anchor it names: "the victory in 1945", "the 1949 founding".
func (p *pass) datesAnchor(s *sentence, e timex.Expr) bool {
	for k := range s.ments {
		m := &s.ments[k]
		if len(m.anchors) == 0 {
			continue
		}
		if e.Hi == m.lo && (e.Form == timex.YearOnly || e.Year != 0) {
			return true
		}
		// "the victory in 1945"; not "the declaration on Tuesday", nor "the
		// 4th anniversary of the invasion in 2026", which dates the
		// anniversary.
		if e.Lo == m.hi+1 && p.Toks[m.hi].In(p.Lang.Anniversary.DatePreps) && e.Year == m.anchors[0].Start.Y {
			return true
		}
	}
	return false
}

// nthYear reads "the war entered its fourth year", "now in its fifth
// year", "in the fourth year of the war" at the word "year", i.
func (p *pass) nthYear(s *sentence, i int) {
	an := &p.Lang.Anniversary
	cl := p.clauseOf(s, i)
	if i-2 < cl.Lo {
		return
	}
	n, ok := p.ordinalN(p.Toks[i-1])
	if !ok {
		return
	}
	det := i - 2
	of := i+1 < cl.Hi && p.Toks[i+1].In(an.Of)
	if !p.Toks[det].In(an.Its) && !(p.Toks[det].In(an.The) && of) {
		return
	}
	// The verb before: "entered", "going into" (the year began), "in" (it is
	// in it).
	mode, verb := "", det
	switch {
	case det-1 >= cl.Lo && p.Toks[det-1].In(an.Enter):
		mode, verb = "enter", det-1
	case det-1 >= cl.Lo && p.Toks[det-1].In(an.In):
		mode, verb = "year", det-1
	default:
		for _, ph := range an.EnterPairs {
			if k := det - len(ph); k >= cl.Lo && p.phraseLen(k, det, ph) == len(ph) {
				mode, verb = "enter", k
			}
		}
	}
	if mode == "" {
		return
	}
	var anchor *ledger.Event
	if of {
		anchor = p.anchorOf(s, i)
	} else {
		// "its": the anchor is the subject, named just before the verb.
		for k := range s.ments {
			m := &s.ments[k]
			if m.lo < cl.Lo || m.hi > verb || len(m.anchors) != 1 || !p.plainAnchor(s, m) {
				continue
			}
			links := 0
			for j := m.hi; j < verb && links <= 3; j++ {
				if !p.Toks[j].In(an.SubjectLinks) {
					links = 99
				}
				links++
			}
			if links <= 3 {
				anchor = m.anchors[0]
			}
		}
	}
	if anchor == nil || anchor.Start.Prec != civil.Day {
		return
	}
	ac := &analysis.AnniversaryClaim{Anchor: anchor, OrdTok: i - 1, N: n, Mode: mode, Lo: verb, Hi: i + 1, LaterOnly: p.namedAsPeriod(s, anchor)}
	_, ac.OrdWord = p.Lang.Ordinals[p.Toks[i-1].Norm]
	p.clauseTime(s, cl, i+1, ac)
	rec := p.claim("anniversary", verb, i+1, map[string]string{"anchor": anchor.ID, "year": p.Lang.OrdinalName(n)})
	reason := ""
	if p.hedged(lex.Range{Lo: cl.Lo, Hi: i + 1}) {
		reason = "hedged"
	} else {
		reason = p.judgeAnniversary(ac)
	}
	p.settle(rec, anchor.ID, reason)
}

// elapsed reads "four years after the invasion", "more than two weeks
// after the declaration", "the establishment of relations 75 years ago" at
// the unit word i.
func (p *pass) elapsed(s *sentence, i int) {
	an := &p.Lang.Anniversary
	if i == s.Lo || i+1 >= s.Hi {
		return
	}
	cnt := i - 1
	n, ok := p.countN(p.Toks[cnt])
	if !ok {
		return
	}
	bound, lo := "", cnt
	if k := cnt - 1; k >= s.Lo {
		switch t := p.Toks[k].Norm; {
		case an.Under.Has(t):
			bound, lo = "under", k
		case an.Over.Has(t):
			bound, lo = "over", k
		case an.About.Has(t):
			bound, lo = "about", k
		}
	}
	for _, ph := range an.UnderPairs {
		if k := cnt - len(ph); k >= s.Lo && p.phraseLen(k, cnt, ph) == len(ph) {
			bound, lo = "under", k
		}
	}
	for _, ph := range an.OverPairs {
		if k := cnt - len(ph); k >= s.Lo && p.phraseLen(k, cnt, ph) == len(ph) {
			bound, lo = "over", k
		}
	}
	cl := p.clauseOf(s, i)
	ac := &analysis.AnniversaryClaim{OrdTok: cnt, N: n, Mode: "elapsed", Unit: an.Units[p.Toks[i].Norm], Bound: bound, Lo: lo, Hi: i + 1}
	var m *mention
	switch next := i + 1; {
	case p.Toks[next].In(an.Elapsed):
		// "after the invasion", "since the start of the invasion": the anchor
		// at once after the preposition.
		j := next + 1
		for j < s.Hi && p.Toks[j].In(an.Determiners) {
			j++
		}
		if j+1 < s.Hi && p.Toks[j].In(an.StartNouns) && p.Toks[j+1].In(an.Of) {
			for j += 2; j < s.Hi && p.Toks[j].In(an.Determiners); j++ {
			}
		}
		m = p.anchorAt(s, p.afterOwner(s, j))
		if m == nil {
			return
		}
		// "two years after the war ended" counts from another time.
		if m.hi < s.Hi && p.isPastWord(p.Toks[m.hi]) && !p.anchorVerbAt(m.hi, s.Hi) {
			return
		}
		ac.Hi = m.hi
		p.clauseTime(s, cl, ac.Hi, ac)
	case p.Toks[next].In(an.Ago):
		// "the establishment of relations 75 years ago": counted from now.
		for k := range s.ments {
			if s.ments[k].hi == lo && len(s.ments[k].anchors) == 1 {
				m = &s.ments[k]
			}
		}
		if m == nil || !p.plainAnchor(s, m) {
			return
		}
		ac.Present, ac.Hi = true, next+1
	default:
		return
	}
	anchor := m.anchors[0]
	if anchor.Start.Prec != civil.Day || p.hedged(lex.Range{Lo: cl.Lo, Hi: min(cl.Hi, ac.Hi)}) {
		return
	}
	ac.Anchor, ac.LaterOnly = anchor, p.namedAsPeriod(s, anchor)
	rec := p.claim("anniversary", ac.Lo, ac.Hi, map[string]string{"anchor": anchor.ID, "elapsed": strconv.Itoa(n) + " " + ac.Unit})
	reason := "the clause speaks of another time than the publication"
	if ac.Present {
		reason = p.judgeAnniversary(ac)
	}
	p.settle(rec, anchor.ID, reason)
}

// afterOwner skips a possessive name at token j ("Russia's full-scale
// invasion") and returns where the anchor may begin.
func (p *pass) afterOwner(s *sentence, j int) int {
	for k := range s.ments {
		m := &s.ments[k]
		if m.lo == j && len(m.anchors) == 0 && len(m.names) > 0 && m.hi < s.Hi && p.Toks[m.hi].Kind == lex.Possessive {
			return m.hi + 1
		}
	}
	return j
}

// beforeOwner is afterOwner backwards: the token before a possessive name
// that ends at token j, or j.
func (p *pass) beforeOwner(s *sentence, j int) int {
	if j < s.Lo || p.Toks[j].Kind != lex.Possessive {
		return j
	}
	for k := range s.ments {
		m := &s.ments[k]
		if m.hi == j && len(m.anchors) == 0 && len(m.names) > 0 {
			return m.lo - 1
		}
	}
	return j
}

// anchorAt returns the mention of one anchor that begins at token j and
// names it plainly, or nil.
func (p *pass) anchorAt(s *sentence, j int) *mention {
	for k := range s.ments {
		m := &s.ments[k]
		if m.lo == j && len(m.anchors) == 1 && p.plainAnchor(s, m) {
			return m
		}
	}
	return nil
}

// anchorVerbAt returns whether a verb of an anchor's start ("began",
// "was signed", "broke out") stands at token i, and its end.
func (p *pass) anchorVerbAt(i, hi int) bool { return p.anchorVerbEnd(i, hi) > 0 }

func (p *pass) anchorVerbEnd(i, hi int) int {
	an := &p.Lang.Anniversary
	if i < hi && p.Toks[i].In(an.Passive) {
		i++
	}
	if i >= hi {
		return 0
	}
	if p.Toks[i].In(an.Verbs) {
		return i + 1
	}
	for _, ph := range an.VerbPairs {
		if n := p.phraseLen(i, hi, ph); n > 0 {
			return i + n
		}
	}
	return 0
}

// anchorDates reads the dates a sentence gives for the anchors it names:
// "since the invasion in February 2023", "since the start of the war in
// 2024", "the 2015 annexation of Crimea", "the treaty, signed in July
// 2003", "the war, which began in 2014".
func (p *pass) anchorDates(s *sentence) {
	for k := range s.ments {
		m := &s.ments[k]
		if len(m.anchors) != 1 || p.Toks[m.lo].Quoted || !p.plainAnchor(s, m) {
			continue
		}
		e, ok := p.anchorDateAfter(s, m)
		if !ok {
			e, ok = p.anchorDateBefore(s, m)
		}
		if !ok {
			e, ok = p.anchorDateVerb(s, m)
		}
		if !ok || p.Toks[e.Lo].Quoted || e.Form == timex.Weekday {
			continue
		}
		anchor := m.anchors[0]
		cl := p.clauseOf(s, m.lo)
		future, _ := p.tense(cl)
		r := e.Resolve(p.Pub, future)
		ac := &analysis.AnniversaryClaim{Anchor: anchor, OrdTok: e.Lo, Mode: "date", Lo: e.Lo, Hi: e.Hi, Date: &e, Resolved: r}
		for i := m.lo; i < m.hi; i++ {
			if p.Toks[i].In(p.Lang.Anniversary.PeriodNouns) {
				ac.LaterOnly = true
			}
		}
		lo, hi := min(m.lo, e.Lo), max(m.hi, e.Hi)
		rec := p.claim("anniversary", lo, hi, map[string]string{"anchor": anchor.ID, "date": analysis.SpanText(r.Span, r.Prec)})
		reason := ""
		if p.hedged(lex.Range{Lo: min(cl.Lo, lo), Hi: hi}) {
			reason = "hedged"
		} else {
			reason = p.judgeAnniversary(ac)
		}
		p.settle(rec, anchor.ID, reason)
	}
}

// anchorDateAfter reads "since [the start of] the invasion in February
// 2023": a bound before the anchor, a date at once after it.
func (p *pass) anchorDateAfter(s *sentence, m *mention) (timex.Expr, bool) {
	an := &p.Lang.Anniversary
	j := p.beforeOwner(s, m.lo-1)
	for j >= s.Lo && p.Toks[j].In(an.Determiners) {
		j--
	}
	if j-1 >= s.Lo && p.Toks[j].In(an.Of) && p.Toks[j-1].In(an.StartNouns) {
		j -= 2
		for j >= s.Lo && p.Toks[j].In(an.Determiners) {
			j--
		}
	}
	if j < s.Lo || !p.Toks[j].In(an.Bounds) || m.hi >= s.Hi || !p.Toks[m.hi].In(an.DatePreps) {
		return timex.Expr{}, false
	}
	return p.dateAt(m.hi+1, s.Hi)
}

// anchorDateBefore reads "the 2015 annexation", "Russia's February 2022
// invasion": a date at once before the anchor.
func (p *pass) anchorDateBefore(s *sentence, m *mention) (timex.Expr, bool) {
	j := m.lo - 1
	if j-1 < s.Lo {
		return timex.Expr{}, false
	}
	before := func(k int) bool {
		t := p.Toks[k]
		return t.In(p.Lang.Anniversary.Determiners) || t.Kind == lex.Possessive
	}
	if e, ok := p.dateAt(j, m.lo); ok && e.Form == timex.YearOnly && before(j-1) {
		return e, true
	}
	for _, e := range timex.Find(p.Toks, max(s.Lo, m.lo-4), m.lo) {
		if e.Hi == m.lo && e.Form == timex.MonthOnly && e.Year != 0 && e.Lo > s.Lo && before(e.Lo-1) {
			return e, true
		}
	}
	return timex.Expr{}, false
}

// anchorDateVerb reads "the treaty, signed in July 2003", "the invasion,
// which Russian troops launched … on February 24, 2022", "the war began
// in 2014": a verb of the anchor's start after it, and the first date
// after the verb, before another verb or clause.
func (p *pass) anchorDateVerb(s *sentence, m *mention) (timex.Expr, bool) {
	j, rel := m.hi, false
	if j < s.Hi && p.Toks[j].Text == "," {
		j++
		rel = true
	}
	if j < s.Hi && p.Toks[j].In(p.Lang.Relatives) {
		j++
		rel = true
	}
	reach := 1
	if rel {
		reach = 4 // "which Russian troops launched"
	}
	ve := 0
	for v := j; v < s.Hi && v <= j+reach; v++ {
		if ve = p.anchorVerbEnd(v, s.Hi); ve > 0 {
			break
		}
		if t := p.Toks[v]; t.Kind == lex.Punct || p.isPastWord(t) {
			return timex.Expr{}, false
		}
	}
	if ve == 0 {
		return timex.Expr{}, false
	}
	end := min(s.Hi, ve+12)
	for k := ve; k < end; k++ {
		t := p.Toks[k]
		if t.Kind == lex.Punct && t.Text != "," || t.Text == "," && k+1 < end && p.Toks[k+1].In(p.Lang.Relatives) ||
			p.isPastWord(t) && !t.In(p.Lang.Anniversary.DatePreps) {
			end = k
			break
		}
	}
	// Only the first date after the verb can be the anchor's.
	es := timex.Find(p.Toks, ve, end)
	if len(es) == 0 {
		return timex.Expr{}, false
	}
	// "signed in July 2003", "signed 2003", "expires February 5".
	if e := es[0]; e.Lo > ve && p.Toks[e.Lo-1].In(p.Lang.Anniversary.DatePreps) || e.Form == timex.YearOnly ||
		e.Lo == ve && e.Form == timex.MonthDay {
		return e, true
	}
	return timex.Expr{}, false
}
