package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/claimlint/claimlint/internal/sarifschema"
)

func TestMain(m *testing.M) {
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
