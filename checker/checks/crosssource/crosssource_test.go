package crosssource_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/crosssource"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestCrossSource compares the annotated articles of testdata/ with each
// other.
func TestCrossSource(t *testing.T) { checktest.Run(t, "testdata", crosssource.Check) }
