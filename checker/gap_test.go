package checker

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/ledger"
)

// TestNoGapBetweenDateAndUnknown: a covered pair's call claimed on a day
// the ledger holds no call is reported by event-date (a call near it) or by
// event-unknown (none near it), whatever the distance and the noun: the gap
// between the two checks is closed (issue 15, section 3).
func TestNoGapBetweenDateAndUnknown(t *testing.T) {
	l, err := ledger.Load([]ledger.File{{Name: "l.yaml", Data: []byte(`
entities:
  - {id: ruritania, kind: country, name: Ruritania}
  - {id: ada, kind: person, name: Ada Example, short: Example, aliases: [Example], country: ruritania}
  - {id: bo, kind: person, name: Bo Sample, short: Sample, aliases: [Sample], country: ruritania}
events:
  - {id: call-1, kind: call, date: 2025-03-04, participants: [ada, bo], medium: phone, sources: [{outlet: t}]}
coverage:
  - {kinds: [call], participants: [ada, bo], from: 2025-01-01, to: 2025-12-31}
`)}})
	require.NoError(t, err)
	c := New(l)
	held := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	for _, form := range []string{
		"Example and Sample spoke by phone on %s.",
		"Example and Sample held a phone conversation on %s.",
		"Example called Sample on %s.",
		"Example and Sample held a telephone call on %s.",
	} {
		for days := 4; days <= 40; days++ {
			day := held.AddDate(0, 0, days)
			text := fmt.Sprintf(form, day.Format("January 2"))
			src := "---\npublished: " + day.AddDate(0, 0, 1).Format("2006-01-02") + "\n---\n" + text + "\n"
			a, err := article.Parse("a.md", []byte(src), article.Options{})
			require.NoError(t, err)
			found := false
			for _, f := range c.Check(a) {
				if f.Rule == "event-date" || f.Rule == "event-unknown" {
					found = true
				}
			}
			if !found {
				t.Errorf("%d days after the call: neither event-date nor event-unknown on %q", days, text)
			}
		}
	}
}
