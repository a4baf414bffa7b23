// Package ledger holds what a team declares to be true: entities, offices and
// their holders, events, coverage declarations and wording rules. It loads
// them from YAML rule files, validates them, and keeps the file, line and
// column of every value so that a finding can point at the fact behind it.
//
// The ledger knows nothing about articles; the checker asks it questions
// ("who held this office on this day?", "which calls did these two hold?").
package ledger

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/lang"
	"go.yaml.in/yaml/v4"
)

// Pos is a place in a rule file. Line and Col are 1-based; Col counts
// characters (code points), as the YAML parser reports it.
type Pos struct {
	File      string
	Line, Col int
}

// String writes the position as file:line:col.
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// IsZero reports whether the position names neither a file nor a line:
// String writes nothing.
func (p Pos) IsZero() bool { return p.File == "" && p.Line == 0 }

// MarshalText writes the position as String does: JSON output shows a
// finding's evidence as "file:line:col".
func (p Pos) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads what MarshalText wrote, for the JSON that claimlint
// reads back (the shards merge combines): file:line:col, or a file alone.
func (p *Pos) UnmarshalText(b []byte) error {
	s := string(b)
	*p = Pos{File: s}
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return nil
	}
	j := strings.LastIndexByte(s[:i], ':')
	if j < 0 {
		return nil
	}
	line, err1 := strconv.Atoi(s[j+1 : i])
	col, err2 := strconv.Atoi(s[i+1:])
	if err1 != nil || err2 != nil || line <= 0 || col < 0 {
		return nil // a file whose name has colons
	}
	*p = Pos{File: s[:j], Line: line, Col: col}
	return nil
}

// Entity kinds.
const (
	Person       = "person"
	Country      = "country"
	Organisation = "organisation"
	Place        = "place"
	Outlet       = "outlet"
)

// Entity is a person, country, organisation, place or news outlet.
type Entity struct {
	ID   string
	Kind string
	Name string
	// Short is how the entity is named in a message (a surname); Name when unset.
	Short    string
	Aliases  []string // every name the entity goes by, Name included
	Demonyms []string // adjectives for a country: "Russian", "U.S."
	Country  string   // for a person: the country they act for
	In       string   // for a place: the place or country that contains it
	TZ       *time.Location
	Wikidata string // the Wikidata item it was imported from (Q42), if any
	Pos      Pos
}

// Source backs a ledger fact.
type Source struct {
	URL    string     `json:"url,omitempty"`
	Outlet string     `json:"outlet,omitempty"`
	Date   civil.Date `json:"-"` // when the source was published, if known
	Pos    Pos        `json:"-"`
}

// Term is one holder's time in an office. To is zero while the term runs.
// From is zero when the term's start is unknown: InOfficeOn is then a day
// on which the holder certainly held the office, and nothing is known of
// the days before it.
type Term struct {
	Holder     string
	From, To   civil.Date
	InOfficeOn civil.Date
	Sources    []Source
	Pos        Pos
}

// Start is the term's first day as far as the ledger knows it: From, or
// InOfficeOn when the start is unknown.
func (t *Term) Start() civil.Date {
	if t.From.IsZero() {
		return t.InOfficeOn
	}
	return t.From
}

// Office is a position that people hold over dated terms.
type Office struct {
	ID        string
	Title     string
	Country   string // the country whose office it is, if any
	Body      string // the organisation it belongs to, if any
	Phrasings []string
	Multiple  bool // several holders at once (spokespeople)
	Terms     []Term
	Wikidata  string // the Wikidata item of the position (Q11696), if any
	Pos       Pos
}

// Event kinds.
const (
	Call    = "call"
	Meeting = "meeting"
	Talks   = "talks"
	Summit  = "summit"
	Visit   = "visit"
	Anchor  = "anchor"
)

// EventKinds lists the kinds an event may have.
var EventKinds = []string{Call, Meeting, Talks, Summit, Visit, Anchor}

// Media an event may have.
const (
	Phone    = "phone"
	Video    = "video"
	InPerson = "in-person"
)

// Event statuses: whether the event took place, as far as the ledger knows.
const (
	Held        = "held"
	Planned     = "planned"
	Unconfirmed = "unconfirmed"
	Cancelled   = "cancelled"
)

// Statuses lists the statuses an event may have; Held is the default.
var Statuses = []string{Held, Planned, Unconfirmed, Cancelled}

// Dayparts: the coarse times of day an event may be given at.
const (
	Morning   = "morning"
	Afternoon = "afternoon"
	Evening   = "evening"
	Night     = "night"
)

