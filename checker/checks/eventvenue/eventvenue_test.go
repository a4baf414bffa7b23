package eventvenue_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/eventvenue"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestEventVenue runs the annotated articles of testdata/.
func TestEventVenue(t *testing.T) { checktest.Run(t, "testdata", eventvenue.Check) }

// TestEventVenueGathering runs the articles of testdata/gathering/: two
// people who both attend a summit of more, and a meeting of their own.
func TestEventVenueGathering(t *testing.T) {
	checktest.Run(t, "testdata/gathering", eventvenue.Check)
}

// TestEventVenueCompounds runs the articles of testdata/compounds/: places
// joined by a dash into a compound that names no venue.
func TestEventVenueCompounds(t *testing.T) { checktest.Run(t, "testdata/compounds", eventvenue.Check) }
