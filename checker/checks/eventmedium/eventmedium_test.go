package eventmedium_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/eventmedium"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestEventMedium runs the annotated articles of testdata/.
func TestEventMedium(t *testing.T) { checktest.Run(t, "testdata", eventmedium.Check) }

// TestEventMediumLedgerFields runs the articles of testdata/fields/, on a ledger
// that uses the fields of time of day, status, several values and ranges.
func TestEventMediumLedgerFields(t *testing.T) {
	checktest.Run(t, "testdata/fields", eventmedium.Check)
}
