package civil

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDate(t *testing.T) {
	good := map[string]Date{
		"2025":       {Y: 2025, Prec: Year},
		"2025-02":    {Y: 2025, M: 2, Prec: Month},
		"2024-02-29": {2024, 2, 29, Day},
	}
	for s, want := range good {
		got, err := ParseDate(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
		assert.Equal(t, s, got.String())
	}
	for _, s := range []string{"2025-02-29", "2025-13", "25-02-24", "2025-2-4", "", "2025-02-24T10:00"} {
		_, err := ParseDate(s)
		assert.Error(t, err, s)
	}
}

// TestPeriodText: a period is written at its precision, and what is
// written reads back to the same period.
func TestPeriodText(t *testing.T) {
	day := func(y, m, d int) Date { return Date{y, m, d, Day} }
	for want, p := range map[string]Period{
		"":                         {},
		"2025":                     {SpanOf(Date{Y: 2025, Prec: Year}), Year},
		"2025-02":                  {SpanOf(Date{Y: 2025, M: 2, Prec: Month}), Month},
		"2025-02-24":               {SpanOf(day(2025, 2, 24)), Day},
		"2025-02-17 to 2025-02-23": {Span{day(2025, 2, 17).First(), day(2025, 2, 23).First()}, Day},
	} {
		assert.Equal(t, want, p.String())
		b, err := p.MarshalText()
		require.NoError(t, err)
		var back Period
		require.NoError(t, back.UnmarshalText(b), want)
		assert.Equal(t, p, back, want)
		assert.Equal(t, want == "", p.IsZero())
	}
	for _, s := range []string{"2025-02-30", "2025 to 2026", "2025-02-24 to 2025-02-17", "2025-02-24 to", "soon"} {
		var p Period
		assert.Error(t, p.UnmarshalText([]byte(s)), s)
	}
}
