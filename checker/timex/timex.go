// Package timex finds date expressions in tokens ("on Friday", "January
// 23-24", "last week", "three years ago", "in February 2022") and resolves
// them against an article's publication date, never against today's clock.
//
// Finding and resolving are separate: Find returns expressions with their
// token spans; Resolve needs the publication date and whether the clause
// speaks of the future ("are set to meet on Tuesday").
package timex

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/lang"
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
	WeekdayDay                       // "Sunday (11)": a weekday and its day of the month
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
	// HasWd is set when a weekday stands beside the date ("Tuesday,
	// December 29", "Wednesday (Sep 3)", "Sunday night (11)"): Wd is that
	// weekday and WdTok its token. The date, not the weekday, is what the
	// expression resolves to; a weekday that does not fit it is a finding of
	// its own (the date-weekday check).
	HasWd bool
	WdTok int
	// HasYearRel is set when a relative year follows the date ("May 9 this
	// year", "October last year"): YearRel is that year's distance from
	// the publication year (-1, 0, +1).
	HasYearRel bool
	YearRel    int
	// Step is -1 for a month alone after "last", +1 after "next": the
	// month before (after) the month of publication, never that month.
	Step int
}

// Resolved is what an expression means on a publication date: days, at
// the precision the expression gives them.
type Resolved = civil.Period

// months are the language's month names and their short forms.
var months = func() map[string]time.Month {
	out := maps.Clone(lang.English.Dates.Months)
	maps.Copy(out, lang.English.Dates.MonthAbbreviations)
	return out
}()

// IsMonthName reports whether a token is the full name of a month, in any
// case.
func IsMonthName(t lex.Token) bool {
	_, ok := lang.English.Dates.Months[t.Norm]
	return ok
}

var weekdays = lang.English.Dates.Weekdays

// WeekdayName returns the weekday a token names, if any.
func WeekdayName(t lex.Token) (time.Weekday, bool) {
	if !t.Upper {
		return 0, false // a weekday is capitalized: skip the lookup for most words
	}
	wd, ok := weekdays[t.Norm]
	return wd, ok
}

var numberWords = lang.English.Dates.Numbers

