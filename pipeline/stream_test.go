package pipeline

import (
	"bytes"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/internal/report"
	"github.com/claimlint/claimlint/internal/runner"
)

// inventedCorpus writes articles about the invented leaders of the corpus
// tests' ledger, which disagree with it and with each other, and returns
// their folder and the rules.
func inventedCorpus(t *testing.T, n int) (string, *Rules) {
	t.Helper()
	rules, err := LoadRules([]string{"../checker/corpus/testdata/ledger.yaml"}, nil)
	require.NoError(t, err)
	dir := t.TempDir()
	texts := []string{
		"Ada Example called Bo Sample on Tuesday.",
		"Bo Sample called Ada Example on Tuesday. Ada Example and Bo Sample met in Port Ada on April 10.",
		"Ada Example and Bo Sample spoke by video on March 4.",
		"Ada Example and Bo Sample spoke by phone on May 13.",
		"Ada Example and Bo Sample spoke by video on May 13.",
		"Ada Example and Bo Sample met in Belgrove on April 11.",
	}
	for i := range n {
		body := fmt.Sprintf("---\npublished: 2025-05-20\n---\n%s\n", texts[i%len(texts)])
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.md", i)), []byte(body), 0o644))
	}
	return dir, rules
}

// held is what a run that holds its findings writes in a format: the
// findings Run returns when it has no output to write, written whole.
func held(t *testing.T, opt Options, format string) string {
	t.Helper()
	opt.Outputs = nil
	res, err := Run(opt)
	require.NoError(t, err)
	f, ok := report.LookupFormat(format)
	require.True(t, ok)
	var buf bytes.Buffer
	run := &report.Run{Findings: res.Findings, Files: res.Files, Root: opt.Root, Version: Version()}
	for _, e := range res.Errors {
		run.Unchecked = append(run.Unchecked, e.Error())
	}
	require.NoError(t, f.Write(&buf, run))
	return buf.String()
}

// TestStreamedOutputsAreTheHeldOnes: a run that writes its findings as it
// goes writes, in every format that streams and to a file as to standard
// output, what a run that holds them all writes: with the articles
// compared (findings of comparing between the others, and other articles
// as related locations), with the rule files' own findings, with
// severities changed, and with a file that cannot be read.
func TestStreamedOutputsAreTheHeldOnes(t *testing.T) {
	dir, rules := inventedCorpus(t, 14)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.md"), []byte("\xff\xfe not UTF-8"), 0o644))
	t.Chdir(dir)
	cfgs := map[string]*config.Config{
		"default":          nil,
		"cross-source off": {Severity: map[string]string{checker.CrossSource: "off"}},
		"severities":       {Severity: map[string]string{"event-date": checker.Info, "event-venue": "off"}},
	}
	related := false
	for name, cfg := range cfgs {
		for _, lint := range []bool{false, true} {
			for _, f := range report.Formats {
				if f.Stream == nil {
					continue
				}
				opt := Options{Paths: []string{"."}, Rules: rules, Config: cfg, LintRules: lint, Root: dir, Workers: 2}
				want := held(t, opt, f.Name)
				related = related || strings.Contains(want, `"related"`)
				procs, err := Processors(opt)
				require.NoError(t, err)
				for _, out := range []Output{{Format: f.Name}, {Format: f.Name, Path: filepath.Join(t.TempDir(), "out")}} {
					if out.Format == "text" && out.Path == "" {
						continue // streamed as it was, the findings of comparing last
					}
					opt.Outputs = []Output{out}
					require.True(t, streamsSorted(opt, procs, []string{"."}, func() string { return dir }), "%s: streams", f.Name)
					var stdout, stderr bytes.Buffer
					opt.Stdout, opt.Stderr = &stdout, &stderr
					res, err := Run(opt)
					require.NoError(t, err)
					assert.Nil(t, res.Findings, "streamed: no findings held")
					got := stdout.String()
					if out.Path != "" {
						b, err := os.ReadFile(out.Path)
						require.NoError(t, err)
						got = string(b)
					}
					require.Equal(t, want, got, "%s, lint %v: %s to %q", name, lint, f.Name, out.Path)
					assert.Contains(t, stderr.String(), "bad.md")
					assert.Equal(t, 2, res.Exit())
				}
			}
		}
	}
	assert.True(t, related, "some finding lists other articles")
}

