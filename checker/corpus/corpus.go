// Package corpus compares what the articles of one run say about the same
// events. It groups their event claims into events (a ledger event, or one
// only the articles tell of), and reports cross-source: articles that give
// one event different dates, media, initiators or venues.
//
// It works on claims alone, never on article text, so it runs after the
// articles are checked, on whatever the run kept of them.
package corpus

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/checks/crosssource"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

// Attrs are the values of an event claim that articles are compared on, in
// the order they are reported.
var Attrs = []string{"date", "medium", "initiator", "venue"}

// RuleOf is the ledger check that judges each attribute.
var RuleOf = map[string]string{"date": "event-date", "medium": "event-medium", "initiator": "event-initiator", "venue": "event-venue"}

// Window is how many days apart two articles may date an event the ledger
// does not hold and still be taken to mean the same one.
const Window = 3

// Event is one event the checked articles tell of.
type Event struct {
	// Key identifies the event: the ledger id, or for an event only the
	// articles tell of, "~" kind, participants and first day.
	Key          string
	Ledger       *ledger.Event // nil: not in the ledger
	Kind         string
	Participants []string
	Span         civil.Span // the ledger's days, or the days the articles give
	// Claims are what the articles say of it, by path and position.
	Claims []Stmt

	attrs   map[string]*values // by attribute
	pathEnd []int              // for each claim, the index past its article's last claim
}

// values groups the claims of an event that give an attribute by the value
// they give, so that comparing them costs the number of distinct values,
// not of pairs of claims: an archive may tell of one event thousands of
// times.
type values struct {
	groups []group
	of     []int // each claim's group, or -1
	clash  [][]bool
}

type group struct {
	value  value
	claims []int // ascending, so by path
}

// MaxRelated is how many other articles' claims a finding lists.
const MaxRelated = 10

// Stmt is what the comparison keeps of an event claim: where it is, the
// event it was matched to, the values it gives and where it writes them,
// and which of them the ledger contradicts. It is a few hundred bytes, so a
// run can keep one for every event claim of a large corpus.
type Stmt struct {
	Path         string       `json:"path"`
	Line         int          `json:"line"`
	Column       int          `json:"column"`
	Offset       int          `json:"offset"`
	EndOffset    int          `json:"endOffset"`
	Ledger       string       `json:"ledger,omitempty"` // the ledger event, or "" for one it does not hold
	Kinds        Kinds        `json:"kinds"`            // JSON: "call" or "meeting|talks|…"
	Participants IDs          `json:"participants"`     // entity ids; JSON: comma-separated
	Date         civil.Period `json:"date,omitzero"`    // JSON: as checker.Claim's values
	Medium       string       `json:"medium,omitempty"`
	Initiator    string       `json:"initiator,omitempty"`
	Venue        string       `json:"venue,omitempty"`
	Parts        []Part       `json:"parts,omitempty"`
	// Wrong are the attributes the ledger's checks contradict.
	Wrong   []string `json:"wrong,omitempty"`
	Planned bool     `json:"planned,omitempty"` // "will meet …"
	Quiet   bool     `json:"quiet,omitempty"`   // a directive silences cross-source here
}

// Kinds are the kinds of event a statement may be about, which JSON writes
// joined by "|", as claims output does: "meeting|talks".
type Kinds []string

// MarshalText writes the kinds joined by "|".
func (k Kinds) MarshalText() ([]byte, error) { return []byte(strings.Join(k, "|")), nil }

// UnmarshalText reads what MarshalText wrote, for merge.
func (k *Kinds) UnmarshalText(b []byte) error {
	*k = splitList(string(b), "|")
	return nil
}

// IDs are entity ids, which JSON writes joined by ",", as claims output
// does.
type IDs []string

// MarshalText writes the ids joined by ",".
func (x IDs) MarshalText() ([]byte, error) { return []byte(strings.Join(x, ",")), nil }

// UnmarshalText reads what MarshalText wrote, for merge.
func (x *IDs) UnmarshalText(b []byte) error {
	*x = splitList(string(b), ",")
	return nil
}

func splitList(s, sep string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}

// Part is where a Stmt writes one of its values: a checker.Part in half
// the space.
type Part struct {
	Attr       string `json:"attr"`
	Text       string `json:"text"`
	Line       int32  `json:"line"`
	Column     int32  `json:"column"`
	EndLine    int32  `json:"endLine"`
	EndColumn  int32  `json:"endColumn"`
	Offset     int32  `json:"offset"`
	EndOffset  int32  `json:"endOffset"`
	ByteCol    int32  `json:"byteColumn"`
	EndByteCol int32  `json:"endByteColumn"`
}

