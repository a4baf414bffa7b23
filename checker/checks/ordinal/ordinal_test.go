package ordinal_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/ordinal"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestOrdinal runs the annotated articles of testdata/.
func TestOrdinal(t *testing.T) { checktest.Run(t, "testdata", ordinal.Check) }

// TestOrdinalVisitors runs testdata/visitors/, whose ledger names who visited
// and holds a cancelled visit.
func TestOrdinalVisitors(t *testing.T) { checktest.Run(t, "testdata/visitors", ordinal.Check) }

// TestOrdinalPlans runs the articles of testdata/plans/: a round named
// while it is still to come.
func TestOrdinalPlans(t *testing.T) { checktest.Run(t, "testdata/plans", ordinal.Check) }
