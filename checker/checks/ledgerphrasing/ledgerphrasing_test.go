package ledgerphrasing_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/ledgerphrasing"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestLedgerPhrasing checks the rule file of testdata/ against its want comments.
func TestLedgerPhrasing(t *testing.T) { checktest.RunLedger(t, "testdata", ledgerphrasing.Check) }
