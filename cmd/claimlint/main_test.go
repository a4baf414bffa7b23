package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/claimlint/claimlint/internal/report"
	"github.com/claimlint/claimlint/internal/sarifschema"
)

func TestMain(m *testing.M) {
	// The test binary is claimlint, with a lower spill threshold, for tests
	// that run it as a process and need it to write to disk early.
	if n := os.Getenv("CLAIMLINT_TEST_SPILL_AT"); n != "" {
		spillAt, _ = strconv.Atoi(n)
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"claimlint": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line scripts in testdata/script. Each shows a
// command, its stdout, its stderr and its exact exit status.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", repo)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// sarif-valid FILE validates FILE against the official SARIF 2.1.0
			// schema in ../shared/schemas, or says it cannot.
			"sarif-valid": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: sarif-valid FILE")
				}
				schema := sarifschema.Path(repo)
				if _, err := os.Stat(schema); err != nil {
					ts.Logf("SKIP schema check: the SARIF schema is not at %s", schema)
					return
				}
				data, err := os.ReadFile(ts.MkAbs(args[0]))
				ts.Check(err)
				if err := sarifschema.Validate(schema, data); (err != nil) != neg {
					ts.Fatalf("sarif-valid %s: %v", args[0], err)
				}
			},
			// gzip [-cut N] SRC DST compresses SRC into DST, keeping only its
			// first N bytes with -cut: a download cut short.
			"gzip": func(ts *testscript.TestScript, neg bool, args []string) {
				cut := -1
				if len(args) == 4 && args[0] == "-cut" {
					n, err := strconv.Atoi(args[1])
					ts.Check(err)
					cut, args = n, args[2:]
				}
				if neg || len(args) != 2 {
					ts.Fatalf("usage: gzip [-cut N] SRC DST")
				}
				data, err := os.ReadFile(ts.MkAbs(args[0]))
				ts.Check(err)
				var buf bytes.Buffer
				zw := gzip.NewWriter(&buf)
				_, err = zw.Write(data)
				ts.Check(err)
				ts.Check(zw.Close())
				out := buf.Bytes()
				if cut >= 0 && cut < len(out) {
					out = out[:cut]
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), out, 0o644))
			},
			// exits N CMD ARGS... runs CMD and requires exit status N.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exits: %v", err)
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("exits: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("exit status %d, want %d", got, want)
				}
			},
		},
	})
}

// TestDemoCorpusAnnotations runs `claimlint test` over the demo corpus: every
// want annotation in seeds/ must be met, and nothing else reported.
func TestDemoCorpusAnnotations(t *testing.T) {
	var stdout, stderr strings.Builder
	code := run([]string{"test", "../../seeds"}, strings.NewReader(""), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("claimlint test ../../seeds exited %d:\n%s%s", code, stdout.String(), stderr.String())
	}
	t.Log(stderr.String())
}

// TestConfigSchemaIsFresh: schema/config.schema.json is what `claimlint
// schema config` prints.
func TestConfigSchemaIsFresh(t *testing.T) {
	var stdout, stderr strings.Builder
	if code := run([]string{"schema", "config"}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	committed, err := os.ReadFile("../../schema/config.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if stdout.String() != string(committed) {
		t.Errorf("schema/config.schema.json is stale: go run ./cmd/claimlint schema config > schema/config.schema.json")
	}
}

// TestWorkersGiveTheSameOutput checks the demo corpus's articles repeated
// into hundreds, with one worker and with several, streamed to standard
// output and written as JSON: the same findings, in the same order,
// whatever -j; and the streamed text, whose comparison of the articles goes
// through temporary files past a few hundred statements, says what the
// JSON, compared in memory, says.
func TestWorkersGiveTheSameOutput(t *testing.T) {
	seeds, err := filepath.Glob("../../seeds/*.md")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no demo articles: %v", err)
	}
	n := 600
	defer func(n int) { spillAt = n }(spillAt)
	spillAt = 300
	dir := t.TempDir()
	for i := range n {
		b, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			t.Fatal(err)
		}
		sub := filepath.Join(dir, strconv.Itoa(i%7))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, "a"+strconv.Itoa(i)+".md"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outputs := map[string]string{}
	for _, format := range []string{"text", "json"} {
		for _, j := range []string{"1", "2", "8"} {
			var stdout, stderr strings.Builder
			code := run([]string{"--no-cache", "-j", j, "--format", format, dir}, strings.NewReader(""), &stdout, &stderr)
			if code != 1 {
				t.Fatalf("-j %s --format %s: exit %d, want 1 (findings): %s", j, format, code, stderr.String())
			}
			if !strings.Contains(stdout.String(), "cross-source") {
				t.Fatalf("-j %s --format %s: no cross-source finding in the output", j, format)
			}
			if first, ok := outputs[format]; !ok {
				outputs[format] = stdout.String()
			} else if stdout.String() != first {
				t.Errorf("-j %s --format %s: the output differs from -j 1's", j, format)
			}
		}
	}
	var doc report.Document
	if err := json.Unmarshal([]byte(outputs["json"]), &doc); err != nil {
		t.Fatal(err)
	}
	var fromJSON strings.Builder
	if err := report.Text(&fromJSON, doc.Findings); err != nil {
		t.Fatal(err)
	}
	sorted := func(s string) []string {
		lines := strings.Split(strings.TrimSpace(s), "\n")
		slices.Sort(lines)
		return lines
	}
	if diff := cmp.Diff(sorted(fromJSON.String()), sorted(outputs["text"])); diff != "" {
		t.Errorf("streamed text and JSON disagree (-json +text):\n%s", diff)
	}
}
