package ledgeralias_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/ledgeralias"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestLedgerAlias checks the rule file of testdata/ against its want comments.
func TestLedgerAlias(t *testing.T) { checktest.RunLedger(t, "testdata", ledgeralias.Check) }
