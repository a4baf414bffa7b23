package checker

import (
	"fmt"
	"strings"

	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/ledger"
)

// SpecFailure is a rule-file test that did not hold.
type SpecFailure struct {
	Pos ledger.Pos
	Msg string
}

func (f SpecFailure) String() string { return f.Pos.String() + ": " + f.Msg }

// RunSpecs runs the tests: entries of the ledger's rule files. Each snippet
// is checked as a Markdown article published on its date; every expected
// finding must appear (rule and message pattern), and nothing else may.
func (c *Checker) RunSpecs() []SpecFailure {
	var fails []SpecFailure
	for _, sp := range c.L.Tests {
		name := sp.Name
		if name == "" {
			name = strings.Join(strings.Fields(sp.Text), " ")
			if len(name) > 60 {
				name = name[:57] + "…"
			}
		}
		fail := func(p ledger.Pos, format string, args ...any) {
			fails = append(fails, SpecFailure{p, fmt.Sprintf("test %q: ", name) + fmt.Sprintf(format, args...)})
		}
		ok := true
		for _, w := range sp.Want {
			if _, known := RuleByID(w.Rule); !known {
				fail(w.Pos, "unknown rule %q (claimlint rules lists them)", w.Rule)
				ok = false
			}
		}
		if !ok {
			continue
		}
		a, err := article.Parse(sp.Pos.File+".test.md", []byte(sp.Text), article.Options{Published: sp.Published})
		if err != nil {
			fail(sp.Pos, "the text cannot be read: %v", err)
			continue
		}
		found := c.Check(a)
		used := make([]bool, len(found))
		for _, w := range sp.Want {
			matched := false
			for i, f := range found {
				if !used[i] && f.Rule == w.Rule && w.Message.MatchString(f.Message) {
					used[i], matched = true, true
					break
				}
			}
			if !matched {
				fail(w.Pos, "no %s finding matching %q", w.Rule, w.Message)
			}
		}
		for i, f := range found {
			if !used[i] {
				fail(sp.Pos, "unexpected finding: %s [%s]", f.Message, f.Rule)
			}
		}
	}
	return fails
}
