package checker

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/lang"
)

// Verdict is what the ledger says of a claim.
type Verdict int

// Verdicts a claim can get. The zero Verdict is a claim not yet settled.
const (
	Consistent Verdict = iota + 1
	Contradicted
	NotCovered
)

var verdictNames = [...]string{"", "consistent", "contradicted", "not covered"}

// String is the verdict as output writes it: "consistent", "contradicted",
// "not covered", or "" for a claim not settled.
func (v Verdict) String() string {
	if v >= 0 && int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return fmt.Sprintf("Verdict(%d)", v)
}

// MarshalText writes the verdict as String does, so that JSON shows it as
// the word.
func (v Verdict) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// Claim is one thing an article says that claimlint read and judged: what
// kind of claim, where, its values resolved (dates against the publication
// date, people as entity ids), and the verdict. Values are the values as
// output writes them; Date and Event are the same typed, which is what
// the code around the engine reads.
type Claim struct {
	Kind      string            `json:"kind"` // title, event, anniversary, office-term
	Path      string            `json:"path"`
	Line      int               `json:"line"`
	Column    int               `json:"column"`
	EndLine   int               `json:"endLine"`
	EndColumn int               `json:"endColumn"`
	Offset    int               `json:"offset"`
	EndOffset int               `json:"endOffset"`
	Text      string            `json:"text"`
	Values    map[string]string `json:"values"`
	Verdict   Verdict           `json:"verdict"`
	Ledger    string            `json:"ledger,omitempty"`   // the entry judged against
	Findings  []FindingRef      `json:"findings,omitempty"` // what contradicts it
	Reason    string            `json:"reason,omitempty"`   // why it is not covered
	// Cause is why it is not covered where code must tell one reason from
	// the others; CauseOther for most, whose Reason is for people only.
	Cause Cause `json:"-"`
	// Parts are where an event claim writes its date, medium, initiator
	// and venue, by those names.
	Parts map[string]Part `json:"parts,omitempty"`
	// Quiet is set when a directive silences cross-source on the claim's line.
	Quiet bool `json:"quiet,omitempty"`
	// Date is the days an event or office-term claim gives, resolved
	// against the publication date; zero when it gives none.
	Date civil.Period `json:"-"`
	// Event is what an event claim says; nil for the other kinds.
	Event  *EventValues `json:"-"`
	before int          // findings reported before the claim was judged
}

// EventValues are the values of an event claim besides its date: those
// Values writes as kinds, participants, medium, initiator, venue,
// duration, ordinal, refers-to and future.
type EventValues struct {
	Kinds        []string      // the kinds of event its event word may name
	Participants []string      // entity ids
	Medium       string        // phone, video or in-person; "" when not said
	Initiator    string        // an entity id, or ""
	Venue        string        // an entity id, or ""
	Duration     time.Duration // 0 when not said
	DurBound     int           // of Duration: +1 at least ("more than"), -1 at most ("nearly"), 0 as written
	Ordinal      int           // "the second call": 2; 0 when none
	Round        bool          // the ordinal counts rounds of talks
	LastMet      bool          // "A and B last met in …"
	RefersTo     string        // the ledger event "the call" of a one-party clause is, or ""
	Future       bool          // a plan: "will meet on …"
}

// eventValues records ec's values on its claim: typed, and, unless only
// typed values are wanted (comparing articles reads no other), as output
// writes them.
func (ec *eventClaim) eventValues(cl *Claim, l *lang.Lang, typedOnly bool) {
	if !typedOnly {
		cl.Values = ec.values(l)
	}
	v := &EventValues{Kinds: ec.Kinds, Participants: make([]string, 0, len(ec.Parts)), Medium: ec.Medium, Duration: ec.Duration, DurBound: ec.DurBound, Future: ec.Future}
	for _, x := range ec.Parts {
		v.Participants = append(v.Participants, x.ID)
	}
	if ec.Date != nil {
		cl.Date = civil.Period{Span: ec.Span, Prec: ec.Prec}
	}
	if ec.Initiator != nil {
		v.Initiator = ec.Initiator.ID
	}
	if ec.Venue != nil {
		v.Venue = ec.Venue.ID
	}
	if o := ec.Ord; o != nil {
		v.Ordinal, v.Round, v.LastMet = o.N, o.Round, o.LastMet
	}
	if ec.Topic != nil {
		v.RefersTo = ec.Topic.ID
	}
	cl.Event = v
}

// FindingRef is a finding that contradicts a claim: the check that
// reported it, and what it said.
type FindingRef struct {
	Rule    string
	Message string
}

// String writes the finding as claims output shows it: "message [rule]".
func (r FindingRef) String() string { return r.Message + " [" + r.Rule + "]" }

