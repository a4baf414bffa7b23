package baddirective_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/baddirective"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestBadDirective runs the annotated articles of testdata/.
func TestBadDirective(t *testing.T) { checktest.Run(t, "testdata", baddirective.Check) }
