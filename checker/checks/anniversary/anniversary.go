// Package anniversary is the anniversary check: the Nth anniversary, year
// or count of years since an anchor event miscounted, or the anchor misdated.
// doc.yaml beside it is what claimlint explain anniversary prints.
package anniversary

import (
	_ "embed"
	"fmt"
	"strconv"
	"time"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

//go:embed doc.yaml
var doc []byte

// Check is the anniversary check.
var Check = &analysis.Check{
	ID:          "anniversary",
	Severity:    analysis.Error,
	Doc:         analysis.MustDoc("anniversary", doc),
	Anniversary: run,
}

// Tolerances, in days.
const (
	// markNear: a mark judged at publication must be this near an anniversary.
	markNear = 7
	// markOn: a mark dated in its clause may fall this far from its anniversary
	// (ceremonies are held on a weekend near it).
	markOn = 31
	// present: a mark in the present tense with no date is about the
	// anniversary nearest publication, when one falls this near.
	present = 120
	// dateYears: a date given for an anchor more years than this from its
	// own is taken for another event's.
	dateYears = 5
)

// earlierPhase is why a count from a period ("the war") that is too large,
// or a start too early, is not judged: a writer may count the war in
// Ukraine from 2014.
const earlierPhase = "a period may be counted from an earlier phase"

// run judges an anniversary claim; it returns why it could not, or "".
func run(p *analysis.Pass, ac *analysis.AnniversaryClaim) string {
	switch ac.Mode {
	case "date":
		return judgeDate(p, ac)
	case "elapsed":
		return judgeElapsed(p, ac)
	case "enter", "year":
		return judgeYear(p, ac)
	}
	anchor, n := ac.Anchor, ac.N
	anniv := func(k int) time.Time { return anchor.Start.First().AddDate(k, 0, 0) }
	f := finding(p, ac)
	right := 0
	switch mode := ac.Mode; {
	case mode == "mark" && ac.On != nil:
		// A mark may follow its anniversary by months (a summit marking
		// it), not precede it by more than a few weeks.
		on := ac.On.Span
		if !on.Last.Before(anniv(n).AddDate(0, 0, -markOn)) && !on.First.After(anniv(n+1).AddDate(0, 0, -markOn)) {
			return ""
		}
		k := nearestTo(anniv, on.First)
		if within(anniv(k), on, markNear) {
			right = k
			f.Message = fmt.Sprintf("%s was on %s; %s is its %s anniversary, not its %s",
				name(ac), analysis.DateText(anchor.Start.First()), analysis.SpanText(on, ac.On.Prec), ordinal(p, k), ordinal(p, n))
			break
		}
		if n < 1 {
			return "the date named is before the anchor event: no anniversary to count"
		}
		if ac.LaterOnly && on.First.After(anniv(n)) {
			return earlierPhase
		}
		f.Message = fmt.Sprintf("%s was on %s, so its %s anniversary is %s, not %s",
			name(ac), analysis.DateText(anchor.Start.First()), ordinal(p, n), analysis.DateText(anniv(n)), analysis.SpanText(on, ac.On.Prec))
		f.Expected = analysis.DateText(anniv(n))
		p.Report(f)
		return ""
	case ac.InYear != nil && mode != "after" && mode != "before":
		inYear := ac.InYear
		if anniv(n).Year() == inYear.Year {
			return ""
		}
		right = inYear.Year - anchor.Start.Y
		f.Message = fmt.Sprintf("%s was on %s, so %d was its %s anniversary, not its %s",
			name(ac), analysis.DateText(anchor.Start.First()), inYear.Year, ordinal(p, right), ordinal(p, n))
	case mode == "mark":
		if near(anniv(n), p.Pub, markNear) {
			return ""
		}
		right = p.Pub.Year() - anchor.Start.Y
		if !near(anniv(right), p.Pub, markNear) {
			// A clause in the present with no date: the anniversary nearest
			// publication ("leaders gather to celebrate the 75th anniversary"
			// in the summer of the anniversary year).
			k := nearestTo(anniv, p.Pub)
			if !ac.Present || !near(anniv(k), p.Pub, present) {
				return "the publication date is not near any anniversary: the sentence may mean another day"
			}
			if k == n {
				return ""
			}
			right = k
			f.Message = fmt.Sprintf("%s was on %s; its anniversary nearest %s is the %s (%s), not the %s",
				name(ac), analysis.DateText(anchor.Start.First()), analysis.DateText(p.Pub), ordinal(p, k), analysis.DateText(anniv(k)), ordinal(p, n))
			break
		}
		f.Message = fmt.Sprintf("%s was on %s; on %s it is the %s anniversary, not the %s",
			name(ac), analysis.DateText(anchor.Start.First()), analysis.DateText(p.Pub), ordinal(p, right), ordinal(p, n))
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
			name(ac), analysis.DateText(anchor.Start.First()), analysis.DateText(p.Pub), ordinal(p, right), analysis.DateText(anniv(right)), ordinal(p, n))
	case mode == "after" || mode == "before":
		// "days after the 80th anniversary": the anniversary fell a few days
		// before the clause's time (its day, or publication).
		ref := civil.Span{First: p.Pub, Last: p.Pub}
		if ac.On != nil {
			ref = ac.On.Span
		}
		lo, hi := ref.First.AddDate(0, 0, -ac.Near), ref.Last.AddDate(0, 0, 3)
		if mode == "before" {
			lo, hi = ref.First.AddDate(0, 0, -3), ref.Last.AddDate(0, 0, ac.Near)
		}
		if ac.InYear != nil {
			return "the clause tells of another year"
		}
		right = -1
		for k := 1; !anniv(k).After(hi); k++ {
			if !anniv(k).Before(lo) {
				right = k
			}
		}
		if right < 0 {
			return "no anniversary falls that near the clause's time"
		}
		if right == n {
			return ""
		}
		f.Message = fmt.Sprintf("%s was on %s; the anniversary %s %s was the %s (%s), not the %s",
			name(ac), analysis.DateText(anchor.Start.First()), mode, analysis.DateText(ref.First), ordinal(p, right), analysis.DateText(anniv(right)), ordinal(p, n))
		if mode == "before" {
			f.Message = fmt.Sprintf("%s was on %s; the anniversary after %s is the %s (%s), not the %s",
				name(ac), analysis.DateText(anchor.Start.First()), analysis.DateText(ref.First), ordinal(p, right), analysis.DateText(anniv(right)), ordinal(p, n))
		}
	default:
		return "no cue (marks, approaches) and no year to date it"
	}
	if right < 1 {
		return "the date named is before the anchor event: no anniversary to count"
	}
	if ac.LaterOnly && n > right {
		return earlierPhase
	}
	f.Expected = ordinal(p, right) + " anniversary"
	f.Fix = fixOrdinal(p, ac, right)
	p.Report(f)
	return ""
}

