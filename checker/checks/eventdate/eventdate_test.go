package eventdate_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/eventdate"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestEventDate runs the annotated articles of testdata/.
func TestEventDate(t *testing.T) { checktest.Run(t, "testdata", eventdate.Check) }
