package checker

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/lang"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

// The ways a title is written, each read below:
//
//   - before a name: "[former] [Russian] Defence Minister X", "Defence
//     Minister of Ruritania X", "Chairman of the Ruritanian Security Council
//     X", "former national security adviser X" (lower case);
//   - in apposition after a name: "X, the [former] [Canadian] prime
//     minister, …", "X, chairman of the Ruritanian Security Council, …";
//   - as a definite description that refers back to a person named earlier
//     in the paragraph: "… with Ada Example. The Ruritanian premier said …".
//
// A title is a claim that the person holds the office (or, with "former",
// held it) on the day the clause speaks of.

// maxTitle is the most tokens a title with its country may take.
const maxTitle = 9

// titleRun is a title found in the text: an office phrasing of the ledger,
// with a country written inside it ("Chairman of the Ruritanian Security
// Council") or after it ("Defence Minister of Ruritania").
type titleRun struct {
	lo, hi  int // the tokens of the title, its country included
	phHi    int // the end of the phrasing and of any country inside it
	offices []*ledger.Office
	qual    *ledger.Entity // the country written inside or after it
	formal  bool           // some phrasing matched is capitalized in the rule file ("leader" is not)
	lower   bool           // written in lower case
}

// titleAt is a title read in the text, with what the reading knows of it.
type titleAt struct {
	tc     analysis.TitleClaim
	run    titleRun
	qual   *ledger.Entity
	strict bool // a title before a name in lower case: without a country, what stands before it must be a plain word
}

func (p *pass) titles(s *sentence) {
	done := map[int]bool{} // person mentions whose title before the name is read
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
		done[k+1] = true
		lower := !p.Toks[m.lo].Upper
		t := &titleAt{run: titleRun{lo: m.lo, hi: m.hi, phHi: m.hi, offices: m.offices, formal: p.formal(m.lo, m.hi), lower: lower}, strict: lower}
		t.tc = analysis.TitleClaim{Start: m.lo, PhraseLo: m.lo, PhraseHi: m.hi, TitleHi: m.hi,
			Person: person, PersonLo: next.lo, PersonHi: next.hi, ModLo: -1}
		// A country qualifier: "Russian", "U.S.", "Russia's".
		if k > 0 {
			prev := &s.ments[k-1]
			switch {
			case prev.hi == m.lo && prev.country() != nil:
				t.qual, t.tc.Start = prev.country(), prev.lo
			case prev.hi == m.lo-1 && p.Toks[m.lo-1].Kind == lex.Possessive:
				if c := prev.country(); c != nil {
					t.qual, t.tc.Start = c, prev.lo
				} else {
					t.tc.Start = prev.lo // "A's adviser": a person, not a country
				}
			}
		}
		p.titleBefore(s, t)
	}
	for k := range s.ments {
		if s.ments[k].person() == nil {
			continue
		}
		if !done[k] {
			p.titleBeforeName(s, k, false)
		}
		p.titleBeforeName(s, k, true)
		p.apposition(s, k)
	}
}

// titleBefore judges a title read before a name, once its modifiers are read.
func (p *pass) titleBefore(s *sentence, t *titleAt) {
	tc := &t.tc
	if !p.titleModifier(tc, s.Lo) {
		values := map[string]string{"person": tc.Person.ID}
		p.settle(p.claim("title", tc.Start, tc.PersonHi, values), "", "a hedged or longer title (then-, acting, Vice, Deputy …)")
		return
	}
	tc.Initial = tc.Start == s.Lo
	p.judgeTitleAt(s, t)
}

// objectOfRole reports whether the title at token lo is the object of a
// preposition after a role ("the adviser to the president of Russia, X",
// "a spokesman for the prime minister, X"): its own words, or a country
// and an article, stand after "to", "for", "of" or "with".
func (p *pass) objectOfRole(s *sentence, lo int) bool {
	for k := lo - 1; k >= s.Lo && k >= lo-4; k-- {
		t := p.Toks[k]
		if t.In(p.Lang.Titles.RolePrepositions) {
			return true
		}
		if t.Kind != lex.Word && t.Kind != lex.Possessive || !t.In(p.Lang.Determiners) && !t.Upper && t.Kind != lex.Possessive {
			return false
		}
	}
	return false
}