// Dayparts lists the dayparts, in the order of the day.
var Dayparts = []string{Morning, Afternoon, Evening, Night}

// DaypartHours is the window of local hours, from (inclusive) to
// (exclusive), that a daypart of a day stands for; an hour past 24 is on
// the next day. It returns false for an unknown daypart.
func DaypartHours(daypart string) (from, to int, ok bool) {
	switch daypart {
	case Morning:
		return 6, 12, true
	case Afternoon:
		return 12, 18, true
	case Evening:
		return 18, 24, true
	case Night:
		return 21, 30, true
	}
	return 0, 0, false
}

// Event is something that happened on a date or over a range of dates.
type Event struct {
	ID    string
	Kind  string
	Title string
	// Start and End are the first and last day; End equals Start for a
	// one-day event.
	Start, End   civil.Date
	Time         string         // "15:04", local to TZ, when known
	TZ           *time.Location // the zone Time is given in
	Daypart      string         // morning, afternoon, evening or night, when only that is known
	Status       string         // Held (the default), Planned, Unconfirmed or Cancelled
	PartOf       string         // the id of the event this one is a session of
	Participants []string
	Visitors     []string // the participants who visit, when the ledger says
	Hosts        []string // the participants who host, when the ledger says
	// Medium and Venue are the first of Media and Venues: every value a
	// claim may rightly give (both venues of a day of talks).
	Medium    string
	Media     []string
	Initiator string
	Venue     string
	Venues    []string
	// Duration is the length, or the shortest of a range of lengths;
	// DurationMax the longest (Duration itself when one length is given).
	Duration    time.Duration
	DurationMax time.Duration
	Series      string
	Round       int
	Aliases     []string // names for an anchor event: "invasion of Ukraine"
	Sources     []Source
	Pos         Pos
}

// Span is the range of days the event covers.
func (e *Event) Span() civil.Span { return civil.Span{First: e.Start.First(), Last: e.End.Last()} }

// Held reports whether the ledger holds that the event took place: its
// status is held, or not given.
func (e *Event) Held() bool { return e.Status == "" || e.Status == Held }

// Coverage declares that the ledger holds every event of some kinds between
// some participants over a period.
type Coverage struct {
	Kinds        []string
	Participants []string
	From, To     civil.Date
	Pos          Pos
}

// Wording is a pattern rule for what no typed check covers.
type Wording struct {
	ID            string
	Pattern       *regexp.Regexp
	After, Before civil.Date // publication-date window; zero means open
	Message       string
	Replacement   string
	HasFix        bool
	Severity      string
	// Quoted makes the rule match inside quotation marks too; by default,
	// as the typed checks, it leaves quoted text alone.
	Quoted bool
	// Except are patterns of text a match may stand in and be right: a
	// match inside a match of one of them is not reported ("chicken Kiev"
	// for a rule on "Kiev").
	Except []*regexp.Regexp
	Pos    Pos
	// Literal is text every match must contain (lower case when Fold):
	// an article without it is skipped without running the pattern.
	Literal string
	Fold    bool
}

// Spec is a test written in a rule file: an article snippet, its
// publication date, and the findings it must produce (or none).
type Spec struct {
	Name      string
	Published civil.Date
	Text      string
	None      bool // want: none
	Want      []SpecWant
	Pos       Pos
}

// SpecWant is one expected finding: a rule, and a pattern on its message.
type SpecWant struct {
	Rule    string
	Message *regexp.Regexp
	Pos     Pos
}

// Ledger is the merged content of one or more rule files.
type Ledger struct {
	Entities []*Entity
	Offices  []*Office
	Events   []*Event
	Coverage []*Coverage
	Wording  []*Wording
	Tests    []*Spec
	// Lang is the language the rule files' words: sections make of the
	// embedded English, or nil when they add none.
	Lang *lang.Lang

	entities map[string]*Entity
	offices  map[string]*Office
	events   map[string]*Event
	// words are the words: sections Lang was made of, in order.
	words []fileWords
}

// fileWords is a rule file's words: section.
type fileWords struct {
	file string
	node *yaml.Node
}

// Entity returns the entity with the given id, or nil.
func (l *Ledger) Entity(id string) *Entity { return l.entities[id] }

// Office returns the office with the given id, or nil.
func (l *Ledger) Office(id string) *Office { return l.offices[id] }

// Event returns the event with the given id, or nil.
func (l *Ledger) Event(id string) *Event { return l.events[id] }