func partOf(attr string, p checker.Part) Part {
	return Part{attr, p.Text, int32(p.Line), int32(p.Column), int32(p.EndLine), int32(p.EndColumn),
		int32(p.Offset), int32(p.EndOffset), int32(p.ByteCol), int32(p.EndByteCol)}
}

// Value is the statement's value of an attribute as JSON writes it: a
// date at its precision (see civil.Period), a medium, an entity's id.
func (s *Stmt) Value(attr string) string {
	if attr == "date" {
		return s.Date.String()
	}
	return s.id(attr)
}

// id is the statement's medium, initiator or venue.
func (s *Stmt) id(attr string) string {
	switch attr {
	case "medium":
		return s.Medium
	case "initiator":
		return s.Initiator
	case "venue":
		return s.Venue
	}
	return ""
}

// Part returns where the statement writes an attribute.
func (s *Stmt) Part(attr string) (checker.Part, bool) {
	for _, p := range s.Parts {
		if p.Attr == attr {
			return checker.Part{Text: p.Text, Line: int(p.Line), Column: int(p.Column), EndLine: int(p.EndLine),
				EndColumn: int(p.EndColumn), Offset: int(p.Offset), EndOffset: int(p.EndOffset),
				ByteCol: int(p.ByteCol), EndByteCol: int(p.EndByteCol)}, true
		}
	}
	return checker.Part{}, false
}

// Contradicted reports whether the ledger contradicts the statement's value
// of attr.
func (s *Stmt) Contradicted(attr string) bool { return slices.Contains(s.Wrong, attr) }

// stmt makes the statement of an event claim.
func stmt(c *checker.Claim) Stmt {
	v := eventOf(c)
	s := Stmt{
		Path: c.Path, Line: c.Line, Column: c.Column, Offset: c.Offset, EndOffset: c.EndOffset,
		Kinds: v.Kinds, Participants: internIDs(v.Participants),
		Date: c.Date, Medium: v.Medium, Initiator: v.Initiator, Venue: v.Venue,
		Planned: v.Future, Quiet: c.Quiet,
	}
	if c.Ledger != "coverage" {
		s.Ledger = c.Ledger
	}
	if len(c.Parts) > 0 {
		s.Parts = make([]Part, 0, len(c.Parts))
	}
	for _, attr := range Attrs {
		if p, ok := c.Parts[attr]; ok {
			s.Parts = append(s.Parts, partOf(attr, p))
		}
		for _, f := range c.Findings {
			if f.Rule == RuleOf[attr] && !s.Contradicted(attr) {
				s.Wrong = append(s.Wrong, attr)
			}
		}
	}
	return s
}

// eventOf is an event claim's typed values; a claim recorded before its
// values were read has none.
func eventOf(c *checker.Claim) *checker.EventValues {
	if c.Event == nil {
		return &checker.EventValues{}
	}
	return c.Event
}

// interned holds one copy of each list of participants many statements
// share, by the ids joined: a statement then costs its own fields, not
// copies of the same list. (The kinds are the engine's own lists, shared
// already.)
var interned sync.Map

func internIDs(ids []string) IDs {
	if len(ids) == 0 {
		return nil
	}
	v, _ := interned.LoadOrStore(strings.Join(ids, "\x00"), IDs(ids))
	return v.(IDs)
}

// Usable reports whether a claim belongs to an event of the corpus view: an
// event claim the text asserts (not hedged, not ambiguous) that was matched
// to a ledger event or names an event the ledger does not hold. A plan
// belongs only to a ledger event, and is never compared with other articles
// (see Planned). An event the ledger's coverage says did not happen is
// reported by event-unknown, and not compared.
func Usable(c *checker.Claim) bool {
	if c.Kind != "event" || eventOf(c).LastMet {
		return false
	}
	switch c.Verdict {
	case checker.Consistent, checker.Contradicted:
		return c.Ledger != "" && c.Ledger != "coverage"
	case checker.NotCovered:
		return c.Cause == checker.CauseNoEvent && !Planned(c)
	}
	return false
}

