package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcSettings reads the collector's growth and memory limit.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// waitGC collects until cond holds: the tuner runs from a finalizer, after
// the collection.
func waitGC(t *testing.T, what string, cond func(percent int, limit int64) bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		if cond(gcSettings()) {
			return
		}
	}
	p, l := gcSettings()
	t.Fatalf("%s: GC percent %d, memory limit %d", what, p, l)
}

// TestTuneGC checks that while little is live the collector runs at a
// memory limit of what is live plus gcHeadroom, and that with more live
// than that it goes back to Go's default.
func TestTuneGC(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC is set: tuneGC leaves the collector alone")
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		t.Skip("GOMEMLIMIT is set: tuneGC leaves the collector alone")
	}
	t.Cleanup(func() {
		tuning.Store(false)
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
	tuneGC()
	waitGC(t, "little live", func(p int, l int64) bool {
		return p == -1 && l >= gcHeadroom+gcSlack && l < gcHeadroom+gcSlack+128<<20
	})
	big := make([]byte, 2*gcHeadroom)
	for i := range big {
		big[i] = byte(i)
	}
	waitGC(t, "more live than the headroom", func(p int, l int64) bool { return p == 100 && l == math.MaxInt64 })
	runtime.KeepAlive(big)
	waitGC(t, "little live again", func(p int, l int64) bool { return p == -1 && l < math.MaxInt64 })
}

// TestCollectAfterLoad checks that once loading has allocated
// loadGarbage, collectAfterLoad collects.
func TestCollectAfterLoad(t *testing.T) {
	var sink [][]byte
	for range loadGarbage / (1 << 20) {
		sink = append(sink, make([]byte, 1<<20))
	}
	runtime.KeepAlive(sink)
	sink = nil
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	collectAfterLoad()
	runtime.ReadMemStats(&after)
	if after.NumGC <= before.NumGC {
		t.Fatalf("no collection after %d MB allocated", after.TotalAlloc>>20)
	}
	runtime.KeepAlive(sink)
}
