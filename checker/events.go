package checker

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

// eventClaim is an event claim as the engine reads it: the claim the checks
// see, and its record when claims are recorded.
type eventClaim struct {
	*analysis.EventClaim
	rec *Claim
}

var (
	contactKinds  = analysis.ContactKinds
	inPersonKinds = analysis.InPersonKinds
)

// cueKinds maps event words to the kinds of event they may name.
var cueKinds = map[string][]string{
	"call": {ledger.Call}, "calls": {ledger.Call}, "phone-call": {ledger.Call},
	"videoconference": {ledger.Call}, "teleconference": {ledger.Call},
	"phoned": {ledger.Call}, "telephoned": {ledger.Call}, "called": {ledger.Call},
	"spoke": contactKinds, "spoken": contactKinds, "talked": contactKinds, "speak": contactKinds,
	"conversation": contactKinds, "conversations": contactKinds, "discussion": contactKinds,
	"contact": contactKinds, "contacts": contactKinds,
	"met": inPersonKinds, "meet": inPersonKinds, "meets": inPersonKinds, "meeting": inPersonKinds,
	"meetings":      inPersonKinds,
	"talks":         {ledger.Talks, ledger.Meeting, ledger.Summit},
	"negotiations":  {ledger.Talks, ledger.Meeting, ledger.Summit},
	"consultations": {ledger.Talks, ledger.Meeting, ledger.Summit},
	"round":         {ledger.Talks, ledger.Meeting},
	"summit":        {ledger.Summit, ledger.Meeting, ledger.Talks},
	"visit":         {ledger.Visit}, "visited": {ledger.Visit}, "visits": {ledger.Visit}, "trip": {ledger.Visit},
}

// hedges make a clause too uncertain to judge: negation, modality, plans,
// reports of reports, and "separate" events the text does not identify.
var hedges = map[string]bool{
	"not": true, "never": true, "could": true, "would": true, "might": true,
	"should": true, "if": true, "whether": true, "reportedly": true, "allegedly": true,
	"rumored": true, "rumoured": true, "unconfirmed": true, "denied": true, "separate": true,
	"plans": true, "planned": true, "planning": true, "proposed": true,
	"hopes": true, "hoped": true, "wants": true, "seeks": true, "expected": true,
	"possible": true, "potential": true, "may": true, "postponed": true, "cancelled": true,
	"canceled": true, "unless": true, "previous": true, "next": true,
}

var futureCues = map[string]bool{
	"will": true, "set": true, "due": true, "scheduled": true, "upcoming": true, "expires": true,
	"expire": true, "tomorrow": true, "later": true, "ahead": true,
}

var irregularPast = map[string]bool{
	"was": true, "were": true, "had": true, "spoke": true, "met": true, "held": true, "told": true,
	"said": true, "took": true, "began": true, "made": true, "gave": true, "came": true, "went": true,
	"saw": true, "sent": true, "led": true, "left": true, "won": true, "ran": true, "wrote": true,
	"brought": true, "became": true, "rang": true, "sat": true, "stood": true,
	"ago": true, "yesterday": true, "earlier": true, "last": true, "previously": true, "recently": true,
	"has": true, "have": true,
}