// Planned reports whether a claim is about the future: "will meet in …".
// Plans change, so a plan and a report of the event do not contradict each
// other; the ledger alone judges a plan.
func Planned(c *checker.Claim) bool { return eventOf(c).Future }

// Statements checks an article for what comparing articles needs: its
// findings, and a statement for each usable event claim. An article that
// says the same of an event several times gives one statement, at its first
// saying, unless a later one carries a finding. Every command makes them so,
// whatever else it records, so that the comparison never depends on it.
func Statements(c *checker.Checker, a *article.Article) ([]Stmt, []checker.Finding) {
	claims, fs := c.EventClaims(a, Keeper())
	out := make([]Stmt, 0, len(claims))
	for i := range claims {
		out = append(out, stmt(&claims[i]))
	}
	return out, fs
}

// Keeper is the filter of Statements: it is given an article's event claims
// as they are settled, so that the others are never held.
func Keeper() func(*checker.Claim) bool {
	// What makes two claims of an article say the same: the ids and kinds
	// joined only to be compared.
	type saying struct {
		path, ledger, participants, kinds string
		date                              periodKey
		medium, initiator, venue          string
	}
	seen := map[saying]bool{}
	return func(c *checker.Claim) bool {
		if !Usable(c) {
			return false
		}
		v := eventOf(c)
		key := saying{c.Path, c.Ledger, strings.Join(v.Participants, ","), strings.Join(v.Kinds, "|"),
			keyOf(c.Date), v.Medium, v.Initiator, v.Venue}
		if seen[key] && len(c.Findings) == 0 {
			return false
		}
		seen[key] = true
		return true
	}
}

// Cluster groups statements into events, in a stable order whatever the
// order of the statements: ledger events by date, then the others by date.
// It sorts stmts in place, and a ledger event's Claims are a part of it: a
// large run holds its statements once.
func Cluster(l *ledger.Ledger, stmts []Stmt) []*Event {
	// By ledger event (those of none last), then path and position.
	sort.SliceStable(stmts, func(i, j int) bool {
		a, b := &stmts[i], &stmts[j]
		ea, eb := l.Event(a.Ledger) != nil, l.Event(b.Ledger) != nil
		switch {
		case ea != eb:
			return ea
		case ea && a.Ledger != b.Ledger:
			return a.Ledger < b.Ledger
		case a.Path != b.Path:
			return a.Path < b.Path
		}
		return a.Offset < b.Offset
	})
	var events []*Event
	k := 0
	for k < len(stmts) {
		ev := l.Event(stmts[k].Ledger)
		if ev == nil {
			break
		}
		end := k + 1
		for end < len(stmts) && stmts[end].Ledger == ev.ID {
			end++
		}
		lev := ledgerEvent(ev)
		lev.Claims = stmts[k:end:end]
		events = append(events, lev)
		k = end
	}
	use := stmts[k:]
	var recs []looseClaim
	var at []int // each record's claim in use
	for i := range use {
		if r, ok := looseOf(&use[i]); ok {
			recs = append(recs, r)
			at = append(at, i)
		}
	}
	for _, g := range looseClusters(recs) {
		ev := g.ev
		for _, m := range g.members {
			ev.Claims = append(ev.Claims, use[at[m]])
		}
		sort.SliceStable(ev.Claims, func(i, j int) bool {
			if ev.Claims[i].Path != ev.Claims[j].Path {
				return ev.Claims[i].Path < ev.Claims[j].Path
			}
			return ev.Claims[i].Offset < ev.Claims[j].Offset
		})
		events = append(events, ev)
	}
	for _, ev := range events {
		ev.index(l)
	}
	sort.SliceStable(events, func(i, j int) bool {
		a, b := events[i], events[j]
		if (a.Ledger == nil) != (b.Ledger == nil) {
			return a.Ledger != nil
		}
		if !a.Span.First.Equal(b.Span.First) {
			return a.Span.First.Before(b.Span.First)
		}
		return a.Key < b.Key
	})
	return events
}

func overlap(a, b []string) bool { return len(intersect(a, b)) > 0 }

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// periodKey is a period as a map key: == on time.Time compares locations
// as well as instants.
type periodKey struct {
	first, last int64
	prec        civil.Precision
}

func keyOf(p civil.Period) periodKey {
	if p.IsZero() {
		return periodKey{}
	}
	return periodKey{p.Span.First.Unix(), p.Span.Last.Unix(), p.Prec}
}

