// Package officeterm is the office-term check: took office or stepped down at the wrong time.
// doc.yaml beside it is what claimlint explain office-term prints.
package officeterm

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/timex"
)

//go:embed doc.yaml
var doc []byte

// Check is the office-term check.
var Check = &analysis.Check{
	ID:       "office-term",
	Severity: analysis.Error,
	Doc:      analysis.MustDoc("office-term", doc),
	Term:     run,
}

// Windows: how far from the claimed date a term may begin or end and still
// be the one the claim is about. When the clause names no office, the term
// must be nearer, and no other office of the person may have begun or
// ended near the date.
const (
	namedWindow    = 3 * 366
	implicitWindow = 366
	// heldMonths: with no office named, a person in office this many days
	// on both sides of the date spoke of another role.
	heldMonths = 90
)

// edge is one term's start or end, and its distance from the claimed date.
type edge struct {
	office *ledger.Office
	term   *ledger.Term
	gap    int
}

// run judges a term claim; it returns why it could not, or "".
func run(p *analysis.Pass, tc *analysis.TermClaim) string {
	if tc.Office != nil {
		edges, match := edgesOf(tc, []*ledger.Office{tc.Office})
		if match {
			return ""
		}
		if len(edges) == 0 || edges[0].gap > namedWindow {
			return "no term of this person in this office begins or ends near that date"
		}
		report(p, tc, edges[0])
		return ""
	}
	// No office named ("Ada Example, who stepped down in May"): any term
	// of the person that begins or ends then makes the claim right; else
	// it is about the office whose term began or ended nearest, if only
	// one did near the date. A status before an office ("President-elect")
	// is no office one takes or leaves.
	var held []*ledger.Office
	for _, o := range p.Ledger.Offices {
		if o.EverHeld(tc.Person.ID) {
			held = append(held, o)
		}
	}
	var offices []*ledger.Office
	for _, o := range held {
		if !preOffice(p, o) {
			offices = append(offices, o)
		}
	}
	all, match := edgesOf(tc, offices)
	if match {
		return ""
	}
	if heldAround(tc, offices) {
		return "the person held an office for months around that date: the claim may be about another role"
	}
	var edges []edge
	for _, e := range all {
		if !tc.Start && movedOn(p, tc.Person.ID, e) {
			continue
		}
		edges = append(edges, e)
	}
	if len(edges) == 0 || edges[0].gap > implicitWindow {
		return "no term of this person begins or ends near that date"
	}
	for _, e := range edges[1:] {
		if e.office != edges[0].office && e.gap <= implicitWindow {
			return "terms of several offices of this person begin or end near that date"
		}
	}
	report(p, tc, edges[0])
	return ""
}

// edgesOf returns the starts (or ends) of the person's terms in offices,
// nearest the claimed date first, and whether one of them fits the date.
func edgesOf(tc *analysis.TermClaim, offices []*ledger.Office) ([]edge, bool) {
	var out []edge
	for _, o := range offices {
		for i := range o.Terms {
			t := &o.Terms[i]
			if t.Holder != tc.Person.ID {
				continue
			}
			d := t.From
			if !tc.Start {
				d = t.To
			}
			if d.IsZero() {
				continue
			}
			// Compare at the coarser of the two precisions.
			sp := civil.SpanOf(d)
			claimed := tc.Resolved.Span
			if d.Prec < tc.Resolved.Prec {
				claimed = civil.SpanOf(coarsen(civil.DayOf(claimed.First), d.Prec))
			}
			if sp.Overlaps(claimed) {
				return nil, true
			}
			out = append(out, edge{o, t, sp.DaysFrom(claimed)})
		}
	}
	// Nearest first; ties keep ledger order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].gap < out[j-1].gap; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, false
}

// heldAround reports whether, for a claim to the month or day, the person
// held one of offices from the claimed date through months after it (an
// end: "Bo Sample, who stepped down in July", from a campaign, while still in
// office) or from months before it (a start): the claim is then about another
// role. A leader who announced in May that she would go, and left office in
// June, is also no finding for "who stepped down in May".
func heldAround(tc *analysis.TermClaim, offices []*ledger.Office) bool {
	if tc.Resolved.Prec < civil.Month {
		return false
	}
	from, to := tc.Resolved.Span.First, tc.Resolved.Span.Last.AddDate(0, 0, heldMonths)
	if tc.Start {
		from, to = tc.Resolved.Span.First.AddDate(0, 0, -heldMonths), tc.Resolved.Span.Last
	}
	for _, o := range offices {
		h1, t1 := o.Holds(tc.Person.ID, from)
		h2, t2 := o.Holds(tc.Person.ID, to)
		if h1 == ledger.Holds && h2 == ledger.Holds && t1 == t2 {
			return true
		}
	}
	return false
}

// preOffice reports whether o is a status before an office rather than one
// a person takes or leaves: a phrasing such as "President-elect".
func preOffice(p *analysis.Pass, o *ledger.Office) bool {
	for _, ph := range append([]string{o.Title}, o.Phrasings...) {
		for _, w := range strings.FieldsFunc(strings.ToLower(ph), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if p.Lang.Terms.PreOffice.Has(w) {
				return true
			}
		}
	}
	return false
}

// movedOn reports whether a term ended as the person took another office
// (within a week): a move, not leaving office, which "left office" with no
// office named does not mean.
func movedOn(p *analysis.Pass, person string, e edge) bool {
	end := e.term.To.First()
	for _, o := range p.Ledger.Offices {
		if o == e.office {
			continue
		}
		for _, t := range o.Terms {
			if t.Holder != person || t.From.IsZero() {
				continue
			}
			if d := t.From.First().Sub(end).Hours() / 24; d >= -7 && d <= 7 {
				return true
			}
		}
	}
	return false
}

func report(p *analysis.Pass, tc *analysis.TermClaim, best edge) {
	person, office, cue, e, r := tc.Person, best.office, tc.Cue, tc.Expr, tc.Resolved
	what, d := "began", best.term.From
	if !tc.Start {
		what, d = "ended", best.term.To
	}
	f := analysis.Finding{
		Offset: p.Toks[min(cue, e.Lo)].Start, EndOffset: p.Toks[max(cue+1, e.Hi)-1].End,
		Message: fmt.Sprintf("%s's term as %s %s on %s, not %s (%s)", person.Name, office.Title, what, d,
			p.Text(e.Lo, e.Hi), analysis.SpanText(r.Span, r.Prec)),
		Expected: d.String(),
		Evidence: analysis.EvidenceOf(office.ID, best.term.Pos, best.term.Sources),
	}
	if e.Form == timex.YearOnly {
		f.Fix = &analysis.Fix{Offset: p.Toks[e.Lo].Start, EndOffset: p.Toks[e.Lo].End, Replacement: strconv.Itoa(d.Y)}
	}
	p.Report(f)
}

func coarsen(d civil.Date, prec civil.Precision) civil.Date {
	d.Prec = prec
	if prec < civil.Day {
		d.D = 0
	}
	if prec < civil.Month {
		d.M = 0
	}
	return d
}
