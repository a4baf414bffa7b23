package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCompiledLedgerKeepsEveryOutput checks the seeds with the embedded
// rules beside a ledger large enough to be kept compiled: every output
// format is the same byte for byte whether the ledger was loaded or read
// back compiled, and --no-cache neither reads nor writes one.
func TestCompiledLedgerKeepsEveryOutput(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the cache folder is set through XDG_CACHE_HOME")
	}
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	compiled := filepath.Join(cache, "claimlint", "results", "ledger")
	desk := filepath.Join(t.TempDir(), "desk")
	require.NoError(t, os.MkdirAll(desk, 0o755))
	var b strings.Builder
	b.WriteString("entities:\n  - {id: ruritania, kind: country, name: Ruritania, demonyms: [Ruritanian], tz: Europe/Vienna}\n")
	for i := range 9000 {
		fmt.Fprintf(&b, "  - {id: desk-p%d, kind: person, name: Ada Example %d, aliases: [A. Example %d], country: ruritania}\n", i, i, i)
	}
	b.WriteString("events:\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "  - {id: desk-e%d, kind: call, date: 2025-%02d-%02d, participants: [desk-p%d, desk-p%d], medium: phone}\n", i, 1+i%12, 1+i%28, i, i+1)
	}
	require.Greater(t, b.Len(), 1<<20)
	require.NoError(t, os.WriteFile(filepath.Join(desk, "people.yaml"), []byte(b.String()), 0o644))

	check := func(args ...string) (string, int) {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"--rules", "embedded", "--rules", desk}, args...), strings.NewReader(""), &stdout, &stderr)
		return stdout.String() + "\n--- stderr\n" + stderr.String(), code
	}
	formats := []string{"text", "json", "sarif", "rdjsonl", "checkstyle", "github"}
	want := map[string]string{}
	for _, f := range formats {
		out, code := check("--no-cache", "--format", f, "../../seeds")
		require.Equal(t, 1, code, out)
		want[f] = out
	}
	_, err := os.Stat(compiled)
	require.True(t, os.IsNotExist(err), "--no-cache wrote a compiled ledger")

	out, _ := check("--format", "text", "../../seeds") // loads, and writes it compiled
	require.Equal(t, want["text"], out)
	entries, err := os.ReadDir(compiled)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	for _, f := range formats {
		// Without the results of the runs before, so that the articles
		// are checked against the ledger read back.
		results, err := os.ReadDir(filepath.Dir(compiled))
		require.NoError(t, err)
		for _, e := range results {
			if e.Name() != "ledger" {
				require.NoError(t, os.RemoveAll(filepath.Join(filepath.Dir(compiled), e.Name())))
			}
		}
		out, _ := check("--format", f, "../../seeds")
		require.Equal(t, want[f], out, "format %s", f)
	}
}
