// Package timex finds date expressions in tokens ("on Friday", "January
// 23-24", "last week", "three years ago", "in February 2022") and resolves
// them against an article's publication date, never against today's clock.
//
// Finding and resolving are separate: Find returns expressions with their
// token spans; Resolve needs the publication date and whether the clause
// speaks of the future ("are set to meet on Tuesday").
package timex

import (
	"strconv"
	"time"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/lex"
)

// Form is the shape of a date expression.
type Form int

// Forms of date expression.
const (
	Weekday          Form = iota + 1 // "Friday", "on Monday"
	MonthDay                         // "January 21", "21 January", "January 23-24", with or without a year
	MonthOnly                        // "in May", "February 2022"
	YearOnly                         // "in 2019"
	Today                            // today, tonight, this morning
	Yesterday                        // yesterday
	Tomorrow                         // tomorrow
	LastWeek                         // last week
	ThisWeek                         // this week
	NextWeek                         // next week
	LastMonth                        // last month
	ThisMonth                        // this month
	EarlierThisMonth                 // earlier this month
	ThisYear                         // this year, earlier this year
	LastYear                         // last year
	NextYear                         // next year
	YearsAgo                         // three years ago
)

// Expr is a date expression at tokens [Lo, Hi).
type Expr struct {
	Lo, Hi int
	Form   Form
	Year   int // 0 when not written
	Month  time.Month
	Day    int
	Day2   int // last day of a range such as 23-24, or 0
	Wd     time.Weekday
	N      int // for YearsAgo
	// DayTok is the token to replace in a fix: the weekday, or the day
	// number of a MonthDay. -1 when there is none.
	DayTok int
}

// Resolved is what an expression means on a publication date: days, at
// the precision the expression gives them.
type Resolved = civil.Period

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

// WeekdayName returns the weekday a token names, if any.
func WeekdayName(t lex.Token) (time.Weekday, bool) {
	wd, ok := weekdays[t.Norm]
	return wd, ok && t.Upper
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1,
}

// monthAt returns the month a token names. Short forms and "May", "March"
// count only when capitalized, so the verbs "may" and "march" are not months.
func monthAt(t lex.Token) (time.Month, bool) {
	m, ok := months[t.Norm]
	if !ok || !t.Upper {
		return 0, false
	}
	return m, true
}

func number(t lex.Token, lo, hi int) (int, bool) {
	if t.Kind != lex.Number {
		return 0, false
	}
	n, err := strconv.Atoi(t.Text)
	if err != nil || n < lo || n > hi {
		return 0, false
	}
	return n, true
}

func year(t lex.Token) (int, bool) {
	if len(t.Text) != 4 {
		return 0, false
	}
	return number(t, 1900, 2199)
}

// yearCue words may stand before a bare year: "in 2019", "since 2022".
var yearCue = map[string]bool{"in": true, "since": true, "of": true, "by": true, "until": true,
	"from": true, "before": true, "after": true, "during": true, "early": true, "late": true, "mid": true}

// Find returns the date expressions in toks[lo:hi], left to right.
func Find(toks []lex.Token, lo, hi int) []Expr {
	var out []Expr
	for i := lo; i < hi; {
		if e, ok := at(toks, i, hi); ok {
			out = append(out, e)
			i = e.Hi
			continue
		}
		i++
	}
	return out
}

func is(toks []lex.Token, i, hi int, words ...string) bool {
	return i < hi && toks[i].Is(words...)
}

