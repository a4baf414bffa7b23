package wording_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/wording"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestWording runs the annotated articles of testdata/.
func TestWording(t *testing.T) { checktest.Run(t, "testdata", wording.Check) }
