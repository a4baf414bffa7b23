package ledgersourcedate_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/ledgersourcedate"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestLedgerSourceDate checks the rule file of testdata/ against its want comments.
func TestLedgerSourceDate(t *testing.T) { checktest.RunLedger(t, "testdata", ledgersourcedate.Check) }
