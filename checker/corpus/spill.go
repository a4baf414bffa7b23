package corpus

import (
	"bufio"
	"container/heap"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/internal/rec"
)

// DefaultSpillAt is how many statements a Collector holds in memory before
// it writes them, and every later one, to disk: about 2 MB of them, the
// statements of a thousand or two articles.
const DefaultSpillAt = 1 << 14

// buckets is how many files spilled statements are spread over, by the
// hash of their group: the comparison reads one file at a time, holding
// what it learns of that file's events (counts, a few claims of each
// value, and for events the ledger does not hold, a few fields of each
// claim).
const buckets = 64

// spill is a Collector's statements on disk: a folder of bucket files,
// each a run of length-prefixed records.
type spill struct {
	dir      string
	inMemory int // statements compared in memory, being out of order (for tests)
	files    [buckets]*os.File
	w        [buckets]*bufio.Writer
	buf      []byte
	err      error // the first write error; the comparison reports it
}

// newSpill makes the folder and its bucket files; made is told of the
// folder before any file is in it.
func newSpill(made func(dir string)) (*spill, error) {
	dir, err := os.MkdirTemp("", "claimlint-claims-")
	if err != nil {
		return nil, err
	}
	if made != nil {
		made(dir)
	}
	s := &spill{dir: dir}
	for i := range s.files {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("b%02d", i)))
		if err != nil {
			s.close()
			return nil, err
		}
		s.files[i], s.w[i] = f, bufio.NewWriterSize(f, 8<<10)
	}
	return s, nil
}

func bucketOf(key string) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % buckets)
}

// add writes one statement to the bucket of its group.
func (s *spill) add(key string, st *Stmt) {
	if s.err != nil {
		return
	}
	rw := rec.Writer{B: s.buf[:0]}
	EncodeStmt(&rw, *st)
	s.buf = rw.B
	s.err = rec.WriteFrame(s.w[bucketOf(key)], s.buf)
}

// each compares the spilled statements bucket by bucket and calls emit
// with every finding in the order checker.SortFindings gives: the findings
// go to a sorter, which writes them to disk in sorted runs of sortBatch
// and merges the runs.
func (s *spill) each(c *Collector, emit func(checker.Finding)) error {
	for _, w := range s.w {
		if err := w.Flush(); err != nil && s.err == nil {
			s.err = err
		}
	}
	if s.err != nil {
		return fmt.Errorf("comparing articles: %w", s.err)
	}
	out := &sorter{dir: s.dir}
	defer out.close()
	for _, f := range s.files {
		if err := s.compare(c, f, out.add); err != nil {
			return fmt.Errorf("comparing articles: %w", err)
		}
	}
	if err := out.merge(emit); err != nil {
		return fmt.Errorf("comparing articles: %w", err)
	}
	return nil
}

