package ledgerunmatchable_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/ledgerunmatchable"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestLedgerUnmatchable checks the rule file of testdata/ against its want comments.
func TestLedgerUnmatchable(t *testing.T) {
	checktest.RunLedger(t, "testdata", ledgerunmatchable.Check)
}
