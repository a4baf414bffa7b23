package anniversary_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/anniversary"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestAnniversary runs the annotated articles of testdata/.
func TestAnniversary(t *testing.T) { checktest.Run(t, "testdata", anniversary.Check) }