// titleBeforeName reads a title before the name of mention k that the
// mentions alone do not show: one in lower case ("former national security
// adviser X") or with its country after it or inside it ("Defence Minister
// of Ruritania X"). With comma, it reads the title set off before the name:
// "The Russian defence minister, X, said".
func (p *pass) titleBeforeName(s *sentence, k int, comma bool) {
	pm := &s.ments[k]
	end := pm.lo
	if comma {
		end--
		if end <= s.Lo || p.Toks[end].Text != "," || !p.closes(s, pm.hi) {
			return
		}
	} else if k > 0 && s.ments[k-1].hi == pm.lo && len(s.ments[k-1].offices) > 0 {
		return // the mentions show it: read above
	} else {
		// An honorific between the title and the name: "Prime Minister Sir
		// Bo Sample", "President Mr. X".
		if end-1 > s.Lo && p.Toks[end-1].Text == "." && p.Toks[end-2].End == p.Toks[end-1].Start {
			end--
		}
		if end-1 > s.Lo && p.Toks[end-1].Upper && p.Toks[end-1].In(p.Lang.Titles.Honorifics) {
			end--
		} else {
			end = pm.lo
		}
	}
	var run titleRun
	found := false
	for j := max(s.Lo, end-maxTitle); j < end && !found; j++ {
		run, found = p.titleRun(s, j, end, end)
	}
	if !found || p.quoted(run.lo, pm.hi) {
		return
	}
	// "an aide to the Russian president, X": the title is whom X serves.
	if comma && p.objectOfRole(s, run.lo) {
		return
	}
	t := &titleAt{run: run, qual: run.qual, strict: run.lower && !comma}
	t.tc = analysis.TitleClaim{Start: run.lo, PhraseLo: run.lo, PhraseHi: run.phHi, TitleHi: run.hi,
		Person: pm.person(), PersonLo: pm.lo, PersonHi: pm.hi, ModLo: -1}
	// A country before it: "Ruritanian deputy defence minister X".
	c, at, ok := p.qualBefore(s, run.lo)
	if !ok {
		return // "A's adviser X": the title is relative to another person
	}
	if c != nil {
		if t.qual != nil && t.qual != c {
			return // two countries: not one title
		}
		t.qual, t.tc.Start = c, at
	}
	if comma {
		// Set off by commas, the title opens the sentence or a clause:
		// "The Russian defence minister, X, said", "…, said the defence
		// minister, X."
		i := titleLo(&t.tc) - 1
		if i >= s.Lo && p.Toks[i].In(p.Lang.Titles.Former) {
			i--
		}
		if i >= s.Lo && p.Toks[i].In(p.Lang.Titles.Definite) {
			i--
		}
		switch {
		case i < s.Lo:
		case p.Toks[i].In(p.Lang.Terms.Role):
			// "A will step down as prime minister, B, who …": the office
			// is A's role, and B the next name.
			return
		case p.Toks[i].Text == ",":
			// After an opening phrase that names no one: not after "A,",
			// an item of a list.
			for _, m := range s.ments {
				if m.lo < i {
					return
				}
			}
		case !p.plainBefore(i+1, s.Lo):
			return
		}
	}
	p.titleBefore(s, t)
}

// qualBefore finds a country written just before token lo ("Russian",
// "Russia's"): the country and its first token. ok is false when a person's
// possessive stands there ("Ada Example's adviser").
func (p *pass) qualBefore(s *sentence, lo int) (c *ledger.Entity, at int, ok bool) {
	for k := range s.ments {
		m := &s.ments[k]
		switch {
		case m.hi == lo && m.country() != nil:
			return m.country(), m.lo, true
		case m.hi == lo-1 && p.Toks[lo-1].Kind == lex.Possessive:
			if m.country() != nil {
				return m.country(), m.lo, true
			}
			return nil, 0, false
		}
	}
	return nil, 0, true
}

// closes reports whether a title or name set off by commas ends at token i:
// the sentence ends, or a mark closes it that does not go on with a list
// ("A, the defence minister, and B").
func (p *pass) closes(s *sentence, i int) bool {
	tl := p.Lang.Titles
	if i >= s.Hi {
		return true
	}
	t := p.Toks[i]
	if t.Kind != lex.Punct || !tl.Close.Has(t.Text) {
		return false
	}
	return t.Text != "," || i+1 >= s.Hi || !p.Toks[i+1].In(tl.List) && !p.nameAt(s, i+1)
}

