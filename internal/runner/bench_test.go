package runner

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/rules"
)

// BenchmarkCorpus checks a corpus of 200 copies of the demo articles on
// every CPU, as a CI run over a corpus does: files read, parsed, checked.
func BenchmarkCorpus(b *testing.B) {
	files, err := ledger.ReadFS(rules.FS, ".", "rules")
	if err != nil {
		b.Fatal(err)
	}
	l, err := ledger.Load(files)
	if err != nil {
		b.Fatal(err)
	}
	c := checker.New(l)
	seeds, _ := filepath.Glob("../../seeds/*.md")
	dir := b.TempDir()
	var inputs []Input
	size := 0
	for i := 0; i < 200; i++ {
		src, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("a%03d.md", i))
		if err := os.WriteFile(p, src, 0o644); err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, Input{Path: p})
		size += len(src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Run(c, inputs, Options{})
	}
}

// BenchmarkFilesNamed lists 5,000 files given one by one, as a pre-commit
// hook or a CI job passing the changed files does: sorting them, not
// walking, so it costs about what sorting the list costs.
func BenchmarkFilesNamed(b *testing.B) {
	dir := b.TempDir()
	var paths []string
	for i := range 5000 {
		p := filepath.Join(dir, fmt.Sprintf("a%05d.md", (i*7919)%5000))
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for _, err := range Files(paths) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != len(paths) {
			b.Fatalf("%d files, want %d", n, len(paths))
		}
	}
}
