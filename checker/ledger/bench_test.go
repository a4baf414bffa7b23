package ledger

import (
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
