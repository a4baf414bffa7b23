package ledgerduplicateevent_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/ledgerduplicateevent"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestLedgerDuplicateEvent checks the rule file of testdata/ against its want comments.
func TestLedgerDuplicateEvent(t *testing.T) {
	checktest.RunLedger(t, "testdata", ledgerduplicateevent.Check)
}
