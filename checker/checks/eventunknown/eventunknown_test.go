package eventunknown_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/eventunknown"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestEventUnknown runs the annotated articles of testdata/.
func TestEventUnknown(t *testing.T) { checktest.Run(t, "testdata", eventunknown.Check) }
