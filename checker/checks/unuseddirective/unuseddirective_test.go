package unuseddirective_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/unuseddirective"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestUnusedDirective runs the annotated articles of testdata/.
func TestUnusedDirective(t *testing.T) { checktest.Run(t, "testdata", unuseddirective.Check) }