// value is what a claim gives an attribute, as claims are grouped and
// compared on it: a date; or a medium or an entity's id, with, of an event
// the ledger does not hold, the date it is given on (claims of other days
// may tell of another event).
type value struct {
	date civil.Period
	id   string
}

// valueKey is a value as a map key.
type valueKey struct {
	date periodKey
	id   string
}

func (v value) key() valueKey { return valueKey{keyOf(v.date), v.id} }

// none reports whether v gives nothing.
func (v value) none() bool { return v.date.IsZero() && v.id == "" }

// index groups each attribute's values and notes which cannot both be right.
func (ev *Event) index(l *ledger.Ledger) {
	n := len(ev.Claims)
	ev.pathEnd = make([]int, n)
	for i := n - 1; i >= 0; i-- {
		ev.pathEnd[i] = i + 1
		if i+1 < n && ev.Claims[i+1].Path == ev.Claims[i].Path {
			ev.pathEnd[i] = ev.pathEnd[i+1]
		}
	}
	ev.attrs = map[string]*values{}
	for _, attr := range Attrs {
		vs := &values{of: make([]int, n)}
		at := map[valueKey]int{}
		for i := range ev.Claims {
			v, ok := ev.compared(&ev.Claims[i], attr)
			if !ok {
				vs.of[i] = -1
				continue
			}
			g, ok := at[v.key()]
			if !ok {
				g = len(vs.groups)
				at[v.key()] = g
				vs.groups = append(vs.groups, group{value: v})
			}
			vs.groups[g].claims = append(vs.groups[g].claims, i)
			vs.of[i] = g
		}
		vs.clash = make([][]bool, len(vs.groups))
		for a := range vs.groups {
			vs.clash[a] = make([]bool, len(vs.groups))
			for b := range vs.groups {
				vs.clash[a][b] = !ev.compatible(l, attr, vs.groups[a].value, vs.groups[b].value)
			}
		}
		ev.attrs[attr] = vs
	}
}

// looseClaim is what grouping claims of events the ledger does not hold
// needs of each: a few strings and a day, not the whole statement.
type looseClaim struct {
	path  string
	ids   []string // participants, sorted
	parts string   // the same joined, to compare
	kinds []string
	day   time.Time
}

func looseOf(c *Stmt) (looseClaim, bool) {
	sp, ids, ok := unledgered(c)
	if !ok {
		return looseClaim{}, false
	}
	return looseClaim{c.Path, ids, strings.Join(ids, ","), c.Kinds, sp.First}, true
}

// looseEvent is an event only the articles tell of: the Event, without
// its claims, and the indices of its claims' records, in the order they
// joined it.
type looseEvent struct {
	ev      *Event
	members []int
}

// looseClusters groups the records of claims the ledger has no event for,
// given in order of path and position: the same participants, a kind in
// common and days within Window of the first. It keeps the events that
// two or more articles tell of, and that no article gives two dates (then
// the articles speak of two events, and grouping them would invent a
// disagreement).
func looseClusters(recs []looseClaim) []looseEvent {
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &recs[order[i]], &recs[order[j]]
		if a.parts != b.parts {
			return a.parts < b.parts
		}
		return a.day.Before(b.day)
	})
	type cluster struct {
		looseEvent
		parts string
		kinds []string
	}
	var groups []*cluster
	byParts := map[string][]*cluster{} // in order of first day
	for _, i := range order {
		r := &recs[i]
		var g *cluster
		same := byParts[r.parts]
		for k := len(same) - 1; k >= 0 && !r.day.After(same[k].ev.Span.First.AddDate(0, 0, Window)); k-- {
			if overlap(same[k].kinds, r.kinds) {
				g = same[k]
				break
			}
		}
		if g == nil {
			g = &cluster{looseEvent{ev: &Event{Participants: r.ids, Span: civil.Span{First: r.day, Last: r.day}}}, r.parts, r.kinds}
			groups = append(groups, g)
			byParts[r.parts] = append(byParts[r.parts], g)
		} else {
			g.kinds = intersect(g.kinds, r.kinds)
			if r.day.After(g.ev.Span.Last) {
				g.ev.Span.Last = r.day
			}
		}
		g.members = append(g.members, i)
	}
	var out []looseEvent
	for _, g := range groups {
		if articles(recs, g.members) < 2 || split(recs, g.members) {
			continue
		}
		g.ev.Kind = g.kinds[0]
		g.ev.Key = "~" + g.ev.Kind + ":" + g.parts + ":" + g.ev.Span.First.Format("2006-01-02")
		out = append(out, g.looseEvent)
	}
	return out
}

