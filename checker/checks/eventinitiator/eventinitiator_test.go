package eventinitiator_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/eventinitiator"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestEventInitiator runs the annotated articles of testdata/.
func TestEventInitiator(t *testing.T) { checktest.Run(t, "testdata", eventinitiator.Check) }