// TestStreamedJSONWritesEachFileBeforeTheNextIsChecked: with nothing to
// compare, the JSON output holds a file's findings before the runner has
// checked the file after it; the runner here is the real one, watched.
func TestStreamedJSONWritesEachFileBeforeTheNextIsChecked(t *testing.T) {
	dir, rules := inventedCorpus(t, 6)
	t.Chdir(dir)
	var stdout bytes.Buffer
	checked, seen := 0, 0
	prev := "" // the last file checked with findings
	real := checkInputs
	defer func() { checkInputs = real }()
	checkInputs = func(c *checker.Checker, inputs iter.Seq[runner.Input], opt runner.Options, emit func(runner.Input, runner.Output)) {
		real(c, inputs, opt, func(in runner.Input, out runner.Output) {
			checked++
			if prev != "" {
				assert.Contains(t, stdout.String(), `"path": "`+prev+`"`, "the findings of %s are written before %s is emitted", prev, in.Path)
				seen++
			}
			assert.NotContains(t, stdout.String(), in.Path, "nothing of %s before it is checked", in.Path)
			emit(in, out)
			prev = ""
			if len(out.Findings) > 0 {
				prev = in.Path
			}
		})
	}
	_, err := Run(Options{Paths: []string{"."}, Rules: rules, Root: dir, Outputs: []Output{{Format: "json"}}, Stdout: &stdout,
		Config: &config.Config{Severity: map[string]string{checker.CrossSource: "off"}}})
	require.NoError(t, err)
	assert.Equal(t, 6, checked)
	assert.GreaterOrEqual(t, seen, 2, "files with findings followed by another")
	assert.True(t, strings.HasSuffix(stdout.String(), "}\n"))
}

// TestSARIFStreamsOnlyWithUniquePaths: a SARIF log counts fingerprints per
// relative path, so it streams only when no two paths of the run can be one
// file; the other formats stream whatever the paths.
func TestSARIFStreamsOnlyWithUniquePaths(t *testing.T) {
	wd, err := os.Getwd()
	require.NoError(t, err)
	for _, c := range []struct {
		paths []string
		root  string
		want  bool
	}{
		{[]string{"."}, wd, true},
		{[]string{"a", "b/c.md"}, wd, true},
		{[]string{"/x/a", "/y"}, wd, true},
		{[]string{"a", wd + "/a"}, wd, false},
		{[]string{"../x"}, wd, false},
		{[]string{"a"}, filepath.Join(wd, "sub"), false}, // the working directory outside the root
	} {
		assert.Equal(t, c.want, relPathsUnique(c.paths, c.root), "%v in %s", c.paths, c.root)
		opt := Options{Outputs: []Output{{Format: "sarif"}}, Rules: &Rules{}}
		procs := []Processor{Severities(nil)}
		assert.Equal(t, c.want, streamsSorted(opt, procs, c.paths, func() string { return c.root }), "sarif %v", c.paths)
		opt.Outputs = []Output{{Format: "json"}}
		assert.True(t, streamsSorted(opt, procs, c.paths, func() string { return c.root }), "json %v", c.paths)
	}
	for _, opt := range []Options{
		{Outputs: []Output{{Format: "html"}}},
		{Outputs: []Output{{Format: "json"}}, Baseline: "b.json"},
		{Outputs: []Output{{Format: "json"}}, Shards: 2},
		{Outputs: []Output{{Format: "json"}}, Stdin: &Input{Path: "a.md"}},
		{Outputs: []Output{{Format: "json"}}, Diff: true},
		{},
	} {
		opt.Root = wd
		procs, err := Processors(opt)
		require.NoError(t, err)
		assert.False(t, streamsSorted(opt, procs, []string{"."}, func() string { return wd }), "%+v holds its findings", opt)
	}
}
