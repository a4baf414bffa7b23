package checker_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/rules"
)

// BenchmarkCheckArticle checks each demo article in turn, with the default
// rules: the work of one article, as an editor or a hook asks for it.
func BenchmarkCheckArticle(b *testing.B) {
	benchArticles(b, defaultChecker(b))
}

// BenchmarkCheckArticleLargeLedger is BenchmarkCheckArticle with the
// default rules and the ledger named by CLAIMLINT_BENCH_LEDGER (go run
// ./bench/gen -ledger 100000 -out DIR) together: the cost of a vocabulary
// of a hundred thousand more names, once the ledger is loaded.
func BenchmarkCheckArticleLargeLedger(b *testing.B) {
	path := os.Getenv("CLAIMLINT_BENCH_LEDGER")
	if path == "" {
		b.Skip("set CLAIMLINT_BENCH_LEDGER to a ledger written by go run ./bench/gen -ledger N")
	}
	if largeChecker == nil { // loaded once, not for every b.N
		files, err := ledger.ReadFS(rules.FS, ".", "rules")
		if err != nil {
			b.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		l, err := ledger.Load(append(files, ledger.File{Name: path, Data: data}))
		if err != nil {
			b.Fatal(err)
		}
		largeChecker = checker.New(l)
	}
	benchArticles(b, largeChecker)
}

var largeChecker *checker.Checker

func benchArticles(b *testing.B, c *checker.Checker) {
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

// BenchmarkManyDirectives checks a page of 20,000 disable-next-line
// directives over one claim: applying them took time growing with the
// square of their number (25 s), and now grows as n log n.
func BenchmarkManyDirectives(b *testing.B) {
	c := defaultChecker(b)
	var sb strings.Builder
	sb.WriteString("---\npublished: 2025-02-25\n---\n\n")
	for range 20000 {
		sb.WriteString("<!-- claimlint-disable-next-line event-date -- checked -->\n")
	}
	sb.WriteString("Putin called Xi on Friday.\n")
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		a, err := article.Parse("a.md", src, article.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if fs := c.Check(a); len(fs) != 0 {
			b.Fatalf("the directives silence the claim's finding, and each is used: %v", fs[0])
		}
	}
}
