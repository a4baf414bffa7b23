// Package dateweekday is the date-weekday check: a weekday that does not fit the date beside it.
// doc.yaml beside it is what claimlint explain date-weekday prints.
package dateweekday

import (
	_ "embed"
	"fmt"
	"strconv"
	"time"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/timex"
)

//go:embed doc.yaml
var doc []byte

// Check is the date-weekday check.
var Check = &analysis.Check{
	ID:       "date-weekday",
	Severity: analysis.Error,
	Doc:      analysis.MustDoc("date-weekday", doc),
	Date:     run,
}

// farAway is how far, in days, a date without a year may lie from the
// publication date in both directions before its year is unclear.
const farAway = 120

func run(p *analysis.Pass, e timex.Expr, ev *ledger.Event) {
	day, ok := dayOf(p, e)
	if !ok || day.Weekday() == e.Wd {
		return
	}
	f := analysis.Finding{
		Offset: p.Toks[e.Lo].Start, EndOffset: p.Toks[e.Hi-1].End,
		Message:  fmt.Sprintf("%s is a %s, not a %s", analysis.DateText(day), day.Weekday(), e.Wd),
		Expected: day.Weekday().String(),
	}
	if ev != nil && ev.Start == ev.End && ev.Start.Prec == civil.Day {
		f.Evidence = analysis.EventEvidence(ev)
		held := ev.Start.First()
		switch {
		case held.Equal(day):
			// The ledger holds the date as written: the weekday is wrong.
			f.Fix = p.Fix(e.WdTok, e.WdTok+1, day.Weekday().String())
		case held.Weekday() == e.Wd && e.Form == timex.MonthDay && held.Month() == e.Month:
			// The ledger holds the weekday as written: the day is wrong.
			f.Message += fmt.Sprintf("; the ledger has %s %s", p.Label(nil, ev), analysis.When(ev))
			f.Expected = strconv.Itoa(held.Day())
			f.Fix = p.Fix(e.DayTok, e.DayTok+1, f.Expected)
		}
	}
	p.Report(f)
}

// dayOf is the day the expression's date names, when it is clear.
func dayOf(p *analysis.Pass, e timex.Expr) (time.Time, bool) {
	switch {
	case e.Form == timex.MonthDay && e.Year != 0:
		return time.Date(e.Year, e.Month, e.Day, 0, 0, 0, 0, time.UTC), true
	case !p.HasPub:
		return time.Time{}, false
	}
	back := e.Resolve(p.Pub, false).Span.First
	ahead := e.Resolve(p.Pub, true).Span.First
	if back.IsZero() || ahead.IsZero() {
		return time.Time{}, false
	}
	db, da := int(p.Pub.Sub(back).Hours()/24), int(ahead.Sub(p.Pub).Hours()/24)
	switch {
	case db > farAway && da > farAway:
		return time.Time{}, false
	case db <= da:
		return back, true
	}
	return ahead, true
}
