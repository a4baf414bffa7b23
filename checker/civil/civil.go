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

// Period is a span of days at the precision an article gives it: a year
// ("in 2019", "last year"), a month ("in May"), or days ("on Friday",
// "January 23-24", "last week"). A year's or a month's span is the whole
// of it. The zero Period is no date.
type Period struct {
	Span Span
	Prec Precision
}

// IsZero reports whether p is no date.
func (p Period) IsZero() bool { return p.Prec == 0 }

// String writes the period at its precision: 2025, 2025-02, 2025-02-24 or
// "2025-02-17 to 2025-02-23"; and "" for no date.
func (p Period) String() string {
	const day = "2006-01-02"
	switch p.Prec {
	case 0:
		return ""
	case Year:
		return p.Span.First.Format("2006")
	case Month:
		return p.Span.First.Format("2006-01")
	}
	if p.Span.First.Equal(p.Span.Last) {
		return p.Span.First.Format(day)
	}
	return p.Span.First.Format(day) + " to " + p.Span.Last.Format(day)
}

// MarshalText writes the period as String does: the JSON of a shard's
// claims shows their dates so.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads what MarshalText wrote, for the JSON claimlint reads
// back (the shards merge combines).
func (p *Period) UnmarshalText(b []byte) error {
	s := string(b)
	if s == "" {
		*p = Period{}
		return nil
	}
	first, last, isRange := strings.Cut(s, " to ")
	a, err := ParseDate(first)
	if err != nil {
		return err
	}
	if !isRange {
		*p = Period{SpanOf(a), a.Prec}
		return nil
	}
	z, err := ParseDate(last)
	if err != nil {
		return err
	}
	if a.Prec != Day || z.Prec != Day || z.First().Before(a.First()) {
		return fmt.Errorf("period %q is not FIRST to LAST, two days in order", s)
	}
	*p = Period{Span{a.First(), z.First()}, Day}
	return nil
}

// SpanOf is the span of days a Date may mean.
func SpanOf(d Date) Span { return Span{d.First(), d.Last()} }

// FormatDay writes a day as "Monday 2025-02-24".
func FormatDay(t time.Time) string {
	return t.Weekday().String() + " " + t.Format("2006-01-02")
}
