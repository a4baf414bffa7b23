package checker

import (
	"slices"
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

// eventClaim is an event claim as the engine reads it: the claim the checks
// see, and its record when claims are recorded.
type eventClaim struct {
	*analysis.EventClaim
	rec *Claim
	// noEvent is set when no event of the ledger fits the claim
	// (CauseNoEvent).
	noEvent bool
}

var (
	contactKinds  = analysis.ContactKinds
	inPersonKinds = analysis.InPersonKinds
)

func (p *pass) isPastWord(t lex.Token) bool {
	if t.Kind != lex.Word {
		return false
	}
	if t.In(p.Lang.Tense.Past) {
		return true
	}
	if t.Upper {
		return false
	}
	w := t.Norm
	tn := &p.Lang.Tense
	return len(w) >= 4 && strings.HasSuffix(w, tn.PastSuffix) && !strings.HasSuffix(w, tn.NotPastSuffix) && !tn.NotPast.Has(w)
}

// tense reads a clause's tense from its words.
func (p *pass) tense(cl lex.Range) (future, past bool) {
	attributed, edPast := false, false
	for i := cl.Lo; i < cl.Hi; i++ {
		t := p.Toks[i]
		if t.Quoted {
			continue
		}
		switch {
		case t.In(p.Lang.Tense.Future):
			// "ahead of the summit" places; "the talks ahead" looks forward.
			if i+1 < cl.Hi && p.Toks[i+1].In(p.Lang.Tense.NotFutureBefore[t.Norm]) {
				continue
			}
			// "his upcoming trip": the trip is to come, not the clause's event.
			if t.In(p.Lang.Tense.FutureAdjectives) && i > cl.Lo && p.Toks[i-1].In(p.Lang.Determiners) {
				continue
			}
			future = true
		case hasKey(p.Lang.Tense.FutureBefore, t.Norm):
			// "set to", "due for", "are to": future only with the word after.
			if i+1 < cl.Hi && p.Toks[i+1].In(p.Lang.Tense.FutureBefore[t.Norm]) {
				future = true
			}
		case t.In(p.Lang.Tense.Reporting):
			attributed = true
		case t.In(p.Lang.Tense.Past):
			past = true
		case p.isPastWord(t):
			edPast = true // "-ed" may be a participle: "talks focused on …"
		}
	}
	if !future && edPast {
		past = true
	}
	// "… will meet on Thursday, officials said": the reporting verb does not
	// date the event.
	if attributed && !future {
		past = true
	}
	return future, past
}

// scopeEnd is where what a clause says of its event ends: at the first
// complement after the event word ("to discuss", "that", "about") or
// reporting verb ("…, said"). When a date stands past that point, it may
// be the complement's, and the whole clause is the event's scope.
func (p *pass) scopeEnd(cl lex.Range, cue int, reporting bool) int {
	if cue < cl.Lo {
		return cl.Hi
	}
	end := cl.Hi
	for i := cue + 1; i < cl.Hi; i++ {
		t := p.Toks[i]
		if t.Quoted {
			continue
		}
		if t.In(p.Lang.Cues.ScopeEnds) || reporting && t.In(p.Lang.Reporting.Verbs) ||
			t.In(p.Lang.Cues.PlanTo) && i+1 < cl.Hi && p.Toks[i+1].Kind == lex.Word && !p.Toks[i+1].Upper {
			end = i
			break
		}
	}
	for _, e := range timex.Find(p.Toks, end, cl.Hi) {
		if !p.Toks[e.Lo].Quoted {
			return cl.Hi
		}
	}
	return end
}

func (p *pass) hedged(cl lex.Range) bool {
	for i := cl.Lo; i < cl.Hi; i++ {
		t := p.Toks[i]
		if t.Quoted || t.Upper && timex.IsMonthName(t) { // "May", not "may"
			continue
		}
		// "ended in a cancelled minerals deal": a hedge after a determiner,
		// followed by another noun than an event word, qualifies that noun.
		if t.In(p.Lang.HedgeAdjectives) && i > cl.Lo && p.Toks[i-1].In(p.Lang.Determiners) && i+1 < cl.Hi {
			if _, event := p.Lang.Events[p.Toks[i+1].Norm]; !event && p.Toks[i+1].Kind == lex.Word {
				continue
			}
		}
		if t.In(p.Lang.Hedges) || p.Lang.HedgeSuffix != "" && strings.HasSuffix(t.Norm, p.Lang.HedgeSuffix) {
			return true
		}
		// "no call took place" denies the event; "produced no breakthrough" does not.
		if t.In(p.Lang.Cues.NoEvent) && i+1 < cl.Hi {
			if _, cue := p.Lang.Events[p.Toks[i+1].Norm]; cue {
				return true
			}
		}
		if t.In(p.Lang.Cues.PlanTo) && i+1 < cl.Hi && p.Toks[i+1].In(p.Lang.Cues.PlanVerbs) {
			// "an invitation to visit", "agreed to meet": a plan, not an event,
			// unless the clause is plainly future ("are set to meet").
			if f, _ := p.tense(cl); !f {
				return true
			}
		}
	}
	return false
}

func (p *pass) denied(r lex.Range) bool {
	for i := r.Lo; i < r.Hi; i++ {
		if p.Toks[i].In(p.Lang.Denials) && !p.Toks[i].Quoted {
			return true
		}
	}
	return false
}

// events finds an event claim in a clause and verifies it.
func (p *pass) events(s *sentence, cl lex.Range) {
	ec := p.eventClaim(s, cl)
	if ec == nil {
		return
	}
	id, reason := p.verifyEvent(ec)
	if ec.rec != nil {
		ec.eventValues(ec.rec, p.Lang, p.eventsOnly)
		if ec.Date != nil {
			p.part(ec.rec, "date", ec.Date.Lo, ec.Date.Hi)
		}
		if ec.Medium != "" {
			p.part(ec.rec, "medium", ec.MediumLo, ec.MediumHi)
		}
		if ec.Initiator != nil {
			p.part(ec.rec, "initiator", ec.InitLo, ec.InitHi)
		}
		if ec.Venue != nil {
			p.part(ec.rec, "venue", ec.VenueLo, ec.VenueHi)
		}
	}
	if ec.rec != nil && ec.noEvent {
		ec.rec.Cause = CauseNoEvent // kept only if settle finds it not covered
	}
	p.settle(ec.rec, id, reason)
}

// values are an event claim's resolved values, for claimlint claims.
func (ec *eventClaim) values(l *lang.Lang) map[string]string {
	v := map[string]string{"kinds": strings.Join(ec.Kinds, "|")}
	var ids []string
	for _, x := range ec.Parts {
		ids = append(ids, x.ID)
	}
	v["participants"] = strings.Join(ids, ",")
	if ec.Date != nil {
		v["date"] = analysis.SpanText(ec.Span, ec.Prec)
	}
	if ec.Medium != "" {
		v["medium"] = ec.Medium
	}
	if ec.Initiator != nil {
		v["initiator"] = ec.Initiator.ID
	}
	if ec.Venue != nil {
		v["venue"] = ec.Venue.ID
	}
	if ec.Duration > 0 {
		v["duration"] = analysis.ShortDuration(ec.Duration)
	}
	if ec.Ord != nil {
		switch {
		case ec.Ord.LastMet:
			v["ordinal"] = "last met"
		case ec.Ord.Round:
			v["ordinal"] = "round " + strconv.Itoa(ec.Ord.N)
		default:
			v["ordinal"] = l.OrdinalName(ec.Ord.N)
		}
	}
	if ec.Topic != nil {
		v["refers-to"] = ec.Topic.ID
	}
	if ec.Future {
		v["future"] = "true"
	}
	return v
}

func (p *pass) eventClaim(s *sentence, cl lex.Range) *eventClaim {
	if p.Toks[s.Hi-1].Text == "?" {
		return nil
	}
	ec := &eventClaim{EventClaim: &analysis.EventClaim{Clause: cl, TenseClause: cl, Cue: -1}}
	// The event word: the first that names an event, outside quotations
	// (and, once the date is known, the last before it).
	var cues []int
	for i := cl.Lo; i < cl.Hi; i++ {
		t := p.Toks[i]
		if !t.In(p.c.eventWords) {
			continue
		}
		kinds, ok := p.Lang.Events[t.Norm]
		if !ok || t.Quoted || !p.isCue(i, cl) {
			continue
		}
		// An arrival ("arrived … for talks") gives way to another event word.
		if ec.Cue < 0 || p.Toks[ec.Cue].In(p.Lang.Edges.Arrivals) && !t.In(p.Lang.Edges.Arrivals) {
			ec.Cue, ec.Kinds = i, kinds
		}
		cues = append(cues, i)
	}
	lastMet := p.readLastMet(s, cl)
	if ec.Cue < 0 && lastMet == nil {
		return nil
	}
	notCovered := func(reason string) *eventClaim {
		if rec := p.claim("event", cl.Lo, cl.Hi, nil); rec != nil {
			ec.rec = rec
			ec.eventValues(rec, p.Lang, p.eventsOnly)
			p.settle(rec, "", reason)
		}
		return nil
	}
	if lastMet != nil {
		ec.Ord = lastMet
		ec.Kinds = p.lastMetKinds(lastMet, cl)
		if ec.Cue < 0 {
			ec.Cue = lastMet.Lo
		}
	}
	// A hedge, a tense or a person in what the clause goes on to say
	// ("… on Friday to discuss a possible meeting with C", "…, said the
	// talks would resume") is not about this event.
	scope := lex.Range{Lo: cl.Lo, Hi: p.scopeEnd(cl, ec.Cue, true)}
	if pair, lo := p.pairBefore(s, ec.Cue); pair != nil {
		// "the A-B call": the compound names the parties; "the A-B call on
		// February 12" is that noun phrase alone.
		end := ec.Cue + 1
		if end < cl.Hi && p.Toks[end].In(p.Lang.Cues.DatePrepositions) {
			if es := timex.Find(p.Toks, end+1, cl.Hi); len(es) > 0 && es[0].Lo == end+1 {
				cl = lex.Range{Lo: lo, Hi: es[0].Hi}
				ec.Clause, scope = cl, cl
			}
		}
		ec.Parts = pair
	} else {
		// "A told B that …": B, after the reporting verb, is a party.
		ec.Parts = p.participants(s, lex.Range{Lo: cl.Lo, Hi: max(p.scopeEnd(cl, ec.Cue, false), ec.Cue+1)})
	}
	ec.TenseClause = lex.Range{Lo: cl.Lo, Hi: min(scope.Hi+1, cl.Hi)} // with the verb that reports, if one ends it
	if p.hedged(scope) || s.isDenied(p) {
		return notCovered("hedged: a negation, a modal verb, a plan, a denial or a separate event")
	}
	// One named party says too little: "A spoke by phone on Thursday" may
	// be a call with someone the ledger does not know. A visit has a visitor;
	// and "the call", naming one party, is the call the article is about.
	if len(ec.Parts) == 1 && !slices.Equal(ec.Kinds, []string{ledger.Visit}) {
		ec.Topic = p.topicFor(ec)
		if ec.Topic == nil {
			return notCovered("names one party only: with whom?")
		}
	}
	if len(ec.Parts) == 0 {
		return notCovered("names no participant the ledger knows")
	}
	ec.rec = p.claim("event", cl.Lo, cl.Hi, nil)
	ec.Future, _ = p.tense(ec.TenseClause)
	if ec.Ord == nil {
		ec.Ord = p.ordinal(s, ec)
	}
	p.claimDate(ec)
	// "The meeting followed a two-hour phone call on Sunday": the date is
	// the call's, and so is the kind.
	if ec.Date != nil && lastMet == nil {
		core := p.ownEnd(ec.Clause)
		for _, i := range cues {
			if i > ec.Cue && i < ec.Date.Lo && i < core && !p.topicNoun(i, ec.Clause) {
				if p.ownedEvent(i, ec.Date.Lo) {
					// "A's chat with B lasted half as long as his Tuesday
					// call": two events, and the date is the other's.
					ec.Ambiguous = true
				}
				ec.Cue, ec.Kinds = i, p.Lang.Events[p.Toks[i].Norm]
			}
		}
	}
	p.claimMedium(ec)
	// By phone or by video, a contact is a call: "spoke by phone", "a
	// telephone conversation", "talks via video link".
	if ec.Medium == ledger.Phone || ec.Medium == ledger.Video {
		if slices.Contains(ec.Kinds, ledger.Call) {
			ec.Kinds = []string{ledger.Call}
		} else { // "talks via video link": a call, or talks held so
			ec.Kinds = append([]string{ledger.Call}, ec.Kinds...)
		}
	}
	p.claimInitiator(s, ec)
	p.claimVenue(s, ec)
	p.claimDuration(ec)
	for i := cl.Lo; i < cl.Hi; i++ {
		switch {
		case p.Toks[i].In(p.Lang.Edges.Start):
			ec.Edge = "start"
		case p.Toks[i].In(p.Lang.Edges.End) || p.phraseAt(i, cl.Hi, p.Lang.Edges.EndPairs):
			ec.Edge = "end"
		}
	}
	if ec.Cue >= 0 && p.Toks[ec.Cue].In(p.Lang.Edges.Arrivals) {
		ec.Edge = "start" // "arrived in New Delhi on Thursday": the visit's first day
	}
	// "The second day of the talks began on Thursday": a part of the event
	// began; its day is any of the event's days.
	for i := cl.Lo; ec.Edge != "" && i+1 < ec.Cue; i++ {
		if p.Toks[i].In(p.Lang.Edges.Parts) && p.Toks[i+1].In(p.Lang.Edges.PartsOf) {
			ec.Edge = ""
		}
	}
	return ec
}

// topicFor returns the article's last matched event when a clause names
// one of its parties and refers to it with "the": "the call was initiated
// by A". The clause must give no date of its own.
func (p *pass) topicFor(ec *eventClaim) *ledger.Event {
	t := p.lastEvent
	if t == nil || ec.Cue < 1 || !p.Toks[ec.Cue-1].In(p.Lang.Cues.Definite) || !slices.Contains(ec.Kinds, t.Kind) ||
		!slices.Contains(t.Participants, ec.Parts[0].ID) || len(timex.Find(p.Toks, ec.Clause.Lo, ec.Clause.Hi)) > 0 {
		return nil
	}
	return t
}

// isCue reports whether token i really names an event here: "A called for
// …" and "a call for peace" do not; "A called B" does.
func (p *pass) isCue(i int, cl lex.Range) bool {
	t := p.Toks[i]
	next := func(k int) lex.Token {
		if i+k < cl.Hi {
			return p.Toks[i+k]
		}
		return lex.Token{}
	}
	cues := &p.Lang.Cues
	switch w := t.Norm; {
	case cues.CallNouns.Has(w):
		// "a call for peace", "calls on Russia to …": not a call; "a call on
		// Friday" is.
		if next(1).In(cues.CallOn) {
			es := timex.Find(p.Toks, i+2, min(i+4, cl.Hi))
			return len(es) > 0 && es[0].Lo == i+2
		}
		return !next(1).In(cues.CallNotBefore)
	case cues.CallingVerbs.Has(w):
		// Only "X called Y [on Friday|.|,|…]", "X rang up Y", not "called on",
		// "called for", nor "called Y a …".
		j := i + 1
		if j < cl.Hi && p.Toks[j].In(cues.CallParticles) {
			j++
		}
		if p.personAt(j, cl) < 0 {
			return false
		}
		return !p.followsNaming(p.personEnd(j, cl), cl.Hi)
	case cues.HostingVerbs.Has(w):
		// "X hosted Y", "X welcomed Y", "X received Y": not "hosted a
		// forum", "welcomed the decision", "received a letter".
		return p.personAt(i+1, cl) >= 0
	case cues.SpeakingVerbs.Has(w):
		if next(1).In(cues.SpeakingFor) { // "spoke for 45 minutes", not "spoke for the ministry"
			return p.lengthAt(i+2, cl.Hi)
		}
		return next(1).In(cues.SpeakingBefore)
	case cues.RoundNouns.Has(w):
		return next(1).In(cues.RoundBefore)
	case cues.ContactNouns.Has(w):
		return next(1).In(cues.ContactBefore)
	case hasKey(cues.NounsAfter, w):
		return i > cl.Lo && p.Toks[i-1].In(cues.NounsAfter[w])
	}
	return true
}

// followsNaming reports whether the words after a name make "called" mean
// "named": "called B a liar".
func (p *pass) followsNaming(i, hi int) bool {
	return i < hi && (p.Toks[i].Kind == lex.Possessive || p.Toks[i].In(p.Lang.Cues.NamingAfter))
}

// personAt returns i when a person's name starts at token i, else -1.
func (p *pass) personAt(i int, cl lex.Range) int {
	if i >= cl.Hi {
		return -1
	}
	n, vals := p.c.vocab.Longest(p.Toks[i:cl.Hi], 0)
	for _, v := range vals {
		if v.kind == vName && v.ent.Kind == ledger.Person && caseFits(v.form, p.Toks[i]) && n > 0 {
			return i
		}
	}
	return -1
}

func (p *pass) personEnd(i int, cl lex.Range) int {
	n, _ := p.c.vocab.Longest(p.Toks[i:cl.Hi], 0)
	return i + n
}

// pairBefore reads "A-B" or "A–B" (two people) just before the event word
// and returns the two people and the compound's first token.
func (p *pass) pairBefore(s *sentence, cue int) ([]*ledger.Entity, int) {
	var m1, m2 *mention
	for k := range s.ments {
		if s.ments[k].hi == cue && k > 0 {
			m2, m1 = &s.ments[k], &s.ments[k-1]
		}
	}
	if m2 == nil || m2.lo < 1 || m1.hi != m2.lo-1 || !p.Toks[m2.lo-1].In(p.Lang.Joiners.Pair) {
		return nil, 0
	}
	a, b := m1.person(), m2.person()
	if a == nil || b == nil || a == b {
		return nil, 0
	}
	return []*ledger.Entity{a, b}, m1.lo
}

// coreEnd is where a clause's own words end: at the first subordinator that
// is not followed by a date ("since January" dates; "since C upended" does not).
func (p *pass) coreEnd(cl lex.Range) int {
	for i := cl.Lo + 1; i < cl.Hi; i++ {
		if !p.Toks[i].In(p.Lang.Subordinators) || p.Toks[i].Quoted {
			continue
		}
		if es := timex.Find(p.Toks, i+1, min(i+4, cl.Hi)); len(es) > 0 && es[0].Lo == i+1 {
			continue
		}
		return i
	}
	return cl.Hi
}

// reports reports whether the person named at m is the one reporting in
// the clause: the subject of a reporting verb right after the name ("C
// said", "C, the spokesman, said") or its speaker after it ("…, C said",
// "…, said C").
func (p *pass) reports(m *mention, cl lex.Range) bool {
	verbs := p.Lang.Reporting.Verbs
	// "C said", "C, the ministry's spokesman, said"
	j := m.hi
	if j < cl.Hi && p.Toks[j].Text == "," {
		for j++; j < cl.Hi && j < m.hi+8 && p.Toks[j].Text != ","; j++ {
		}
		j++
	}
	// "C has confirmed", "C, the spokesman, had said"
	aux := func(k int) int {
		if k < cl.Hi && p.Toks[k].In(p.Lang.Reporting.Auxiliaries) {
			return k + 1
		}
		return k
	}
	v := -1
	switch k := aux(m.hi); {
	case k < cl.Hi && p.Toks[k].In(verbs):
		v = k
	case m.hi < cl.Hi && p.Toks[m.hi].Text == ",":
		if k := aux(j); k < cl.Hi && p.Toks[k].In(verbs) {
			v = k
		}
	}
	if v >= 0 {
		// "C said he had a call with B": C speaks of themself, a party.
		k := v + 1
		if k < cl.Hi && p.Toks[k].In(p.Lang.Reporting.Complementizers) {
			k++
		}
		if k < cl.Hi && p.Toks[k].In(p.Lang.Reporting.SelfPronouns) {
			return false
		}
		// "A told B …": B is spoken to, and A a party.
		return p.personAt(v+1, cl) < 0
	}
	// "…, said C" at the end of the clause
	if m.lo-1 >= cl.Lo && p.Toks[m.lo-1].In(verbs) && m.lo-2 >= cl.Lo && p.Toks[m.lo-2].Text == "," {
		return true
	}
	// "According to C, …"
	for _, ph := range p.Lang.Reporting.According {
		if start := m.lo - len(ph); start >= cl.Lo && p.phraseLen(start, m.lo, ph) > 0 {
			return true
		}
	}
	return false
}

// participants returns the people named in a clause, and countries named
// together as the parties to something ("Ukraine, the US and Russia",
// "U.S. and Russian officials").
func (p *pass) participants(s *sentence, cl lex.Range) []*ledger.Entity {
	var out []*ledger.Entity
	add := func(e *ledger.Entity) {
		if !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	var ms []*mention
	end := p.coreEnd(cl)
	for k := range s.ments {
		m := &s.ments[k]
		if m.lo >= cl.Lo && m.hi <= end && !p.Toks[m.lo].Quoted {
			ms = append(ms, m)
		}
	}
	// "A, who spoke with B on Friday, said …": the clause's subject is
	// the name before it.
	if cl.Lo >= 2 && p.Toks[cl.Lo].In(p.Lang.Terms.Relative) && p.Toks[cl.Lo-1].Text == "," {
		for k := range s.ments {
			if m := &s.ments[k]; m.hi == cl.Lo-1 && !p.Toks[m.lo].Quoted {
				if per := m.person(); per != nil {
					add(per)
				}
			}
		}
	}
	var reporters []*ledger.Entity
	for k, m := range ms {
		if per := m.person(); per != nil {
			// "C said A and B spoke …": who reports is no party, when two
			// others are named.
			if p.reports(m, cl) {
				reporters = append(reporters, per)
				continue
			}
			// "A's adviser B": the possessive names whose adviser.
			if m.hi < cl.Hi && p.Toks[m.hi].Kind == lex.Possessive && k+1 < len(ms) && len(ms[k+1].offices) > 0 && ms[k+1].lo == m.hi+1 {
				continue
			}
			// "the A administration": a name used as a modifier names no party;
			// nor "A's envoy".
			if m.hi < end && p.Toks[m.hi].In(p.Lang.Attributive) ||
				m.hi+1 < end && p.Toks[m.hi].Kind == lex.Possessive && p.Toks[m.hi+1].In(p.Lang.Attributive) {
				continue
			}
			add(per)
		}
	}
	if len(out) < 2 {
		for _, r := range reporters {
			add(r) // "A told reporters her call with B …": A may be a party
		}
	}
	if len(out) > 0 {
		// People are the parties; countries named beside them are context
		// ("countries X and Y … A told B").
		return out
	}
	// Countries in a coordination.
	for k := 0; k < len(ms); {
		if ms[k].country() == nil || p.qualifiesTitle(ms, k) {
			k++
			continue
		}
		group := []*mention{ms[k]}
		j := k + 1
		for ; j < len(ms); j++ {
			if ms[j].country() == nil || p.qualifiesTitle(ms, j) || !p.onlyJoiners(group[len(group)-1].hi, ms[j].lo) {
				break
			}
			group = append(group, ms[j])
		}
		k = j
		if len(group) < 2 {
			continue
		}
		demonyms := false
		for _, g := range group {
			if g.demonym != nil && len(g.names) == 0 { // "US" is a name as well as a demonym
				demonyms = true
			}
		}
		last := group[len(group)-1].hi
		if demonyms && (last >= cl.Hi || !p.Toks[last].In(p.Lang.GroupNouns)) {
			continue
		}
		for _, g := range group {
			add(g.country())
		}
	}
	return out
}

func (p *pass) qualifiesTitle(ms []*mention, k int) bool {
	if k+1 >= len(ms) || len(ms[k+1].offices) == 0 {
		return false
	}
	gap := ms[k+1].lo - ms[k].hi
	return gap == 0 || (gap == 1 && p.Toks[ms[k].hi].Kind == lex.Possessive)
}

func (p *pass) onlyJoiners(lo, hi int) bool {
	if hi-lo > 3 {
		return false
	}
	joined := false
	for i := lo; i < hi; i++ {
		switch {
		case p.Toks[i].In(p.Lang.Joiners.List):
		case p.Toks[i].In(p.Lang.Joiners.And):
			joined = true
		default:
			return false
		}
	}
	return joined || hi-lo >= 1 && p.Toks[lo].Text == ","
}

// ordinalN reads "first", "third", "3rd", "70th".
func (p *pass) ordinalN(t lex.Token) (int, bool) {
	if n, ok := p.Lang.Ordinals[t.Norm]; ok {
		return n, true
	}
	if t.Kind == lex.Ordinal {
		n, err := strconv.Atoi(strings.TrimRightFunc(t.Norm, unicode.IsLetter))
		return n, err == nil && n > 0
	}
	return 0, false
}

// ordinal reads a count of events in a clause: "the first call … this
// year", "the second round of talks", "the 14th annual summit", "her second
// visit to Ruritania this year", "her second to Ruritania in 2025", "met for
// the third time", "their first conversation since the Harbour summit",
// "his first trip to Europe since 2019", "his first visit in six years".
// What it cannot read with certainty it does not return: a count over a
// class of people ("the first visit by a British prime minister"), a rough
// period ("in nearly seven years"), a period it cannot place.
func (p *pass) ordinal(s *sentence, ec *eventClaim) *analysis.OrdinalClaim {
	cl := ec.Clause
	// The ordinal is in the clause's own words, not in a subordinate clause:
	// "A and B met hours before the 24th summit opened".
	for i, core := cl.Lo, p.coreEnd(cl); i < core; i++ {
		n, ok := p.ordinalN(p.Toks[i])
		if !ok || p.Toks[i].Quoted {
			continue
		}
		oc := &analysis.OrdinalClaim{N: n, Lo: i, PerLo: -1}
		j, series := p.ordinalModifiers(s, oc, i+1, cl.Hi)
		if j >= cl.Hi {
			return nil
		}
		t := p.Toks[j]
		if t.In(p.Lang.Anniversary.Words) || t.In(p.Lang.Anniversary.Year) {
			continue // "on the third anniversary of …": the anniversary's count, not the event's
		}
		ct := &p.Lang.Counts
		kinds, noun := p.Lang.Events[t.Norm]
		switch {
		case noun && !t.Quoted:
			oc.NounKinds, oc.Hi = kinds, j+1
			if t.In(p.Lang.Cues.RoundNouns) {
				oc.Round = true // "the second round (of talks)"
				p.seriesKinds(ec, oc)
				if p.narrowedAfter(oc.Hi, core) {
					oc.Silent = "a round counted within a period: \"the first round of talks in three years\""
				}
				return oc
			}
		case t.In(ct.Times) && i-2 >= cl.Lo && p.Toks[i-2].In(ct.For) && p.Toks[i-1].In(p.Lang.Cues.Definite) &&
			ec.Cue >= cl.Lo && ec.Cue < i && !p.verbBetween(ec.Cue+1, i-2):
			// "met on Thursday for the fourth time": the clause's event, when
			// no other verb stands between ("spoke, agreeing for the first
			// time to …" counts the agreeing).
			oc.NounKinds, oc.Hi = ec.Kinds, j+1
		case j == i+1 && p.ellipticOrdinal(i, ec):
			// "The visit is Bo Sample's first to Ruritania": the noun is the clause's.
			oc.NounKinds, oc.Hi = ec.Kinds, i+1
		default:
			continue
		}
		if !p.ordinalTail(s, ec, oc) {
			return nil
		}
		for k := oc.Hi; k+1 < cl.Hi; k++ {
			if p.Toks[k].In(ct.By) && p.Toks[k+1].In(ct.ClassArticles) {
				return nil // "… since 2019 by a British prime minister": a class of people
			}
		}
		if oc.Hi == i+1 && oc.Dest == nil && (oc.Hi >= cl.Hi || !p.Toks[oc.Hi].In(p.Lang.Counts.Parties)) {
			// An ordinal without its noun counts the clause's event only with
			// a place or the parties after it: "the first between them", not
			// "the first of three stops".
			oc.Whole = false
		}
		// "the 14th annual summit", "the 25th EU-China summit": the number of
		// an edition of a series; "the third India-China meeting this year"
		// counts.
		switch {
		case series != "" && oc.Period == nil && oc.Back == 0 && !p.narrowedAfter(oc.Hi, core):
			oc.Round, oc.Whole = true, false
			p.seriesKinds(ec, oc)
			return oc
		case series == "compound":
			oc.Bilateral = true // "the first Ruritania-Borduria summit this year": theirs alone
		case series == "annual":
			oc.Restricted = true // "the first annual summit since 2019": the ledger cannot tell which are annual
		}
		if slices.Equal(oc.NounKinds, []string{ledger.Visit}) {
			oc.Visit = true
		}
		switch {
		case (oc.Visit || oc.Abroad) && (len(ec.Parts) != 1 || ec.Parts[0].Kind != ledger.Person):
			oc.Silent = "whose trips? the visitor must be the one party named"
		case oc.Period == nil && oc.Back == 0 && !oc.Whole:
			oc.Silent = "no period, and words after the counted noun that may narrow the count"
		}
		return oc
	}
	return nil
}

// seriesKinds narrows the kinds of the event a numbered edition is
// claimed of to the series' noun: "Friday's meeting was the 22nd annual
// summit" is about the summit, not the visit around it.
func (p *pass) seriesKinds(ec *eventClaim, oc *analysis.OrdinalClaim) {
	var ks []string
	for _, k := range ec.Kinds {
		if slices.Contains(oc.NounKinds, k) {
			ks = append(ks, k)
		}
	}
	if len(ks) > 0 {
		ec.Kinds = ks
	}
}

// ordinalModifiers reads the words between an ordinal and its noun from
// token j: a medium ("phone"), a restriction ("formal", "bilateral",
// "foreign"), a series ("annual", "EU-China"). It returns where they end and
// the kind of series marker seen: "annual", "compound" or "".
func (p *pass) ordinalModifiers(s *sentence, oc *analysis.OrdinalClaim, j, hi int) (int, string) {
	ct := &p.Lang.Counts
	series := ""
	for j < hi {
		t := p.Toks[j]
		w := t.Norm
		hyphened := j > 0 && p.Toks[j-1].Text == "-" || j+1 < hi && p.Toks[j+1].Text == "-"
		switch {
		case ct.Restrictive.Has(w):
			oc.Restricted = true
		case ct.Bilateral.Has(w):
			oc.Bilateral = true
		case ct.Series.Has(w):
			series = "annual"
		case ct.Abroad.Has(w):
			oc.Abroad = true
		case (ct.To.Has(w) || ct.In.Has(w) || ct.PeriodCues.Has(w)) && !hyphened:
			return j, series // "first to China", "second in 2025": not a filler
		case p.Lang.OrdinalFillers.Has(w):
			switch {
			case p.Lang.Medium.OrdinalPhone.Has(w):
				oc.Medium = ledger.Phone
			case p.Lang.Medium.OrdinalVideo.Has(w):
				oc.Medium = ledger.Video
			case p.Lang.Medium.OrdinalInPerson.Has(w):
				oc.InPerson = true
			}
		default:
			if end := p.seriesCompound(s, j, hi); end > j {
				if series == "" {
					series = "compound"
				}
				j = end
				continue
			}
			return j, series
		}
		j++
	}
	return j, series
}

// seriesCompound returns the end of "India-Russia", "EU-China", "U.S.-Russian"
// or an organisation's name ("SCO") at token j, naming a series of summits
// or talks; j when there is none.
func (p *pass) seriesCompound(s *sentence, j, hi int) int {
	at := func(k int) *mention {
		for x := range s.ments {
			if m := &s.ments[x]; m.lo == k && m.hi <= hi && m.person() == nil && !p.Toks[k].Quoted {
				return m
			}
		}
		return nil
	}
	m := at(j)
	if m == nil {
		return j
	}
	end, parts := m.hi, 1
	for end+1 < hi && p.Toks[end].In(p.Lang.Joiners.Pair) {
		n := at(end + 1)
		if n == nil {
			break
		}
		end, parts = n.hi, parts+1
	}
	if parts >= 2 {
		return end
	}
	for _, e := range m.names {
		if e.Kind == ledger.Organisation {
			return end
		}
	}
	return j
}

// narrowedAfter reports whether words in [lo, hi) put an ordinal within a
// period or a term: "since", "under", "this year", "in three years", "of his
// second term". Then "the first round", "the first annual summit" count
// within it; they do not number a series.
func (p *pass) narrowedAfter(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		t := p.Toks[k]
		if t.Quoted {
			continue
		}
		if t.In(p.Lang.Cues.Since) || t.In(p.Lang.Counts.Narrowing) {
			return true
		}
		if t.In(p.Lang.Counts.In) && p.backPeriod(&analysis.OrdinalClaim{}, k, hi) {
			return true
		}
		if es := timex.Find(p.Toks, k, min(k+3, hi)); len(es) > 0 && es[0].Lo == k &&
			(es[0].Form == timex.ThisYear || es[0].Form == timex.LastYear) {
			return true
		}
	}
	return false
}

// verbBetween reports whether a verb other than the event word stands in
// tokens [lo, hi): a past form or an "-ing" form.
func (p *pass) verbBetween(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if es := timex.Find(p.Toks, k, hi); len(es) > 0 && es[0].Lo == k {
			k = es[0].Hi - 1 // "last week" is a date, not a verb
			continue
		}
		t := p.Toks[k]
		if t.Kind == lex.Word && !t.Upper && (p.isPastWord(t) || t.In(p.Lang.Tense.Past) ||
			p.Lang.Counts.GerundSuffix != "" && len(t.Norm) > 4 && strings.HasSuffix(t.Norm, p.Lang.Counts.GerundSuffix)) {
			return true
		}
	}
	return false
}

