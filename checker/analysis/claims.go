package analysis

import (
	"time"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

// The claims the engine reads and hands to the checks. Token indexes are
// into Pass.Toks; a pair Lo, Hi is the half-open range of tokens where the
// article writes that value.

// TitleClaim is a claim that the person holds (or held) the office a title
// names: "[former] [qualifier] TITLE Name", "Name, the [former] TITLE,", or
// a definite description that refers back to a named person ("The
// Ruritanian premier said …").
type TitleClaim struct {
	Start              int // first token of the title, qualifier included
	PhraseLo, PhraseHi int // the title's phrasing (with a country written inside it)
	TitleHi            int // the end of the title, a country after it included
	Person             *ledger.Entity
	PersonLo, PersonHi int // where the name is; both -1 for a description, which names no one
	Former             bool
	ModLo              int // first token of "former" or "ex-", or -1
	Office             *ledger.Office
	Refs               []civil.Span // the days the clause speaks of, besides the publication date
	Initial            bool         // the title opens its sentence
}

// Span returns the tokens a finding on the claim covers: the modifier, the
// title and the name, in whichever order the article writes them.
func (tc *TitleClaim) Span() (lo, hi int) {
	lo, hi = tc.Start, tc.TitleHi
	if tc.ModLo >= 0 && tc.ModLo < lo {
		lo = tc.ModLo
	}
	if tc.PersonLo >= 0 {
		lo, hi = min(lo, tc.PersonLo), max(hi, tc.PersonHi)
	}
	return lo, hi
}

// EventClaim is a clause that says an event happened: who, what kind, and
// whichever of when, how, where, how long and at whose request it says.
type EventClaim struct {
	Clause      lex.Range
	TenseClause lex.Range // where the tense is read: the whole clause
	Cue         int       // the event word
	Kinds       []string  // the kinds of event the event word may name
	Parts       []*ledger.Entity

	Date      *timex.Expr
	Span      civil.Span
	Prec      civil.Precision
	Ambiguous bool   // several dates, or an unclear tense: no date-based checks
	Edge      string // "start" for "began on", "end" for "ended on"
	Future    bool

	Medium             string
	MediumLo, MediumHi int
	Initiator          *ledger.Entity
	InitLo, InitHi     int
	Venue              *ledger.Entity
	VenueLo, VenueHi   int
	Duration           time.Duration
	DurLo, DurHi       int
	DurBound           int // +1: at least the Duration ("more than"); -1: at most; 0: about
	Ord                *OrdinalClaim
	Topic              *ledger.Event // the event "the call" refers to, for a one-party clause
}

// OrdinalClaim is "the first call … this year", "the second round", "the
// 14th annual summit", "her second visit to Ruritania this year", "their
// first conversation since the Harbour summit", "met for the third time",
// "last met in person in September", "the last meeting came in 2021".
type OrdinalClaim struct {
	N       int
	Lo, Hi  int
	Round   bool // a numbered round or edition of a series: "the second round", "the 14th annual summit"
	LastMet bool
	// Period is the period counted over, read at its narrowest: only
	// events in it refute a count too low. Wide is the same period read at
	// its widest ("since October" may or may not take in October), over
	// which a count too high is judged; nil when it is Period.
	Period, Wide *civil.Span
	// Back is a period counted back from the event, in months ("in six
	// years": 72), and BackUnit the months in the unit it was written in
	// (12 for years): the length is read to the nearest unit.
	Back, BackUnit int
	PerLo          int // the period expression's first token, or -1
	PerHi          int
	// Whole is set when no period is written and nothing after the
	// counted noun restricts the count: it runs over all the ledger holds.
	Whole     bool
	InPerson  bool
	Medium    string
	NounKinds []string // the kinds the counted noun may name ("call": calls)
	// Restricted is set when a word the ledger cannot judge narrows the
	// count ("formal", "state", "major"): the true count may be lower than
	// the ledger's, so only a count too high is judged.
	Restricted bool
	Bilateral  bool           // only events of the parties alone
	Abroad     bool           // "foreign", "abroad": only events outside the party's country
	Dest       *ledger.Entity // "a visit to India": only events held there
	// Visit is set when the count is of one person's trips: only those on
	// which that person is the visitor count.
	Visit bool
	// Silent says why an ordinal read (its period is not the event's date)
	// is not to be judged, or is "".
	Silent string
}

// Counted returns the kinds of event an ordinal counts and which of them
// it keeps: "first call" counts calls, "first phone call" only phone calls,
// "first meeting" in-person events.
func (oc *OrdinalClaim) Counted() ([]string, func(*ledger.Event) bool) {
	kinds := oc.NounKinds
	if oc.InPerson {
		kinds = InPersonKinds
	}
	keep := func(e *ledger.Event) bool {
		switch {
		case oc.Medium != "":
			return e.Medium == oc.Medium
		case oc.InPerson:
			return e.Medium != ledger.Phone && e.Medium != ledger.Video
		}
		return true
	}
	return kinds, keep
}

// The kinds of event that are contacts between people, and those of them
// that may be in person.
var (
	ContactKinds  = []string{ledger.Call, ledger.Meeting, ledger.Talks, ledger.Summit, ledger.Visit}
	InPersonKinds = []string{ledger.Meeting, ledger.Talks, ledger.Summit, ledger.Visit}
)

// Match is what the engine found in the ledger for an event claim.
type Match struct {
	// Event is the event the claim is about, or nil.
	Event *ledger.Event
	// WrongDate is set when the claimed date fits no event, and Event is
	// the one nearest to it within a window: the date is wrong.
	WrongDate bool
	// Unmatched is set when the claim is dated and no event of its kind and
	// participants is near that date.
	Unmatched bool
	// LastMet is set for "A and B last met in …" when Event, the ledger's
	// latest such meeting before publication, is later than the claimed one.
	LastMet bool
}

// Attributes returns the event whose medium, initiator, venue, duration
// and count the claim is judged against, or nil.
func (m *Match) Attributes() *ledger.Event {
	if m.LastMet {
		return nil
	}
	return m.Event
}

// TermClaim is "A took office in …", "A stepped down as … in …", "A,
// prime minister since …", "A, who left office in 2020".
type TermClaim struct {
	Person *ledger.Entity
	// Office is the office the clause names; nil when it names none ("A,
	// who left office in 2020"): the claim is then about the office whose
	// term of A's began or ended near the date.
	Office   *ledger.Office
	Start    bool // the term began (took office), not ended
	Cue      int  // the first token of the cue ("took office", "since")
	Expr     timex.Expr
	Resolved timex.Resolved
}

// AnniversaryClaim is a claim that counts from an anchor event or dates it:
// "the Nth anniversary of" it, "its Nth year", "N years after" it, or a date
// given for the anchor itself ("since the invasion in February 2023").
type AnniversaryClaim struct {
	Anchor  *ledger.Event
	OrdTok  int  // the ordinal's (or the count's) token
	N       int  // the ordinal, or the count of units elapsed
	OrdWord bool // the ordinal is a word ("third"), not a number ("3rd")
	// Mode is how the claim counts:
	//   - "mark": the anniversary is marked, commemorated, or the clause is on it;
	//   - "approach": it approaches, is ahead;
	//   - "after", "before": days (Near at most) after or before the anniversary;
	//   - "enter": the anchor entered its Nth year; "year": it is in its Nth year;
	//   - "elapsed": N units (Unit) have passed since the anchor;
	//   - "date": the text dates the anchor itself (Date);
	//   - "": no cue.
	Mode   string
	InYear *timex.Expr // a year written in the clause, which dates the anniversary
	// On is the day or days the clause dates the claim by ("marked … on
	// Tuesday", "entered its fifth year in February"), when it does.
	On *timex.Resolved
	// Present: the clause speaks of the time of publication (not past, no
	// other year): a mark or a count without a date is judged at it.
	Present bool
	// Elsewhen: the sentence names another time ("then-President", a
	// year): a claim it does not date is not judged at publication.
	Elsewhen bool
	Lo, Hi   int    // the tokens a finding spans
	Near     int    // for "after" and "before": days at most
	Unit     string // for "elapsed": year, month, week or day
	// Bound qualifies an elapsed count: "under" (nearly four years), "over"
	// (more than two weeks), "about", or "".
	Bound string
	// Date and Resolved are the date the text gives for the anchor.
	Date     *timex.Expr
	Resolved timex.Resolved
	// LaterOnly: the anchor is named as a period ("the war"), whose start a
	// writer may count from an earlier phase: only a later date, or a
	// count too small, is wrong.
	LaterOnly bool
}
