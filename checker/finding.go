package checker

import "github.com/claimlint/claimlint/checker/analysis"

// The findings' types live in package analysis, where the checks make
// them; these names keep the engine's API for the packages around it.
type (
	// Finding is analysis.Finding.
	Finding = analysis.Finding
	// Related is analysis.Related.
	Related = analysis.Related
	// Evidence is analysis.Evidence.
	Evidence = analysis.Evidence
	// Fix is analysis.Fix.
	Fix = analysis.Fix
)

// Severity levels, most severe first.
const (
	Error   = analysis.Error
	Warning = analysis.Warning
	Info    = analysis.Info
)

// SeverityRank orders severities: error 3, warning 2, info 1, unknown 0.
func SeverityRank(s string) int { return analysis.SeverityRank(s) }

// SortFindings orders findings by path, position and rule, so that output is
// the same on every run; equal findings keep their order.
func SortFindings(fs []Finding) { analysis.SortFindings(fs) }

// CompareFindings is the order of SortFindings: path, line, column,
// offset, rule, message.
func CompareFindings(a, b *Finding) int { return analysis.CompareFindings(a, b) }
