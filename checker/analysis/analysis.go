// Package analysis is the shape of a claimlint check, after go/analysis: a
// check is a value (its id, default severity, documentation and the hooks
// through which the engine hands it what it judges), and it reports
// findings through a Pass, which fills in its rule id and severity.
//
// The engine (package checker) reads an article once: tokens, sentences,
// mentions of the ledger's names, clauses, and the typed claims of this
// package (TitleClaim, EventClaim, TermClaim, AnniversaryClaim). It hands
// each claim to every check that has a hook for its kind, in the order of
// the list of checks (package checks), and records each claim's verdict
// from what the checks reported on it.
package analysis

import (
	"fmt"
	"strings"

	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/timex"

	"go.yaml.in/yaml/v4"
)

// Severity levels, most severe first.
const (
	Error   = "error"
	Warning = "warning"
	Info    = "info"
)

// SeverityRank orders severities: error 3, warning 2, info 1, unknown 0.
func SeverityRank(s string) int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Check is one rule of claimlint. The engine calls each hook that is set
// as it reads an article; a check with no hook is reported by a stage
// around the engine (directives, baselines, the corpus comparison), which
// names the check when it reports.
type Check struct {
	ID       string // stable, kebab-case: what directives, config and output name
	Severity string // the default severity: Error, Warning or Info
	Doc      Doc    // what `claimlint explain` prints and SARIF carries

	// Title judges a title before a name. It returns why it could not
	// judge the claim, or "" when it did (whether or not it reported).
	Title func(*Pass, *TitleClaim) string
	// Event judges an event claim against the ledger event it was matched
	// to (see Match).
	Event func(*Pass, *EventClaim, *Match)
	// Attribute judges what an event claim says of the event it was
	// matched to (its medium, initiator, venue, length): it is called only
	// when the claim has such an event, e.
	Attribute func(p *Pass, ec *EventClaim, e *ledger.Event)
	// Date judges a date written with its weekday ("Tuesday, December
	// 29"), anywhere in the prose; ev is the ledger event the date's claim
	// was matched to, or nil.
	Date func(p *Pass, e timex.Expr, ev *ledger.Event)
	// Term judges a claim that a term of office began or ended on a date;
	// it returns why it could not, or "".
	Term func(*Pass, *TermClaim) string
	// Anniversary judges "the Nth anniversary of" an anchor event; it
	// returns why it could not, or "".
	Anniversary func(*Pass, *AnniversaryClaim) string
	// Article runs once per article, after its claims.
	Article func(*Pass)
	// Ledger checks the rule files themselves (claimlint check --lint-rules).
	Ledger func(*LedgerPass)
}

// Doc documents a check. Each check keeps it in a doc.yaml beside its code.
type Doc struct {
	Title  string `yaml:"title"`  // one line
	Doc    string `yaml:"doc"`    // what it catches and when it stays silent
	Bad    string `yaml:"bad"`    // an example it reports
	Good   string `yaml:"good"`   // the same claim, right
	Fields string `yaml:"fields"` // the ledger fields it reads
}

// MustDoc reads a check's doc.yaml; a malformed one is a programming error
// caught by every test, so it panics.
func MustDoc(id string, data []byte) Doc {
	var d Doc
	if err := yaml.Load(data, &d, yaml.WithKnownFields()); err != nil {
		panic(fmt.Sprintf("check %s: doc.yaml: %v", id, err))
	}
	if strings.TrimSpace(d.Title) == "" || strings.TrimSpace(d.Doc) == "" {
		panic(fmt.Sprintf("check %s: doc.yaml needs a title and a doc", id))
	}
	return d
}
