package article

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse reads each demo article in turn (front matter, Markdown,
// the prose blocks): the floor under any check, whatever the rules.
func BenchmarkParse(b *testing.B) {
	paths, err := filepath.Glob("../../seeds/*.md")
	if err != nil || len(paths) == 0 {
		b.Skip("no demo corpus")
	}
	var srcs [][]byte
	size := 0
	for _, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, d)
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, src := range srcs {
			if _, err := Parse(paths[i], src, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
