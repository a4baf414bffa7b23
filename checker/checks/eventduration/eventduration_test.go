package eventduration_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/eventduration"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestEventDuration runs the annotated articles of testdata/.
func TestEventDuration(t *testing.T) { checktest.Run(t, "testdata", eventduration.Check) }

// TestEventDurationLedgerFields runs the articles of testdata/fields/, on a ledger
// that uses the fields of time of day, status, several values and ranges.
func TestEventDurationLedgerFields(t *testing.T) {
	checktest.Run(t, "testdata/fields", eventduration.Check)
}
