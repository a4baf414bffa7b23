package eventmedium_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/eventmedium"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestEventMedium runs the annotated articles of testdata/.
func TestEventMedium(t *testing.T) { checktest.Run(t, "testdata", eventmedium.Check) }
