package checker_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/internal/fix"
	"github.com/claimlint/claimlint/pipeline"
)

var update = flag.Bool("update", false, "rewrite testdata/seeds.golden (then read every line before committing it)")

// TestDemoCorpusGolden checks the demo corpus with the embedded rules, as
// claimlint check does (the pipeline, articles compared with each other),
// and compares the text output with testdata/seeds.golden, a file read and
// judged line by line.
func TestDemoCorpusGolden(t *testing.T) {
	golden, err := filepath.Abs(filepath.Join("testdata", "seeds.golden"))
	require.NoError(t, err)
	t.Chdir("..") // the articles are reported as seeds/…
	var got bytes.Buffer
	res, err := pipeline.Run(pipeline.Options{
		Paths:   []string{"seeds"},
		Outputs: []pipeline.Output{{Format: "text"}},
		Stdout:  &got,
	})
	require.NoError(t, err)
	require.Empty(t, res.Errors)
	require.GreaterOrEqual(t, res.Files, 12, "the demo corpus has at least twelve articles")
	require.NotContains(t, got.String(), "[missing-date]", "an article of the demo corpus has no publication date")
	if *update {
		require.NoError(t, os.WriteFile(golden, got.Bytes(), 0o644))
		return
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	if d := fix.Diff(filepath.Join("testdata", "seeds.golden"), want, got.Bytes()); d != "" {
		t.Errorf("the demo corpus's findings differ from %s (-golden +got):\n%s", golden, d)
	}
}
