// Package report writes findings in the formats users read or feed to other
// tools: text, one finding per line, and JSON.
package report

import (
	"fmt"
	"io"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/corpus"
)

// Summary counts findings by severity and rule.
type Summary struct {
	Files    int            `json:"files"`
	Findings int            `json:"findings"`
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Infos    int            `json:"infos"`
	ByRule   map[string]int `json:"byRule"`
}

// Summarize counts findings.
func Summarize(files int, fs []checker.Finding) Summary {
	s := Summary{Files: files, ByRule: map[string]int{}}
	for _, f := range fs {
		s.Add(f)
	}
	return s
}

// Add counts one finding.
func (s *Summary) Add(f checker.Finding) {
	s.Findings++
	switch f.Severity {
	case checker.Error:
		s.Errors++
	case checker.Warning:
		s.Warnings++
	default:
		s.Infos++
	}
	if s.ByRule == nil {
		s.ByRule = map[string]int{}
	}
	s.ByRule[f.Rule]++
}

// Line is the one-line summary claimlint writes to standard error.
func (s Summary) Line() string {
	return fmt.Sprintf("%d %s checked: %d %s, %d %s, %d info", s.Files, plural(s.Files, "file", "files"),
		s.Errors, plural(s.Errors, "error", "errors"), s.Warnings, plural(s.Warnings, "warning", "warnings"), s.Infos)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Text writes path:line:col: severity: message [rule], one finding a line.
func Text(w io.Writer, fs []checker.Finding) error {
	for _, f := range fs {
		// Paths and messages are escaped (CleanLine), and a path that
		// would start a GitHub workflow command is written as ./PATH.
		path := CleanLine(f.Path)
		if commandStart(path) {
			path = "./" + path
		}
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", path, f.Line, f.Column, f.Severity, CleanLine(f.Message), f.Rule); err != nil {
			return err
		}
	}
	return nil
}

// JSON writes {"findings":[…],"summary":{…}}, and "claims" when there are
// some (the event statements of a shard, for merge). encoding/json writes map
// keys sorted, so the output is the same on every run.
func JSON(w io.Writer, r *Run) error { return writeAll(newJSONStream)(w, r) }

// Document is the JSON format's document.
type Document struct {
	Findings []checker.Finding `json:"findings"`
	Summary  Summary           `json:"summary"`
	// Unchecked says why each file that could not be checked was not (a
	// shard's unreadable files, for merge); absent when there are none.
	Unchecked []string      `json:"unchecked,omitempty"`
	Stmts     []corpus.Stmt `json:"claims,omitempty"`
	Rules     string        `json:"rules,omitempty"` // with claims: the rules' hash
}
