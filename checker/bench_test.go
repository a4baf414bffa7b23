package checker_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/claimlint/claimlint/checker/article"
)

// BenchmarkCheckArticle checks each demo article in turn, with the default
// rules: the work of one article, as an editor or a hook asks for it.
func BenchmarkCheckArticle(b *testing.B) {
	c := defaultChecker(b)
	paths, _ := filepath.Glob("../seeds/*.md")
	var srcs [][]byte
	size := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		size += len(src)
	}
	b.SetBytes(int64(size / len(srcs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		src := srcs[i%len(srcs)]
		a, err := article.Parse("a.md", src, article.Options{})
		if err != nil {
			b.Fatal(err)
		}
		c.Check(a)
	}
}