// ellipticOrdinal reports whether the ordinal at i stands for the clause's
// event noun: "The visit is Bo Sample's first to Ruritania", "the first between them".
func (p *pass) ellipticOrdinal(i int, ec *eventClaim) bool {
	if i == ec.Clause.Lo || ec.Cue < ec.Clause.Lo || ec.Cue >= i {
		return false
	}
	prev := p.Toks[i-1]
	return prev.Kind == lex.Possessive || prev.In(p.Lang.Counts.Determiners)
}

// ordinalTail reads what follows the counted noun: the place ("to India"),
// the parties ("between A and B"), the period ("this year", "in 2025",
// "since October", "since the Harbour summit", "in six years"). It returns
// false when the count must not be judged: a class of people ("by a
// British prime minister"), a rough or unplaceable period.
func (p *pass) ordinalTail(s *sentence, ec *eventClaim, oc *analysis.OrdinalClaim) bool {
	cl := ec.Clause
	ct := &p.Lang.Counts
	visit := slices.Equal(oc.NounKinds, []string{ledger.Visit})
	clean := true
	k := oc.Hi
loop:
	for k < cl.Hi {
		t := p.Toks[k]
		w := t.Norm
		if t.Quoted {
			clean = false
			break
		}
		if es := timex.Find(p.Toks, k, min(k+4, cl.Hi)); len(es) > 0 && (es[0].Lo == k || es[0].Lo == k+1 && ct.PeriodCues.Has(w)) {
			switch e := es[0]; e.Form {
			case timex.ThisYear, timex.YearOnly, timex.LastYear:
				r := e.Resolve(p.Pub, false)
				sp := r.Span
				oc.Period, oc.PerLo, oc.PerHi = &sp, k, e.Hi
				break loop
			}
			clean = false // a date of the event, or another period: "in June"
			break
		}
		switch {
		case ct.By.Has(w):
			return false // "the first visit by a British prime minister": a class of people
		case p.Lang.Cues.Since.Has(w):
			return p.sincePeriod(s, ec, oc, k)
		case ct.In.Has(w) && k+1 < cl.Hi && p.Toks[k+1].In(ct.Rough):
			return false // "in nearly seven years"
		case ct.In.Has(w) && p.backPeriod(oc, k, cl.Hi):
			break loop
		case ct.To.Has(w) && visit && oc.Dest == nil:
			m := p.placeAt(s, k+1, cl.Hi)
			if m == nil {
				clean = false
				break loop
			}
			oc.Dest, k = m.place(), m.hi
		case ct.Abroad.Has(w):
			oc.Abroad = true
			k++
		case ct.Parties.Has(w):
			end := p.partiesEnd(s, k+1, cl.Hi)
			if end == k+1 {
				clean = false
				break loop
			}
			k = end
		case p.phraseLen(k, cl.Hi, p.Lang.Medium.InPersonPair) > 0:
			oc.InPerson = true // "their first meeting in person"
			k += len(p.Lang.Medium.InPersonPair)
		case t.Kind == lex.Punct && (t.Text == "," || t.Text == "." || t.Text == "!"):
			break loop
		default:
			clean = false
			break loop
		}
	}
	oc.Whole = clean && oc.Period == nil && oc.Back == 0
	return true
}