// MarshalText writes the finding as String does: JSON shows a claim's
// findings as strings.
func (r FindingRef) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// Part is where one value of a claim is written.
type Part struct {
	Text       string `json:"text"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	EndLine    int    `json:"endLine"`
	EndColumn  int    `json:"endColumn"`
	Offset     int    `json:"offset"`
	EndOffset  int    `json:"endOffset"`
	ByteCol    int    `json:"byteColumn"`
	EndByteCol int    `json:"endByteColumn"`
}

// ReasonNoEvent is why an event claim that the ledger has no event for is
// not covered: the text asserts an event the ledger does not know. Its
// Cause is CauseNoEvent.
const ReasonNoEvent = "no event of this kind between these participants near that date in the ledger"

// Cause is why a claim is not covered, as code reads it.
type Cause int

// Causes of a claim not covered.
const (
	// CauseOther is every cause no code needs to tell apart.
	CauseOther Cause = iota
	// CauseNoEvent: an event claim that no event of the ledger fits, and
	// that the ledger's coverage does not rule out (ReasonNoEvent). Such
	// claims are compared across articles, and ledger suggest proposes
	// events from them.
	CauseNoEvent
)

// Claims checks an article and returns every claim read, with its verdict,
// beside the findings Check would return.
func (c *Checker) Claims(a *article.Article) ([]Claim, []Finding) {
	p := c.newPass(a)
	p.record = true
	return c.claims(p)
}

// EventClaims is Claims that keeps only the event claims for which keep
// returns true when they are settled, without their text: what comparing
// articles needs, at less cost.
func (c *Checker) EventClaims(a *article.Article, keep func(*Claim) bool) ([]Claim, []Finding) {
	p := c.newPass(a)
	p.record, p.eventsOnly, p.keep = true, true, keep
	return c.claims(p)
}

func (c *Checker) claims(p *pass) ([]Claim, []Finding) {
	fs := p.run()
	out := make([]Claim, 0, len(p.claims))
	for _, cl := range p.claims {
		out = append(out, *cl)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	return out, fs
}

// claim counts a claim over tokens [lo, hi) against the article's cap, and
// opens it when claims are being recorded. A claim past the cap is not
// opened, and the hooks are not run on it.
func (p *pass) claim(kind string, lo, hi int, values map[string]string) *Claim {
	if !p.lim.pending {
		p.lim.refused = lo < hi && !p.take(p.Toks[lo].Start)
	}
	if p.lim.refused || !p.record || lo >= hi || p.eventsOnly && kind != "event" {
		return nil
	}
	cl := &Claim{Kind: kind, Path: p.Article.Path, Offset: p.Toks[lo].Start, EndOffset: p.Toks[hi-1].End,
		Values: values, before: len(p.Findings)}
	cl.Line, cl.Column = p.Article.Position(cl.Offset)
	cl.EndLine, cl.EndColumn = p.Article.Position(cl.EndOffset)
	if !p.eventsOnly {
		cl.Text = strings.Join(strings.Fields(string(p.Article.Src[cl.Offset:cl.EndOffset])), " ")
	}
	p.claims = append(p.claims, cl)
	return cl
}

// part records where tokens [lo, hi) of a claim's value are.
func (p *pass) part(cl *Claim, name string, lo, hi int) {
	if cl == nil || lo >= hi {
		return
	}
	pt := Part{Text: p.Text(lo, hi), Offset: p.Toks[lo].Start, EndOffset: p.Toks[hi-1].End}
	pt.Line, pt.Column = p.Article.Position(pt.Offset)
	pt.EndLine, pt.EndColumn = p.Article.Position(pt.EndOffset)
	pt.ByteCol, pt.EndByteCol = p.Article.ByteColumn(pt.Offset), p.Article.ByteColumn(pt.EndOffset)
	if cl.Parts == nil {
		cl.Parts = map[string]Part{}
	}
	cl.Parts[name] = pt
}

// settle gives a claim its verdict: contradicted when findings were reported
// since it opened, not covered when there is a reason, consistent otherwise.
func (p *pass) settle(cl *Claim, ledgerID, reason string) {
	if cl == nil || cl.Verdict != 0 {
		return
	}
	cl.Ledger = ledgerID
	switch {
	case len(p.Findings) > cl.before:
		cl.Verdict, cl.Cause = Contradicted, CauseOther
		for _, f := range p.Findings[cl.before:] {
			cl.Findings = append(cl.Findings, FindingRef{Rule: f.Rule, Message: f.Message})
		}
	case reason != "":
		cl.Verdict, cl.Reason = NotCovered, reason
	default:
		cl.Verdict, cl.Cause = Consistent, CauseOther
	}
	if p.keep != nil && !p.keep(cl) {
		for i := len(p.claims) - 1; i >= 0; i-- {
			if p.claims[i] == cl {
				p.claims = append(p.claims[:i], p.claims[i+1:]...)
				break
			}
		}
	}
}
