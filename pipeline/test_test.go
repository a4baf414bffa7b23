package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

const testRules = `entities:
  - id: putin
    kind: person
    name: Vladimir Putin
    aliases: [Putin]
offices:
  - id: president-ru
    title: President of Russia
    phrasings: [President]
    holders:
      - who: putin
        from: 2012-05-07
`

const testArticle = `---
published: 2025-03-01
---
<!-- want title-at-date "not a former holder" -->
Former President Vladimir Putin spoke.

<!-- want title-at-date "a finding this claimlint does not make" -->
President Vladimir Putin spoke on Friday.

Former President Vladimir Putin spoke again.

<!-- want visit-host "Saturday" -->
Putin went to Beijing in May.
`

// TestTestCounts: Test tells met, missed and unexpected apart, check by
// check, with the positions of each; a rule still to come counts as missed
// under AllowMissed and is an error without it.
func TestTestCounts(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"rules.yaml": testRules, "a.md": testArticle} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rules, err := LoadRules([]string{filepath.Join(dir, "rules.yaml")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(dir, "a.md")

	res, err := Test(TestOptions{Paths: []string{article}, Rules: rules, AllowMissed: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range append(res.Scores, res.Total()) {
		got = append(got, fmt.Sprintf("%s %v %d %d %d %d", s.Rule, s.Known, s.Wants, s.Met, s.Missed, s.Unexpected))
	}
	want := []string{"title-at-date true 2 1 1 1", "visit-host false 1 0 1 0", "total true 3 1 2 1"}
	if !slices.Equal(got, want) {
		t.Errorf("scores:\n got %q\nwant %q", got, want)
	}
	got = nil
	for _, m := range res.Missed {
		got = append(got, fmt.Sprintf("%d:%d %s line %d", m.At, m.Col, m.Rule, m.Line))
	}
	if want := []string{"7:6 title-at-date line 8", "12:6 visit-host line 13"}; !slices.Equal(got, want) {
		t.Errorf("missed: got %q, want %q", got, want)
	}
	if len(res.Unexpected) != 1 || res.Unexpected[0].Line != 10 || res.Unexpected[0].Rule != "title-at-date" {
		t.Errorf("unexpected: got %+v, want one title-at-date finding on line 10", res.Unexpected)
	}
	if len(res.Failures) != 3 || len(res.Errors) != 0 || !res.Failed() || res.Exit() != 1 {
		t.Errorf("allow-missed: %d failures, errors %v, exit %d; want 3 failures, no error, exit 1 (the unexpected finding)", len(res.Failures), res.Errors, res.Exit())
	}

	res, err = Test(TestOptions{Paths: []string{article}, Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	if res.Wants != 2 || len(res.Errors) != 1 || res.Exit() != 2 {
		t.Errorf("strict: %d wants, errors %v, exit %d; want 2 wants, the unknown rule as the one error, exit 2", res.Wants, res.Errors, res.Exit())
	}
}
