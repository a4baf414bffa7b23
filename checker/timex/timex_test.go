package timex

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/lex"
)

func d(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestResolve(t *testing.T) {
	tests := []struct {
		text   string
		pub    string
		future bool
		first  string
		last   string
		prec   civil.Precision
	}{
		// 2025-02-24 was a Monday.
		{"on Friday", "2025-02-24", false, "2025-02-21", "2025-02-21", civil.Day},
		{"on Monday", "2025-02-24", false, "2025-02-24", "2025-02-24", civil.Day},
		{"on Tuesday", "2025-02-24", true, "2025-02-25", "2025-02-25", civil.Day},
		{"on Monday", "2025-02-24", true, "2025-02-24", "2025-02-24", civil.Day}, // a future "on Monday" of a Monday is that day
		{"on January 21", "2025-02-24", false, "2025-01-21", "2025-01-21", civil.Day},
		{"on December 30", "2025-02-24", false, "2024-12-30", "2024-12-30", civil.Day},
		{"on March 3", "2025-02-24", true, "2025-03-03", "2025-03-03", civil.Day},
		{"January 23-24", "2026-02-04", false, "2026-01-23", "2026-01-24", civil.Day},
		{"February 4 and 5", "2026-02-04", true, "2026-02-04", "2026-02-05", civil.Day},
		{"on 24 February 2022", "2025-02-24", false, "2022-02-24", "2022-02-24", civil.Day},
		{"on February 24, 2022", "2025-02-24", false, "2022-02-24", "2022-02-24", civil.Day},
		{"in May", "2026-02-05", false, "2025-05-01", "2025-05-31", civil.Month},
		// "last February" written in February is a year ago; written in
		// March, the month before; "in February" in February is this one.
		{"last February", "2025-02-24", false, "2024-02-01", "2024-02-29", civil.Month},
		{"last February", "2025-03-10", false, "2025-02-01", "2025-02-28", civil.Month},
		{"in February", "2025-02-24", false, "2025-02-01", "2025-02-28", civil.Month},
		{"next February", "2025-02-24", true, "2026-02-01", "2026-02-28", civil.Month},
		{"next March", "2025-02-24", true, "2025-03-01", "2025-03-31", civil.Month},
		{"in February 2022", "2025-02-24", false, "2022-02-01", "2022-02-28", civil.Month},
		{"in 2019", "2025-02-24", false, "2019-01-01", "2019-12-31", civil.Year},
		{"last week", "2025-02-24", false, "2025-02-17", "2025-02-23", civil.Day},
		{"earlier this month", "2025-02-24", false, "2025-02-01", "2025-02-24", civil.Day},
		{"this year", "2026-02-04", false, "2026-01-01", "2026-12-31", civil.Year},
		{"three years ago", "2025-02-24", false, "2022-01-01", "2022-12-31", civil.Year},
		{"yesterday", "2025-02-24", false, "2025-02-23", "2025-02-23", civil.Day},
		{"today", "2026-02-04", false, "2026-02-04", "2026-02-04", civil.Day},
		// A weekday beside a date is one expression; the date decides.
		{"on Tuesday, December 29", "2026-01-05", false, "2025-12-29", "2025-12-29", civil.Day},
		{"on Monday December 29, 2025", "2026-01-05", false, "2025-12-29", "2025-12-29", civil.Day},
		{"Wednesday (Sep 3)", "2025-09-05", false, "2025-09-03", "2025-09-03", civil.Day},
		{"on Sunday night (11)", "2025-08-14", false, "2025-08-11", "2025-08-11", civil.Day},
		{"on Friday, 4 July", "2025-07-06", false, "2025-07-04", "2025-07-04", civil.Day},
		// A relative year after a date without its year, and ranges of days.
		{"on May 9 this year", "2025-12-05", false, "2025-05-09", "2025-05-09", civil.Day},
		{"on October 25 last year", "2025-08-31", false, "2024-10-25", "2024-10-25", civil.Day},
		{"in October last year", "2025-08-31", false, "2024-10-01", "2024-10-31", civil.Month},
		{"from May 9 to May 12", "2025-05-20", false, "2025-05-09", "2025-05-12", civil.Day},
		{"May 9 to 12", "2025-05-20", false, "2025-05-09", "2025-05-12", civil.Day},
	}
	for _, tt := range tests {
		toks := lex.Tokenize([]byte(tt.text), 0, len(tt.text))
		es := Find(toks, 0, len(toks))
		require.Len(t, es, 1, tt.text)
		r := es[0].Resolve(d(tt.pub), tt.future)
		assert.Equal(t, d(tt.first), r.Span.First, tt.text)
		assert.Equal(t, d(tt.last), r.Span.Last, tt.text)
		assert.Equal(t, tt.prec, r.Prec, tt.text)
	}
}

// Words that look like dates and are not.
func TestNotDates(t *testing.T) {
	for _, s := range []string{
		"We may meet", "the 70th anniversary", "they march on", "2010 people", "a $1 billion fund",
		"Wednesday's", // a weekday is a date: checked below
	} {
		toks := lex.Tokenize([]byte(s), 0, len(s))
		es := Find(toks, 0, len(toks))
		if s == "Wednesday's" {
			assert.Len(t, es, 1, s)
			continue
		}
		assert.Empty(t, es, s)
	}
}

func TestFixTokenIsTheDay(t *testing.T) {
	s := "on Friday afternoon and on February 4"
	toks := lex.Tokenize([]byte(s), 0, len(s))
	es := Find(toks, 0, len(toks))
	require.Len(t, es, 2)
	assert.Equal(t, "Friday", toks[es[0].DayTok].Text)
	assert.Equal(t, "4", toks[es[1].DayTok].Text)
}

// TestLeapDay: "February 29" with no year, written in a year without one,
// is the nearest leap day, never March 1 (found in review).
func TestLeapDay(t *testing.T) {
	s := "on February 29"
	toks := lex.Tokenize([]byte(s), 0, len(s))
	e := Find(toks, 0, len(toks))[0]
	assert.Equal(t, d("2024-02-29"), e.Resolve(d("2025-06-01"), false).Span.First)
	assert.Equal(t, d("2028-02-29"), e.Resolve(d("2025-06-01"), true).Span.First)
}

// TestWeekdayBesideADate reads the weekday and the date of one expression.
func TestWeekdayBesideADate(t *testing.T) {
	for _, tt := range []struct {
		text  string
		wd    time.Weekday
		day   int
		form  Form
		whole bool // the expression spans the whole text
	}{
		{"Tuesday, December 29", time.Tuesday, 29, MonthDay, true},
		{"Wednesday (Sep 3)", time.Wednesday, 3, MonthDay, true},
		{"Sunday night (11)", time.Sunday, 11, WeekdayDay, true},
		{"Monday evening, March 3", time.Monday, 3, MonthDay, true},
	} {
		toks := lex.Tokenize([]byte(tt.text), 0, len(tt.text))
		es := Find(toks, 0, len(toks))
		require.Len(t, es, 1, tt.text)
		e := es[0]
		assert.True(t, e.HasWd, tt.text)
		assert.Equal(t, tt.wd, e.Wd, tt.text)
		assert.Equal(t, 0, e.WdTok, tt.text)
		assert.Equal(t, tt.day, e.Day, tt.text)
		assert.Equal(t, tt.form, e.Form, tt.text)
		assert.Equal(t, len(toks), e.Hi, tt.text)
	}
	// Not one expression: a weekday and a number that is no date, an
	// unclosed parenthesis, a time of day with no punctuation before the date.
	for _, text := range []string{"on Tuesday, 12 nations met", "Sunday (11 of them", "Sunday night December 29", "Friday (44)"} {
		toks := lex.Tokenize([]byte(text), 0, len(text))
		for _, e := range Find(toks, 0, len(toks)) {
			assert.False(t, e.HasWd, text)
		}
	}
}
