package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestActionCachesTheBuild: the Action builds claimlint only on a cache
// miss, keyed on its own files and the Go release, and runs the binary the
// cache holds. The key step's script is run here: its key has the right
// form, is the same twice, and changes when a file of the action changes.
func TestActionCachesTheBuild(t *testing.T) {
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Runs struct {
			Steps []struct {
				ID, Name, If, Uses, Run string
				With                    map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	var keyScript, cachePath, cacheKey, buildIf, build, runScript string
	for _, s := range action.Runs.Steps {
		switch {
		case s.ID == "key":
			keyScript = s.Run
		case strings.HasPrefix(s.Uses, "actions/cache@") && s.ID == "cache":
			cachePath, cacheKey = s.With["path"], s.With["key"]
		case s.Name == "Build claimlint":
			buildIf, build = s.If, s.Run
		case s.Name == "Run claimlint":
			runScript = s.Run
		}
	}
	if keyScript == "" || cachePath == "" {
		t.Fatalf("action.yml has no key step (id: key) and actions/cache step (id: cache): every pull request builds claimlint from source")
	}
	if cacheKey != "${{ steps.key.outputs.key }}" {
		t.Errorf("the cache's key is %q, want the key step's output", cacheKey)
	}
	if buildIf != "steps.cache.outputs.cache-hit != 'true'" {
		t.Errorf("the build runs if %q, want only on a cache miss", buildIf)
	}
	if cachePath != "${{ runner.temp }}/claimlint-bin" || !strings.Contains(build, `-o "$RUNNER_TEMP/claimlint-bin/claimlint"`) ||
		!strings.Contains(runScript, `"$RUNNER_TEMP/claimlint-bin/claimlint"`) {
		t.Errorf("the build, the cache and the run do not share one binary: cache %q, build %q", cachePath, build)
	}

	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not installed: the key step runs go env")
	}
	action2 := t.TempDir()
	for _, f := range []string{"go.mod", "main.go"} {
		if err := os.WriteFile(filepath.Join(action2, f), []byte("x "+f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	key := func() string {
		out := filepath.Join(t.TempDir(), "output")
		cmd := exec.Command("bash", "-eo", "pipefail", "-c", keyScript)
		cmd.Dir = action2
		cmd.Env = append(os.Environ(), "GITHUB_OUTPUT="+out, "RUNNER_OS=Linux", "RUNNER_ARCH=X64")
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("the key step: %v\n%s", err, msg)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`^key=claimlint-Linux-X64-[0-9a-f]{32}\n$`).Match(got) {
			t.Fatalf("the key step wrote %q", got)
		}
		return string(got)
	}
	first := key()
	if again := key(); again != first {
		t.Errorf("the key changed with nothing changed: %q, then %q", first, again)
	}
	if err := os.WriteFile(filepath.Join(action2, "main.go"), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if changed := key(); changed == first {
		t.Errorf("the key did not change when a file of the action did: %q", changed)
	}
}
