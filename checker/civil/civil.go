// Package civil holds calendar dates as articles and rule files write them:
// known to a day, a month or a year, with no time of day or zone. It is a
// leaf: reading an article needs dates but not the fact store.
package civil

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a Date is known.
type Precision int

// The precisions a date can have, coarsest first.
const (
	Year Precision = iota + 1
	Month
	Day
)

// Date is a calendar date known to a day, a month or a year. It has no time
// of day and no time zone: it names a civil date as written.
type Date struct {
	Y, M, D int
	Prec    Precision
}

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD and rejects impossible dates
// such as 2025-02-30.
func ParseDate(s string) (Date, error) {
	// The parts between dashes, without allocating: a large ledger has a
	// date or more in every event.
	widths := [3]int{4, 2, 2}
	var nums [3]int
	parts := 0
	for rest, more := s, true; more; parts++ {
		var p string
		p, rest, more = strings.Cut(rest, "-")
		if parts == 3 || len(p) != widths[parts] {
			return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		nums[parts] = n
	}
	d := Date{Y: nums[0], Prec: Precision(parts)}
	if parts > 1 {
		d.M = nums[1]
		if d.M < 1 || d.M > 12 {
			return Date{}, fmt.Errorf("date %q has no month %d", s, d.M)
		}
	}
	if parts > 2 {
		d.D = nums[2]
		if d.D < 1 || d.D > DaysIn(d.Y, time.Month(d.M)) {
			return Date{}, fmt.Errorf("date %q does not exist: %s %d has %d days", s, time.Month(d.M), d.Y, DaysIn(d.Y, time.Month(d.M)))
		}
	}
	return d, nil
}

// DayOf returns the day-precision Date of t's calendar date.
func DayOf(t time.Time) Date {
	return Date{Y: t.Year(), M: int(t.Month()), D: t.Day(), Prec: Day}
}

// DaysIn is the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.Prec == 0 }

// First is the first day the date may mean, at midnight UTC.
func (d Date) First() time.Time {
	switch d.Prec {
	case Year:
		return time.Date(d.Y, 1, 1, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(d.Y, time.Month(d.M), 1, 0, 0, 0, 0, time.UTC)
	default:
		return time.Date(d.Y, time.Month(d.M), d.D, 0, 0, 0, 0, time.UTC)
	}
}

// Last is the last day the date may mean, at midnight UTC.
func (d Date) Last() time.Time {
	switch d.Prec {
	case Year:
		return time.Date(d.Y, 12, 31, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(d.Y, time.Month(d.M)+1, 0, 0, 0, 0, 0, time.UTC)
	default:
		return d.First()
	}
}

// String writes the date as it would be written in a rule file.
func (d Date) String() string {
	switch d.Prec {
	case Year:
		return fmt.Sprintf("%04d", d.Y)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
	}
	return ""
}

// Span is a closed range of days, First through Last, both at midnight UTC.
type Span struct {
	First, Last time.Time
}

// Contains reports whether day t lies in s.
func (s Span) Contains(t time.Time) bool {
	return !t.Before(s.First) && !t.After(s.Last)
}

// Overlaps reports whether s and o share a day.
func (s Span) Overlaps(o Span) bool {
	return !s.Last.Before(o.First) && !o.Last.Before(s.First)
}

// DaysFrom is the number of days between the spans' nearest ends, 0 when
// they overlap.
func (s Span) DaysFrom(o Span) int {
	if s.Overlaps(o) {
		return 0
	}
	if s.Last.Before(o.First) {
		return int(o.First.Sub(s.Last).Hours() / 24)
	}
	return int(s.First.Sub(o.Last).Hours() / 24)
}

// SpanOf is the span of days a Date may mean.
func SpanOf(d Date) Span { return Span{d.First(), d.Last()} }

// FormatDay writes a day as "Monday 2025-02-24".
func FormatDay(t time.Time) string {
	return t.Weekday().String() + " " + t.Format("2006-01-02")
}