// apposition reads a title in apposition after the name of mention k:
// "X, the [former] [Canadian] prime minister, …".
func (p *pass) apposition(s *sentence, k int) {
	pm := &s.ments[k]
	tl := p.Lang.Titles
	i := pm.hi
	if i+1 >= s.Hi || p.Toks[i].Text != "," {
		return
	}
	// "A, B, the minister": B is an item of a list. "the husband of A, the
	// minister,": the title may be the husband's.
	if pm.lo-1 >= s.Lo && p.Toks[pm.lo-1].In(tl.Of) {
		return
	}
	if k > 0 && pm.lo-1 >= s.Lo && p.Toks[pm.lo-1].Text == "," && s.ments[k-1].hi == pm.lo-1 && s.ments[k-1].person() != nil {
		return
	}
	i++
	tc := analysis.TitleClaim{Person: pm.person(), PersonLo: pm.lo, PersonHi: pm.hi, ModLo: -1}
	indefinite := false
	switch {
	case p.Toks[i].In(tl.Definite):
		i++
	case p.Toks[i].In(tl.Indefinite):
		indefinite = true
		i++
	}
	var qual *ledger.Entity
	start := -1
	for n := 0; n < 4 && i < s.Hi; n++ {
		t := p.Toks[i]
		if t.Kind != lex.Word {
			break
		}
		if t.In(tl.Former) {
			tc.Former, tc.ModLo = true, i
			i++
			continue
		}
		if t.In(tl.Ex) && i+1 < s.Hi && p.Toks[i+1].Text == "-" {
			tc.Former, tc.ModLo = true, i
			i += 2
			continue
		}
		if t.In(tl.Fillers) {
			i++
			continue
		}
		if t.In(tl.Hedges) {
			return // "X, the acting defence minister,"
		}
		if qual == nil {
			if m := p.mentionAt(s, i); m != nil && m.country() != nil {
				qual, start = m.country(), m.lo
				i = m.hi
				if i < s.Hi && p.Toks[i].Kind == lex.Possessive {
					i++
				}
				continue
			}
		}
		break
	}
	if indefinite && !tc.Former {
		return // "X, a minister,": one of several
	}
	run, ok := p.titleRun(s, i, s.Hi, -1)
	if !ok || p.quoted(pm.lo, run.hi) {
		return
	}
	if run.qual != nil {
		if qual != nil && qual != run.qual {
			return
		}
		qual = run.qual
	}
	if start < 0 {
		start = run.lo
	}
	// The apposition must close after the title: "X, Britain's prime minister
	// until last week," and "X, the former president who …" say more; "A,
	// the defence minister, and B" is a list.
	if !p.closes(s, run.hi) {
		return
	}
	tc.Start, tc.PhraseLo, tc.PhraseHi, tc.TitleHi = start, run.lo, run.phHi, run.hi
	p.judgeTitleAt(s, &titleAt{tc: tc, run: run, qual: qual})
}

// titleRun reads an office phrasing at token j, with a country inside it
// or after it. With end >= 0 the title must end there; otherwise the
// longest reading is returned. A title must end by hi.
func (p *pass) titleRun(s *sentence, j, hi, end int) (titleRun, bool) {
	if j >= hi || p.Toks[j].Kind != lex.Word {
		return titleRun{}, false
	}
	var best titleRun
	ok := false
	take := func(r titleRun) {
		if end >= 0 && r.hi != end || r.hi > hi {
			return
		}
		if !ok || r.hi > best.hi {
			best, ok = r, true
		}
	}
	limit := min(hi, j+maxTitle)
	// The phrasing as the ledger writes it, then "of [the] Country" after it.
	if n, offices, formal := p.phrasingAt(p.Toks[j:limit]); n > 0 {
		r := titleRun{lo: j, hi: j + n, phHi: j + n, offices: offices, formal: formal, lower: !p.Toks[j].Upper}
		take(r)
		if c, e := p.ofCountry(s, j+n, limit); c != nil {
			r.hi, r.qual = e, c
			take(r)
		}
	}
	// A country inside it: "Chairman of the Ruritanian Security Council".
	for _, m := range s.ments {
		c := m.country()
		if c == nil || m.lo <= j+1 || m.hi >= limit || !p.Toks[m.lo-1].In(p.Lang.Titles.Of) && !(p.Toks[m.lo-1].In(p.Lang.Titles.Definite) && p.Toks[m.lo-2].In(p.Lang.Titles.Of)) {
			continue
		}
		after, the := m.hi, 0
		var virt []lex.Token
		if after < limit && p.Toks[after].Kind == lex.Possessive {
			// "of Russia's Security Council": "of the Security Council".
			after, the = after+1, 1
			virt = slices.Concat(p.Toks[j:m.lo], []lex.Token{{Kind: lex.Word, Text: "the", Norm: "the", ID: lang.Lexicon()["the"]}}, p.Toks[after:limit])
		} else {
			virt = slices.Concat(p.Toks[j:m.lo], p.Toks[after:limit])
		}
		n, offices, formal := p.phrasingAt(virt)
		if n <= m.lo-j+the {
			continue // the phrasing ends before the country
		}
		e := after + n - (m.lo - j) - the
		take(titleRun{lo: j, hi: e, phHi: e, offices: offices, qual: c, formal: formal, lower: !p.Toks[j].Upper})
	}
	return best, ok
}

