package eventdate_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/eventdate"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestEventDate runs the annotated articles of testdata/.
func TestEventDate(t *testing.T) { checktest.Run(t, "testdata", eventdate.Check) }

// TestEventDateLedgerFields runs the articles of testdata/fields/, on a ledger
// that uses the fields of time of day, status, several values and ranges.
func TestEventDateLedgerFields(t *testing.T) { checktest.Run(t, "testdata/fields", eventdate.Check) }
