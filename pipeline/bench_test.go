package pipeline_test

import (
	"io"
	"os"
	"testing"

	"github.com/claimlint/claimlint/pipeline"
)

// BenchmarkRunCorpus checks the corpus in CLAIMLINT_BENCH_CORPUS (go run
// ./bench/gen -articles N -out DIR) on one core, with text output and
// without the cache: the whole path of the command, from reading the files
// to writing the findings, for a CPU profile (-cpuprofile).
func BenchmarkRunCorpus(b *testing.B) {
	dir := os.Getenv("CLAIMLINT_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set CLAIMLINT_BENCH_CORPUS to a folder written by go run ./bench/gen -articles N -out DIR")
	}
	outs, err := pipeline.ParseOutputs([]string{"text"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	rules, err := pipeline.LoadRules(nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pipeline.Run(pipeline.Options{Paths: []string{dir}, Rules: rules, Workers: 1, Outputs: outs, Stdout: io.Discard}); err != nil {
			b.Fatal(err)
		}
	}
}
