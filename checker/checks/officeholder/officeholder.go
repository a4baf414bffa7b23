// Package officeholder is the office-holder check: a title naming an office the person never held.
// doc.yaml beside it is what claimlint explain office-holder prints.
package officeholder

import (
	_ "embed"
	"fmt"
	"strings"
	"time"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
)

//go:embed doc.yaml
var doc []byte

// Check is the office-holder check.
var Check = &analysis.Check{
	ID:       "office-holder",
	Severity: analysis.Error,
	Doc:      analysis.MustDoc("office-holder", doc),
	Title:    run,
}

// run judges a title the person had not held by the days the clause speaks
// of (the publication date, and any day the clause names): someone else
// held it. A former holder's title is title-at-date's.
func run(p *analysis.Pass, tc *analysis.TitleClaim) string {
	days := []time.Time{p.Pub}
	for _, r := range tc.Refs {
		days = append(days, r.First, r.Last)
	}
	o, who := tc.Office, tc.Person
	for _, d := range days {
		if h, _ := o.Holds(who.ID, d); h != ledger.DoesNotHold {
			return ""
		}
		if heldBy(o, who.ID, d) {
			return ""
		}
	}
	return wrongOffice(p, tc, days)
}

// heldBy reports whether the person had a term in o that began by day t.
func heldBy(o *ledger.Office, who string, t time.Time) bool {
	for _, term := range o.Terms {
		if term.Holder == who && !term.From.First().After(t) {
			return true
		}
	}
	return false
}

// wrongOffice reports a title the person did not hold, when the ledger knows
// who held it on each of the days (or that no one did, between two holders,
// while the person held another office).
func wrongOffice(p *analysis.Pass, tc *analysis.TitleClaim, days []time.Time) string {
	lo, hi := tc.Span()
	startOff, endOff := p.Toks[lo].Start, p.Toks[hi-1].End
	o, who := tc.Office, tc.Person
	for _, d := range days {
		if o.UncertainOn(d) {
			return "a term boundary in the ledger is too coarse to judge this date"
		}
	}
	holders := o.HoldersOn(p.Pub)
	for _, d := range days[1:] {
		if len(o.HoldersOn(d)) == 0 && len(holders) > 0 {
			return "the ledger names no holder of the office on a day the clause names"
		}
	}
	held, term := heldElsewhere(p, o, who)
	if len(holders) == 0 && (held == nil || !vacant(o, p.Pub)) {
		return "the ledger names no holder of the office on that day"
	}
	var msg string
	f := analysis.Finding{Offset: startOff, EndOffset: endOff}
	if len(holders) > 0 {
		var names []string
		for _, t := range holders {
			names = append(names, p.Ledger.Entity(t.Holder).Name)
		}
		verb := "is"
		if len(names) > 1 {
			verb = "are"
		}
		msg = fmt.Sprintf("%s is not %s on %s: %s %s", who.Name, o.Title, analysis.DateText(p.Pub), strings.Join(names, ", "), verb)
		f.Evidence = analysis.EvidenceOf(o.ID, holders[0].Pos, holders[0].Sources)
	} else {
		msg = fmt.Sprintf("%s is not %s on %s (the ledger names no holder between two terms)", who.Name, o.Title, analysis.DateText(p.Pub))
	}
	if held != nil {
		msg += fmt.Sprintf("; %s is %s", who.Name, held.Title)
		f.Expected = held.Title
		if i, word := oneWordSwap(tc, p.Toks, held); word != "" {
			f.Fix = &analysis.Fix{Offset: p.Toks[i].Start, EndOffset: p.Toks[i].End, Replacement: word}
			f.Expected = p.Fixed(lo, hi, f.Fix)
		} else if title := p.Rewritten(tc, held); title != "" {
			// "President X" for a president-elect: "President-elect X".
			f.Fix = &analysis.Fix{Offset: p.Toks[tc.PhraseLo].Start, EndOffset: p.Toks[tc.PhraseHi-1].End, Replacement: title}
			f.Expected = p.Fixed(lo, hi, f.Fix)
		}
		f.Evidence = analysis.EvidenceOf(held.ID, term.Pos, term.Sources)
		f.Evidence.ID = o.ID + ", " + held.ID
	}
	f.Message = msg
	p.Report(f)
	return ""
}

// vacant reports whether day t falls between two terms of o: one ended by
// then, another begins after it.
func vacant(o *ledger.Office, t time.Time) bool {
	before, after := false, false
	for _, term := range o.Terms {
		if !term.To.IsZero() && !term.To.Last().After(t) {
			before = true
		}
		if term.From.First().After(t) {
			after = true
		}
	}
	return before && after
}

// heldElsewhere finds the office the person holds on the publication date
// instead: another office of the same body, or, for an office of no body,
// the one office of the same country the person holds.
func heldElsewhere(p *analysis.Pass, o *ledger.Office, who *ledger.Entity) (*ledger.Office, *ledger.Term) {
	if o.Body != "" {
		for _, h := range p.Index.InBody(o.Body) {
			if h == o {
				continue
			}
			if ok, term := h.Holds(who.ID, p.Pub); ok == ledger.Holds {
				return h, term
			}
		}
		return nil, nil
	}
	if o.Country == "" {
		return nil, nil
	}
	var held *ledger.Office
	var heldTerm *ledger.Term
	for _, h := range p.Ledger.Offices {
		if h == o || h.Country != o.Country {
			continue
		}
		if ok, term := h.Holds(who.ID, p.Pub); ok == ledger.Holds {
			if held != nil {
				return nil, nil // several: name none
			}
			held, heldTerm = h, term
		}
	}
	return held, heldTerm
}

// oneWordSwap finds a phrasing of held that differs from the matched phrase
// in exactly one word, and returns that word's token and its replacement.
func oneWordSwap(tc *analysis.TitleClaim, toks []lex.Token, held *ledger.Office) (int, string) {
	n := tc.PhraseHi - tc.PhraseLo
	for _, ph := range held.Phrasings {
		pt := lex.Tokenize([]byte(ph), 0, len(ph))
		if len(pt) != n {
			continue
		}
		diff, at := 0, -1
		for j := range pt {
			if pt[j].Norm != toks[tc.PhraseLo+j].Norm {
				diff++
				at = j
			}
		}
		if diff == 1 {
			word := pt[at].Text
			switch t := toks[tc.PhraseLo+at]; {
			case t.Upper:
				word = strings.ToUpper(word[:1]) + word[1:]
			case strings.ToUpper(word) != word:
				word = strings.ToLower(word) // "the Chinese premier" → "president"
			}
			return tc.PhraseLo + at, word
		}
	}
	return -1, ""
}
