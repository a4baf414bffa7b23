package checker_test

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/ledger"
)

// denseLedger is an invented pair and their one call, for the hostile
// inputs below: "Example called Sample on Thursday by phone" is wrong twice
// (the call was on Friday, by video), so each saying is a claim with two
// findings.
const denseLedger = `
entities:
  - {id: ada-example, kind: person, name: Ada Example, aliases: [Ada Example, Example]}
  - {id: bo-sample, kind: person, name: Bo Sample, aliases: [Bo Sample, Sample]}
events:
  - id: example-sample-call
    kind: call
    date: 2025-07-04
    participants: [ada-example, bo-sample]
    medium: video
    sources: [{outlet: test}]
`

const (
	denseHeader = "---\npublished: 2025-07-07\n---\n\n"
	denseClaim  = "Example called Sample on Thursday by phone."
)

func denseChecker(tb testing.TB) *checker.Checker {
	tb.Helper()
	l, err := ledger.Load([]ledger.File{{Name: "dense.yaml", Data: []byte(denseLedger)}})
	if err != nil {
		tb.Fatal(err)
	}
	return checker.New(l)
}

// claimDense is size bytes (about) of one wrong claim said again and
// again: each in a paragraph of its own, or all in one paragraph.
func claimDense(size int, oneParagraph bool) []byte {
	sep := "\n\n"
	if oneParagraph {
		sep = " "
	}
	var b strings.Builder
	b.WriteString(denseHeader)
	for b.Len() < size {
		b.WriteString(denseClaim + sep)
	}
	return []byte(b.String())
}

// deepList is a Markdown list nested depth levels deep, each level two
// columns further in (so its size grows with the square of the depth),
// then a paragraph with one wrong claim.
func deepList(depth int) []byte {
	var b strings.Builder
	b.WriteString(denseHeader)
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	b.WriteString("\n" + denseClaim + "\n")
	return []byte(b.String())
}

// BenchmarkHostile checks articles no writer makes, to show what one costs
// per byte of article: claim-dense text (2 MB of one wrong claim) and a
// deeply nested Markdown list. Besides the allocations per run it reports
// alloc-B/byte, what was allocated per byte of article, and peak-B/byte,
// the most memory found live at a collection while the article was
// checked once more after the timed runs, per byte of article: what a
// worker holds for it.
func BenchmarkHostile(b *testing.B) {
	c := denseChecker(b)
	for _, bc := range []struct {
		name string
		src  []byte
	}{
		{"claim-dense-paragraphs-2MB", claimDense(2<<20, false)},
		{"claim-dense-one-paragraph-2MB", claimDense(2<<20, true)},
		{"nested-list-1000-levels", deepList(1000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			check := func() any {
				a, err := article.Parse("dense.md", bc.src, article.Options{})
				if err != nil {
					b.Fatal(err)
				}
				return c.Check(a)
			}
			b.SetBytes(int64(len(bc.src)))
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				check()
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(bc.src)), "alloc-B/byte")
			b.ReportMetric(float64(peakLive(check))/float64(len(bc.src)), "peak-B/byte")
		})
	}
}

// peakLive runs f and returns the most heap found live at the end of a
// collection while it ran or just after (with its result still held), less
// what was live before it started. The collector runs all the time
// meanwhile (GOGC=1), so that what is live is seen soon after it is made.
func peakLive(f func() any) int64 {
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	base := int64(sample[0].Value.Uint64())
	var peak int64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, int64(s[0].Value.Uint64()))
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	r := f()
	runtime.GC()
	close(done)
	wg.Wait()
	metrics.Read(sample)
	peak = max(peak, int64(sample[0].Value.Uint64()))
	runtime.KeepAlive(r)
	return max(peak-base, 0)
}
