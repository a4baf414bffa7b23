// Package checks lists every check of claimlint, in the order they are
// documented and run. Adding a check is a new folder beside this file
// (its code, doc.yaml and tests) and one line here.
package checks

import (
	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/checks/anniversary"
	"github.com/claimlint/claimlint/checker/checks/articlelimit"
	"github.com/claimlint/claimlint/checker/checks/baddirective"
	"github.com/claimlint/claimlint/checker/checks/crosssource"
	"github.com/claimlint/claimlint/checker/checks/dateweekday"
	"github.com/claimlint/claimlint/checker/checks/eventdate"
	"github.com/claimlint/claimlint/checker/checks/eventduration"
	"github.com/claimlint/claimlint/checker/checks/eventinitiator"
	"github.com/claimlint/claimlint/checker/checks/eventmedium"
	"github.com/claimlint/claimlint/checker/checks/eventunknown"
	"github.com/claimlint/claimlint/checker/checks/eventvenue"
	"github.com/claimlint/claimlint/checker/checks/ledgeralias"
	"github.com/claimlint/claimlint/checker/checks/ledgerduplicateevent"
	"github.com/claimlint/claimlint/checker/checks/ledgerparticipant"
	"github.com/claimlint/claimlint/checker/checks/ledgerphrasing"
	"github.com/claimlint/claimlint/checker/checks/ledgersourcedate"
	"github.com/claimlint/claimlint/checker/checks/ledgerunmatchable"
	"github.com/claimlint/claimlint/checker/checks/missingdate"
	"github.com/claimlint/claimlint/checker/checks/officeholder"
	"github.com/claimlint/claimlint/checker/checks/officeterm"
	"github.com/claimlint/claimlint/checker/checks/ordinal"
	"github.com/claimlint/claimlint/checker/checks/titleatdate"
	"github.com/claimlint/claimlint/checker/checks/unusedbaseline"
	"github.com/claimlint/claimlint/checker/checks/unuseddirective"
	"github.com/claimlint/claimlint/checker/checks/wording"
)

// All is every check. The engine hands each claim to the checks with a
// hook for it in this order, so the findings on one claim come in it too.
var All = []*analysis.Check{
	titleatdate.Check,
	officeholder.Check,
	eventdate.Check,
	dateweekday.Check,
	eventmedium.Check,
	eventinitiator.Check,
	eventvenue.Check,
	eventduration.Check,
	ordinal.Check,
	eventunknown.Check,
	officeterm.Check,
	anniversary.Check,
	wording.Check,
	crosssource.Check,
	missingdate.Check,
	articlelimit.Check,
	baddirective.Check,
	unuseddirective.Check,
	unusedbaseline.Check,
	ledgerparticipant.Check,
	ledgersourcedate.Check,
	ledgerduplicateevent.Check,
	ledgeralias.Check,
	ledgerphrasing.Check,
	ledgerunmatchable.Check,
}

// ByID returns the check with that id, or nil.
func ByID(id string) *analysis.Check {
	for _, c := range All {
		if c.ID == id {
			return c
		}
	}
	return nil
}
