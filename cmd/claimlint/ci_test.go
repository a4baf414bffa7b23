package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// ciFuzzTargets reads the fuzz targets .ci/run fuzzes: name → the package
// and the extra flags.
func ciFuzzTargets(t *testing.T) map[string][]string {
	run, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, m := range regexp.MustCompile(`"(Fuzz\w+) (\./[\w/]*)((?: -[\w=.-]+)*)"`).FindAllStringSubmatch(string(run), -1) {
		out[m[1]] = append([]string{m[2]}, strings.Fields(m[3])...)
	}
	return out
}

// TestCIFuzzesEveryTarget: every fuzz target in the repository is in
// .ci/run's list, with its package.
func TestCIFuzzesEveryTarget(t *testing.T) {
	targets := ciFuzzTargets(t)
	decl := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(\w+ \*testing\.F\)`)
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pkg := "./" + filepath.ToSlash(filepath.Dir(strings.TrimPrefix(path, "../../")))
		for _, m := range decl.FindAllStringSubmatch(string(src), -1) {
			if got := targets[m[1]]; len(got) == 0 || got[0] != pkg {
				t.Errorf(".ci/run does not fuzz %s in %s (it has %v)", m[1], pkg, got)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCIFuzzingRunsInputs runs the ledger's fuzz targets as .ci/run does,
// for a few seconds each, and requires thousands of inputs: minimizing
// each new input for Go's default 60 s took the whole time (FuzzLoad ran
// 13 inputs in 45 s), so CI fuzzed nothing.
func TestCIFuzzingRunsInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("fuzzes for seconds; skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	targets := ciFuzzTargets(t)
	execs := regexp.MustCompile(`(?m)^fuzz: elapsed: \S+, execs: (\d+)`)
	baseline := regexp.MustCompile(`gathering baseline coverage: \d+/(\d+) completed`)
	for _, name := range []string{"FuzzLoad", "FuzzDecodeAlike"} {
		flags := targets[name]
		if len(flags) == 0 {
			t.Fatalf(".ci/run does not fuzz %s", name)
		}
		args := append([]string{"test", "-run", "^$", "-fuzz", "^" + name + "$", "-fuzztime", "8s"}, flags[1:]...)
		// A fresh fuzz cache: inputs other runs left in Go's cache would be
		// replayed first and take the seconds this test measures.
		cmd := exec.Command(goBin, append(args, flags[0], "-args", "-test.fuzzcachedir="+t.TempDir())...)
		cmd.Dir = "../.."
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		// execs counts the inputs already kept (in testdata/fuzz), run
		// first for their coverage: what is new comes after.
		n, kept := 0, 0
		for _, m := range execs.FindAllStringSubmatch(string(out), -1) {
			n, _ = strconv.Atoi(m[1])
		}
		if m := baseline.FindStringSubmatch(string(out)); m != nil {
			kept, _ = strconv.Atoi(m[1])
		}
		if n-kept < 1000 {
			t.Errorf("%s ran %d new inputs in 8 s as .ci/run runs it (flags %v), want thousands:\n%s", name, n-kept, flags[1:], out)
		}
	}
}
