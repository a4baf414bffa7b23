package ledger

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/claimlint/claimlint/rules"
)

// BenchmarkLoadDefaultRules loads the embedded rules, as every run does.
func BenchmarkLoadDefaultRules(b *testing.B) {
	files, err := ReadFS(rules.FS, ".", "rules")
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, f := range files {
		size += len(f.Data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Load(files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadLargeLedger loads the ledger that bench/gen writes, named by
// CLAIMLINT_BENCH_LEDGER (go run ./bench/gen -ledger 100000 -out DIR).
func BenchmarkLoadLargeLedger(b *testing.B) {
	path := os.Getenv("CLAIMLINT_BENCH_LEDGER")
	if path == "" {
		b.Skip("set CLAIMLINT_BENCH_LEDGER to a ledger written by go run ./bench/gen -ledger N")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Load([]File{{Name: path, Data: data}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadCompiledLargeLedger reads back the compiled ledger of
// BenchmarkLoadLargeLedger's, as a run does from the cache.
func BenchmarkReadCompiledLargeLedger(b *testing.B) {
	path := os.Getenv("CLAIMLINT_BENCH_LEDGER")
	if path == "" {
		b.Skip("set CLAIMLINT_BENCH_LEDGER to a ledger written by go run ./bench/gen -ledger N")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	l, err := Load([]File{{Name: path, Data: data}})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := l.WriteCompiled(&buf); err != nil {
		b.Fatal(err)
	}
	s := buf.String()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadCompiled(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteCompiledLargeLedger writes the compiled ledger of
// BenchmarkLoadLargeLedger's, as a run does after loading it.
func BenchmarkWriteCompiledLargeLedger(b *testing.B) {
	path := os.Getenv("CLAIMLINT_BENCH_LEDGER")
	if path == "" {
		b.Skip("set CLAIMLINT_BENCH_LEDGER to a ledger written by go run ./bench/gen -ledger N")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	l, err := Load([]File{{Name: path, Data: data}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := l.WriteCompiled(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