// ofCountry reads "of [the] Country" at token i: the country and the end.
func (p *pass) ofCountry(s *sentence, i, limit int) (*ledger.Entity, int) {
	tl := p.Lang.Titles
	if i >= limit || !p.Toks[i].In(tl.Of) {
		return nil, 0
	}
	i++
	if i < limit && p.Toks[i].In(tl.Definite) {
		if m := p.mentionAt(s, i); m == nil {
			i++ // "of the United States": "the" may be part of the name or not
		}
	}
	m := p.mentionAt(s, i)
	if m == nil || m.country() == nil || m.hi > limit || m.demonym != nil && len(m.names) == 0 {
		return nil, 0
	}
	return m.country(), m.hi
}

// phrasingAt finds the longest office phrasing of the ledger that starts at
// toks[0], in any letter case but an all-capitals one ("PM", not "pm"). It
// returns its length, the offices it names, and whether one of its forms is
// capitalized in the rule file.
func (p *pass) phrasingAt(toks []lex.Token) (int, []*ledger.Office, bool) {
	n, vals := p.c.vocab.Longest(toks, 0)
	if n == 0 {
		return 0, nil, false
	}
	var offices []*ledger.Office
	formal := false
	for _, v := range vals {
		if v.kind != vPhrasing || !allCapsFits(v.form, toks[0]) || slices.Contains(offices, v.office) {
			continue
		}
		offices = append(offices, v.office)
		if strings.IndexFunc(v.form, unicode.IsUpper) >= 0 {
			formal = true
		}
	}
	if len(offices) == 0 {
		return 0, nil, false
	}
	return n, offices, formal
}

// formal reports whether the phrasing at tokens [lo, hi) is capitalized in
// the rule file: a formal title, not a description such as "leader".
func (p *pass) formal(lo, hi int) bool {
	_, _, f := p.phrasingAt(p.Toks[lo:hi])
	return f
}

// allCapsFits: a phrasing written in capitals ("PM", "US") matches only so.
func allCapsFits(form string, t lex.Token) bool {
	w, _, _ := strings.Cut(form, " ")
	letters, upper := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters >= 2 && upper == letters && !strings.Contains(w, ".") {
		return strings.HasPrefix(t.Text, w)
	}
	return true
}

// mentionAt returns the mention of s that starts at token i, or nil.
func (p *pass) mentionAt(s *sentence, i int) *mention {
	for k := range s.ments {
		if s.ments[k].lo == i {
			return &s.ments[k]
		}
	}
	return nil
}

// nameAt reports whether a mention of s that names someone starts at token i.
func (p *pass) nameAt(s *sentence, i int) bool {
	m := p.mentionAt(s, i)
	return m != nil && len(m.names) > 0
}

// quoted reports whether a token in [lo, hi) is inside quotation marks.
func (p *pass) quoted(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if p.Toks[i].Quoted {
			return true
		}
	}
	return false
}

// plainBefore reports whether the token before i leaves a title there
// standing alone: the start of the sentence, a mark, or a plain word ("said
// defence minister X", not "opposition leader X").
func (p *pass) plainBefore(i, lo int) bool {
	if i-1 < lo {
		return true
	}
	t := p.Toks[i-1]
	switch t.Kind {
	case lex.Punct:
		if t.Text != "-" {
			return true
		}
		// A hyphen joined to the title makes another office ("ex-
		// President"); a dash does not: spaced, or doubled after a wire's
		// dateline ("STRELSAU (Agency)--Prime Minister").
		return t.End < p.Toks[i].Start || i-2 >= lo && (p.Toks[i-2].Text == "-" || p.Toks[i-2].Text == ")")
	case lex.Word:
		return !t.In(p.Lang.Titles.Hedges) && t.In(p.Lang.Titles.FunctionWords)
	}
	return false
}

// judgeTitleAt picks the office a title names, reads the days its clause
// speaks of, and hands the claim to the title checks.
func (p *pass) judgeTitleAt(s *sentence, t *titleAt) {
	tc := &t.tc
	values := map[string]string{"person": tc.Person.ID}
	lo, hi := tc.Span()
	if t.strict && t.qual == nil && !p.plainBefore(titleLo(tc), s.Lo) {
		p.settle(p.claim("title", lo, hi, values), "", "a lower-case title after a word that may make it another office")
		return
	}
	office, inferred := p.pickOffice(t.run.offices, t.qual, tc.Person)
	if office == nil {
		p.settle(p.claim("title", lo, hi, values), "", "the title names no office of the ledger that this person held")
		return
	}
	if inferred {
		if r := p.inferredDoubt(t, office, s.Lo); r != "" {
			p.settle(p.claim("title", lo, hi, values), "", r)
			return
		}
	}
	tc.Office = office
	values["office"] = office.ID
	if tc.Former {
		values["former"] = "true"
	}
	if p.HasPub {
		tc.Refs = p.sentenceRefs(s, p.clauseOf(s, tc.Start))
	}
	rec := p.claim("title", lo, hi, values)
	if len(tc.Refs) == 0 && p.HasPub {
		if r := p.earlierEvent(tc, s.Lo); r != "" {
			p.settle(rec, office.ID, r)
			return
		}
		if r := p.pastTime(s, tc); r != "" {
			p.settle(rec, office.ID, r)
			return
		}
	}
	p.settle(rec, office.ID, p.judgeTitle(tc))
}

