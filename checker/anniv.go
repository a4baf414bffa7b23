package checker

import (
	"fmt"
	"time"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

// Anniversary cues: the anniversary is near, or it is the day.
var (
	approachWords = map[string]bool{"approaches": true, "approaching": true, "nears": true,
		"nearing": true, "neared": true, "approached": true, "upcoming": true, "looming": true, "approach": true}
	markWords = map[string]bool{"marked": true, "marks": true, "marking": true, "mark": true,
		"commemorated": true, "commemorates": true, "commemorating": true, "celebrated": true,
		"celebrates": true, "celebrating": true, "observed": true}
)

// anniversaries checks "the third anniversary of Russia's invasion" and
// "as the war approaches its fourth anniversary".
func (p *pass) anniversaries(s *sentence) {
	for i := s.Lo + 1; i < s.Hi; i++ {
		if !p.Toks[i].Is("anniversary") || p.Toks[i].Quoted {
			continue
		}
		n, ok := ordinalN(p.Toks[i-1])
		if !ok {
			continue
		}
		if anchor := p.anchorOf(s, i); anchor != nil && anchor.Start.Prec == civil.Day {
			p.anniversary(s, anchor, i-1, n)
		}
	}
}

// anchorOf finds the anchor event an anniversary word at token i counts
// from: the one named just after "anniversary of", else the nearest one
// before it in its clause ("the war … approaches its fourth anniversary"),
// else the only one in the sentence.
func (p *pass) anchorOf(s *sentence, i int) *ledger.Event {
	one := func(m *mention) *ledger.Event {
		if len(m.anchors) == 1 {
			return m.anchors[0]
		}
		return nil
	}
	if i+1 < s.Hi && p.Toks[i+1].Is("of") {
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

func (p *pass) anniversary(s *sentence, anchor *ledger.Event, ordTok, n int) {
	rec := p.claim("anniversary", ordTok, ordTok+2, map[string]string{"anchor": anchor.ID, "ordinal": ordinalName(n)})
	reason := p.anniversaryVerdict(s, anchor, ordTok, n)
	p.settle(rec, anchor.ID, reason)
}

// anniversaryVerdict judges an anniversary claim; it returns why it could
// not, or "".
func (p *pass) anniversaryVerdict(s *sentence, anchor *ledger.Event, ordTok, n int) string {
	cl := p.clauseOf(s, ordTok)
	mode := ""
	for i := cl.Lo; i < ordTok; i++ {
		t := p.Toks[i]
		switch {
		case approachWords[t.Norm] || t.Is("ahead") && i+1 < ordTok && p.Toks[i+1].Is("of"):
			mode = "approach"
		case markWords[t.Norm]:
			mode = "mark"
		case t.Is("since", "after", "before"):
			return "counted from another time (since, after, before)"
		}
	}
	anniv := func(k int) time.Time { return anchor.Start.First().AddDate(k, 0, 0) }
	// A year written in the clause dates the anniversary: "… in 2019".
	var inYear *timex.Expr
	for _, e := range timex.Find(p.Toks, cl.Lo, cl.Hi) {
		if e.Form == timex.YearOnly {
			e := e
			inYear = &e
		}
	}
	name := anchor.Title
	if name == "" {
		name = anchor.ID
	}
	f := Finding{
		Rule: "anniversary", Severity: Error,
		Offset: p.Toks[ordTok].Start, EndOffset: p.Toks[ordTok+1].End,
		Evidence: analysis.EvidenceOf(anchor.ID, anchor.Pos, anchor.Sources),
	}
	right := 0
	switch {
	case inYear != nil:
		if anniv(n).Year() == inYear.Year {
			return ""
		}
		right = inYear.Year - anchor.Start.Y
		f.Message = fmt.Sprintf("%s was on %s, so %d was its %s anniversary, not its %s",
			name, dateText(anchor.Start.First()), inYear.Year, ordinalName(right), ordinalName(n))
	case mode == "mark":
		if near(anniv(n), p.Pub, 7) {
			return ""
		}
		right = p.Pub.Year() - anchor.Start.Y
		if !near(anniv(right), p.Pub, 7) {
			return "the publication date is not near any anniversary: the sentence may mean another day"
		}
		f.Message = fmt.Sprintf("%s was on %s; on %s it is the %s anniversary, not the %s",
			name, dateText(anchor.Start.First()), dateText(p.Pub), ordinalName(right), ordinalName(n))
	case mode == "approach":
		if upcoming(anniv(n), p.Pub) {
			return ""
		}
		right = -1
		for k := n - 2; k <= n+2; k++ {
			if k > 0 && upcoming(anniv(k), p.Pub) {
				right = k
			}
		}
		if right < 0 {
			return "no anniversary is near the publication date"
		}
		f.Message = fmt.Sprintf("%s was on %s; on %s the next anniversary is the %s (%s), not the %s",
			name, dateText(anchor.Start.First()), dateText(p.Pub), ordinalName(right), dateText(anniv(right)), ordinalName(n))
	default:
		return "no cue (marks, approaches) and no year to date it"
	}
	if right < 1 {
		return "the date named is before the anchor event: no anniversary to count"
	}
	f.Expected = ordinalName(right) + " anniversary"
	if _, isWord := ordinalWords[p.Toks[ordTok].Norm]; isWord && right < len(ordinalNames) {
		f.Fix = &Fix{Offset: p.Toks[ordTok].Start, EndOffset: p.Toks[ordTok].End, Replacement: matchCase(ordinalName(right), p.Toks[ordTok])}
	} else if p.Toks[ordTok].Kind == lex.Ordinal {
		f.Fix = &Fix{Offset: p.Toks[ordTok].Start, EndOffset: p.Toks[ordTok].End, Replacement: numericOrdinal(right)}
	}
	p.report(f)
	return ""
}

func near(a, b time.Time, days int) bool {
	d := a.Sub(b).Hours() / 24
	return d >= -float64(days) && d <= float64(days)
}

// upcoming reports whether anniversary a falls after pub, within 90 days.
func upcoming(a, pub time.Time) bool {
	d := a.Sub(pub).Hours() / 24
	return d >= 0 && d <= 90
}

func matchCase(w string, t lex.Token) string {
	if t.Upper && w != "" {
		return string(w[0]-'a'+'A') + w[1:]
	}
	return w
}

func numericOrdinal(n int) string {
	suf := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suf = "st"
	case n%10 == 2:
		suf = "nd"
	case n%10 == 3:
		suf = "rd"
	}
	return fmt.Sprintf("%d%s", n, suf)
}