// monthAt returns the month a token names. Short forms and "May", "March"
// count only when capitalized, so the verbs "may" and "march" are not months.
func monthAt(t lex.Token) (time.Month, bool) {
	if !t.Upper {
		return 0, false // a month is capitalized: skip the lookup for most words
	}
	m, ok := months[t.Norm]
	return m, ok
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
var yearCue = lang.English.Dates.YearCues

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

// words are the language's words of dates.
var words = &lang.English.Dates

// formNames name the forms of date in the language file's relative phrases.
var formNames = map[string]Form{
	"today": Today, "yesterday": Yesterday, "tomorrow": Tomorrow,
	"last-week": LastWeek, "this-week": ThisWeek, "next-week": NextWeek,
	"last-month": LastMonth, "this-month": ThisMonth, "earlier-this-month": EarlierThisMonth,
	"last-year": LastYear, "this-year": ThisYear, "next-year": NextYear,
}

type relPhrase struct {
	words []string
	form  Form
}

// relatives are the language's relative phrases by first word, longest
// first.
var relatives = func() map[string][]relPhrase {
	out := map[string][]relPhrase{}
	for p, name := range words.Relative {
		f, ok := formNames[name]
		if !ok {
			panic(fmt.Sprintf("timex: the language file names an unknown form of date %q for %q", name, p))
		}
		ws := strings.Fields(p)
		out[ws[0]] = append(out[ws[0]], relPhrase{ws, f})
	}
	for _, ps := range out {
		sort.Slice(ps, func(i, j int) bool {
			if len(ps[i].words) != len(ps[j].words) {
				return len(ps[i].words) > len(ps[j].words)
			}
			return strings.Join(ps[i].words, " ") < strings.Join(ps[j].words, " ")
		})
	}
	return out
}()

// relativeAt matches a relative phrase at token i ("last week"): its length
// in tokens and its form, or 0.
func relativeAt(toks []lex.Token, i, hi int) (int, Form) {
	for _, p := range relatives[toks[i].Norm] {
		if i+len(p.words) > hi {
			continue
		}
		ok := true
		for k, w := range p.words[1:] {
			if toks[i+1+k].Norm != w {
				ok = false
				break
			}
		}
		if ok {
			return len(p.words), p.form
		}
	}
	return 0, 0
}

// starts are the words a date may begin with: months, weekdays, the first
// words of relative dates and number words. A date that begins with any
// other token begins with a number.
var starts = func() lang.Set {
	var ws []string
	ws = slices.AppendSeq(ws, maps.Keys(months))
	ws = slices.AppendSeq(ws, maps.Keys(weekdays))
	ws = slices.AppendSeq(ws, maps.Keys(relatives))
	ws = slices.AppendSeq(ws, maps.Keys(numberWords))
	return lang.NewSet(ws...)
}()

func at(toks []lex.Token, i, hi int) (Expr, bool) {
	t := toks[i]
	e := Expr{Lo: i, Hi: i + 1, DayTok: -1}
	if t.Kind != lex.Number && !t.In(starts) {
		return e, false // most tokens: no lookup by string
	}
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
				} else if k+1 < hi && toks[k].In(words.And) {
					if d2, ok := number(toks[k+1], d+1, 31); ok && (k+2 >= hi || !toks[k+2].Upper) {
						e.Day2, e.Hi, k = d2, k+2, k+2
					}
				}
				// "May 9 to 12", "May 9 to May 12", "from May 9 until 12"
				if e.Day2 == 0 && k+1 < hi && toks[k].In(words.RangeTo) {
					j2 := k + 1
					if m2, ok := monthAt(toks[j2]); ok && m2 == m && j2+1 < hi {
						j2++
					}
					if d2, ok := number(toks[j2], d+1, 31); ok {
						e.Day2, e.Hi, k = d2, j2+1, j2+1
					}
				}
				if k+1 < hi && toks[k].Text == "," {
					if y, ok := year(toks[k+1]); ok {
						e.Year, e.Hi = y, k+2
					}
				} else if k < hi {
					if y, ok := year(toks[k]); ok {
						e.Year, e.Hi = y, k+1
					} else {
						relYear(&e, toks, k, hi)
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
		if i > 0 && (toks[i-1].In(yearCue) || toks[i-1].In(words.MonthPrefix)) {
			e.Form = MonthOnly
			switch {
			case toks[i-1].In(words.MonthLast):
				e.Step = -1
			case toks[i-1].In(words.MonthNext):
				e.Step = 1
			}
			relYear(&e, toks, j, hi) // "in October last year"
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
		if d, ok := datedWeekday(toks, i, hi, wd); ok {
			return d, true
		}
		e.Form, e.Wd, e.DayTok = Weekday, wd, i
		return e, true
	}
	if y, ok := year(t); ok && i > 0 && toks[i-1].In(yearCue) {
		e.Form, e.Year = YearOnly, y
		return e, true
	}
	if n, f := relativeAt(toks, i, hi); n > 0 {
		e.Form, e.Hi = f, i+n
		return e, true
	}
	// "three years ago"
	if n, ok := numberWords[t.Norm]; ok || t.Kind == lex.Number {
		if !ok {
			n, ok = number(t, 1, 200)
		}
		if ok && i+2 < hi && toks[i+1].In(words.YearsAgo) && toks[i+2].In(words.Ago) {
			e.Form, e.N, e.Hi = YearsAgo, n, i+3
			return e, true
		}
	}
	return e, false
}

// relYear reads a relative year at token k, after a date without its
// year: "May 9 this year", "October last year".
func relYear(e *Expr, toks []lex.Token, k, hi int) {
	if k >= hi {
		return
	}
	n, f := relativeAt(toks, k, hi)
	rel, ok := map[Form]int{LastYear: -1, ThisYear: 0, NextYear: 1}[f]
	if n == 0 || !ok {
		return
	}
	e.HasYearRel, e.YearRel, e.Hi = true, rel, k+n
}

// datedWeekday reads a date written beside the weekday at token i, as one
// expression: "Tuesday, December 29", "Tuesday Dec. 29, 2025", "Wednesday
// (Sep 3)", "Sunday night (11)". Words of the time of day may stand between
// ("Sunday night"); a date in parentheses must close them.
func datedWeekday(toks []lex.Token, i, hi int, wd time.Weekday) (Expr, bool) {
	j := i + 1
	for j < hi && toks[j].In(words.Dayparts) {
		j++
	}
	if j >= hi {
		return Expr{}, false
	}
	paren := false
	switch toks[j].Text {
	case ",":
		j++
	case "(":
		paren = true
		j++
	default:
		if j > i+1 {
			return Expr{}, false // "Sunday night December 29": no
		}
	}
	if j >= hi {
		return Expr{}, false
	}
	closeParen := func(end int) (int, bool) {
		if !paren {
			return end, true
		}
		if end < hi && toks[end].Text == ")" {
			return end + 1, true
		}
		return 0, false
	}
	if d, ok := at(toks, j, hi); ok && d.Form == MonthDay && d.Day2 == 0 && d.Lo == j {
		end, ok := closeParen(d.Hi)
		if !ok {
			return Expr{}, false
		}
		d.Lo, d.Hi, d.Wd, d.HasWd, d.WdTok = i, end, wd, true, i
		return d, true
	}
	if paren {
		if n, ok := number(toks[j], 1, 31); ok {
			if end, ok := closeParen(j + 1); ok {
				return Expr{Lo: i, Hi: end, Form: WeekdayDay, Day: n, Wd: wd, DayTok: j, HasWd: true, WdTok: i}, true
			}
		}
	}
	return Expr{}, false
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
			// "will meet on Friday" in an article of a Friday is that day.
			diff = int(e.Wd - pub.Weekday())
			if diff < 0 {
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
		if e.HasYearRel {
			y = pub.Year() + e.YearRel
		}
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
		if e.HasYearRel {
			y = pub.Year() + e.YearRel
		}
		if y == 0 {
			y = pub.Year()
			switch {
			case e.Step < 0 && e.Month >= pub.Month(), e.Step == 0 && !future && e.Month > pub.Month():
				y--
			case e.Step > 0 && e.Month <= pub.Month(), e.Step == 0 && future && e.Month < pub.Month():
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
	case WeekdayDay:
		// The nearest day of that number, back from publication (forward
		// for a future claim).
		step := -1
		if future {
			step = 1
		}
		for k := 0; k <= 31; k++ {
			if d := pub.AddDate(0, 0, k*step); d.Day() == e.Day {
				return oneDay(d)
			}
		}
	}
	return Resolved{}
}

// Exact reports whether the expression names particular days ("on Friday",
// "February 4") rather than a stretch of time ("last week", "this year").
func (e Expr) Exact() bool {
	switch e.Form {
	case Weekday, MonthDay, WeekdayDay, Today, Yesterday, Tomorrow:
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