// pastTime says why an undated title is of another time and not judged on
// the publication date, or returns "": after "under" ("the tariffs imposed
// under President X" names the period of the office), or after "when"
// ("when President X was in office", "when President X is back").
func (p *pass) pastTime(s *sentence, tc *analysis.TitleClaim) string {
	if tc.Start-1 >= s.Lo && p.Toks[tc.Start-1].In(p.Lang.Titles.PeriodBefore) {
		return "a title that names the period of the office (\"under President X\")"
	}
	k := tc.Start - 1
	if k >= s.Lo && p.Toks[k].In(p.Lang.Determiners) {
		k--
	}
	if k >= s.Lo && p.Toks[k].In(p.Lang.Titles.PastTime) {
		return "a title in a clause of another time, with no date (\"when President X was in office\")"
	}
	return ""
}

// sentenceRefs returns the days the clause of a title speaks of or, when
// it names none and a dash follows it in the sentence, the days the words
// after the dash do: "President A on a visit – in April she was …" is a
// caption of April, whatever the publication date. A date in another
// clause joined otherwise ("…, which was planned in 2023") dates that
// clause only.
func (p *pass) sentenceRefs(s *sentence, cl lex.Range) []civil.Span {
	if refs := p.clauseRefs(cl); len(refs) > 0 {
		return refs
	}
	for k := cl.Hi; k < s.Hi; k++ {
		if t := p.Toks[k].Text; t == "–" || t == "—" {
			return p.clauseRefs(lex.Range{Lo: k + 1, Hi: s.Hi})
		}
	}
	return nil
}

// clauseRefs returns the days a clause speaks of: its dates, and a year
// written alone ("in a 2023 interview"), which dates the clause as well.
func (p *pass) clauseRefs(cl lex.Range) []civil.Span {
	var refs []civil.Span
	covered := map[int]bool{}
	for _, e := range timex.Find(p.Toks, cl.Lo, cl.Hi) {
		refs = append(refs, e.Resolve(p.Pub, false).Span)
		for i := e.Lo; i < e.Hi; i++ {
			covered[i] = true
		}
	}
	for i := cl.Lo; i < cl.Hi; i++ {
		t := p.Toks[i]
		if t.Kind != lex.Number || covered[i] || len(t.Text) != 4 {
			continue
		}
		y, err := strconv.Atoi(t.Text)
		if err != nil || y < 1900 || y > p.Pub.Year()+1 {
			continue
		}
		refs = append(refs, civil.SpanOf(civil.Date{Y: y, Prec: civil.Year}))
	}
	return refs
}

// titleLo is the first token of a title with its modifier ("former").
func titleLo(tc *analysis.TitleClaim) int {
	if tc.ModLo >= 0 && tc.ModLo < tc.Start {
		return tc.ModLo
	}
	return tc.Start
}

// inferredDoubt says why a title the person never held, whose office was
// picked by the person's country alone, is not judged, or "".
func (p *pass) inferredDoubt(t *titleAt, o *ledger.Office, lo int) string {
	tc := &t.tc
	switch {
	case !t.run.formal:
		return "a loose description (\"leader\"), not a title, of an office the person never held"
	case o.Multiple:
		return "an office of several holders at once: the ledger may not list them all"
	case t.qual == nil && tc.Start > 0 && tc.Start < tc.PhraseLo:
		return "a title relative to another person (\"the president's adviser\")"
	case tc.Former:
		return "\"former\" for an office the ledger does not list the person in: its list may start later"
	case tc.PhraseHi-tc.PhraseLo == 1 && !p.holdsLonger(tc, o):
		// "Ambassador X", "Governor X": one word may name many offices the
		// ledger does not hold. It is judged for a person who holds a
		// longer title that contains it ("President-elect", "Vice
		// President"), a confusion of the two.
		return "a one-word title of an office the person never held: it may name an office the ledger does not hold"
	case tc.PersonLo >= tc.TitleHi:
		// Before a name: the word before must leave the title standing alone.
		if !p.plainBefore(titleLo(tc), lo) {
			return "a word before the title may make it another office"
		}
	}
	return ""
}

