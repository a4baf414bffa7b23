package pipeline

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/claimlint/claimlint/internal/config"
)

func names(ps []Processor) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name())
	}
	return out
}

// TestProcessorsInOrder: every processor, in the order the findings go
// through them, and only those the options turn on.
func TestProcessorsInOrder(t *testing.T) {
	for _, c := range []struct {
		opt  Options
		want []string
	}{
		{Options{}, []string{"cross-source", "severities"}},
		{Options{Shards: 3}, []string{"severities"}},
		{Options{LintRules: true, NewFromPatch: "p.diff", WriteBaseline: "w.json", Baseline: "b.json", Fix: true, Root: "/"},
			[]string{"cross-source", "ledger-lint", "severities", "changed-lines", "write-baseline", "baseline", "fixes"}},
		{Options{Diff: true, Root: "/"}, []string{"cross-source", "severities", "fixes"}},
	} {
		ps, err := Processors(c.opt)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(ps); !slices.Equal(got, c.want) {
			t.Errorf("Processors(%+v) = %v, want %v", c.opt, got, c.want)
		}
	}
}

// TestStreamsOnlyWhatCanBe: a run streams when every processor can work
// file by file (cross-source and severities can; the others need every
// finding at once), its only outputs are text on standard output, and it
// does not check standard input.
func TestStreamsOnlyWhatCanBe(t *testing.T) {
	for _, c := range []struct {
		opt  Options
		want bool
	}{
		{Options{Outputs: []Output{{Format: "text"}}}, true},
		{Options{Outputs: []Output{{Format: "text"}}, Config: &config.Config{Severity: map[string]string{"cross-source": "off"}}}, true},
		{Options{}, false}, // no output: the findings are returned
		{Options{Outputs: []Output{{Format: "text", Path: "out.txt"}}}, false},
		{Options{Outputs: []Output{{Format: "text"}, {Format: "json"}}}, false},
		{Options{Outputs: []Output{{Format: "text"}}, LintRules: true}, false},
		{Options{Outputs: []Output{{Format: "text"}}, Baseline: "b.json", Root: "/"}, false},
		{Options{Outputs: []Output{{Format: "text"}}, Stdin: &Input{Path: "a.md"}}, false},
	} {
		ps, err := Processors(c.opt)
		if err != nil {
			t.Fatal(err)
		}
		if got := streams(c.opt, ps); got != c.want {
			t.Errorf("%+v (%v): streams %v, want %v", c.opt, names(ps), got, c.want)
		}
	}
}

// TestConfigFormatsAreRelativeToTheConfig: a path in the config's formats:
// is relative to the config file's folder, as every path in it is, not to
// the working directory; one given with --format is the user's own.
func TestConfigFormatsAreRelativeToTheConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := &config.Config{Path: filepath.Join(dir, ".claimlint.yaml"), Dir: dir,
		Formats: []string{"text", "sarif:out/claimlint.sarif", "json:" + filepath.Join(dir, "abs.json")}}
	outs, err := ParseOutputs(nil, cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := []Output{{"text", ""}, {"sarif", filepath.Join(dir, "out", "claimlint.sarif")}, {"json", filepath.Join(dir, "abs.json")}}
	if !slices.Equal(outs, want) {
		t.Errorf("ParseOutputs(config) = %v, want %v", outs, want)
	}
	outs, err = ParseOutputs([]string{"sarif:out/x.sarif"}, cfg)
	if err != nil || !slices.Equal(outs, []Output{{"sarif", "out/x.sarif"}}) {
		t.Errorf("ParseOutputs(flag) = %v, %v; want the path as given", outs, err)
	}
}
