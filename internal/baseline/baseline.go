// Package baseline records the findings a corpus already has, so that old
// findings do not block new work, and reports entries that no longer match
// anything so that the baseline can be pruned.
//
// A baseline is JSON, one entry a line, matched by fingerprint (rule, path
// and the claim's text), never by line number.
package baseline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/checks/unusedbaseline"
	"github.com/claimlint/claimlint/internal/report"
)

// Entry is one recorded finding.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Found       string `json:"found"`
	Message     string `json:"message"`
	line        int    // where the entry stands in the baseline file
}

// Write records findings; root makes paths repository-relative.
func Write(w io.Writer, root string, fs []checker.Finding) error {
	fps := report.Fingerprints(root, fs)
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, `{"version": 1, "entries": [`)
	for i, f := range fs {
		e := Entry{Fingerprint: fps[i], Rule: f.Rule, Path: report.RelPath(root, f.Path), Found: f.Found, Message: f.Message}
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		sep := ","
		if i == len(fs)-1 {
			sep = ""
		}
		fmt.Fprintf(bw, "  %s%s\n", b, sep)
	}
	fmt.Fprintln(bw, "]}")
	return bw.Flush()
}

// Baseline is a loaded baseline file.
type Baseline struct {
	Path    string
	Entries []Entry
}

// Load reads a baseline file, keeping the line of each entry.
func Load(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Version int               `json:"version"`
		Entries []json.RawMessage `json:"entries"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: not a claimlint baseline: %v", path, err)
	}
	if doc.Version != 1 {
		return nil, fmt.Errorf("%s: baseline version %d; this claimlint reads version 1", path, doc.Version)
	}
	b := &Baseline{Path: path}
	from := 0
	for _, raw := range doc.Entries {
		var e Entry
		if err := json.Unmarshal(raw, &e); err != nil || e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: an entry has no fingerprint", path)
		}
		// The entry's line: where its raw text first appears after the last one.
		at := bytes.Index(data[from:], raw)
		if at >= 0 {
			e.line = bytes.Count(data[:from+at], []byte("\n")) + 1
			from += at + len(raw)
		}
		b.Entries = append(b.Entries, e)
	}
	return b, nil
}

// Apply drops findings recorded in the baseline and adds an info finding for
// each entry that matched nothing, at its line in the baseline file.
func (b *Baseline) Apply(root string, fs []checker.Finding) []checker.Finding {
	counts := map[string]int{}
	for _, e := range b.Entries {
		counts[e.Fingerprint]++
	}
	used := map[string]int{}
	var out []checker.Finding
	for i, fp := range report.Fingerprints(root, fs) {
		if used[fp] < counts[fp] {
			used[fp]++
			continue
		}
		out = append(out, fs[i])
	}
	for _, e := range b.Entries {
		if used[e.Fingerprint] > 0 {
			used[e.Fingerprint]--
			continue
		}
		out = append(out, checker.Finding{
			Path: b.Path, Line: max(e.line, 1), Column: 1, EndLine: max(e.line, 1), EndColumn: 1,
			Rule: unusedbaseline.Check.ID, Severity: unusedbaseline.Check.Severity,
			Message: fmt.Sprintf("baseline entry matches no finding any more (%s in %s: %s); remove it",
				e.Rule, e.Path, strings.TrimSpace(e.Found)),
			Found: e.Fingerprint,
		})
	}
	checker.SortFindings(out)
	return out
}