// placeAt returns the place or country named at token k ("to India", "to
// the White House"), or nil.
func (p *pass) placeAt(s *sentence, k, hi int) *mention {
	if k < hi && p.Toks[k].In(p.Lang.Cues.Definite) {
		k++
	}
	for x := range s.ments {
		m := &s.ments[x]
		if m.lo == k && m.hi <= hi && m.place() != nil && !p.Toks[k].Quoted {
			return m
		}
	}
	return nil
}

// partiesEnd returns the end of "A and B", "the two", "Ada Example" from token k:
// the parties after "between" or "with"; k when none is named.
func (p *pass) partiesEnd(s *sentence, k, hi int) int {
	start, named := k, false
	for k < hi {
		if m := p.mentionWithin(s, k, hi); m != nil && (m.person() != nil || m.country() != nil) {
			k, named = m.hi, true
			continue
		}
		w := p.Toks[k].Norm
		if !p.Lang.Counts.PartyWords.Has(w) {
			break
		}
		if !p.Lang.Joiners.And.Has(w) && w != "," && !p.Lang.Cues.Definite.Has(w) {
			named = true // "the two", "both"
		}
		k++
	}
	if !named {
		return start
	}
	for k > start && p.Toks[k-1].Text == "," {
		k-- // "between A and B, …": the comma ends the tail
	}
	return k
}

