// Package anniversary is the anniversary check: the Nth anniversary, miscounted.
// doc.yaml beside it is what claimlint explain anniversary prints.
package anniversary

import (
	_ "embed"
	"fmt"
	"time"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/lex"
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

// run judges an anniversary claim; it returns why it could
// not, or "".
func run(p *analysis.Pass, ac *analysis.AnniversaryClaim) string {
	anchor, ordTok, n := ac.Anchor, ac.OrdTok, ac.N
	anniv := func(k int) time.Time { return anchor.Start.First().AddDate(k, 0, 0) }
	inYear, mode := ac.InYear, ac.Mode
	name := anchor.Title
	if name == "" {
		name = anchor.ID
	}
	f := analysis.Finding{
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
			name, analysis.DateText(anchor.Start.First()), inYear.Year, p.Lang.OrdinalName(right), p.Lang.OrdinalName(n))
	case mode == "mark":
		if near(anniv(n), p.Pub, 7) {
			return ""
		}
		right = p.Pub.Year() - anchor.Start.Y
		if !near(anniv(right), p.Pub, 7) {
			return "the publication date is not near any anniversary: the sentence may mean another day"
		}
		f.Message = fmt.Sprintf("%s was on %s; on %s it is the %s anniversary, not the %s",
			name, analysis.DateText(anchor.Start.First()), analysis.DateText(p.Pub), p.Lang.OrdinalName(right), p.Lang.OrdinalName(n))
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
			name, analysis.DateText(anchor.Start.First()), analysis.DateText(p.Pub), p.Lang.OrdinalName(right), analysis.DateText(anniv(right)), p.Lang.OrdinalName(n))
	default:
		return "no cue (marks, approaches) and no year to date it"
	}
	if right < 1 {
		return "the date named is before the anchor event: no anniversary to count"
	}
	f.Expected = p.Lang.OrdinalName(right) + " anniversary"
	if ac.OrdWord && p.Lang.HasOrdinalName(right) {
		f.Fix = &analysis.Fix{Offset: p.Toks[ordTok].Start, EndOffset: p.Toks[ordTok].End, Replacement: matchCase(p.Lang.OrdinalName(right), p.Toks[ordTok])}
	} else if p.Toks[ordTok].Kind == lex.Ordinal {
		f.Fix = &analysis.Fix{Offset: p.Toks[ordTok].Start, EndOffset: p.Toks[ordTok].End, Replacement: numericOrdinal(right)}
	}
	p.Report(f)
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