// judgeYear judges "entered its Nth year" (an anniversary near the
// clause's time began the year) and "in its Nth year" (the year it is in).
func judgeYear(p *analysis.Pass, ac *analysis.AnniversaryClaim) string {
	anchor, n := ac.Anchor, ac.N
	anniv := func(k int) time.Time { return anchor.Start.First().AddDate(k, 0, 0) }
	f := finding(p, ac)
	// The time of the clause: its days, its year, or publication.
	ref, refText := civil.Span{First: p.Pub, Last: p.Pub}, analysis.DateText(p.Pub)
	switch {
	case ac.On != nil:
		ref, refText = ac.On.Span, analysis.SpanText(ac.On.Span, ac.On.Prec)
	case ac.InYear != nil:
		y := ac.InYear.Year
		ref = civil.Span{First: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Last: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)}
		refText = strconv.Itoa(y)
	case ac.Elsewhen || ac.Mode == "year" && !ac.Present:
		// "Entered" is past but dated by publication; "is in" must be present.
		return "the clause tells of another time than the publication"
	}
	right := 0
	if ac.Mode == "enter" {
		// The year began on an anniversary within the clause's time.
		k := nearestTo(anniv, ref.First)
		if !within(anniv(k), ref, markNear) {
			return "no anniversary falls near the clause's time: when did it enter that year?"
		}
		if k+1 == n {
			return ""
		}
		right = k + 1
		f.Message = fmt.Sprintf("%s was on %s: on %s it entered its %s year, not its %s",
			name(ac), analysis.DateText(anchor.Start.First()), analysis.DateText(anniv(k)), ordinal(p, right), ordinal(p, n))
	} else {
		// In its Nth year: N-1 whole years have passed. Near an anniversary
		// either count may be meant.
		for _, t := range []time.Time{ref.First.AddDate(0, 0, -markNear), ref.Last.AddDate(0, 0, markNear)} {
			if years(anchor.Start.First(), t)+1 == n {
				return ""
			}
		}
		right = years(anchor.Start.First(), ref.Last) + 1
		f.Message = fmt.Sprintf("%s was on %s: on %s it is in its %s year, not its %s",
			name(ac), analysis.DateText(anchor.Start.First()), refText, ordinal(p, right), ordinal(p, n))
	}
	if right < 1 {
		return "the date named is before the anchor event"
	}
	if ac.LaterOnly && n > right {
		return earlierPhase
	}
	f.Expected = ordinal(p, right) + " year"
	f.Fix = fixOrdinal(p, ac, right)
	p.Report(f)
	return ""
}