func (p *pass) mentionWithin(s *sentence, k, hi int) *mention {
	for x := range s.ments {
		if m := &s.ments[x]; m.lo == k && m.hi <= hi {
			return m
		}
	}
	return nil
}

// backPeriod reads "in six years", "in 16 months", "in a decade" at token k.
func (p *pass) backPeriod(oc *analysis.OrdinalClaim, k, hi int) bool {
	if k+2 >= hi {
		return false
	}
	t, u := p.Toks[k+1], p.Toks[k+2]
	n, ok := p.Lang.Dates.Numbers[t.Norm]
	if !ok && t.Kind == lex.Number {
		v, err := strconv.Atoi(t.Text)
		n, ok = v, err == nil && v > 0
	}
	unit, isUnit := p.Lang.Counts.Units[u.Norm]
	if !ok || !isUnit {
		return false
	}
	oc.Back, oc.BackUnit, oc.PerLo, oc.PerHi = n*unit, unit, k, k+3
	return true
}

// sincePeriod reads the period of "since October", "since December 2021",
// "since the Harbour summit", "since Helsinki in 2018", "since she took
// office in October": it starts after the anchor, which it excludes. Where
// the start is not known to the day, the period is read narrow (after the
// whole month or year named) for a count too low, and wide (from its first
// day) for a count too high. It returns false when the anchor cannot be
// placed.
func (p *pass) sincePeriod(s *sentence, ec *eventClaim, oc *analysis.OrdinalClaim, k int) bool {
	cl := ec.Clause
	end := cl.Hi
	for q := k + 1; q < cl.Hi; q++ {
		if t := p.Toks[q]; t.Kind == lex.Punct && t.Text != "-" && t.Text != "–" && t.Text != "'" {
			end = q // "since October, when …", "since the summit."
			break
		}
	}
	set := func(narrowFirst, wideFirst time.Time, hi int) {
		narrow := civil.Span{First: narrowFirst, Last: p.Pub}
		wide := civil.Span{First: wideFirst, Last: p.Pub}
		oc.Period, oc.Wide, oc.PerLo, oc.PerHi = &narrow, &wide, k, hi
	}
	es := timex.Find(p.Toks, k+1, end)
	var date *civil.Span
	if len(es) > 0 {
		r := es[0].Resolve(p.Pub, false)
		date = &r.Span
		if es[0].Lo == k+1 {
			// "since October": after October, or (widest) from its first day.
			set(date.Last.AddDate(0, 0, 1), date.First, es[0].Hi)
			return true
		}
	}
	byDate := func() bool {
		if date == nil {
			return false
		}
		set(date.Last.AddDate(0, 0, 1), date.First, end)
		return true
	}
	for q := k + 1; q < end; q++ {
		if p.phraseAt(q, end, p.Lang.Counts.OfficeStart) {
			// "since she took office in October"
			if from, ok := p.termStart(s, ec, k+1, end, date); ok {
				set(from.Last(), from.First(), end)
				return true
			}
			return byDate()
		}
	}
	if last, ok := p.sinceAnchor(s, ec, k+1, end, date); ok {
		day := last.AddDate(0, 0, 1)
		set(day, day, end)
		return true
	}
	return byDate()
}