// ShortName is how an entity is named in messages.
func (l *Ledger) ShortName(id string) string {
	e := l.entities[id]
	if e == nil {
		return id
	}
	if e.Short != "" {
		return e.Short
	}
	return e.Name
}

// CountryOf follows a place's containers up to its country; for a person it
// returns the country they act for. It returns "" when there is none.
func (l *Ledger) CountryOf(id string) string {
	for i := 0; i < 32 && id != ""; i++ {
		e := l.entities[id]
		if e == nil {
			return ""
		}
		if e.Kind == Country {
			return e.ID
		}
		if e.Kind == Person {
			return e.Country
		}
		id = e.In
	}
	return ""
}

// ZoneOf returns the time zone of an entity, or of the country or place
// that contains it (for a person, of the country they act for); nil when
// the ledger gives none.
func (l *Ledger) ZoneOf(id string) *time.Location {
	for i := 0; i < 32 && id != ""; i++ {
		e := l.entities[id]
		if e == nil {
			return nil
		}
		if e.TZ != nil {
			return e.TZ
		}
		if e.Kind == Person {
			id = e.Country
		} else {
			id = e.In
		}
	}
	return nil
}

// LocalZone is the zone an event's daypart is read in: its tz; else the
// one zone all its venues share; else the one zone all its participants
// share. It returns nil when there is none.
func (l *Ledger) LocalZone(e *Event) *time.Location {
	if e.TZ != nil {
		return e.TZ
	}
	for _, ids := range [][]string{e.Venues, e.Participants} {
		if z := l.sharedZone(ids); z != nil {
			return z
		}
	}
	return nil
}

// sharedZone returns the zone every one of ids has, or nil.
func (l *Ledger) sharedZone(ids []string) *time.Location {
	var z *time.Location
	for _, id := range ids {
		zi := l.ZoneOf(id)
		if zi == nil || z != nil && zi.String() != z.String() {
			return nil
		}
		z = zi
	}
	return z
}

// Within reports whether place inner is outer or lies inside it.
func (l *Ledger) Within(inner, outer string) bool {
	for i := 0; i < 32 && inner != ""; i++ {
		if inner == outer {
			return true
		}
		e := l.entities[inner]
		if e == nil {
			return false
		}
		inner = e.In
	}
	return false
}

// Holding says whether a person holds an office on a day.
type Holding int

// The answers to "did X hold office O on day D?".
const (
	Unknown Holding = iota // a term boundary is too coarse to tell
	Holds
	DoesNotHold
)

// Holds tells whether person held office o on day t, honouring the
// precision of each term's dates.
func (o *Office) Holds(person string, t time.Time) (Holding, *Term) {
	ans := DoesNotHold
	for i := range o.Terms {
		term := &o.Terms[i]
		if term.Holder != person {
			continue
		}
		switch term.covers(t) {
		case Holds:
			return Holds, term
		case Unknown:
			ans = Unknown
		}
	}
	return ans, nil
}

// HoldersOn returns the terms whose holder certainly held o on day t.
func (o *Office) HoldersOn(t time.Time) []*Term {
	var out []*Term
	for i := range o.Terms {
		if o.Terms[i].covers(t) == Holds {
			out = append(out, &o.Terms[i])
		}
	}
	return out
}

// UncertainOn reports whether some term's boundary is too coarse to say
// whether it covered day t.
func (o *Office) UncertainOn(t time.Time) bool {
	for i := range o.Terms {
		if o.Terms[i].covers(t) == Unknown {
			return true
		}
	}
	return false
}

// EverHeld reports whether person held o at any time the ledger knows.
func (o *Office) EverHeld(person string) bool {
	for _, t := range o.Terms {
		if t.Holder == person {
			return true
		}
	}
	return false
}

// covers answers for one term. A term runs from its From day up to, but not
// including, its To day (a handover day belongs to the new holder). Of a
// term whose start is unknown, the days before InOfficeOn are unknown.
func (t *Term) covers(day time.Time) Holding {
	from := t.Start()
	if day.Before(from.First()) {
		if t.From.IsZero() {
			return Unknown
		}
		return DoesNotHold
	}
	if from.Prec != civil.Day && !day.After(from.Last()) {
		return Unknown
	}
	if t.To.IsZero() {
		return Holds
	}
	if !day.Before(t.To.Last()) && t.To.Prec == civil.Day {
		return DoesNotHold
	}
	if t.To.Prec != civil.Day {
		if day.After(t.To.Last()) {
			return DoesNotHold
		}
		if !day.Before(t.To.First()) {
			return Unknown
		}
	}
	return Holds
}
