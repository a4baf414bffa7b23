package checker

import (
	_ "embed"
	"slices"
	"sort"
	"strings"

	"github.com/claimlint/claimlint/checker/checks"
	"github.com/claimlint/claimlint/checker/checks/crosssource"
	"github.com/claimlint/claimlint/checker/lang"
)

// Rule documents one check: its stable id, default severity and what it
// catches. The same text serves `explain`, the README and machine formats.
// It is made from the check's value in checks.All and its doc.yaml.
type Rule struct {
	ID       string
	Severity string
	Title    string // one line
	Doc      string // what it catches and when it stays silent
	Bad      string // an example it reports
	Good     string // the same claim, right
	Fields   string // the ledger fields it reads
}

// CrossSource is the id of the check that compares articles with each
// other (package corpus); its directives are read here.
var CrossSource = crosssource.Check.ID

// Rules lists every check, in the order of checks.All.
var Rules = func() []Rule {
	out := make([]Rule, 0, len(checks.All))
	for _, c := range checks.All {
		d := c.Doc
		out = append(out, Rule{ID: c.ID, Severity: c.Severity, Title: d.Title, Doc: d.Doc, Bad: d.Bad, Good: d.Good, Fields: d.Fields})
	}
	return out
}()

// RuleByID returns the documentation of a rule.
func RuleByID(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// CueWords lists the English words the extractor looks for besides the
// ledger's names: event words, and the words of term and anniversary cues.
// The benchmark harness gives them to ripgrep as patterns.
func CueWords() []string {
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	l := lang.English
	for w := range l.Events {
		add(w)
	}
	for _, c := range append(slices.Clone(l.Terms.Start), l.Terms.End...) {
		add(strings.Join(c, " "))
	}
	for w := range l.Anniversary.Words.All() {
		add(w)
	}
	sort.Strings(out)
	return out
}