// termStart finds the start of the term of office a "since … took office"
// phrase names: of the person it names, or else of the claim's one person
// who has such a term, in the period it gives, or else the current one.
func (p *pass) termStart(s *sentence, ec *eventClaim, lo, hi int, date *civil.Span) (civil.Date, bool) {
	var who []*ledger.Entity
	for x := range s.ments {
		if m := &s.ments[x]; m.lo >= lo && m.hi <= hi && m.person() != nil {
			who = append(who, m.person())
		}
	}
	if len(who) == 0 {
		who = ec.Parts
	}
	var found []civil.Date
	for _, o := range p.Ledger.Offices {
		for _, t := range o.Terms {
			if t.From.IsZero() || t.From.First().After(p.Pub) || !slices.ContainsFunc(who, func(e *ledger.Entity) bool { return e.ID == t.Holder }) {
				continue
			}
			if date != nil && !civil.SpanOf(t.From).Overlaps(*date) {
				continue
			}
			if date == nil && !t.To.IsZero() && t.To.Last().Before(p.Pub) {
				continue // "since taking office": the term that runs
			}
			if !slices.Contains(found, t.From) {
				found = append(found, t.From)
			}
		}
	}
	if len(found) != 1 {
		return civil.Date{}, false
	}
	return found[0], true
}

