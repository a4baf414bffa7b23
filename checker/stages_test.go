package checker

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/rules"
)

// BenchmarkStages times the engine's stages one after another on the same
// articles, with MB/s of article and allocations: go test -bench Stages
// ./checker. The articles are the demo corpus, or the bench/gen corpus in
// CLAIMLINT_BENCH_CORPUS (its first 500). Each stage includes those before
// it but for read, whose articles the others take parsed.
//
//   - read: front matter and Markdown, the prose blocks (article.Parse);
//   - tokenize: tokens and sentences of every block;
//   - mentions: the names, titles and anchors of the ledger in every
//     sentence: what sends a sentence on to the claims (the role a
//     prefilter would take);
//   - check: every claim read and judged, the findings made (Check);
//   - verdicts: check that also records every claim with its verdict, as
//     claimlint claims does (Claims).
func BenchmarkStages(b *testing.B) {
	paths := benchPaths(b)
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
	files, err := ledger.ReadFS(rules.FS, ".", "rules")
	if err != nil {
		b.Fatal(err)
	}
	l, err := ledger.Load(files)
	if err != nil {
		b.Fatal(err)
	}
	c := New(l)
	var arts []*article.Article
	for i, src := range srcs {
		a, err := article.Parse(paths[i], src, article.Options{})
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
	}
	stage := func(name string, f func()) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				f()
			}
		})
	}
	stage("read", func() {
		for i, src := range srcs {
			if _, err := article.Parse(paths[i], src, article.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	var toks []lex.Token
	stage("tokenize", func() {
		for _, a := range arts {
			for _, bl := range a.Blocks {
				toks = lex.TokenizeAppend(toks[:0], a.Text, bl.Start, bl.End)
				lex.Sentences(toks)
			}
		}
	})
	stage("mentions", func() {
		for _, a := range arts {
			p := c.newPass(a)
			for _, bl := range a.Blocks {
				toks = lex.TokenizeAppend(toks[:0], a.Text, bl.Start, bl.End)
				p.Toks = toks
				for _, r := range lex.Sentences(toks) {
					p.mentions(r)
				}
			}
		}
	})
	stage("check", func() {
		for _, a := range arts {
			c.Check(a)
		}
	})
	stage("verdicts", func() {
		for _, a := range arts {
			c.Claims(a)
		}
	})
}

// benchPaths are the articles of BenchmarkStages.
func benchPaths(b *testing.B) []string {
	if dir := os.Getenv("CLAIMLINT_BENCH_CORPUS"); dir != "" {
		var paths []string
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(path) == ".md" && len(paths) < 500 {
				paths = append(paths, path)
			}
			return err
		})
		if err != nil || len(paths) == 0 {
			b.Fatalf("CLAIMLINT_BENCH_CORPUS=%s: no articles (%v)", dir, err)
		}
		return paths
	}
	paths, err := filepath.Glob("../seeds/*.md")
	if err != nil || len(paths) == 0 {
		b.Skip("no demo corpus")
	}
	return paths
}
