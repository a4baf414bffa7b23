package eventdate_test

import (
	"testing"

	"github.com/claimlint/claimlint/checker/checks/eventdate"
	"github.com/claimlint/claimlint/checker/checktest"
)

// TestEventDate runs the annotated articles of testdata/.
func TestEventDate(t *testing.T) { checktest.Run(t, "testdata", eventdate.Check) }

// TestEventDateLedgerFields runs the articles of testdata/fields/, on a ledger
// that uses the fields of time of day, status, several values and ranges.
func TestEventDateLedgerFields(t *testing.T) { checktest.Run(t, "testdata/fields", eventdate.Check) }

// TestEventDateWords runs the articles of testdata/words/, whose rule file
// adds an event word of its own to the language.
func TestEventDateWords(t *testing.T) { checktest.Run(t, "testdata/words", eventdate.Check) }

// TestEventDateGathering runs the articles of testdata/gathering/: two
// people who both attend a summit of more, meeting on a day of their own.
func TestEventDateGathering(t *testing.T) {
	checktest.Run(t, "testdata/gathering", eventdate.Check)
}

// TestEventDatePlans runs the articles of testdata/plans/: talks planned
// for one day and held on another, told of before and after.
func TestEventDatePlans(t *testing.T) { checktest.Run(t, "testdata/plans", eventdate.Check) }

// TestEventDateParts runs the articles of testdata/parts/: a part of an
// event (its second day) that begins on one of the event's days.
func TestEventDateParts(t *testing.T) { checktest.Run(t, "testdata/parts", eventdate.Check) }

// TestEventDateVisits runs the articles of testdata/visits/: an arrival
// for talks held on a later day of a visit.
func TestEventDateVisits(t *testing.T) { checktest.Run(t, "testdata/visits", eventdate.Check) }