// judgeElapsed judges "four years after the invasion" at publication: the
// count must be the whole units passed, or the next one when more than
// half of it has passed; "nearly" allows the next one, "more than" any
// fewer.
func judgeElapsed(p *analysis.Pass, ac *analysis.AnniversaryClaim) string {
	from, to := ac.Anchor.Start.First(), p.Pub
	if to.Before(from) {
		return "published before the anchor event"
	}
	k, frac := 0, 0.0
	switch ac.Unit {
	case "year":
		k = years(from, to)
		frac = part(from.AddDate(k, 0, 0), from.AddDate(k+1, 0, 0), to)
	case "month":
		k = months(from, to)
		frac = part(from.AddDate(0, k, 0), from.AddDate(0, k+1, 0), to)
	case "week", "day":
		d := int(to.Sub(from).Hours() / 24)
		k = d
		if ac.Unit == "week" {
			k, frac = d/7, float64(d%7)/7
		}
	default:
		return "an unknown unit of time"
	}
	n := ac.N
	ok := false
	switch ac.Bound {
	case "over":
		ok = n <= k
	case "under", "about":
		ok = n == k || n == k+1
	default:
		ok = n == k || n == k+1 && frac >= 0.5
	}
	if ok {
		return ""
	}
	if ac.LaterOnly && n > k {
		return earlierPhase
	}
	f := finding(p, ac)
	unit := ac.Unit + "s"
	if k == 1 {
		unit = ac.Unit
	}
	f.Message = fmt.Sprintf("%s was on %s: on %s, %s %s have passed, not %s",
		name(ac), analysis.DateText(from), analysis.DateText(to), count(p, k), unit, p.Toks[ac.OrdTok].Norm)
	f.Expected = count(p, k) + " " + unit
	p.Report(f)
	return ""
}

