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
// live plus gcHeadroom (plus what the runtime uses beside the heap) instead
// of at a growth in percent; the limit is set again after every
// collection, from what it measured. GOGC or GOMEMLIMIT, when set, wins.
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
	s := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
	}
	metrics.Read(s)
	v := func(i int) int64 { return int64(s[i].Value.Uint64()) }
	live := v(0)
	// What the limit counts beside the heap: stacks and the runtime's own
	// tables, which a run with many goroutines makes large.
	other := max(0, v(1)-v(2)-v(3)-v(4)-v(5))
	if live < gcHeadroom {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(live + other + gcHeadroom + gcSlack)
	} else {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}
	runtime.SetFinalizer(new(sentinel), func(*sentinel) { retune() })
}

// gcSlack is room within the limit for what grows between collections
// beside the heap.
const gcSlack = 8 << 20

// loadGarbage is how much loading the rules must have allocated for a
// collection to follow (collectAfterLoad).
const loadGarbage = 64 << 20

// collectAfterLoad collects once the rules are loaded, when loading them
// allocated loadGarbage or more. A large ledger leaves garbage beside what
// it keeps (60 MB beside 151 for 100,000 entities), and with nothing
// collected the vocabulary built next grew the heap past it instead of
// reusing its room: the load's peak RSS was 290 MB, 236 with this
// collection, which takes about 20 ms. The default rules allocate a few
// megabytes: no collection.
func collectAfterLoad() {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	if s[0].Value.Uint64() >= loadGarbage {
		runtime.GC()
	}
}
