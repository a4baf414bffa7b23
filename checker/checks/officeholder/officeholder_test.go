package officeholder_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/officeholder"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestOfficeHolder runs the annotated articles of testdata/.
func TestOfficeHolder(t *testing.T) { checktest.Run(t, "testdata", officeholder.Check) }

// TestOfficeHolderLedgerFields runs the articles of testdata/fields/, on a ledger
// with holders whose start is unknown (in-office-on).
func TestOfficeHolderLedgerFields(t *testing.T) {
	checktest.Run(t, "testdata/fields", officeholder.Check)
}