// articles counts the articles of an event's claims: a change of path is
// a new one (an article whose claims are apart gives two dates, and split
// rules the event out).
func articles(recs []looseClaim, members []int) int {
	n, last := 0, ""
	for k, i := range members {
		if k == 0 || recs[i].path != last {
			n++
		}
		last = recs[i].path
	}
	return n
}

// split reports whether one article gives an event two dates.
func split(recs []looseClaim, members []int) bool {
	days := map[string]time.Time{}
	for _, i := range members {
		r := &recs[i]
		if prev, ok := days[r.path]; ok && !prev.Equal(r.day) {
			return true
		}
		days[r.path] = r.day
	}
	return false
}

// unledgered reads a claim of an event the ledger does not hold: usable
// when it names two parties and one day, and is not a plan. It returns
// the day and the participants, sorted (a copy).
func unledgered(c *Stmt) (civil.Span, []string, bool) {
	sp := c.Date.Span
	if c.Date.IsZero() || !sp.First.Equal(sp.Last) || len(c.Participants) < 2 || c.Planned {
		return civil.Span{}, nil, false
	}
	ids := slices.Clone(c.Participants)
	sort.Strings(ids)
	return sp, ids, true
}

// ledgerEvent is the Event of a ledger event, without its claims.
func ledgerEvent(e *ledger.Event) *Event {
	return &Event{Key: e.ID, Ledger: e, Kind: e.Kind, Participants: e.Participants, Span: e.Span()}
}

// compared is the value of attr that claim c is compared on, if it is.
func (ev *Event) compared(c *Stmt, attr string) (value, bool) {
	var v value
	if attr == "date" {
		v.date = c.Date
	} else {
		v.id = c.id(attr)
	}
	// A claim the ledger dates otherwise may tell of another event: it is
	// compared on nothing else.
	if v.none() || c.Planned || attr != "date" && c.Contradicted("date") {
		return value{}, false
	}
	if ev.Ledger == nil && attr != "date" {
		// Of an event the ledger does not hold, only claims of the same day
		// are compared: on other days they may tell of another event.
		v.date = c.Date
	}
	return v, true
}

// pathStart is the index of the first claim of claim i's article.
func (ev *Event) pathStart(i int) int {
	return sort.Search(i+1, func(k int) bool { return ev.Claims[k].Path == ev.Claims[i].Path })
}

// outside returns up to limit of the indices in ids (ascending) that lie
// outside [lo, hi), and how many do.
func outside(ids []int, lo, hi, limit int) ([]int, int) {
	a := sort.SearchInts(ids, lo)
	b := sort.SearchInts(ids, hi)
	total := len(ids) - (b - a)
	out := slices.Clone(ids[:min(a, limit)])
	return append(out, ids[b:b+min(len(ids)-b, limit-len(out))]...), total
}

// Against returns up to limit claims of other articles that give attr a
// value claim i's cannot stand with, and how many there are.
func (ev *Event) Against(i int, attr string, limit int) ([]int, int) {
	vs := ev.attrs[attr]
	if vs == nil || vs.of[i] < 0 {
		return nil, 0
	}
	lo, hi := ev.pathStart(i), ev.pathEnd[i]
	var out []int
	total := 0
	for g := range vs.groups {
		if !vs.clash[vs.of[i]][g] {
			continue
		}
		ids, n := outside(vs.groups[g].claims, lo, hi, limit-len(out))
		out = append(out, ids...)
		total += n
	}
	sort.Ints(out)
	return out, total
}

// Conflicted reports whether another article gives claim i's attribute a
// value that cannot stand with its own.
func (ev *Event) Conflicted(i int, attr string) bool {
	_, n := ev.Against(i, attr, 0)
	return n > 0
}

// Others returns up to limit claims of other articles that give attr a
// value, whatever it is, and how many there are.
func (ev *Event) Others(i int, attr string, limit int) ([]int, int) {
	vs := ev.attrs[attr]
	if vs == nil {
		return nil, 0
	}
	lo, hi := ev.pathStart(i), ev.pathEnd[i]
	var out []int
	total := 0
	for g := range vs.groups {
		ids, n := outside(vs.groups[g].claims, lo, hi, limit-len(out))
		out = append(out, ids...)
		total += n
	}
	sort.Ints(out)
	return out, total
}