func at(toks []lex.Token, i, hi int) (Expr, bool) {
	t := toks[i]
	e := Expr{Lo: i, Hi: i + 1, DayTok: -1}
	if m, ok := monthAt(t); ok {
		e.Month = m
		j := i + 1
		if j < hi && toks[j].Text == "." && toks[j].Start == t.End {
			j++ // "Feb."
		}
		if j < hi {
			if d, ok := number(toks[j], 1, 31); ok {
				e.Form, e.Day, e.DayTok, e.Hi = MonthDay, d, j, j+1
				k := j + 1
				if k+1 < hi && (toks[k].Text == "-" || toks[k].Text == "–") {
					if d2, ok := number(toks[k+1], d+1, 31); ok {
						e.Day2, e.Hi, k = d2, k+2, k+2
					}
				} else if k+1 < hi && toks[k].Is("and") {
					if d2, ok := number(toks[k+1], d+1, 31); ok && (k+2 >= hi || !toks[k+2].Upper) {
						e.Day2, e.Hi, k = d2, k+2, k+2
					}
				}
				if k+1 < hi && toks[k].Text == "," {
					if y, ok := year(toks[k+1]); ok {
						e.Year, e.Hi = y, k+2
					}
				} else if k < hi {
					if y, ok := year(toks[k]); ok {
						e.Year, e.Hi = y, k+1
					}
				}
				return e, valid(e)
			}
			if y, ok := year(toks[j]); ok {
				e.Form, e.Year, e.Hi = MonthOnly, y, j+1
				return e, true
			}
		}
		// A month alone must follow a cue: "in May", "since September".
		if i > 0 && (yearCue[toks[i-1].Norm] || toks[i-1].Is("last", "next", "this", "late", "early", "mid")) {
			e.Form = MonthOnly
			return e, true
		}
		return e, false
	}
	if d, ok := number(t, 1, 31); ok && i+1 < hi {
		if m, ok := monthAt(toks[i+1]); ok {
			e.Form, e.Day, e.Month, e.DayTok, e.Hi = MonthDay, d, m, i, i+2
			if i+2 < hi {
				if y, ok := year(toks[i+2]); ok {
					e.Year, e.Hi = y, i+3
				}
			}
			return e, valid(e)
		}
	}
	if wd, ok := WeekdayName(t); ok {
		e.Form, e.Wd, e.DayTok = Weekday, wd, i
		return e, true
	}
	if y, ok := year(t); ok && i > 0 && yearCue[toks[i-1].Norm] {
		e.Form, e.Year = YearOnly, y
		return e, true
	}
	switch t.Norm {
	case "today", "tonight":
		e.Form = Today
		return e, true
	case "yesterday":
		e.Form = Yesterday
		return e, true
	case "tomorrow":
		e.Form = Tomorrow
		return e, true
	case "earlier":
		if is(toks, i+1, hi, "this") && is(toks, i+2, hi, "month") {
			e.Form, e.Hi = EarlierThisMonth, i+3
			return e, true
		}
		if is(toks, i+1, hi, "this") && is(toks, i+2, hi, "year") {
			e.Form, e.Hi = ThisYear, i+3
			return e, true
		}
	case "last", "this", "next":
		if i+1 < hi {
			forms := map[string]map[string]Form{
				"last": {"week": LastWeek, "month": LastMonth, "year": LastYear},
				"this": {"week": ThisWeek, "month": ThisMonth, "year": ThisYear, "morning": Today, "afternoon": Today, "evening": Today},
				"next": {"week": NextWeek, "year": NextYear},
			}
			if f, ok := forms[t.Norm][toks[i+1].Norm]; ok {
				e.Form, e.Hi = f, i+2
				return e, true
			}
		}
	}
	// "three years ago"
	if n, ok := numberWords[t.Norm]; ok || t.Kind == lex.Number {
		if !ok {
			n, ok = number(t, 1, 200)
		}
		if ok && is(toks, i+1, hi, "years", "year") && is(toks, i+2, hi, "ago") {
			e.Form, e.N, e.Hi = YearsAgo, n, i+3
			return e, true
		}
	}
	return e, false
}

