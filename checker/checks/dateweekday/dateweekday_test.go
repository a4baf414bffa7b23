package dateweekday_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/checks/dateweekday"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestDateWeekday runs the annotated articles of testdata/.
func TestDateWeekday(t *testing.T) { checktest.Run(t, "testdata", dateweekday.Check) }

// TestFixWhenTheLedgerHoldsTheDate: the ledger's call is on the date as
// written, so the weekday is what is wrong, and only then is there a fix.
func TestFixWhenTheLedgerHoldsTheDate(t *testing.T) {
	c := checker.New(checktest.Ledger(t, "testdata"))
	for _, tt := range []struct {
		text, fix string
	}{
		{"Example and Sample spoke by phone on Tuesday, December 29.", "Monday"},
		{"The festival opened on Wednesday, December 30.", ""}, // no claim of the ledger's: no fix
	} {
		src := "---\npublished: 2026-01-05\n---\n" + tt.text + "\n"
		a, err := article.Parse("a.md", []byte(src), article.Options{})
		require.NoError(t, err)
		var got []checker.Finding
		for _, f := range c.Check(a) {
			if f.Rule == dateweekday.Check.ID {
				got = append(got, f)
			}
		}
		require.Len(t, got, 1, tt.text)
		if tt.fix == "" {
			assert.Nil(t, got[0].Fix, tt.text)
			continue
		}
		require.NotNil(t, got[0].Fix, tt.text)
		assert.Equal(t, tt.fix, got[0].Fix.Replacement)
		assert.Equal(t, "Tuesday", src[got[0].Fix.Offset:got[0].Fix.EndOffset])
	}
}