// compatible reports whether two values of an attribute can both be right;
// a value not given agrees with anything.
func (ev *Event) compatible(l *ledger.Ledger, attr string, a, b value) bool {
	if a.none() || b.none() || a.key() == b.key() {
		return true
	}
	if ev.Ledger == nil && attr != "date" && keyOf(a.date) != keyOf(b.date) {
		return true // given on different days
	}
	switch attr {
	case "date":
		sa, sb := a.date.Span, b.date.Span
		if sa.Overlaps(sb) {
			return true
		}
		// Of an event the ledger does not hold, only a call has one day, and
		// a day apart may be the same call in two time zones.
		return ev.Ledger == nil && (ev.Kind != ledger.Call || sa.DaysFrom(sb) < 2)
	case "venue":
		// A city and its country are both right; a place the ledger cannot
		// locate is not judged.
		a, b := a.id, b.id
		return l.Within(a, b) || l.Within(b, a) || l.CountryOf(a) == "" || l.CountryOf(b) == ""
	}
	return false
}

// Holds reports whether the ledger holds an event's attribute, so that its
// own checks judge it.
func (ev *Event) Holds(attr string) bool {
	e := ev.Ledger
	if e == nil {
		return false
	}
	switch attr {
	case "date":
		return true
	case "medium":
		return e.Medium != ""
	case "initiator":
		return e.Initiator != ""
	case "venue":
		return e.Venue != ""
	}
	return false
}

// Value is how a report shows an attribute's value: a date as written and
// resolved, people and places by name.
func Value(l *ledger.Ledger, c *Stmt, attr string) string {
	v := c.Value(attr)
	if v == "" {
		return ""
	}
	switch attr {
	case "date":
		if sp := c.Date.Span; sp.First.Equal(sp.Last) {
			v = civil.FormatDay(sp.First)
		}
		if pt, ok := c.Part("date"); ok && pt.Text != "" && !strings.Contains(v, pt.Text) {
			return fmt.Sprintf("%q (%s)", pt.Text, v)
		}
	case "medium":
		if v == ledger.InPerson {
			return "in person"
		}
		return "by " + v
	case "initiator":
		return l.ShortName(v)
	case "venue":
		if e := l.Entity(v); e != nil {
			return e.Name
		}
	}
	return v
}

// Label names an event in messages by its ledger title, or by the short
// names of its participants and its kind: "the A–B call on Monday
// 2025-02-24", "the A–B call around 2026-03-02 (not in the ledger)".
func Label(l *ledger.Ledger, ev *Event) string {
	label := "the " + Name(l, ev)
	if ev.Ledger == nil {
		label += " (not in the ledger)"
	}
	return label
}

// Name is Label without its article and note, as a heading shows it: "A–B
// call on Monday 2025-02-24", "A–B call around 2026-03-02".
func Name(l *ledger.Ledger, ev *Event) string {
	var names []string
	for _, id := range ev.Participants {
		names = append(names, l.ShortName(id))
	}
	what := strings.Join(names, "–") + " " + ev.Kind
	if ev.Ledger != nil {
		if ev.Ledger.Title != "" {
			what = ev.Ledger.Title
		}
		if ev.Span.First.Equal(ev.Span.Last) {
			return what + " on " + civil.FormatDay(ev.Span.First)
		}
		return what + " from " + ev.Span.First.Format("2006-01-02") + " to " + ev.Span.Last.Format("2006-01-02")
	}
	return what + " around " + ev.Span.First.Format("2006-01-02")
}

var question = map[string]string{
	"date":      "the date of %s",
	"medium":    "whether %s was by phone, by video or in person",
	"initiator": "who initiated %s",
	"venue":     "where %s was held",
}

// Check compares the articles: it returns a cross-source finding for each
// claim that disagrees with another article on a fact the ledger does not
// hold, and adds the other articles, as related locations, to the ledger's
// findings on facts it does hold. findings are the run's findings; those
// changed are changed in place.
func Check(l *ledger.Ledger, events []*Event, findings []checker.Finding) []checker.Finding {
	var out []checker.Finding
	byPath := map[string][]int{}
	for i := range findings {
		byPath[findings[i].Path] = append(byPath[findings[i].Path], i)
	}
	for _, ev := range events {
		for _, attr := range Attrs {
			if ev.Holds(attr) {
				addContext(l, ev, attr, findings, byPath)
				continue
			}
			out = append(out, disagreements(l, ev, attr)...)
		}
	}
	checker.SortFindings(out)
	return out
}