// sinceAnchor finds the event "since the Harbour summit", "since Helsinki
// in 2018", "since his state visit in May 2024" names: among the claim's
// parties' events, those of the kind named, held at the place named, in the
// period named, before publication. They must make one occasion; it returns
// that occasion's last day.
func (p *pass) sinceAnchor(s *sentence, ec *eventClaim, lo, hi int, date *civil.Span) (time.Time, bool) {
	var kinds []string
	for q := lo; q < hi; q++ {
		if ks, ok := p.Lang.Events[p.Toks[q].Norm]; ok && !p.Toks[q].Quoted {
			kinds = ks
			break
		}
	}
	var place *ledger.Entity
	for x := range s.ments {
		m := &s.ments[x]
		if m.lo < lo || m.hi > hi {
			continue
		}
		if pl := m.place(); pl != nil && (m.demonym == nil || len(m.names) > 0) {
			if place != nil && place != pl {
				return time.Time{}, false
			}
			place = pl
		}
	}
	if (place == nil && kinds == nil) || len(ec.Parts) == 0 {
		return time.Time{}, false
	}
	if kinds == nil {
		kinds = inPersonKinds
	}
	var hits []*ledger.Event
	for _, e := range p.Index.Candidates(ec.Parts, kinds) {
		switch {
		case !e.Start.First().Before(p.Pub):
		case place != nil && (e.Venue == "" || !p.Ledger.Within(e.Venue, place.ID)):
		case date != nil && !e.Span().Overlaps(*date):
		default:
			hits = append(hits, e)
		}
	}
	occ := analysis.Occasions(hits)
	if len(occ) != 1 {
		return time.Time{}, false
	}
	return occ[0].Last, true
}

// lastMetKinds are the kinds of event a "last met" claim is about: in-person
// ones for "met", any contact for "spoke", those of the noun for "the last
// call came …".
func (p *pass) lastMetKinds(oc *analysis.OrdinalClaim, cl lex.Range) []string {
	switch {
	case oc.InPerson:
	case !p.Toks[oc.Lo+1].In(p.Lang.LastMet.Verbs) && oc.NounKinds != nil:
		return oc.NounKinds
	case p.hasAny(cl.Lo, cl.Hi, p.Lang.LastMet.Speaking):
		return contactKinds
	}
	return inPersonKinds
}

// readLastMet reads "last met (in person) …", "last spoke …", "had last
// sat down together …" and "the last (bilateral) meeting (between A and B)
// came in …": the latest such event before the one the article reports.
func (p *pass) readLastMet(s *sentence, cl lex.Range) *analysis.OrdinalClaim {
	lm := &p.Lang.LastMet
	for i := cl.Lo; i+1 < cl.Hi; i++ {
		if !p.Toks[i].In(lm.Last) || p.Toks[i].Quoted {
			continue
		}
		oc := &analysis.OrdinalClaim{LastMet: true, Lo: i, Hi: i + 2, PerLo: -1}
		if p.Toks[i+1].In(lm.Verbs) {
			if n := p.phraseLen(i+2, cl.Hi, p.Lang.Medium.InPersonPair); n > 0 {
				oc.InPerson, oc.Hi = true, i+2+n
			}
			if i+2 < cl.Hi && p.Toks[i+2].In(p.Lang.Medium.InPerson) {
				oc.InPerson, oc.Hi = true, i+3
			}
			oc.NounKinds = p.Lang.Events[p.Toks[i+1].Norm]
			// "last spoke by phone in April": the latest phone call.
			phone, video := p.hasAny(oc.Hi, cl.Hi, p.Lang.Medium.Phone), p.hasAny(oc.Hi, cl.Hi, p.Lang.Medium.Video)
			switch {
			case oc.InPerson:
			case phone && !video:
				oc.Medium = ledger.Phone
			case video && !phone:
				oc.Medium = ledger.Video
			}
			return oc
		}
		// "the last bilateral meeting … came in 2021"
		j := i + 1
		for ; j < cl.Hi; j++ {
			w := p.Toks[j].Norm
			switch {
			case p.Lang.Counts.Bilateral.Has(w):
				oc.Bilateral = true
				continue
			case p.Lang.Medium.OrdinalInPerson.Has(w) || p.Lang.Medium.InPerson.Has(w):
				oc.InPerson = true
				continue
			case p.Lang.Medium.OrdinalPhone.Has(w):
				oc.Medium = ledger.Phone
				continue
			case p.Lang.Medium.OrdinalVideo.Has(w):
				oc.Medium = ledger.Video
				continue
			case p.Lang.OrdinalFillers.Has(w) && (w != "to" && w != "in" || p.Toks[j-1].Text == "-"):
				continue
			}
			break
		}
		kinds, noun := p.Lang.Events[p.Toks[min(j, cl.Hi-1)].Norm]
		if j >= cl.Hi || !noun || p.Toks[j].Quoted {
			continue
		}
		// Only the parties and an auxiliary between the noun and its verb:
		// "the last meeting between A and B (had) came in June", not "the
		// last meeting of the year was …".
		k := j + 1
		if k < cl.Hi && p.Toks[k].In(p.Lang.Counts.Parties) {
			k = p.partiesEnd(s, k+1, cl.Hi)
		}
		for k < cl.Hi && p.Toks[k].In(lm.Auxiliaries) {
			k++
		}
		if k >= cl.Hi || !p.Toks[k].In(lm.NounVerbs) {
			continue
		}
		oc.NounKinds, oc.Hi = kinds, j+1
		return oc
	}
	return nil
}

// reportDate reports whether date e dates a report rather than the event:
// "X said on Sunday that …", "told reporters on Wednesday that …", "said
// Monday …", and at the head of a clause, "On Sunday, the ministry said
// …" (no event word before the reporting verb).
func (p *pass) reportDate(e timex.Expr, cl lex.Range) bool {
	rp := &p.Lang.Reporting
	k := e.Lo - 1
	if k >= cl.Lo && p.Toks[k].In(p.Lang.Cues.DatePrepositions) {
		k--
	}
	if p.afterReport(k, cl) {
		return true
	}
	head := cl.Lo
	if head < e.Lo && p.Toks[head].In(p.Lang.Cues.DatePrepositions) {
		head++
	}
	if e.Lo != head {
		return false
	}
	for j := e.Hi; j < cl.Hi && j < e.Hi+6; j++ {
		t := p.Toks[j]
		if _, cue := p.Lang.Events[t.Norm]; cue {
			return false
		}
		if t.In(rp.Verbs) && !t.Quoted {
			return true
		}
	}
	return false
}

// ownEnd is where the words of a clause's own event end: at a clause
// inside that tells of an event of its own ("… after a video call with
// C"), else at the clause's end ("the first call after the inauguration,
// on January 26, lasted ten minutes").
func (p *pass) ownEnd(cl lex.Range) int {
	if end := p.coreEnd(cl); p.cueBetween(end, cl.Hi) {
		return end
	}
	return cl.Hi
}

// hasVerb reports whether tokens [lo, hi) hold a verb of past or future
// time: a clause with its own verb before a subordinator ("spoke shortly
// after C was sworn in on Monday") leaves the date after it to the clause
// inside; a noun phrase does not ("the first call since the inauguration
// took place on Saturday").
func (p *pass) hasVerb(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		t := p.Toks[i]
		if t.In(p.Lang.Tense.Past) || t.In(p.Lang.Tense.Future) || p.isPastWord(t) {
			return true
		}
	}
	return false
}

// reportBetween reports whether a reporting verb stands in tokens [lo, hi).
func (p *pass) reportBetween(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if p.Toks[i].In(p.Lang.Reporting.Verbs) {
			return true
		}
	}
	return false
}

// cueBetween reports whether an event word stands in tokens [lo, hi).
func (p *pass) cueBetween(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if _, ok := p.Lang.Events[p.Toks[i].Norm]; ok {
			return true
		}
	}
	return false
}

// afterReport reports whether token k ends a reporting verb and its
// object: "said", "told reporters", "said in a statement".
func (p *pass) afterReport(k int, cl lex.Range) bool {
	rp := &p.Lang.Reporting
	for n := 0; n < 4 && k >= cl.Lo && p.Toks[k].In(rp.Objects); n++ {
		k--
	}
	return k >= cl.Lo && p.Toks[k].In(rp.Verbs) && !p.Toks[k].Quoted
}

