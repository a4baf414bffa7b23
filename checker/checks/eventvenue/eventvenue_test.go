package eventvenue_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/eventvenue"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestEventVenue runs the annotated articles of testdata/.
func TestEventVenue(t *testing.T) { checktest.Run(t, "testdata", eventvenue.Check) }
