package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// commandLines returns the lines of out that a GitHub runner would read as
// workflow commands ("::" after blanks), but for the annotations claimlint
// writes itself (::error file=…, ::warning file=…, ::notice file=…).
func commandLines(out string) []string {
	var bad []string
	own := regexp.MustCompile(`^::(error|warning|notice) file=`)
	for _, line := range strings.Split(out, "\n") {
		l := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(l, "::") && !own.MatchString(l) {
			bad = append(bad, line)
		}
	}
	return bad
}

// TestWorkflowCommandInjection: files named with a newline and
// "::stop-commands::" (and with a terminal escape) start no workflow
// command and carry no raw control character, on standard output or
// error, in the github and text formats, the step summary, merge, and a
// rule file's errors. Issue 16, item 3.
func TestWorkflowCommandInjection(t *testing.T) {
	dir := t.TempDir()
	evil := "a\n::stop-commands::tok\n\x1b[31m.md"
	files := map[string]string{
		"rules.yaml":                    hostileRules,
		evil:                            good,        // a finding
		"b\n::stop-commands::tok2\n.md": "caf\xe9\n", // not UTF-8: an error on stderr
		"::warning::c.md":               good,        // a name that is a command
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Skipf("this file system refuses the name %q (%v): skipping", name, err)
		}
	}
	summary := filepath.Join(dir, "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	check := func(what, out string) {
		t.Helper()
		if bad := commandLines(out); len(bad) > 0 {
			t.Errorf("%s: lines a runner reads as workflow commands: %q\n%s", what, bad, out)
		}
		if strings.ContainsAny(out, "\x1b\r") {
			t.Errorf("%s: a raw control character:\n%q", what, out)
		}
	}
	for _, format := range []string{"github", "text"} {
		code, stdout, stderr := runIn2(t, dir, "--rules", "rules.yaml", "--format", format, "--format", "json:out-"+format+".json", ".")
		if code != 2 {
			t.Errorf("--format %s: exit %d, want 2\nstderr: %s", format, code, stderr)
		}
		check(format+" stdout", stdout)
		check(format+" stderr", stderr)
		if !strings.Contains(stderr, `b\n::stop-commands::tok2\n.md`) {
			t.Errorf("--format %s: stderr does not name the unreadable file, escaped:\n%s", format, stderr)
		}
		if format == "text" && !strings.Contains(stdout, `a\n::stop-commands::tok\n\x1b[31m.md:4:1: error:`) {
			t.Errorf("text: the finding's path is not escaped:\n%s", stdout)
		}
	}
	if b, err := os.ReadFile(summary); err != nil {
		t.Errorf("no step summary: %v", err)
	} else {
		check("step summary", string(b))
	}
	code, stdout, stderr := runIn2(t, dir, "merge", "--format", "github", "out-github.json")
	if code != 2 {
		t.Errorf("merge: exit %d, want 2\nstderr: %s", code, stderr)
	}
	check("merge stdout", stdout)
	check("merge stderr", stderr)

	// A rule file named so, whose errors are a message of several lines.
	rules := filepath.Join(dir, "rules")
	if err := os.Mkdir(rules, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(rules, "r\n::stop-commands::tok3\n.yaml"), []byte("entities:\n  - id: x\n    nick: y\n  - id: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runIn2(t, dir, "--rules", "rules", "--format", "github", "::warning::c.md")
	if code != 2 {
		t.Errorf("bad rule file: exit %d, want 2\nstderr: %s", code, stderr)
	}
	check("rule-file stdout", stdout)
	check("rule-file stderr", stderr)
}