// holdsLonger reports whether the person holds, on the publication date,
// an office of o's country or body with a longer phrasing that contains the
// claimed one.
func (p *pass) holdsLonger(tc *analysis.TitleClaim, o *ledger.Office) bool {
	claimed := p.Toks[tc.PhraseLo:tc.PhraseHi]
	for _, h := range p.Ledger.Offices {
		if h == o || (o.Country == "" || h.Country != o.Country) && (o.Body == "" || h.Body != o.Body) {
			continue
		}
		if ok, _ := h.Holds(tc.Person.ID, p.Pub); ok != ledger.Holds {
			continue
		}
		for _, ph := range h.Phrasings {
			pt := lex.Tokenize([]byte(ph), 0, len(ph))
			for i := 0; i+len(claimed) < len(pt)+1 && len(pt) > len(claimed); i++ {
				same := true
				for j := range claimed {
					if pt[i+j].Norm != claimed[j].Norm {
						same = false
						break
					}
				}
				if same {
					return true
				}
			}
		}
	}
	return false
}

// earlierEvent says why a title inside a clause about another event ("his
// call with President-elect X", "met Defence Minister X") is not judged: the
// title is that of the event's day, which the clause does not give. It is
// judged when the ledger's events of the person show the title fits none of
// their days before the publication date.
func (p *pass) earlierEvent(tc *analysis.TitleClaim, lo int) string {
	if tc.PersonLo < tc.Start {
		return "" // after the name: an apposition, the writer's own words
	}
	i := titleLo(tc) - 1
	if i >= lo && p.Toks[i].In(p.Lang.Titles.EventLinks) {
		i--
	}
	if i < lo {
		return ""
	}
	kinds := p.Lang.Events[p.Toks[i].Norm]
	if len(kinds) == 0 {
		return ""
	}
	events := p.Index.Candidates([]*ledger.Entity{tc.Person}, kinds)
	known := false
	for _, e := range events {
		day := e.Span().First
		if !day.Before(p.Pub) {
			continue
		}
		known = true
		if titleFits(tc.Office, tc.Person.ID, tc.Former, day) {
			return "the title fits the day of an earlier event the clause names"
		}
	}
	if !known {
		return "a title inside a clause about an event the ledger cannot date"
	}
	return ""
}

// titleFits reports whether a title fits a person on day t: a holder for a
// title, one whose term ended for "former" (or whose terms are unclear).
func titleFits(o *ledger.Office, who string, former bool, t time.Time) bool {
	h, _ := o.Holds(who, t)
	if h == ledger.Unknown {
		return true
	}
	if !former {
		return h == ledger.Holds
	}
	if h == ledger.Holds {
		return false
	}
	for _, term := range o.Terms {
		if term.Holder == who && !term.To.IsZero() && !term.To.First().After(t) {
			return true
		}
	}
	return false
}

// titleModifier reads what stands before the title. It returns false when the
// title is part of a longer one ("Vice President") or is hedged ("then-").
func (p *pass) titleModifier(tc *analysis.TitleClaim, lo int) bool {
	i := tc.Start - 1
	if i < lo {
		return true
	}
	t := p.Toks[i]
	// ex-President, then-President; not a wire's dateline dash before the
	// title ("STRELSAU (Agency)--Prime Minister").
	if t.Text == "-" && i-1 >= lo && p.Toks[i-1].End == t.Start && p.Toks[i-1].Kind == lex.Word {
		w := p.Toks[i-1]
		if w.In(p.Lang.Titles.Ex) {
			tc.Former, tc.ModLo = true, i-1
			return true
		}
		return false
	}
	if t.Kind != lex.Word {
		return true
	}
	switch {
	case t.In(p.Lang.Titles.Former):
		tc.Former, tc.ModLo = true, i
		if i-1 >= lo && p.Toks[i-1].Kind == lex.Word && p.Toks[i-1].In(p.Lang.Titles.Hedges) {
			return false
		}
		return true
	case t.In(p.Lang.Titles.Hedges):
		return false
	case t.Upper && !t.In(p.Lang.Titles.FunctionWords) && !timex.IsMonthName(t):
		if _, ok := timex.WeekdayName(t); ok {
			return true
		}
		return false // "Deputy Foreign Minister", "Vice President"
	}
	return true
}

// pickOffice narrows the offices a phrasing names to one, or returns nil.
// Without a country, the office is the one the person held; when the person
// held none of them, it is the one office of the person's own country (or of
// a body the person serves in), and inferred is true: the title names an
// office the person never held.
func (p *pass) pickOffice(offices []*ledger.Office, qual, person *ledger.Entity) (o *ledger.Office, inferred bool) {
	var cands []*ledger.Office
	offices = distinct(offices) // a phrasing listed in two letter cases names its office twice
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
	if len(cands) == 1 {
		return cands[0], false
	}
	if qual != nil || len(cands) > 1 {
		return nil, false
	}
	for _, o := range offices {
		switch {
		case o.Country != "" && o.Country == person.Country:
		case o.Country == "" && o.Body != "" && p.servesIn(person, o.Body):
		default:
			continue
		}
		cands = append(cands, o)
	}
	if len(cands) != 1 {
		return nil, false
	}
	return cands[0], true
}

