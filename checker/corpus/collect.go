package corpus

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

// Collector keeps the statements of a large run packed (strings, lists and
// dates as indices into tables, positions as int32), grouped by what may
// make one event:
// a ledger event, or a set of participants. A statement costs about a
// hundred bytes, not four hundred, and the comparison unpacks one group at
// a time. Past SpillAt statements, it writes them to temporary files
// instead, spread by group, and compares them by reading the files again,
// event by event, without holding them (see spill.compare). Close removes
// the files.
type Collector struct {
	// SpillAt is how many statements are held in memory before all go to
	// disk; 0: DefaultSpillAt, negative: never.
	SpillAt int
	// Spilled, when set, is called with the temporary folder the
	// statements go to when the collector first writes them there (so
	// that a caller can remove it if the run is interrupted). Close
	// removes it.
	Spilled func(dir string)

	l       *ledger.Ledger
	ids     map[string]uint32
	strs    []string
	listIDs map[string]uint32 // by the list joined
	lists   [][]string        // lists of kinds or of participants; 0 is none
	dateIDs map[periodKey]uint32
	dates   []civil.Period      // 0 is none
	groups  map[uint32][]packed // by the id of the group's key
	parts   []packedPart
	n       int    // statements held in groups
	disk    *spill // nil until SpillAt is passed
}

type packed struct {
	path, ledger, kinds, participants uint32
	date, medium, initiator, venue    uint32
	line, column, offset, endOffset   int32
	partsAt                           uint32
	nparts, wrong                     uint8 // wrong: a bit per attribute, in Attrs order
	planned, quiet                    bool
}

type packedPart struct {
	attr, text                             uint32
	line, column, endLine, endColumn       int32
	offset, endOffset, byteCol, endByteCol int32
}

// NewCollector makes a collector for statements judged against l.
func NewCollector(l *ledger.Ledger) *Collector {
	return &Collector{l: l, ids: map[string]uint32{"": 0}, strs: []string{""},
		listIDs: map[string]uint32{"": 0}, lists: [][]string{nil},
		dateIDs: map[periodKey]uint32{{}: 0}, dates: []civil.Period{{}},
		groups: map[uint32][]packed{}}
}

func (c *Collector) listID(l []string) uint32 {
	key := strings.Join(l, "\x00")
	if n, ok := c.listIDs[key]; ok {
		return n
	}
	n := uint32(len(c.lists))
	c.listIDs[key] = n
	c.lists = append(c.lists, l)
	return n
}

func (c *Collector) dateID(p civil.Period) uint32 {
	k := keyOf(p)
	if n, ok := c.dateIDs[k]; ok {
		return n
	}
	n := uint32(len(c.dates))
	c.dateIDs[k] = n
	c.dates = append(c.dates, p)
	return n
}

func (c *Collector) id(s string) uint32 {
	if n, ok := c.ids[s]; ok {
		return n
	}
	n := uint32(len(c.strs))
	c.ids[s] = n
	c.strs = append(c.strs, s)
	return n
}

// groupKey is the ledger event of a statement, or "~" and its
// participants in order: statements of different keys are never one event.
// ok is false for a statement Cluster would drop (one the ledger has no
// event for that is a plan, or names one party, or no single day).
func (c *Collector) groupKey(s *Stmt) (key string, ok bool) {
	if c.l.Event(s.Ledger) != nil {
		return s.Ledger, true
	}
	_, parts, ok := unledgered(s)
	if !ok {
		return "", false
	}
	sort.Strings(parts)
	return "~" + strings.Join(parts, ","), true
}

