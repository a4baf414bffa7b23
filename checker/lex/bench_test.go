package lex

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkTokenize tokenizes the demo corpus.
func BenchmarkTokenize(b *testing.B) {
	paths, err := filepath.Glob("../../seeds/*.md")
	if err != nil || len(paths) == 0 {
		b.Skip("no demo corpus")
	}
	var text []byte
	for _, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		text = append(text, d...)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(text, 0, len(text))
	}
}
