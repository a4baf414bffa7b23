package checker

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"
)

// Rule documents one check: its stable id, default severity and what it
// catches. The same text serves `explain`, the README and machine formats.
type Rule struct {
	ID       string
	Severity string
	Title    string `yaml:"title"`  // one line
	Doc      string `yaml:"doc"`    // what it catches and when it stays silent
	Bad      string `yaml:"bad"`    // an example it reports
	Good     string `yaml:"good"`   // the same claim, right
	Fields   string `yaml:"fields"` // the ledger fields it reads
}

// ruleDoc holds the documentation of every check. It is text, kept in a
// file beside the checks so that examples may name real people without
// putting knowledge of the world into the engine's code.
//
//go:embed ruledoc.yaml
var ruleDoc []byte

// CrossSource is the id of the check that compares articles with each
// other (package corpus); its directives are read here.
const CrossSource = "cross-source"

// Rules lists every check, in the order they are documented.
var Rules = ruleList([]struct{ id, severity string }{
	{"title-at-date", Error},
	{"office-holder", Error},
	{"event-date", Error},
	{"event-medium", Error},
	{"event-initiator", Error},
	{"event-venue", Error},
	{"event-duration", Warning},
	{"ordinal", Error},
	{"event-unknown", Error},
	{"office-term", Error},
	{"anniversary", Error},
	{"wording", Warning},
	{CrossSource, Warning},
	{"missing-date", Info},
	{"bad-directive", Warning},
	{"unused-directive", Warning},
	{"unused-baseline", Info},
	{"ledger-participant", Warning},
	{"ledger-source-date", Warning},
	{"ledger-duplicate-event", Warning},
	{"ledger-alias", Warning},
	{"ledger-phrasing", Warning},
})

func ruleList(ids []struct{ id, severity string }) []Rule {
	var docs map[string]Rule
	if err := yaml.Load(ruleDoc, &docs, yaml.WithKnownFields()); err != nil {
		panic(fmt.Sprintf("checker: ruledoc.yaml: %v", err)) // the embedded file is broken: a build error
	}
	out := make([]Rule, 0, len(ids))
	for _, x := range ids {
		r, ok := docs[x.id]
		if !ok {
			panic("checker: ruledoc.yaml has no entry for " + x.id)
		}
		r.ID, r.Severity = x.id, x.severity
		out = append(out, r)
	}
	return out
}

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
	for w := range cueKinds {
		add(w)
	}
	for _, c := range termCues {
		add(strings.Join(c.words, " "))
	}
	add("anniversary")
	sort.Strings(out)
	return out
}