// Add keeps statements.
func (c *Collector) Add(stmts []Stmt) {
	for i := range stmts {
		s := &stmts[i]
		key, ok := c.groupKey(s)
		if !ok {
			continue
		}
		if c.disk != nil {
			c.disk.add(key, s)
			continue
		}
		p := packed{
			path: c.id(s.Path), ledger: c.id(s.Ledger), kinds: c.listID(s.Kinds), participants: c.listID(s.Participants),
			date: c.dateID(s.Date), medium: c.id(s.Medium), initiator: c.id(s.Initiator), venue: c.id(s.Venue),
			line: int32(s.Line), column: int32(s.Column), offset: int32(s.Offset), endOffset: int32(s.EndOffset),
			partsAt: uint32(len(c.parts)), nparts: uint8(len(s.Parts)), planned: s.Planned, quiet: s.Quiet,
		}
		for k, attr := range Attrs {
			if s.Contradicted(attr) {
				p.wrong |= 1 << k
			}
		}
		for _, pt := range s.Parts {
			c.parts = append(c.parts, packedPart{c.id(pt.Attr), c.id(pt.Text), pt.Line, pt.Column, pt.EndLine, pt.EndColumn,
				pt.Offset, pt.EndOffset, pt.ByteCol, pt.EndByteCol})
		}
		id := c.id(key)
		c.groups[id] = append(c.groups[id], p)
		c.n++
	}
	if limit := cmp.Or(c.SpillAt, DefaultSpillAt); limit > 0 && c.n > limit && c.disk == nil {
		c.toDisk()
	}
}

// toDisk moves the statements held so far to disk, where every later one
// goes. If no temporary file can be made, they stay in memory.
func (c *Collector) toDisk() {
	d, err := newSpill(c.Spilled)
	if err != nil {
		return
	}
	for k, group := range c.groups {
		for i := range group {
			s := c.unpack(&group[i])
			d.add(c.strs[k], &s)
		}
	}
	c.disk = d
	c.ids, c.strs, c.groups, c.parts, c.n = nil, nil, nil, nil, 0
	c.listIDs, c.lists, c.dateIDs, c.dates = nil, nil, nil, nil
}

// Close removes what the collector wrote to disk.
func (c *Collector) Close() error {
	if c.disk == nil {
		return nil
	}
	err := c.disk.close()
	c.disk = nil
	return err
}

func (c *Collector) unpack(p *packed) Stmt {
	s := Stmt{
		Path: c.strs[p.path], Line: int(p.line), Column: int(p.column), Offset: int(p.offset), EndOffset: int(p.endOffset),
		Ledger: c.strs[p.ledger], Kinds: c.lists[p.kinds], Participants: c.lists[p.participants],
		Date: c.dates[p.date], Medium: c.strs[p.medium], Initiator: c.strs[p.initiator], Venue: c.strs[p.venue],
		Planned: p.planned, Quiet: p.quiet,
	}
	for k, attr := range Attrs {
		if p.wrong&(1<<k) != 0 {
			s.Wrong = append(s.Wrong, attr)
		}
	}
	for _, pt := range c.parts[p.partsAt : p.partsAt+uint32(p.nparts)] {
		s.Parts = append(s.Parts, Part{c.strs[pt.attr], c.strs[pt.text], pt.line, pt.column, pt.endLine, pt.endColumn,
			pt.offset, pt.endOffset, pt.byteCol, pt.endByteCol})
	}
	return s
}

// check compares the statements held in memory group by group, as Check
// does the events of Cluster, and returns the findings sorted.
func (c *Collector) check() []checker.Finding {
	keys := make([]string, 0, len(c.groups))
	for k := range c.groups {
		keys = append(keys, c.strs[k])
	}
	slices.Sort(keys) // the order of the findings is sorted at the end; this keeps the work in one order
	var out []checker.Finding
	for _, k := range keys {
		group := c.groups[c.ids[k]]
		stmts := make([]Stmt, len(group))
		for i := range group {
			stmts[i] = c.unpack(&group[i])
		}
		out = append(out, Check(c.l, Cluster(c.l, stmts), nil)...)
	}
	checker.SortFindings(out)
	return out
}

// Each compares the collected statements group by group, as Check does
// the events of Cluster (with no findings of the run to give context to),
// and calls emit with each finding in sorted order. Once the
// statements are on disk it holds the findings of one share of them at a
// time; an error is a temporary file that could not be written or read.
func (c *Collector) Each(emit func(checker.Finding)) error {
	if c.disk != nil {
		return c.disk.each(c, emit)
	}
	for _, f := range c.check() {
		emit(f)
	}
	return nil
}