func isPastWord(t lex.Token) bool {
	if t.Kind != lex.Word {
		return false
	}
	if irregularPast[t.Norm] {
		return true
	}
	if t.Upper {
		return false
	}
	w := t.Norm
	return len(w) >= 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && w != "based" && w != "related"
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
		case futureCues[t.Norm]:
			if t.Norm == "set" || t.Norm == "due" {
				if i+1 < cl.Hi && p.Toks[i+1].Is("to", "for") {
					future = true
				}
				continue
			}
			future = true
		case t.Is("are", "is") && i+1 < cl.Hi && p.Toks[i+1].Is("to"):
			future = true
		case attribution[t.Norm]:
			attributed = true
		case irregularPast[t.Norm]:
			past = true
		case isPastWord(t):
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

// attribution verbs report a claim; they say nothing of the event's tense.
var attribution = map[string]bool{"said": true, "told": true, "added": true, "noted": true,
	"reported": true, "stated": true, "announced": true, "confirmed": true, "wrote": true}

func (p *pass) hedged(cl lex.Range) bool {
	for i := cl.Lo; i < cl.Hi; i++ {
		t := p.Toks[i]
		if t.Quoted || t.Norm == "may" && t.Upper {
			continue
		}
		if hedges[t.Norm] || strings.HasSuffix(t.Norm, "n't") {
			return true
		}
		// "no call took place" denies the event; "produced no breakthrough" does not.
		if t.Is("no") && i+1 < cl.Hi {
			if _, cue := cueKinds[p.Toks[i+1].Norm]; cue {
				return true
			}
		}
		if t.Is("to") && i+1 < cl.Hi && p.Toks[i+1].Is("visit", "meet", "call", "hold", "speak") {
			// "an invitation to visit", "agreed to meet": a plan, not an event,
			// unless the clause is plainly future ("are set to meet").
			if f, _ := p.tense(cl); !f {
				return true
			}
		}
	}
	return false
}

// denials anywhere in a sentence put its claims in doubt: "… said A
// called B on Friday, but the ministry denied it".
var denials = map[string]bool{"denied": true, "denies": true, "deny": true, "disputed": true,
	"disputes": true, "false": true, "untrue": true, "rumor": true, "rumors": true, "rumour": true,
	"rumours": true, "refuted": true, "dismissed": true}

func (p *pass) denied(r lex.Range) bool {
	for i := r.Lo; i < r.Hi; i++ {
		if denials[p.Toks[i].Norm] && !p.Toks[i].Quoted {
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
		ec.eventValues(ec.rec)
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
	p.settle(ec.rec, id, reason)
}

// values are an event claim's resolved values, for claimlint claims.
func (ec *eventClaim) values() map[string]string {
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
			v["ordinal"] = analysis.OrdinalName(ec.Ord.N)
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
	// The event word: the first that names an event, outside quotations.
	for i := cl.Lo; i < cl.Hi; i++ {
		t := p.Toks[i]
		kinds, ok := cueKinds[t.Norm]
		if !ok || t.Quoted || !p.isCue(i, cl) {
			continue
		}
		if ec.Cue < 0 {
			ec.Cue, ec.Kinds = i, kinds
		}
	}
	lastMet := p.readLastMet(cl)
	if ec.Cue < 0 && lastMet == nil {
		return nil
	}
	notCovered := func(reason string) *eventClaim {
		if rec := p.claim("event", cl.Lo, cl.Hi, nil); rec != nil {
			ec.rec = rec
			ec.eventValues(rec)
			p.settle(rec, "", reason)
		}
		return nil
	}
	if lastMet != nil {
		ec.Ord = lastMet
		ec.Kinds = inPersonKinds
		if !lastMet.InPerson && p.Has(cl.Lo, cl.Hi, "spoke", "talked") {
			ec.Kinds = contactKinds
		}
		if ec.Cue < 0 {
			ec.Cue = lastMet.Lo
		}
	}
	if pair, lo := p.pairBefore(s, ec.Cue); pair != nil {
		// "the A-B call on February 12": the compound names the
		// parties, and the claim is that noun phrase alone.
		end := ec.Cue + 1
		if end < cl.Hi && p.Toks[end].Is("on", "in") {
			if es := timex.Find(p.Toks, end+1, cl.Hi); len(es) > 0 && es[0].Lo == end+1 {
				end = es[0].Hi
			}
		}
		cl = lex.Range{Lo: lo, Hi: end}
		ec.Parts, ec.Clause = pair, cl
	} else {
		ec.Parts = p.participants(s, cl)
	}
	if p.hedged(cl) || p.denied(s.Range) {
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
		ec.Ord = p.ordinal(cl)
	}
	p.claimDate(ec)
	p.claimMedium(ec)
	p.claimInitiator(s, ec)
	p.claimVenue(s, ec)
	p.claimDuration(ec)
	for i := cl.Lo; i < cl.Hi; i++ {
		switch {
		case p.Toks[i].Is("began", "opened", "started", "begins", "opens", "starts"):
			ec.Edge = "start"
		case p.Toks[i].Is("ended", "concluded", "closed", "ends", "concludes", "closes") ||
			(p.Toks[i].Is("wrapped") && i+1 < cl.Hi && p.Toks[i+1].Is("up")):
			ec.Edge = "end"
		}
	}
	return ec
}

// topicFor returns the article's last matched event when a clause names
// one of its parties and refers to it with "the": "the call was initiated
// by A". The clause must give no date of its own.
func (p *pass) topicFor(ec *eventClaim) *ledger.Event {
	t := p.lastEvent
	if t == nil || ec.Cue < 1 || !p.Toks[ec.Cue-1].Is("the") || !slices.Contains(ec.Kinds, t.Kind) ||
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
	switch t.Norm {
	case "call", "calls":
		// "a call for peace", "calls on Russia to …": not a call; "a call on
		// Friday" is.
		if next(1).Is("on") {
			es := timex.Find(p.Toks, i+2, min(i+4, cl.Hi))
			return len(es) > 0 && es[0].Lo == i+2
		}
		return !next(1).Is("for", "to")
	case "called", "phoned", "telephoned":
		// Only "X called Y [on Friday|.|,|…]", not "called on", "called for",
		// nor "called Y a …".
		if p.personAt(i+1, cl) < 0 {
			return false
		}
		return !followsNaming(p.Toks, p.personEnd(i+1, cl), cl.Hi)
	case "spoke", "spoken", "talked", "speak":
		return next(1).Is("with", "to", "by", "via", "on", "over")
	case "round":
		return next(1).Is("of")
	case "contact", "contacts":
		return next(1).Is("between", "with")
	case "discussion":
		return true
	}
	return true
}

// followsNaming reports whether the words after a name make "called" mean
// "named": "called B a liar".
func followsNaming(toks []lex.Token, i, hi int) bool {
	return i < hi && (toks[i].Kind == lex.Possessive || toks[i].Is("a", "an", "the", "his", "her", "their", "its"))
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
	if m2 == nil || m2.lo < 1 || m1.hi != m2.lo-1 || !p.Toks[m2.lo-1].Is("-", "–") {
		return nil, 0
	}
	a, b := m1.person(), m2.person()
	if a == nil || b == nil || a == b {
		return nil, 0
	}
	return []*ledger.Entity{a, b}, m1.lo
}

// subordinators open a clause inside a clause: "… since C upended …".
// People named after one are not parties to the event.
var subordinators = map[string]bool{
	"since": true, "after": true, "before": true, "as": true, "when": true, "while": true,
	"because": true, "although": true, "until": true, "following": true, "amid": true,
}

// coreEnd is where a clause's own words end: at the first subordinator that
// is not followed by a date ("since January" dates; "since C upended" does not).
func (p *pass) coreEnd(cl lex.Range) int {
	for i := cl.Lo + 1; i < cl.Hi; i++ {
		if !subordinators[p.Toks[i].Norm] || p.Toks[i].Quoted {
			continue
		}
		if es := timex.Find(p.Toks, i+1, min(i+4, cl.Hi)); len(es) > 0 && es[0].Lo == i+1 {
			continue
		}
		return i
	}
	return cl.Hi
}

// attributive nouns after a name make the name a modifier: "the A
// administration", "A's envoy", "A officials".
var attributive = map[string]bool{
	"administration": true, "government": true, "team": true, "officials": true, "camp": true,
	"envoy": true, "aides": true, "aide": true, "adviser": true, "advisers": true, "cabinet": true,
	"era": true, "doctrine": true, "policy": true, "policies": true, "tariffs": true, "allies": true,
	"supporters": true, "campaign": true, "presidency": true,
}

var groupNouns = map[string]bool{
	"officials": true, "official": true, "negotiators": true, "delegations": true, "delegation": true,
	"delegates": true, "diplomats": true, "teams": true, "sides": true, "counterparts": true,
	"leaders": true, "envoys": true,
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
	for k, m := range ms {
		if per := m.person(); per != nil {
			// "A's adviser B": the possessive names whose adviser.
			if m.hi < cl.Hi && p.Toks[m.hi].Kind == lex.Possessive && k+1 < len(ms) && len(ms[k+1].offices) > 0 && ms[k+1].lo == m.hi+1 {
				continue
			}
			// "the A administration": a name used as a modifier names no party.
			if m.hi < end && attributive[p.Toks[m.hi].Norm] {
				continue
			}
			add(per)
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
		if demonyms && (last >= cl.Hi || !groupNouns[p.Toks[last].Norm]) {
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
		case p.Toks[i].Is(",", "the"):
		case p.Toks[i].Is("and", "&"):
			joined = true
		default:
			return false
		}
	}
	return joined || hi-lo >= 1 && p.Toks[lo].Text == ","
}

var ordinalWords = map[string]int{
	"first": 1, "initial": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}

// ordinalN reads "first", "third", "3rd", "70th".
func ordinalN(t lex.Token) (int, bool) {
	if n, ok := ordinalWords[t.Norm]; ok {
		return n, true
	}
	if t.Kind == lex.Ordinal {
		n, err := strconv.Atoi(strings.TrimRight(t.Norm, "stndrh"))
		return n, err == nil && n > 0
	}
	return 0, false
}

var ordinalFillers = map[string]bool{
	"phone": true, "telephone": true, "video": true, "in-person": true, "face-to-face": true,
	"bilateral": true, "official": true, "formal": true, "direct": true, "known": true,
	"-": true, "in": true, "person": true, "face": true, "to": true, "leaders": true, "high-level": true,
}

// ordinal reads "the first call … this year", "the second round of talks".
func (p *pass) ordinal(cl lex.Range) *analysis.OrdinalClaim {
	for i := cl.Lo; i < cl.Hi; i++ {
		n, ok := ordinalN(p.Toks[i])
		if !ok || p.Toks[i].Quoted {
			continue
		}
		j := i + 1
		oc := &analysis.OrdinalClaim{N: n, Lo: i, PerLo: -1}
		for j < cl.Hi && ordinalFillers[p.Toks[j].Norm] {
			switch p.Toks[j].Norm {
			case "phone", "telephone":
				oc.Medium = ledger.Phone
			case "video":
				oc.Medium = ledger.Video
			case "person", "face":
				oc.InPerson = true
			}
			j++
		}
		if j >= cl.Hi {
			return nil
		}
		if _, ok := cueKinds[p.Toks[j].Norm]; !ok {
			continue
		}
		oc.Hi = j + 1
		oc.NounKinds = cueKinds[p.Toks[j].Norm]
		oc.Round = p.Toks[j].Is("round")
		// The period: "this year", "since January", "in 2025", "of the year".
		for k := oc.Hi; k < cl.Hi && k <= oc.Hi+8; k++ {
			t := p.Toks[k]
			if t.Is("since") {
				es := timex.Find(p.Toks, k+1, cl.Hi)
				if len(es) == 0 || es[0].Lo != k+1 {
					return nil // "since C upended …": not a date we can check
				}
				r := es[0].Resolve(p.Pub, false)
				sp := civil.Span{First: r.Span.First, Last: p.Pub}
				oc.Period, oc.PerLo, oc.PerHi = &sp, k, es[0].Hi
				break
			}
			if es := timex.Find(p.Toks, k, min(k+3, cl.Hi)); len(es) > 0 && es[0].Lo == k {
				e := es[0]
				if e.Form == timex.ThisYear || e.Form == timex.YearOnly || e.Form == timex.LastYear {
					r := e.Resolve(p.Pub, false)
					sp := r.Span
					oc.Period, oc.PerLo, oc.PerHi = &sp, k, e.Hi
				}
				break
			}
		}
		return oc
	}
	return nil
}

// readLastMet reads "last met (in person) …", "last spoke …".
func (p *pass) readLastMet(cl lex.Range) *analysis.OrdinalClaim {
	for i := cl.Lo; i+1 < cl.Hi; i++ {
		if p.Toks[i].Is("last") && p.Toks[i+1].Is("met", "spoke", "talked") && !p.Toks[i].Quoted {
			if i > cl.Lo && p.Toks[i-1].Is("had") {
				return nil // "had last met": counted back from another event, not from publication
			}
			oc := &analysis.OrdinalClaim{LastMet: true, Lo: i, Hi: i + 2, PerLo: -1}
			if i+3 < cl.Hi && p.Toks[i+2].Is("in") && p.Toks[i+3].Is("person") {
				oc.InPerson, oc.Hi = true, i+4
			}
			if i+2 < cl.Hi && p.Toks[i+2].Is("face-to-face") {
				oc.InPerson, oc.Hi = true, i+3
			}
			oc.NounKinds = cueKinds[p.Toks[oc.Hi-1].Norm]
			return oc
		}
	}
	return nil
}

// claimDate finds the one date the clause gives its event.
func (p *pass) claimDate(ec *eventClaim) {
	var exprs []timex.Expr
	for _, e := range timex.Find(p.Toks, ec.Clause.Lo, ec.Clause.Hi) {
		if p.Toks[e.Lo].Quoted || (ec.Ord != nil && ec.Ord.PerLo >= 0 && e.Lo >= ec.Ord.PerLo && e.Lo <= ec.Ord.PerLo+1) {
			continue
		}
		// "since February" and "until May" bound a period; they do not date the event.
		if e.Lo > ec.Clause.Lo && p.Toks[e.Lo-1].Is("since", "until", "before", "after", "by") {
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
	for i := ec.Clause.Lo; i < ec.Clause.Hi; i++ {
		t := p.Toks[i]
		if t.Quoted {
			continue
		}
		switch {
		case t.Is("phone", "telephone", "phoned", "telephoned"):
			set(ledger.Phone, i, i+1)
		case t.Is("video", "videoconference", "virtual", "virtually"):
			set(ledger.Video, i, i+1)
		case t.Is("in") && i+1 < ec.Clause.Hi && p.Toks[i+1].Is("person") && (ec.Ord == nil || !ec.Ord.LastMet):
			set(ledger.InPerson, i, i+2)
		case t.Is("face-to-face"):
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
		after := func(words ...string) bool {
			return m.hi < cl.Hi && p.Toks[m.hi].Is(words...)
		}
		before := func(n int, words ...string) bool {
			return m.lo-n >= cl.Lo && p.Toks[m.lo-n].Is(words...)
		}
		switch {
		case after("called", "phoned", "telephoned") && p.isCue(m.hi, cl):
		case before(1, "by") && before(2, "initiated", "requested", "placed", "made"):
		case after("initiated", "requested"):
		case before(1, "of") && before(2, "request") && before(3, "the") && before(4, "at"):
		case before(1, "at") && m.hi+1 < cl.Hi && p.Toks[m.hi].Kind == lex.Possessive && p.Toks[m.hi+1].Is("request", "invitation"):
		default:
			continue
		}
		if ec.Initiator != nil && ec.Initiator != per {
			ec.Initiator = nil
			return
		}
		ec.Initiator, ec.InitLo, ec.InitHi = per, m.lo, m.hi
	}
}

// notVenue words before "in" make the place something other than where the
// event was held: "the war in Ukraine".
var notVenue = map[string]bool{
	"war": true, "conflict": true, "peace": true, "crisis": true, "fighting": true, "ties": true,
	"relations": true, "situation": true, "invasion": true, "troops": true, "forces": true,
	"people": true, "embassy": true, "interests": true, "role": true, "involvement": true,
	"investment": true, "attack": true, "attacks": true, "offensive": true, "aggression": true,
	"strikes": true, "operation": true, "settlement": true, "ceasefire": true, "security": true,
	"stake": true, "elections": true, "election": true, "based": true,
}

// claimVenue reads "in <place>" in a clause: "met … in <country>", "in
// the capital of X"; every place name comes from the ledger.
func (p *pass) claimVenue(s *sentence, ec *eventClaim) {
	cl := ec.Clause
	// A relative clause after the event word is about something else: "a
	// call that both capitals presented as … in Washington".
	end := p.coreEnd(cl)
	for i := max(ec.Cue, cl.Lo) + 1; i < end; i++ {
		if relatives[p.Toks[i].Norm] && !p.Toks[i].Quoted {
			end = i
			break
		}
	}
	cl.Hi = end
	var found *ledger.Entity
	for i := cl.Lo; i < cl.Hi; i++ {
		if !p.Toks[i].Is("in", "at") || p.Toks[i].Quoted {
			continue
		}
		if i > cl.Lo && notVenue[p.Toks[i-1].Norm] {
			continue
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
			if !p.plainGap(i+1, m.lo) {
				break
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

// relatives open a relative clause.
var relatives = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "whose": true, "whatever": true}

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

var durationUnits = map[string]time.Duration{
	"minute": time.Minute, "minutes": time.Minute, "hour": time.Hour, "hours": time.Hour,
}

// claimDuration reads "a 30-minute call", "two-hour talks", "an
// hour-and-a-half discussion", "lasted 90 minutes".
func (p *pass) claimDuration(ec *eventClaim) {
	cl := ec.Clause
	for i := cl.Lo; i < cl.Hi; i++ {
		t := p.Toks[i]
		if t.Quoted {
			continue
		}
		// hour-and-a-half, an hour and a half
		if t.Is("hour") && p.seq(i+1, cl.Hi, "and", "a", "half") >= 0 {
			ec.Duration, ec.DurLo, ec.DurHi = 90*time.Minute, i, p.seq(i+1, cl.Hi, "and", "a", "half")
			if i > cl.Lo && p.Toks[i-1].Is("an") {
				ec.DurLo = i - 1
			}
			return
		}
		if t.Is("hour") && i+2 < cl.Hi && p.Toks[i+1].Text == "-" && p.Toks[i+2].Is("long") {
			ec.Duration, ec.DurLo, ec.DurHi = time.Hour, i, i+3
			return
		}
		if t.Is("half") && i+2 < cl.Hi && p.Toks[i+1].Text == "-" && p.Toks[i+2].Is("hour") {
			ec.Duration, ec.DurLo, ec.DurHi = 30*time.Minute, i, i+3
			return
		}
		var n float64
		if t.Kind == lex.Number {
			f, err := strconv.ParseFloat(t.Text, 64)
			if err != nil {
				continue
			}
			n = f
		} else if v, ok := countWords[t.Norm]; ok {
			n = v
		} else {
			continue
		}
		j := i + 1
		if j < cl.Hi && p.Toks[j].Text == "-" {
			j++
		}
		if j < cl.Hi {
			if u, ok := durationUnits[p.Toks[j].Norm]; ok {
				ec.Duration, ec.DurLo, ec.DurHi = time.Duration(n*float64(u)), i, j+1
				return
			}
		}
	}
}

var countWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "fifteen": 15, "twenty": 20,
	"thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "ninety": 90,
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
