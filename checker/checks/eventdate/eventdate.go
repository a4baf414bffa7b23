// Package eventdate is the event-date check: a date or weekday that the ledger gives differently.
// doc.yaml beside it is what claimlint explain event-date prints.
package eventdate

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/timex"
)

//go:embed doc.yaml
var doc []byte

// Check is the event-date check.
var Check = &analysis.Check{
	ID:       "event-date",
	Severity: analysis.Error,
	Doc:      analysis.MustDoc("event-date", doc),
	Event:    run,
}

func run(p *analysis.Pass, ec *analysis.EventClaim, m *analysis.Match) {
	// A weekday that does not fit the date beside it is the date-weekday
	// check's finding, which the ledger's date gives its fix.
	if m.WrongDate && !(ec.Date.HasWd && ec.Span.First.Weekday() != ec.Date.Wd) {
		reportDate(p, ec, m.Event)
	}
}

func reportDate(p *analysis.Pass, ec *analysis.EventClaim, e *ledger.Event) {
	d := ec.Date
	found := p.Text(d.Lo, d.Hi)
	f := analysis.Finding{
		Offset: p.Toks[d.Lo].Start, EndOffset: p.Toks[d.Hi-1].End,
		Expected: strings.TrimPrefix(strings.TrimPrefix(analysis.When(e), "on "), "in "),
		Evidence: analysis.EventEvidence(e),
	}
	v := analysis.Verb(e) + " " + analysis.When(e)
	switch ec.Edge {
	case "start":
		v = "began on " + civil.FormatDay(e.Start.First())
	case "end":
		v = "ended on " + civil.FormatDay(e.End.First())
	}
	f.Message = fmt.Sprintf("%s %s, not %s (%s)", p.Label(ec, e), v, found, analysis.SpanText(ec.Span, ec.Prec))
	target := e.Start
	if ec.Edge == "end" {
		target = e.End
	}
	if (e.Start == e.End || ec.Edge != "") && target.Prec == civil.Day && d.DayTok >= 0 {
		t := target.First()
		switch {
		case d.Form == timex.Weekday:
			f.Fix = &analysis.Fix{Offset: p.Toks[d.DayTok].Start, EndOffset: p.Toks[d.DayTok].End, Replacement: t.Weekday().String()}
		case d.Form == timex.MonthDay && d.Day2 == 0 && t.Month() == d.Month && (d.Year == 0 || d.Year == t.Year()):
			f.Fix = &analysis.Fix{Offset: p.Toks[d.DayTok].Start, EndOffset: p.Toks[d.DayTok].End, Replacement: fmt.Sprint(t.Day())}
		}
	}
	p.Report(f)
}