// claimDate finds the one date the clause gives its event.
func (p *pass) claimDate(ec *eventClaim) {
	var exprs []timex.Expr
	for _, e := range timex.Find(p.Toks, ec.Clause.Lo, ec.Clause.Hi) {
		if p.Toks[e.Lo].Quoted || (ec.Ord != nil && ec.Ord.PerLo >= 0 && e.Lo >= ec.Ord.PerLo && e.Lo < max(ec.Ord.PerHi, ec.Ord.PerLo+2)) {
			continue
		}
		// "since February" and "until May" bound a period; they do not date the event.
		if e.Lo > ec.Clause.Lo && p.Toks[e.Lo-1].In(p.Lang.Cues.PeriodBounds) {
			continue
		}
		// "said on Sunday that …": the date of the saying, not of the event.
		if p.reportDate(e, ec.Clause) {
			continue
		}
		// "… a day after C met D on Monday": the date of the clause inside,
		// which tells of an event of its own.
		if end := p.coreEnd(ec.Clause); e.Lo >= end && (p.cueBetween(end, e.Lo) || p.hasVerb(ec.Clause.Lo, end)) {
			continue
		}
		exprs = append(exprs, e)
	}
	if len(exprs) == 0 {
		return
	}
	future, past := p.tense(ec.TenseClause)
	var chosen *timex.Expr
	var res timex.Resolved
	for k := range exprs {
		e := exprs[k]
		if e.Relative() && (future && past || e.Form == timex.Weekday && !future && !past) {
			ec.Ambiguous = true // a relative date needs a clear tense
			return
		}
		r := e.Resolve(p.Pub, future && !past)
		if !future && !past && e.Form == timex.MonthDay && e.Year == 0 && !e.HasYearRel {
			// "X confirms a call with Y on 4 February", a headline of late
			// January: with no tense, the date nearest publication.
			if ahead := e.Resolve(p.Pub, true); ahead.Span.First.Sub(p.Pub) < p.Pub.Sub(r.Span.Last) {
				r = ahead
			}
		}
		switch {
		case chosen == nil:
			chosen, res = &exprs[k], r
		case r.Span != res.Span:
			ec.Ambiguous = true // two dates: which one is the event's?
			return
		case e.Form == timex.MonthDay || e.Form == timex.Weekday:
			chosen = &exprs[k] // "Today, February 4": keep the written date
		}
	}
	ec.Date, ec.Span, ec.Prec = chosen, res.Span, res.Prec
}

func (p *pass) claimMedium(ec *eventClaim) {
	set := func(m string, lo, hi int) {
		if ec.Medium != "" && ec.Medium != m {
			ec.Medium = "?"
			return
		}
		ec.Medium, ec.MediumLo, ec.MediumHi = m, lo, hi
	}
	// "… after a video call with C": the medium of the clause inside.
	hi := p.ownEnd(ec.Clause)
	for i := ec.Clause.Lo; i < hi; i++ {
		t := p.Toks[i]
		if t.Quoted {
			continue
		}
		md := &p.Lang.Medium
		switch n := p.phraseLen(i, hi, md.InPersonPair); {
		case t.In(md.Phone):
			set(ledger.Phone, i, i+1)
		case t.In(md.Video):
			set(ledger.Video, i, i+1)
		case n > 0 && (ec.Ord == nil || !ec.Ord.LastMet):
			set(ledger.InPerson, i, i+n)
		case t.In(md.InPerson):
			set(ledger.InPerson, i, i+1)
		}
	}
	if ec.Medium == "?" {
		ec.Medium = ""
	}
}

// claimInitiator reads "X called Y", "initiated by X", "at X's request".
func (p *pass) claimInitiator(s *sentence, ec *eventClaim) {
	cl := ec.Clause
	for k := range s.ments {
		m := &s.ments[k]
		per := m.person()
		if per == nil || m.lo < cl.Lo || m.hi > cl.Hi {
			continue
		}
		after := func(words lang.Set) bool {
			return m.hi < cl.Hi && p.Toks[m.hi].In(words)
		}
		before := func(n int, words lang.Set) bool {
			return m.lo-n >= cl.Lo && p.Toks[m.lo-n].In(words)
		}
		in := &p.Lang.Initiator
		switch {
		case after(p.Lang.Cues.CallingVerbs) && p.isCue(m.hi, cl):
		case before(1, in.By) && before(2, in.PlacedByVerbs):
		case after(in.AfterName) && p.eventNext(m.hi+1, ec):
		case after(in.AskingVerbs) && m.hi+1 < cl.Hi && p.Toks[m.hi+1].In(in.AskingFor) && p.eventNext(m.hi+2, ec):
		case before(1, in.Of) && before(2, in.Request) && before(3, in.The) && before(4, in.At):
		case before(1, in.At) && m.hi+1 < cl.Hi && p.Toks[m.hi].Kind == lex.Possessive && p.Toks[m.hi+1].In(in.RequestNouns):
		default:
			continue
		}
		if ec.Initiator != nil && ec.Initiator != per {
			ec.Initiator = nil
			return
		}
		ec.Initiator, ec.InitLo, ec.InitHi = per, m.lo, m.hi
	}
	// "A, who called B on Friday, said …": the relative pronoun that opens
	// the clause stands for the name before it, and it placed the call.
	if ec.Initiator == nil && cl.Lo >= 2 && cl.Lo+1 < cl.Hi && p.Toks[cl.Lo].In(p.Lang.Terms.Relative) &&
		p.Toks[cl.Lo-1].Text == "," && p.Toks[cl.Lo+1].In(p.Lang.Cues.CallingVerbs) && p.isCue(cl.Lo+1, cl) {
		for k := range s.ments {
			if m := &s.ments[k]; m.hi == cl.Lo-1 && !p.Toks[m.lo].Quoted {
				if per := m.person(); per != nil {
					ec.Initiator, ec.InitLo, ec.InitHi = per, m.lo, m.hi
				}
			}
		}
	}
}

// eventNext reports whether the clause's event word is at i, or follows it
// with only what may stand before an event noun in between: a determiner
// or possessive, a date ("Thursday's"), a length ("90-minute"), a medium
// ("phone"). "X requested the call" names who placed it; "X requested a
// ceasefire in the call" does not.
func (p *pass) eventNext(i int, ec *eventClaim) bool {
	if ec.Cue < i || ec.Cue-i > 6 {
		return false
	}
	dated := map[int]bool{}
	for _, e := range timex.Find(p.Toks, i, ec.Cue) {
		for k := e.Lo; k < e.Hi; k++ {
			dated[k] = true
		}
	}
	md := &p.Lang.Medium
	for k := i; k < ec.Cue; k++ {
		t := p.Toks[k]
		_, unit := p.Lang.Durations.Units[t.Norm]
		switch {
		case dated[k], t.Kind == lex.Possessive, t.Kind == lex.Number, t.Text == "-", unit,
			t.In(p.Lang.Determiners), t.In(p.Lang.PossessivePronouns),
			t.In(md.Phone), t.In(md.Video), t.In(md.InPerson):
		default:
			if _, number := p.Lang.Dates.Numbers[t.Norm]; number { // "two-hour"
				continue
			}
			return false
		}
	}
	return true
}

// claimVenue reads "in <place>" in a clause: "met … in <country>", "in
// the capital of X"; every place name comes from the ledger.
func (p *pass) claimVenue(s *sentence, ec *eventClaim) {
	cl := ec.Clause
	// A relative clause after the event word is about something else: "a
	// call that both capitals presented as … in Washington".
	end := p.coreEnd(cl)
	for i := max(ec.Cue, cl.Lo) + 1; i < end; i++ {
		if p.Toks[i].In(p.Lang.Relatives) && !p.Toks[i].Quoted {
			end = i
			break
		}
	}
	cl.Hi = end
	var found *ledger.Entity
	for i := cl.Lo; i < cl.Hi; i++ {
		if !p.Toks[i].In(p.Lang.Venue.Prepositions) || p.Toks[i].Quoted {
			continue
		}
		if i > cl.Lo && p.Toks[i-1].In(p.Lang.Venue.NotVenue) {
			continue
		}
		if p.afterReport(i-1, cl) {
			continue // "told reporters in Moscow": where the report was made
		}
		if i < ec.Cue && p.reportBetween(i, ec.Cue) {
			continue // "… calm in Ruritania, the premier said as his summit opened": what was said
		}
		if p.topicPlace(i, cl, ec.Cue) {
			continue // "discussed the G7 summit in Canada": another event's place
		}
		for k := range s.ments {
			m := &s.ments[k]
			if m.lo <= i || m.lo > i+6 || m.hi > cl.Hi {
				continue
			}
			pl := m.place()
			if pl == nil || m.demonym != nil && len(m.names) == 0 {
				continue
			}
			if m.hi < cl.Hi && p.Toks[m.hi].Kind == lex.Possessive {
				break // "at <capital>'s initiative", "in <capital>'s view": not where
			}
			if !p.plainGap(i+1, m.lo) || p.venueStop(i+1, m.lo) {
				break // "taking part in talks between Russia and …": no place of the event
			}
			if found != nil && found != pl {
				ec.Venue = nil
				return
			}
			found = pl
			ec.Venue, ec.VenueLo, ec.VenueHi = pl, m.lo, m.hi
			break
		}
	}
}

// ownedEvent reports whether the event word at token i is owned by a
// pronoun ("his Tuesday call", "their call on Friday"), within the words
// before it that are part of its date.
func (p *pass) ownedEvent(i, date int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if p.Toks[k].In(p.Lang.PossessivePronouns) {
			return true
		}
		if k < date {
			if _, ok := timex.WeekdayName(p.Toks[k]); !ok && p.Toks[k].Kind != lex.Possessive {
				return false
			}
		}
	}
	return false
}

