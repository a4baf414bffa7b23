package titleatdate_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/titleatdate"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestTitleAtDate runs the annotated articles of testdata/.
func TestTitleAtDate(t *testing.T) { checktest.Run(t, "testdata", titleatdate.Check) }

// TestTitleAtDateLedgerFields runs the articles of testdata/fields/, on a ledger
// with holders whose start is unknown (in-office-on).
func TestTitleAtDateLedgerFields(t *testing.T) {
	checktest.Run(t, "testdata/fields", titleatdate.Check)
}
