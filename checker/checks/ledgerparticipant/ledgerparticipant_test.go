package ledgerparticipant_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/ledgerparticipant"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestLedgerParticipant checks the rule file of testdata/ against its want comments.
func TestLedgerParticipant(t *testing.T) { checktest.RunLedger(t, "testdata", ledgerparticipant.Check) }