// judgeDate judges a date the text gives for the anchor itself.
func judgeDate(p *analysis.Pass, ac *analysis.AnniversaryClaim) string {
	d, r := ac.Anchor.Start, ac.Resolved
	sp := civil.SpanOf(d)
	claimed := r.Span
	if d.Prec < r.Prec {
		claimed = civil.SpanOf(coarsen(civil.DayOf(claimed.First), d.Prec))
	} else if r.Prec < d.Prec {
		sp = civil.SpanOf(coarsen(d, r.Prec))
	}
	if sp.Overlaps(claimed) {
		return ""
	}
	if ac.LaterOnly && claimed.Last.Before(sp.First) {
		return earlierPhase
	}
	// Years away, the date is another event's that an alias shares ("New
	// START, signed in 2010" for the treaty's expiry; "the invasion in 2014"
	// for Crimea's), not the anchor misdated.
	if y := claimed.First.Year() - d.Y; y > dateYears || y < -dateYears {
		return "the date is years from the anchor's: another event"
	}
	e := ac.Date
	f := finding(p, ac)
	f.Message = fmt.Sprintf("%s was on %s, not %s (%s)", name(ac), d, p.Text(e.Lo, e.Hi), analysis.SpanText(r.Span, r.Prec))
	f.Expected = d.String()
	if e.Form == timex.YearOnly && e.Hi == e.Lo+1 {
		f.Fix = &analysis.Fix{Offset: p.Toks[e.Lo].Start, EndOffset: p.Toks[e.Lo].End, Replacement: strconv.Itoa(d.Y)}
	}
	p.Report(f)
	return ""
}

func finding(p *analysis.Pass, ac *analysis.AnniversaryClaim) analysis.Finding {
	lo, hi := ac.Lo, ac.Hi
	if hi <= lo {
		lo, hi = ac.OrdTok, ac.OrdTok+2
	}
	return analysis.Finding{
		Offset: p.Toks[lo].Start, EndOffset: p.Toks[hi-1].End,
		Evidence: analysis.EvidenceOf(ac.Anchor.ID, ac.Anchor.Pos, ac.Anchor.Sources),
	}
}

func name(ac *analysis.AnniversaryClaim) string {
	if ac.Anchor.Title != "" {
		return ac.Anchor.Title
	}
	return ac.Anchor.ID
}

func ordinal(p *analysis.Pass, n int) string { return p.Lang.OrdinalName(n) }

// count writes a count as the language's number word when it has one
// ("three"), else in digits.
func count(p *analysis.Pass, n int) string {
	best := ""
	for w, v := range p.Lang.Dates.Numbers {
		if v == n && len(w) > 2 && (best == "" || w < best) {
			best = w
		}
	}
	if best != "" {
		return best
	}
	return strconv.Itoa(n)
}

func fixOrdinal(p *analysis.Pass, ac *analysis.AnniversaryClaim, right int) *analysis.Fix {
	t := p.Toks[ac.OrdTok]
	switch {
	case ac.OrdWord && p.Lang.HasOrdinalName(right):
		return &analysis.Fix{Offset: t.Start, EndOffset: t.End, Replacement: matchCase(p.Lang.OrdinalName(right), t)}
	case t.Kind == lex.Ordinal:
		return &analysis.Fix{Offset: t.Start, EndOffset: t.End, Replacement: numericOrdinal(right)}
	}
	return nil
}

// nearestTo returns the k whose anniversary is nearest t.
func nearestTo(anniv func(int) time.Time, t time.Time) int {
	k := max(t.Year()-anniv(0).Year(), 0)
	best := k
	for _, c := range []int{k - 1, k, k + 1} {
		if c >= 0 && abs(anniv(c).Sub(t)) < abs(anniv(best).Sub(t)) {
			best = c
		}
	}
	return best
}

func abs(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// within reports whether day a is within days of span s.
func within(a time.Time, s civil.Span, days int) bool {
	return !a.Before(s.First.AddDate(0, 0, -days)) && !a.After(s.Last.AddDate(0, 0, days))
}

// years counts the whole years from a to b (an anniversary on b counts).
func years(a, b time.Time) int {
	k := b.Year() - a.Year()
	for k > 0 && a.AddDate(k, 0, 0).After(b) {
		k--
	}
	return max(k, 0)
}

func months(a, b time.Time) int {
	k := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	for k > 0 && a.AddDate(0, k, 0).After(b) {
		k--
	}
	return max(k, 0)
}

// part is how far t is from a to b, from 0 to 1.
func part(a, b, t time.Time) float64 {
	if !b.After(a) {
		return 0
	}
	return t.Sub(a).Hours() / b.Sub(a).Hours()
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
