package officeterm_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/officeterm"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestOfficeTerm runs the annotated articles of testdata/.
func TestOfficeTerm(t *testing.T) { checktest.Run(t, "testdata", officeterm.Check) }

// TestOfficeTermLedgerFields runs the articles of testdata/fields/, on a
// ledger with holders whose start is unknown (in-office-on).
func TestOfficeTermLedgerFields(t *testing.T) { checktest.Run(t, "testdata/fields", officeterm.Check) }