// distinct returns the offices without repeats, in order.
func distinct(offices []*ledger.Office) []*ledger.Office {
	var out []*ledger.Office
	for _, o := range offices {
		if !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return out
}

// servesIn reports whether the person held an office of the body.
func (p *pass) servesIn(person *ledger.Entity, body string) bool {
	for _, o := range p.Index.InBody(body) {
		if o.EverHeld(person.ID) {
			return true
		}
	}
	return false
}

// withDatePhrase returns clause cl with the clause before it when that one
// is only a date ("In 2024, when the country marked …"): the date of cl.
func (p *pass) withDatePhrase(s *sentence, cl lex.Range) lex.Range {
	i := sort.Search(len(s.clauses), func(i int) bool { return s.clauses[i].Lo >= cl.Lo })
	if i == 0 || i > len(s.clauses) {
		return cl
	}
	prev := s.clauses[i-1]
	if prev.Hi > cl.Lo || cl.Lo-prev.Hi > 1 {
		return cl
	}
	lo := prev.Lo
	if lo < prev.Hi && (p.Toks[lo].In(p.Lang.Dates.YearCues) || p.Toks[lo].In(p.Lang.Dates.MonthPrefix)) {
		lo++ // "In 2024", "Last February"
	}
	es := timex.Find(p.Toks, lo, prev.Hi)
	if len(es) != 1 || es[0].Lo != lo || es[0].Hi != prev.Hi {
		return cl
	}
	return lex.Range{Lo: prev.Lo, Hi: cl.Hi}
}

// clauseOf returns the clause of s that holds token tok.
func (p *pass) clauseOf(s *sentence, tok int) lex.Range {
	i := sort.Search(len(s.clauses), func(i int) bool { return s.clauses[i].Hi > tok })
	if i < len(s.clauses) && tok >= s.clauses[i].Lo {
		return s.clauses[i]
	}
	return s.Range
}

// ---- Definite descriptions that refer back

// paragraph is what the reading of descriptions keeps of the paragraph.
type paragraph struct {
	persons []named // people named so far, in order
	pending []description
	sent    int // the sentence being read, from 0
}

// named is a person named in the paragraph, and in which sentence.
type named struct {
	who  *ledger.Entity
	sent int
}

// description is "The [former] [Ruritanian] TITLE verb …" at the start of a
// sentence, judged at the end of its paragraph.
type description struct {
	t       titleAt
	persons int // how many of the paragraph's people were named before it
	clause  lex.Range
	sent    int
}

// descriptions reads a definite description at the start of sentence r and
// records the people the sentence names.
func (p *pass) descriptions(r lex.Range, ments []mention) {
	if d, ok := p.description(r, ments); ok {
		// Counted now, judged at the paragraph's end.
		if lo, _ := d.t.tc.Span(); p.take(p.Toks[lo].Start) {
			p.para.pending = append(p.para.pending, d)
		}
	}
	defer func() { p.para.sent++ }()
	for k := range ments {
		if who := ments[k].person(); who != nil {
			p.para.persons = append(p.para.persons, named{who, p.para.sent})
			if p.named == nil {
				p.named = map[string]*ledger.Entity{}
			}
			p.named[who.ID] = who
		}
	}
}

func (p *pass) description(r lex.Range, ments []mention) (description, bool) {
	tl := p.Lang.Titles
	s := &sentence{Range: r, ments: ments}
	i := r.Lo
	if i >= r.Hi || !p.Toks[i].In(tl.Definite) {
		// An opening phrase: "Speaking after the talks, the premier said".
		c := -1
		for j := r.Lo; j < min(r.Hi, r.Lo+12); j++ {
			if p.Toks[j].Text == "," {
				c = j
				break
			}
		}
		if c < 0 || c+1 >= r.Hi || !p.Toks[c+1].In(tl.Definite) {
			return description{}, false
		}
		for k := range ments {
			if ments[k].lo < c {
				return description{}, false
			}
		}
		i = c + 1
	}
	i++
	tc := analysis.TitleClaim{PersonLo: -1, PersonHi: -1, ModLo: -1}
	var qual *ledger.Entity
	start := -1
	for n := 0; n < 4 && i < r.Hi; n++ {
		t := p.Toks[i]
		if t.Kind != lex.Word {
			break
		}
		if t.In(tl.Former) {
			tc.Former, tc.ModLo = true, i
			i++
			continue
		}
		if t.In(tl.Fillers) {
			i++
			continue
		}
		if t.In(tl.Hedges) {
			return description{}, false
		}
		if m := p.mentionAt(s, i); qual == nil && m != nil && m.demonym != nil {
			qual, start = m.demonym, m.lo
			i = m.hi
			continue
		}
		break
	}
	run, ok := p.titleRun(s, i, r.Hi, -1)
	if !ok || run.hi >= r.Hi || run.qual != nil && qual != nil && run.qual != qual {
		return description{}, false
	}
	if run.qual != nil {
		qual = run.qual
	}
	// The description is the subject: a verb follows, not a name, "of", "'s".
	next := p.Toks[run.hi]
	if next.Kind != lex.Word || next.Upper || next.In(tl.NotAfterDesc) || p.quoted(run.lo, run.hi+1) {
		return description{}, false
	}
	if start < 0 {
		start = run.lo
	}
	tc.Start, tc.PhraseLo, tc.PhraseHi, tc.TitleHi = start, run.lo, run.phHi, run.hi
	cls := lex.Clauses(p.Toks, r)
	cl := r
	for _, c := range cls {
		if c.Lo <= start && start < c.Hi {
			cl = c
		}
	}
	return description{t: titleAt{tc: tc, run: run, qual: qual}, persons: len(p.para.persons), clause: cl, sent: p.para.sent}, true
}

// judgeDescriptions judges the descriptions of the paragraph just read. A
// description refers to a person when exactly one person named before it in
// the paragraph could be meant (one of its country; without a country, one
// who held such an office), named in the sentence before it, and no one
// else named in the article so far or in the paragraph fits it.
func (p *pass) judgeDescriptions() {
	defer func() { p.para = paragraph{} }()
	// Each was counted against the cap when it was read.
	p.lim.pending, p.lim.refused = true, false
	defer func() { p.lim.pending = false }()
	if !p.HasPub {
		return
	}
	for _, d := range p.para.pending {
		t := d.t
		tc := &t.tc
		lo, hi := tc.Span()
		var cands []*ledger.Entity
		last := -1 // the sentence that last named the candidate
		for _, n := range p.para.persons[:d.persons] {
			who := n.who
			if t.qual != nil && who.Country == t.qual.ID || t.qual == nil && heldAny(t.run.offices, who.ID) {
				if !slices.Contains(cands, who) {
					cands = append(cands, who)
				}
				last = n.sent
			}
		}
		if len(cands) != 1 || last < d.sent-1 {
			p.settle(p.claim("title", lo, hi, map[string]string{}), "", "a description that could refer to several people, or to none named just before it")
			continue
		}
		who := cands[0]
		tc.Person = who
		values := map[string]string{"person": who.ID}
		office, inferred := p.pickOffice(t.run.offices, t.qual, who)
		if office == nil {
			p.settle(p.claim("title", lo, hi, values), "", "the description names no office of the ledger that this person held")
			continue
		}
		// An office the person never held: the description may be a new
		// person's. It is judged only when it is a formal title of the
		// country it names.
		if (inferred || !office.EverHeld(who.ID)) && (t.qual == nil || !t.run.formal || office.Multiple || tc.Former) {
			p.settle(p.claim("title", lo, hi, values), "", "a description of an office the person never held, too loose to judge")
			continue
		}
		tc.Refs = p.clauseRefs(d.clause)
		if p.someoneElseFits(t, who) {
			p.settle(p.claim("title", lo, hi, values), "", "someone else named in the article fits the description")
			continue
		}
		tc.Office = office
		values["office"] = office.ID
		if tc.Former {
			values["former"] = "true"
		}
		rec := p.claim("title", lo, hi, values)
		p.settle(rec, office.ID, p.judgeTitle(tc))
	}
}

// someoneElseFits reports whether a person named in the article so far (or
// anywhere in the paragraph), other than who, fits the description on the
// publication date or a day its clause names: the description may be theirs.
func (p *pass) someoneElseFits(t titleAt, who *ledger.Entity) bool {
	days := []time.Time{p.Pub}
	for _, r := range t.tc.Refs {
		days = append(days, r.First, r.Last)
	}
	others := map[string]bool{}
	for id := range p.named {
		others[id] = true
	}
	for _, n := range p.para.persons {
		others[n.who.ID] = true
	}
	delete(others, who.ID)
	for _, o := range t.run.offices {
		if t.qual != nil && o.Country != t.qual.ID {
			continue
		}
		for id := range others {
			for _, d := range days {
				if titleFits(o, id, t.tc.Former, d) {
					return true
				}
			}
		}
	}
	return false
}

// heldAny reports whether the person held one of the offices.
func heldAny(offices []*ledger.Office, who string) bool {
	for _, o := range offices {
		if o.EverHeld(who) {
			return true
		}
	}
	return false
}