// compare compares the groups of one bucket without holding its claims.
// The claims of each ledger event are read twice (see eventStream). Those
// of events the ledger does not hold are read three times: first a few
// fields of each, to group them into events as Cluster does, then twice
// per event. Claims out of path order are compared in memory.
func (s *spill) compare(c *Collector, f *os.File, emit func(checker.Finding)) error {
	m := NewCollector(c.l) // what must be compared in memory
	m.SpillAt = -1
	streams := map[string]*eventStream{} // by ledger event
	judge := func(es *eventStream) func([]Stmt, int) {
		return func(art []Stmt, lo int) { es.judge(art, lo, emit) }
	}

	// First read: count the ledger events' claims; note the others'.
	type loose struct {
		rec    looseClaim
		offset int
		seq    int // its place among the bucket's loose claims
	}
	var recs []looseClaim // in Cluster's order: by path, then position
	var seqs []int
	var art []loose
	endArticle := func() {
		slices.SortStableFunc(art, func(a, b loose) int { return a.offset - b.offset })
		for _, x := range art {
			recs = append(recs, x.rec)
			seqs = append(seqs, x.seq)
		}
		art = art[:0]
	}
	nLoose, ordered := 0, true
	lastOf := map[string]string{} // the last path of each set of participants
	err := s.read(f, func(st Stmt) {
		if e := c.l.Event(st.Ledger); e != nil {
			es := streams[e.ID]
			if es == nil {
				es = newEventStream(c.l, ledgerEvent(e))
				streams[e.ID] = es
			}
			es.add(st, es.count)
			return
		}
		r, ok := looseOf(&st)
		if !ok {
			return
		}
		if len(art) > 0 && r.path != art[0].rec.path {
			endArticle()
		}
		// Only claims of the same participants are grouped: each set's
		// must come by path, each article's together (the statements
		// held before the spill were written set by set).
		if prev, ok := lastOf[r.parts]; ok && r.path < prev {
			ordered = false
		}
		lastOf[r.parts] = r.path
		art = append(art, loose{r, st.Offset, nLoose})
		nLoose++
	})
	if err != nil {
		return err
	}
	endArticle()
	ids := slices.Sorted(maps.Keys(streams)) // one order of work, run to run
	for _, id := range ids {
		streams[id].endCount()
	}
	of := make([]int, nLoose) // each loose claim's event, or -1
	for i := range of {
		of[i] = -1
	}
	var looseStreams []*eventStream
	if ordered {
		for k, g := range looseClusters(recs) {
			for _, i := range g.members {
				of[seqs[i]] = k
			}
			looseStreams = append(looseStreams, newEventStream(c.l, g.ev))
		}
	}
	recs, seqs = nil, nil

	// Second read: judge the ledger events' claims; count the others'.
	k := 0
	err = s.read(f, func(st Stmt) {
		if e := c.l.Event(st.Ledger); e != nil {
			if es := streams[e.ID]; es.ordered {
				es.add(st, judge(es))
			} else {
				m.Add([]Stmt{st})
				s.inMemory++
			}
			return
		}
		if _, _, ok := unledgered(&st); !ok {
			return
		}
		i := k
		k++
		if !ordered {
			m.Add([]Stmt{st})
			s.inMemory++
		} else if g := of[i]; g >= 0 {
			looseStreams[g].add(st, looseStreams[g].count)
		}
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		if es := streams[id]; es.ordered {
			es.flush(judge(es))
		}
	}

	// Third read: judge the others' claims.
	if len(looseStreams) > 0 {
		for _, es := range looseStreams {
			es.endCount()
		}
		k = 0
		err = s.read(f, func(st Stmt) {
			if c.l.Event(st.Ledger) != nil {
				return
			}
			if _, _, ok := unledgered(&st); !ok {
				return
			}
			i := k
			k++
			if g := of[i]; g >= 0 {
				looseStreams[g].add(st, judge(looseStreams[g]))
			}
		})
		if err != nil {
			return err
		}
		for _, es := range looseStreams {
			es.flush(judge(es))
		}
	}
	for _, f := range m.check() {
		emit(f)
	}
	return nil
}

// read calls each with every statement of a bucket, in the order written.
func (s *spill) read(f *os.File, each func(Stmt)) error {
	if err := s.readAll(f, each); err != nil {
		return fmt.Errorf("%s: %w", f.Name(), err)
	}
	return nil
}

func (s *spill) readAll(f *os.File, each func(Stmt)) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	return rec.ReadFrames(bufio.NewReader(f), func(b []byte) error {
		st, err := decodeStmt(b)
		if err == nil {
			each(st)
		}
		return err
	})
}

// sortBatch is how many findings a sorter holds before it writes them out
// (a variable for the tests).
var sortBatch = 1024

// sorter sorts findings that may be too many to hold: it writes each
// sortBatch of them, sorted, to a file of its own, and merges the files.
type sorter struct {
	dir  string
	buf  []checker.Finding
	runs []*os.File
	err  error
}

func (s *sorter) add(f checker.Finding) {
	if s.buf = append(s.buf, f); len(s.buf) >= sortBatch {
		s.spill()
	}
}

func (s *sorter) spill() {
	if len(s.buf) == 0 || s.err != nil {
		return
	}
	checker.SortFindings(s.buf)
	f, err := os.Create(filepath.Join(s.dir, fmt.Sprintf("run%04d", len(s.runs))))
	if err != nil {
		s.err = err
		return
	}
	s.runs = append(s.runs, f)
	w := bufio.NewWriter(f)
	enc := gob.NewEncoder(w)
	for i := range s.buf {
		if err := enc.Encode(&s.buf[i]); err != nil {
			s.err = err
			return
		}
	}
	if err := w.Flush(); err != nil {
		s.err = err
	}
	s.buf = s.buf[:0]
}

// merge calls emit with every finding added, sorted.
func (s *sorter) merge(emit func(checker.Finding)) error {
	if len(s.runs) == 0 {
		checker.SortFindings(s.buf)
		for _, f := range s.buf {
			emit(f)
		}
		return nil
	}
	s.spill()
	if s.err != nil {
		return s.err
	}
	return merge(s.runs, emit)
}

func (s *sorter) close() {
	for _, f := range s.runs {
		f.Close()
	}
}