// topicNoun reports whether the event word at token i names an event the
// clause talks about ("discussed the summit"), after a word of topic or
// time within a few words before it.
func (p *pass) topicNoun(i int, cl lex.Range) bool {
	for k := max(cl.Lo, i-4); k < i; k++ {
		if p.Toks[k].In(p.Lang.Venue.TopicCues) {
			return true
		}
	}
	return false
}

// topicPlace reports whether "in" at token i gives the place of another
// event the clause talks about: an event word other than the claim's just
// before it, itself after a word of topic or time ("discussed the G7 summit
// in Canada", "ahead of the summit in Rome"); "met on the sidelines of the
// summit in Brussels" is where they met.
func (p *pass) topicPlace(i int, cl lex.Range, cue int) bool {
	if i-1 <= cl.Lo || i-1 == cue {
		return false
	}
	if _, other := p.Lang.Events[p.Toks[i-1].Norm]; !other {
		return false
	}
	return p.topicNoun(i-1, cl)
}

// venueStop reports whether the words between "in" and a place show the
// place is not where the event was held: an event word or a preposition
// of parties ("in talks between Russia and …", "in years between …").
func (p *pass) venueStop(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if _, event := p.Lang.Events[p.Toks[i].Norm]; event || p.Toks[i].In(p.Lang.Venue.GapStops) {
			return true
		}
	}
	return false
}

// plainGap reports whether tokens [lo, hi) are only articles, lower-case
// words and demonyms: "the <demonym> capital of".
func (p *pass) plainGap(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		t := p.Toks[i]
		if t.Kind != lex.Word {
			return false
		}
		if t.Upper {
			n, vals := p.c.vocab.Longest(p.Toks[i:hi], 0)
			ok := false
			for _, v := range vals {
				if v.kind == vDemonym {
					ok = true
				}
			}
			if !ok {
				return false
			}
			i += n - 1
		}
	}
	return true
}

// claimDuration reads how long the clause says its event lasted: "a
// 30-minute call", "two-hour talks", "an hour-and-a-half discussion",
// "lasted 90 minutes", "a 2½-hour call", "two-and-a-half-hour talks", "an
// hour and 15 minutes", "half an hour", and a bound before it ("more than
// an hour", "nearly two hours"). A length that is an offset ("30 minutes
// after the call", "within an hour") is none.
func (p *pass) claimDuration(ec *eventClaim) {
	cl := ec.Clause
	cl.Hi = p.ownEnd(cl) // not the length of an event in a clause inside
	for i := cl.Lo; i < cl.Hi; i++ {
		if p.Toks[i].Quoted {
			continue
		}
		d, hi, ok := p.durationAt(i, cl.Hi)
		if !ok {
			continue
		}
		lo, bound := p.durationBound(i, cl.Lo)
		if p.offsetNotLength(lo, hi, cl) {
			i = hi - 1
			continue
		}
		ec.Duration, ec.DurLo, ec.DurHi, ec.DurBound = d, lo, hi, bound
		return
	}
}

// durationAt reads a length of time at token i: its duration and the end
// of its tokens.
func (p *pass) durationAt(i, hi int) (time.Duration, int, bool) {
	du := &p.Lang.Durations
	t := p.Toks[i]
	switch {
	case t.In(du.Half): // "half an hour", "half-hour", "half hour"
		j := p.skipHyphen(i+1, hi)
		if j < hi && p.Toks[j].In(du.One) {
			j++
		}
		if j < hi {
			if u, ok := du.Units[p.Toks[j].Norm]; ok {
				return u / 2, j + 1, true
			}
		}
		return 0, 0, false
	case t.In(du.Hour) && i+2 < hi && p.Toks[i+1].Text == "-" && p.Toks[i+2].In(du.Long): // "hour-long"
		return time.Hour, i + 3, true
	}
	n, j, ok := p.quantity(i, hi)
	if !ok {
		return 0, 0, false
	}
	if k := p.seq(j, hi, du.AndAHalf...); k >= 0 { // "two and a half hours"
		n, j = n+0.5, k
	}
	j = p.skipHyphen(j, hi)
	if j >= hi {
		return 0, 0, false
	}
	u, ok := du.Units[p.Toks[j].Norm]
	if !ok {
		return 0, 0, false
	}
	d, end := time.Duration(n*float64(u)), j+1
	if k := p.seq(end, hi, du.AndAHalf...); k >= 0 { // "an hour and a half"
		return d + u/2, k, true
	}
	// "an hour and 15 minutes", "two hours 20 minutes"
	k := end
	if k < hi && p.Toks[k].In(du.And) {
		k++
	}
	if m, k2, ok := p.quantity(k, hi); ok && !p.Toks[k].In(du.One) {
		k2 = p.skipHyphen(k2, hi)
		if k2 < hi {
			if u2, ok := du.Units[p.Toks[k2].Norm]; ok && u2 < u {
				return d + time.Duration(m*float64(u2)), k2 + 1, true
			}
		}
	}
	return d, end, true
}

// lengthAt reports whether a length of time, with or without a bound
// ("about an hour", "barely half an hour"), begins at token i.
func (p *pass) lengthAt(i, hi int) bool {
	du := &p.Lang.Durations
	for _, phrases := range [][]lang.Phrase{du.AtLeast, du.AtMost, du.About} {
		for _, ph := range phrases {
			if n := p.phraseLen(i, hi, ph); n > 0 {
				if _, _, ok := p.durationAt(i+n, hi); ok {
					return true
				}
			}
		}
	}
	_, _, ok := p.durationAt(i, hi)
	return ok
}

// quantity reads a number at token i: "90", "2.5", "2½", "two", "an".
func (p *pass) quantity(i, hi int) (float64, int, bool) {
	if i >= hi {
		return 0, 0, false
	}
	du := &p.Lang.Durations
	t := p.Toks[i]
	switch {
	case t.Kind == lex.Number:
		f, err := strconv.ParseFloat(t.Text, 64)
		if err != nil {
			return 0, 0, false
		}
		j := i + 1
		if j < hi && p.Toks[j].Start == t.End {
			if fr, ok := du.Fractions[p.Toks[j].Text]; ok {
				f, j = f+fr, j+1
			}
		}
		return f, j, true
	case du.Counts[t.Norm] > 0:
		return du.Counts[t.Norm], i + 1, true
	case t.In(du.One):
		return 1, i + 1, true
	}
	return 0, 0, false
}

// durationBound reads a bound just before token i ("more than", "nearly"):
// where the length's words begin, and +1 for a least, -1 for a most, 0
// for a length about as written.
func (p *pass) durationBound(i, lo int) (int, int) {
	du := &p.Lang.Durations
	for _, b := range []struct {
		phrases []lang.Phrase
		bound   int
	}{{du.AtLeast, 1}, {du.AtMost, -1}, {du.About, 0}} {
		for _, ph := range b.phrases {
			if start := i - len(ph); start >= lo && p.phraseLen(start, i, ph) > 0 {
				return start, b.bound
			}
		}
	}
	return i, 0
}

// offsetNotLength reports whether a length at [lo, hi) is a distance in
// time rather than how long the event lasted: "30 minutes after", "within
// an hour", "two hours late".
func (p *pass) offsetNotLength(lo, hi int, cl lex.Range) bool {
	du := &p.Lang.Durations
	return hi < cl.Hi && p.Toks[hi].In(du.NotAfter) || lo > cl.Lo && p.Toks[lo-1].In(du.NotBefore)
}

// skipHyphen steps over a hyphen at token i.
func (p *pass) skipHyphen(i, hi int) int {
	if i < hi && p.Toks[i].Text == "-" {
		return i + 1
	}
	return i
}

// seq returns the end of the words after i, joined by hyphens or spaces, or -1.
func (p *pass) seq(i, hi int, words ...string) int {
	for _, w := range words {
		if i < hi && p.Toks[i].Text == "-" {
			i++
		}
		if i >= hi || !p.Toks[i].Is(w) {
			return -1
		}
		i++
	}
	return i
}

// phraseLen returns the length of phrase when its words stand at token i,
// else 0.
func (p *pass) phraseLen(i, hi int, phrase lang.Phrase) int {
	if len(phrase) == 0 || i+len(phrase) > hi {
		return 0
	}
	for k, w := range phrase {
		if p.Toks[i+k].Norm != w {
			return 0
		}
	}
	return len(phrase)
}

// phraseAt reports whether one of phrases stands at token i.
func (p *pass) phraseAt(i, hi int, phrases []lang.Phrase) bool {
	for _, ph := range phrases {
		if p.phraseLen(i, hi, ph) > 0 {
			return true
		}
	}
	return false
}

// hasAny reports whether any token in [lo, hi) is one of words.
func (p *pass) hasAny(lo, hi int, words lang.Set) bool {
	for i := lo; i < hi; i++ {
		if p.Toks[i].In(words) {
			return true
		}
	}
	return false
}

// hasKey reports whether m has the key k.
func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}
