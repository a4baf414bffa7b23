package eventduration_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/eventduration"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestEventDuration runs the annotated articles of testdata/.
func TestEventDuration(t *testing.T) { checktest.Run(t, "testdata", eventduration.Check) }
