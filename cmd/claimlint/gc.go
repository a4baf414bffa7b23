package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// gcHeadroom is how much the heap may grow past what is live before the
// garbage collector runs. Checking an article allocates tens of kilobytes
// and keeps almost nothing, so with Go's default (grow by what is live,
// here a few megabytes) a run collects every few dozen articles, and the
// collector takes a third of the time. 32 MB more makes it rare.
const gcHeadroom = 32 << 20

// tuneGC lets the heap grow by gcHeadroom past what is live, or by what is
// live (Go's default) when that is more: memory stays flat whatever the
// number of articles, at about what is live plus gcHeadroom, and a large
// ledger, or a report that holds every finding, is collected as Go would.
// While what is live is small, the collector runs at a memory limit of
// live plus gcHeadroom instead of at a growth in percent; the limit is set
// again after every collection, from the live heap it measured. GOGC or
// GOMEMLIMIT, when set, wins.
func tuneGC() {
	for _, v := range []string{"GOGC", "GOMEMLIMIT"} {
		if _, set := os.LookupEnv(v); set {
			return
		}
	}
	tuning.Store(true)
	retune()
}

// tuning is whether retune goes on (a test stops it).
var tuning atomic.Bool

// sentinel is an object each collection frees, so that its finalizer runs
// once a collection.
type sentinel struct {
	_ *int
	_ [16]byte // not a tiny allocation, whose finalizer may never run
}

func retune() {
	if !tuning.Load() {
		return
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	live := int64(s[0].Value.Uint64())
	if live < gcHeadroom {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(live + gcHeadroom + gcSlack)
	} else {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}
	runtime.SetFinalizer(new(sentinel), func(*sentinel) { retune() })
}

// gcSlack is the memory the runtime needs beside the heap (stacks, its own
// tables), within the limit.
const gcSlack = 16 << 20
