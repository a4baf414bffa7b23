package checker

import (
	"bytes"
	"fmt"

	"strconv"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

// termCues say a term began or ended.
var termCues = []struct {
	words []string
	start bool
}{
	{[]string{"took", "office"}, true},
	{[]string{"sworn", "in"}, true},
	{[]string{"assumed", "office"}, true},
	{[]string{"took", "over"}, true},
	{[]string{"left", "office"}, false},
	{[]string{"stepped", "down"}, false},
	{[]string{"resigned"}, false},
	{[]string{"stepped", "aside"}, false},
	{[]string{"was", "dismissed"}, false},
	{[]string{"was", "replaced"}, false},
}

// termFirst holds the first word of every term cue, to skip most tokens at once.
var termFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range termCues {
		m[c.words[0]] = true
	}
	return m
}()

// terms checks "X took office in …", "X stepped down as … in …" against the
// person's terms in the office the clause names.
func (p *pass) terms(s *sentence, cl lex.Range) {
	if p.hedged(cl) {
		return
	}
	cue, start := -1, false
	for i := cl.Lo; i < cl.Hi && cue < 0; i++ {
		if !termFirst[p.Toks[i].Norm] {
			continue
		}
		for _, c := range termCues {
			if p.seq(i, cl.Hi, c.words...) == i+len(c.words) && !p.Toks[i].Quoted {
				cue, start = i, c.start
				break
			}
		}
	}
	if cue < 0 {
		return
	}
	// The person is the one named last before the cue (the subject: "A took
	// office …, succeeding B"); a relative clause ("A, who took office …")
	// takes the name just before it.
	var person *ledger.Entity
	var offices []*ledger.Office
	for k := range s.ments {
		m := &s.ments[k]
		if m.hi <= cue && (m.lo >= cl.Lo || m.hi == cl.Lo-1 && p.Toks[cl.Lo].Is("who")) {
			if per := m.person(); per != nil {
				person = per
			}
		}
		if m.lo >= cl.Lo && m.hi <= cl.Hi {
			offices = append(offices, m.offices...)
		}
	}
	if person == nil {
		return
	}
	var office *ledger.Office
	for _, o := range offices {
		if o.EverHeld(person.ID) && office != o {
			if office != nil {
				return
			}
			office = o
		}
	}
	if office == nil {
		return
	}
	exprs := timex.Find(p.Toks, cl.Lo, cl.Hi)
	if len(exprs) != 1 {
		return
	}
	e := exprs[0]
	if e.Form == timex.Weekday {
		return
	}
	r := e.Resolve(p.Pub, false)
	edge := "start"
	if !start {
		edge = "end"
	}
	rec := p.claim("office-term", min(cue, e.Lo), max(cue+1, e.Hi), map[string]string{
		"person": person.ID, "office": office.ID, "term": edge, "date": spanText(r.Span, r.Prec)})
	p.settle(rec, office.ID, p.termVerdict(person, office, start, cue, e, r))
}

// termVerdict judges a term claim; it returns why it could not, or "".
func (p *pass) termVerdict(person *ledger.Entity, office *ledger.Office, start bool, cue int, e timex.Expr, r timex.Resolved) string {
	var best *ledger.Term
	bestGap := 1 << 30
	for i := range office.Terms {
		t := &office.Terms[i]
		if t.Holder != person.ID {
			continue
		}
		d := t.From
		if !start {
			d = t.To
		}
		if d.IsZero() {
			continue
		}
		// Compare at the coarser of the two precisions.
		sp := civil.SpanOf(d)
		claimed := r.Span
		if d.Prec < r.Prec {
			claimed = civil.SpanOf(coarsen(civil.DayOf(r.Span.First), d.Prec))
		}
		if sp.Overlaps(claimed) {
			return ""
		}
		if g := sp.DaysFrom(claimed); g < bestGap {
			best, bestGap = t, g
		}
	}
	if best == nil || bestGap > 3*366 {
		return "no term of this person in this office begins or ends near that date"
	}
	what, d := "began", best.From
	if !start {
		what, d = "ended", best.To
	}
	f := Finding{
		Rule: "office-term", Severity: Error,
		Offset: p.Toks[min(cue, e.Lo)].Start, EndOffset: p.Toks[max(cue+1, e.Hi)-1].End,
		Message: fmt.Sprintf("%s's term as %s %s on %s, not %s (%s)", person.Name, office.Title, what, d,
			p.Text(e.Lo, e.Hi), spanText(r.Span, r.Prec)),
		Expected: d.String(),
		Evidence: analysis.EvidenceOf(office.ID, best.Pos, best.Sources),
	}
	if e.Form == timex.YearOnly {
		f.Fix = &Fix{Offset: p.Toks[e.Lo].Start, EndOffset: p.Toks[e.Lo].End, Replacement: strconv.Itoa(d.Y)}
	}
	p.report(f)
	return ""
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

// wording applies the ledger's pattern rules to the prose of the article.
func (p *pass) wording() {
	for _, w := range p.c.L.Wording {
		if w.Pattern == nil {
			continue
		}
		if !w.After.IsZero() || !w.Before.IsZero() {
			if !p.HasPub || (!w.After.IsZero() && p.Pub.Before(w.After.First())) ||
				(!w.Before.IsZero() && !p.Pub.Before(w.Before.First())) {
				continue
			}
		}
		// One pass over the article's prose (non-prose is blanked to spaces,
		// so no match spans a code block); submatches only where a
		// replacement needs them. An article without the pattern's
		// required text is skipped at once.
		text := p.Article.Text
		if w.Literal != "" {
			hay := text
			if w.Fold {
				if p.lower == nil {
					p.lower = bytes.ToLower(text)
				}
				hay = p.lower
			}
			if !bytes.Contains(hay, []byte(w.Literal)) {
				continue
			}
		}
		for _, m := range w.Pattern.FindAllIndex(text, -1) {
			f := Finding{
				Rule: "wording", Severity: w.Severity,
				Offset: m[0], EndOffset: m[1],
				Message:  w.Message,
				Evidence: analysis.EvidenceOf(w.ID, w.Pos, nil),
			}
			if w.HasFix {
				sub := w.Pattern.FindSubmatchIndex(text[m[0]:m[1]])
				for i := range sub {
					if sub[i] >= 0 {
						sub[i] += m[0]
					}
				}
				rep := string(w.Pattern.Expand(nil, []byte(w.Replacement), text, sub))
				f.Fix = &Fix{Offset: f.Offset, EndOffset: f.EndOffset, Replacement: rep}
				f.Expected = rep
			}
			p.report(f)
		}
	}
}