func valid(e Expr) bool {
	y := e.Year
	if y == 0 {
		y = 2024 // a leap year, so February 29 is possible
	}
	last := time.Date(y, e.Month+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return e.Day <= last && e.Day2 <= last
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Resolve says what e means in an article published on pub. Expressions
// without a year, and bare weekdays, resolve to the nearest occurrence on or
// before pub, or after it when future is true.
func (e Expr) Resolve(pub time.Time, future bool) Resolved {
	span := func(a, b time.Time, p civil.Precision) Resolved {
		return Resolved{Span: civil.Span{First: a, Last: b}, Prec: p}
	}
	oneDay := func(t time.Time) Resolved { return span(t, t, civil.Day) }
	switch e.Form {
	case Weekday:
		diff := int(pub.Weekday() - e.Wd)
		if future {
			diff = int(e.Wd - pub.Weekday())
			if diff <= 0 {
				diff += 7
			}
			return oneDay(pub.AddDate(0, 0, diff))
		}
		if diff < 0 {
			diff += 7
		}
		return oneDay(pub.AddDate(0, 0, -diff))
	case MonthDay:
		y := e.Year
		if y == 0 {
			y = pub.Year()
			d := day(y, e.Month, e.Day)
			if !future && d.After(pub) {
				y--
			} else if future && d.Before(pub) {
				y++
			}
			// February 29 exists only in leap years: go on to the nearest one.
			for step := 0; step < 8 && day(y, e.Month, e.Day).Month() != e.Month; step++ {
				if future {
					y++
				} else {
					y--
				}
			}
		}
		last := e.Day
		if e.Day2 > 0 {
			last = e.Day2
		}
		return span(day(y, e.Month, e.Day), day(y, e.Month, last), civil.Day)
	case MonthOnly:
		y := e.Year
		if y == 0 {
			y = pub.Year()
			if !future && e.Month > pub.Month() {
				y--
			} else if future && e.Month < pub.Month() {
				y++
			}
		}
		first := day(y, e.Month, 1)
		return span(first, first.AddDate(0, 1, -1), civil.Month)
	case YearOnly:
		return span(day(e.Year, 1, 1), day(e.Year, 12, 31), civil.Year)
	case Today:
		return oneDay(pub)
	case Yesterday:
		return oneDay(pub.AddDate(0, 0, -1))
	case Tomorrow:
		return oneDay(pub.AddDate(0, 0, 1))
	case LastWeek, ThisWeek, NextWeek:
		monday := pub.AddDate(0, 0, -((int(pub.Weekday()) + 6) % 7))
		switch e.Form {
		case LastWeek:
			monday = monday.AddDate(0, 0, -7)
		case NextWeek:
			monday = monday.AddDate(0, 0, 7)
		}
		return span(monday, monday.AddDate(0, 0, 6), civil.Day)
	case LastMonth:
		first := day(pub.Year(), pub.Month()-1, 1)
		return span(first, first.AddDate(0, 1, -1), civil.Month)
	case ThisMonth:
		first := day(pub.Year(), pub.Month(), 1)
		return span(first, first.AddDate(0, 1, -1), civil.Month)
	case EarlierThisMonth:
		return span(day(pub.Year(), pub.Month(), 1), pub, civil.Day)
	case ThisYear:
		return span(day(pub.Year(), 1, 1), day(pub.Year(), 12, 31), civil.Year)
	case LastYear:
		return span(day(pub.Year()-1, 1, 1), day(pub.Year()-1, 12, 31), civil.Year)
	case NextYear:
		return span(day(pub.Year()+1, 1, 1), day(pub.Year()+1, 12, 31), civil.Year)
	case YearsAgo:
		y := pub.Year() - e.N
		return span(day(y, 1, 1), day(y, 12, 31), civil.Year)
	}
	return Resolved{}
}

// Exact reports whether the expression names particular days ("on Friday",
// "February 4") rather than a stretch of time ("last week", "this year").
func (e Expr) Exact() bool {
	switch e.Form {
	case Weekday, MonthDay, Today, Yesterday, Tomorrow:
		return true
	}
	return false
}

// Relative reports whether the expression depends on the publication date.
func (e Expr) Relative() bool {
	switch e.Form {
	case MonthDay, MonthOnly:
		return e.Year == 0
	case YearOnly:
		return false
	}
	return true
}