func related(l *ledger.Ledger, c *Stmt, attr string) checker.Related {
	r := checker.Related{Path: c.Path, Line: c.Line, Column: c.Column, EndLine: c.Line, EndColumn: c.Column}
	if pt, ok := c.Part(attr); ok {
		r.Line, r.Column, r.EndLine, r.EndColumn = pt.Line, pt.Column, pt.EndLine, pt.EndColumn
	}
	r.Message = fmt.Sprintf("%s says %s", c.Path, Value(l, c, attr))
	return r
}

// disagreements reports each claim that conflicts with another article's on
// an attribute the ledger does not hold.
func disagreements(l *ledger.Ledger, ev *Event, attr string) []checker.Finding {
	var out []checker.Finding
	for i := range ev.Claims {
		others, total := ev.Against(i, attr, MaxRelated)
		if f, ok := disagreement(l, ev, &ev.Claims[i], attr, others, total, func(j int) *Stmt { return &ev.Claims[j] }); ok {
			out = append(out, f)
		}
	}
	return out
}

// disagreement is the finding on claim c of ev, whose value of attr the
// claims others (up to MaxRelated, by index, ascending) of total cannot
// stand with; claim gives the claim of an index.
func disagreement(l *ledger.Ledger, ev *Event, c *Stmt, attr string, others []int, total int, claim func(int) *Stmt) (checker.Finding, bool) {
	if total == 0 || c.Quiet {
		return checker.Finding{}, false
	}
	pt, ok := c.Part(attr)
	if !ok {
		return checker.Finding{}, false
	}
	f := checker.Finding{
		Path: c.Path, Line: pt.Line, Column: pt.Column, EndLine: pt.EndLine, EndColumn: pt.EndColumn,
		Offset: pt.Offset, EndOffset: pt.EndOffset, ByteCol: pt.ByteCol, EndByteCol: pt.EndByteCol,
		Rule: crosssource.Check.ID, Severity: crosssource.Check.Severity, Found: pt.Text,
	}
	var said, want []string
	for _, j := range others {
		o := claim(j)
		r := related(l, o, attr)
		if !addRelated(&f.Related, r) {
			total-- // the same article saying the same again
			continue
		}
		said = append(said, fmt.Sprintf("%s:%d says %s", r.Path, r.Line, Value(l, o, attr)))
		if v := Value(l, o, attr); !slices.Contains(want, v) {
			want = append(want, v)
		}
	}
	if more := total - len(others); more > 0 {
		said = append(said, fmt.Sprintf("and %d more %s", more, map[bool]string{true: "claim", false: "claims"}[more == 1]))
	}
	f.Expected = strings.Join(want, " or ")
	holds := ""
	if ev.Ledger != nil {
		holds = " (the ledger does not say)"
		f.Evidence = analysis.EvidenceOf(ev.Ledger.ID, ev.Ledger.Pos, ev.Ledger.Sources)
	}
	f.Message = fmt.Sprintf("articles disagree on %s%s: this one says %s; %s",
		fmt.Sprintf(question[attr], Label(l, ev)), holds, Value(l, c, attr), strings.Join(said, "; "))
	return f, true
}

// addRelated adds r unless its article already says the same there: one
// line per article and value is enough.
func addRelated(rs *[]checker.Related, r checker.Related) bool {
	for _, x := range *rs {
		if x.Path == r.Path && x.Message == r.Message {
			return false
		}
	}
	*rs = append(*rs, r)
	return true
}

// addContext adds to each ledger finding on an attribute what the other
// articles say of it.
func addContext(l *ledger.Ledger, ev *Event, attr string, findings []checker.Finding, byPath map[string][]int) {
	rule := RuleOf[attr]
	for i := range ev.Claims {
		c := &ev.Claims[i]
		if !c.Contradicted(attr) {
			continue
		}
		others, _ := ev.Others(i, attr, MaxRelated)
		if len(others) == 0 {
			continue
		}
		for _, k := range byPath[c.Path] {
			f := &findings[k]
			if f.Rule != rule || f.Path != c.Path || f.Offset < c.Offset || f.Offset >= c.EndOffset {
				continue
			}
			for _, j := range others {
				addRelated(&f.Related, related(l, &ev.Claims[j], attr))
			}
		}
	}
}