// merge reads sorted runs of findings and emits them in one sorted order;
// of equal findings, the earlier run's first, as a stable sort of them
// all would.
func merge(runs []*os.File, emit func(checker.Finding)) error {
	h := &runHeap{}
	for i, f := range runs {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		r := &sortedRun{i: i, dec: gob.NewDecoder(bufio.NewReader(f))}
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			h.rs = append(h.rs, r)
		}
	}
	heap.Init(h)
	for h.Len() > 0 {
		r := h.rs[0]
		emit(r.f)
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	return nil
}

type sortedRun struct {
	i   int
	dec *gob.Decoder
	f   checker.Finding
}

func (r *sortedRun) next() (bool, error) {
	r.f = checker.Finding{}
	err := r.dec.Decode(&r.f)
	if err == io.EOF {
		return false, nil
	}
	return err == nil, err
}

type runHeap struct{ rs []*sortedRun }

func (h *runHeap) Len() int { return len(h.rs) }
func (h *runHeap) Less(i, j int) bool {
	if c := checker.CompareFindings(&h.rs[i].f, &h.rs[j].f); c != 0 {
		return c < 0
	}
	return h.rs[i].i < h.rs[j].i
}
func (h *runHeap) Swap(i, j int) { h.rs[i], h.rs[j] = h.rs[j], h.rs[i] }
func (h *runHeap) Push(x any)    { h.rs = append(h.rs, x.(*sortedRun)) }
func (h *runHeap) Pop() any {
	r := h.rs[len(h.rs)-1]
	h.rs = h.rs[:len(h.rs)-1]
	return r
}

func (s *spill) close() error {
	for _, f := range s.files {
		if f != nil {
			f.Close()
		}
	}
	return os.RemoveAll(s.dir)
}

// EncodeStmt writes a statement as a record: on spilling, and into the
// result cache.
func EncodeStmt(w *rec.Writer, s Stmt) {
	for _, v := range []string{s.Path, s.Ledger, s.Medium, s.Initiator, s.Venue} {
		w.Str(v)
	}
	rec.WriteSlice(w, s.Kinds, (*rec.Writer).Str)
	rec.WriteSlice(w, s.Participants, (*rec.Writer).Str)
	checker.EncodePeriod(w, s.Date)
	for _, v := range []int{s.Line, s.Column, s.Offset, s.EndOffset} {
		w.Int(v)
	}
	w.Bool(s.Planned)
	w.Bool(s.Quiet)
	rec.WriteSlice(w, s.Wrong, (*rec.Writer).Str)
	rec.WriteSlice(w, s.Parts, func(w *rec.Writer, p Part) {
		w.Str(p.Attr)
		w.Str(p.Text)
		for _, v := range []int32{p.Line, p.Column, p.EndLine, p.EndColumn, p.Offset, p.EndOffset, p.ByteCol, p.EndByteCol} {
			w.Int(int(v))
		}
	})
}

// DecodeStmt reads what EncodeStmt wrote; check r.Done after the last
// record.
func DecodeStmt(r *rec.Reader) Stmt {
	var s Stmt
	for _, p := range []*string{&s.Path, &s.Ledger, &s.Medium, &s.Initiator, &s.Venue} {
		*p = r.Str()
	}
	s.Kinds = rec.ReadSlice(r, (*rec.Reader).Str)
	s.Participants = rec.ReadSlice(r, (*rec.Reader).Str)
	s.Date = checker.DecodePeriod(r)
	for _, p := range []*int{&s.Line, &s.Column, &s.Offset, &s.EndOffset} {
		*p = r.Int()
	}
	s.Planned = r.Bool()
	s.Quiet = r.Bool()
	s.Wrong = rec.ReadSlice(r, (*rec.Reader).Str)
	s.Parts = rec.ReadSlice(r, func(r *rec.Reader) Part {
		p := Part{Attr: r.Str(), Text: r.Str()}
		for _, v := range []*int32{&p.Line, &p.Column, &p.EndLine, &p.EndColumn, &p.Offset, &p.EndOffset, &p.ByteCol, &p.EndByteCol} {
			*v = r.Int32()
		}
		return p
	})
	return s
}

var errRecord = errors.New("a spilled statement is damaged")

// decodeStmt reads one spilled statement, which must fill b.
func decodeStmt(b []byte) (Stmt, error) {
	r := rec.NewReader(b)
	s := DecodeStmt(r)
	if r.Done() != nil {
		return Stmt{}, errRecord
	}
	return s, nil
}
