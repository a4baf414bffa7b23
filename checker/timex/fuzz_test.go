package timex

import (
	"testing"
	"time"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/lex"
)

// FuzzFind finds and resolves date expressions in arbitrary text. They lie
// in order inside the tokens, the day to fix lies inside its expression, a
// resolved span never ends before it starts, and a weekday resolves to a day
// of that weekday.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"on Friday", "January 23-24, 2026", "February 4 and 5", "three years ago",
		"in May", "earlier this month", "31 February", "last week and next year", "the 70th day of 2019"} {
		f.Add(s, uint16(2000), false)
	}
	f.Fuzz(func(t *testing.T, text string, day uint16, future bool) {
		pub := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(day)%5000)
		toks := lex.Tokenize([]byte(text), 0, len(text))
		prev := 0
		for _, e := range Find(toks, 0, len(toks)) {
			if e.Lo < prev || e.Lo >= e.Hi || e.Hi > len(toks) {
				t.Fatalf("expression [%d,%d) out of order or range (previous end %d, %d tokens)", e.Lo, e.Hi, prev, len(toks))
			}
			if e.DayTok != -1 && (e.DayTok < e.Lo || e.DayTok >= e.Hi) {
				t.Fatalf("day token %d outside [%d,%d)", e.DayTok, e.Lo, e.Hi)
			}
			prev = e.Hi
			r := e.Resolve(pub, future)
			if r.Span.Last.Before(r.Span.First) {
				t.Fatalf("%q resolves to %v, ending before it starts", text, r.Span)
			}
			if e.Form == Weekday && (r.Span.First.Weekday() != e.Wd || r.Prec != civil.Day) {
				t.Fatalf("%q: weekday %v resolves to %v", text, e.Wd, r.Span.First)
			}
		}
	})
}
