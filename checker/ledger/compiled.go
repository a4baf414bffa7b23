package ledger

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"regexp"
	"time"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/lang"
	"go.yaml.in/yaml/v4"
)

// A compiled ledger is a loaded ledger written as a compact record, to be
// read back many times faster than its rule files are parsed and checked:
// numbers as varints, strings as their length and bytes, slices as a count
// (0 for nil, else one more than their length), in an order that writer
// and reader share and no field names. The strings read back are parts of
// the record's text, which is kept whole: one allocation for all of them.
// File names and time zones are written once each and then named by
// number; patterns are compiled again, zones loaded again by name, and the
// language is made again from the words: sections, kept as YAML trees.
//
// A record has one way to be written: the reader refuses what the writer
// would not have written (a varint longer than it needs, a count past the
// end, a name twice in its table) and never panics; what it accepts, the
// writer writes back byte for byte. It carries no checksum: the cache that
// keeps it in a file adds one.

// compiledMagic starts a compiled ledger; its version changes with the
// format.
const compiledMagic = "claimlint compiled ledger 1\n"

// ErrNotCompiled is what ReadCompiled returns for text that is not a whole
// compiled ledger.
var ErrNotCompiled = errors.New("not a whole compiled ledger")

// errNotCompilable is a ledger that cannot be written compiled: a words:
// section with an alias, which the language file refuses anyway.
var errNotCompilable = errors.New("ledger holds what a compiled ledger cannot")

// WriteCompiled writes the ledger compiled to w. It fails only when w does,
// or on a ledger that Load did not make.
func (l *Ledger) WriteCompiled(w io.Writer) error {
	cw := &cwriter{w: w, files: map[string]int{}, zones: map[*time.Location]int{}}
	cw.buf = append(cw.buf, compiledMagic...)
	n := l.count()
	for _, v := range n {
		cw.int(v)
	}
	cw.count(len(l.Entities), l.Entities == nil)
	for _, e := range l.Entities {
		cw.entity(e)
	}
	cw.count(len(l.Offices), l.Offices == nil)
	for _, o := range l.Offices {
		cw.office(o)
	}
	cw.count(len(l.Events), l.Events == nil)
	for _, e := range l.Events {
		cw.event(e)
	}
	cw.count(len(l.Coverage), l.Coverage == nil)
	for _, c := range l.Coverage {
		cw.strs(c.Kinds)
		cw.strs(c.Participants)
		cw.date(c.From)
		cw.date(c.To)
		cw.pos(c.Pos)
	}
	cw.count(len(l.Wording), l.Wording == nil)
	for _, x := range l.Wording {
		cw.str(x.ID)
		cw.regexp(x.Pattern)
		cw.date(x.After)
		cw.date(x.Before)
		cw.str(x.Message)
		cw.str(x.Replacement)
		cw.bool(x.HasFix)
		cw.str(x.Severity)
		cw.bool(x.Quoted)
		cw.pos(x.Pos)
		cw.str(x.Literal)
		cw.bool(x.Fold)
		cw.count(len(x.Except), x.Except == nil)
		for _, re := range x.Except {
			cw.regexp(re)
		}
	}
	cw.count(len(l.Tests), l.Tests == nil)
	for _, s := range l.Tests {
		cw.str(s.Name)
		cw.date(s.Published)
		cw.str(s.Text)
		cw.bool(s.None)
		cw.count(len(s.Want), s.Want == nil)
		for _, w := range s.Want {
			cw.str(w.Rule)
			cw.regexp(w.Message)
			cw.pos(w.Pos)
		}
		cw.pos(s.Pos)
	}
	cw.bool(l.Lang != nil)
	cw.count(len(l.words), l.words == nil)
	for _, fw := range l.words {
		cw.str(fw.file)
		cw.node(fw.node, 0)
	}
	cw.flush()
	return cw.err
}

// The slabs a compiled ledger is read into, in the order of their sizes
// at its head.
const (
	slabEntities = iota
	slabOffices
	slabTerms
	slabEvents
	slabSources
	slabStrings // the elements of every []string
	slabCoverage
	slabWording
	slabSpecs
	slabWants
	slabKinds
)

// leastBytes is the fewest bytes an element of each slab is written in.
var leastBytes = [slabKinds]int{
	slabEntities: 13, slabOffices: 11, slabTerms: 17, slabEvents: 34, slabSources: 9,
	slabStrings: 1, slabCoverage: 13, slabWording: 20, slabSpecs: 11, slabWants: 5,
}

// count returns the sizes of the slabs the ledger is read into.
func (l *Ledger) count() [slabKinds]int {
	var n [slabKinds]int
	n[slabEntities] = len(l.Entities)
	for _, e := range l.Entities {
		n[slabStrings] += len(e.Aliases) + len(e.Demonyms)
	}
	n[slabOffices] = len(l.Offices)
	for _, o := range l.Offices {
		n[slabStrings] += len(o.Phrasings)
		n[slabTerms] += len(o.Terms)
		for _, t := range o.Terms {
			n[slabSources] += len(t.Sources)
		}
	}
	n[slabEvents] = len(l.Events)
	for _, e := range l.Events {
		n[slabStrings] += len(e.Participants) + len(e.Visitors) + len(e.Hosts) + len(e.Media) + len(e.Venues) + len(e.Aliases)
		n[slabSources] += len(e.Sources)
	}
	n[slabCoverage] = len(l.Coverage)
	for _, c := range l.Coverage {
		n[slabStrings] += len(c.Kinds) + len(c.Participants)
	}
	n[slabWording] = len(l.Wording)
	n[slabSpecs] = len(l.Tests)
	for _, s := range l.Tests {
		n[slabWants] += len(s.Want)
	}
	return n
}

// cwriter writes a compiled ledger through a buffer.
type cwriter struct {
	w     io.Writer
	buf   []byte
	err   error
	files map[string]int         // the file names written, by number
	zones map[*time.Location]int // the zones written, by number from 1
	names map[string]bool        // the zones' names written
}

func (w *cwriter) flush() {
	if w.err == nil && len(w.buf) > 0 {
		_, w.err = w.w.Write(w.buf)
	}
	w.buf = w.buf[:0]
}

func (w *cwriter) grew() {
	if len(w.buf) >= 64<<10 {
		w.flush()
	}
}

func (w *cwriter) uint(v uint64) {
	w.buf = binary.AppendUvarint(w.buf, v)
	w.grew()
}

func (w *cwriter) int(v int) {
	w.buf = binary.AppendVarint(w.buf, int64(v))
	w.grew()
}

func (w *cwriter) str(s string) {
	w.buf = binary.AppendUvarint(w.buf, uint64(len(s)))
	w.buf = append(w.buf, s...)
	w.grew()
}

func (w *cwriter) bool(v bool) {
	b := byte(0)
	if v {
		b = 1
	}
	w.buf = append(w.buf, b)
	w.grew()
}

func (w *cwriter) count(n int, isNil bool) {
	if isNil {
		w.uint(0)
		return
	}
	w.uint(uint64(n) + 1)
}

func (w *cwriter) strs(ss []string) {
	w.count(len(ss), ss == nil)
	for _, s := range ss {
		w.str(s)
	}
}

func (w *cwriter) date(d civil.Date) {
	w.int(d.Y)
	w.int(d.M)
	w.int(d.D)
	w.int(int(d.Prec))
}

// pos writes a position's file by number: one past the names written is a
// new name, which follows.
func (w *cwriter) pos(p Pos) {
	i, ok := w.files[p.File]
	if !ok {
		i = len(w.files)
		w.files[p.File] = i
		w.uint(uint64(i))
		w.str(p.File)
	} else {
		w.uint(uint64(i))
	}
	w.int(p.Line)
	w.int(p.Col)
}

// zone writes a time zone by number from 1 (0: none); one past the zones
// written is a new one, whose name follows.
func (w *cwriter) zone(z *time.Location) {
	if z == nil {
		w.uint(0)
		return
	}
	i, ok := w.zones[z]
	if ok {
		w.uint(uint64(i))
		return
	}
	if w.names == nil {
		w.names = map[string]bool{}
	}
	if w.names[z.String()] || z.String() == "" {
		// Two zones of one name, or one without: not what Load makes.
		w.err = cmpErr(w.err, errNotCompilable)
		return
	}
	w.names[z.String()] = true
	i = len(w.zones) + 1
	w.zones[z] = i
	w.uint(uint64(i))
	w.str(z.String())
}

func cmpErr(err, next error) error {
	if err != nil {
		return err
	}
	return next
}

func (w *cwriter) regexp(re *regexp.Regexp) {
	w.bool(re != nil)
	if re != nil {
		w.str(re.String())
	}
}

func (w *cwriter) sources(ss []Source) {
	w.count(len(ss), ss == nil)
	for _, s := range ss {
		w.str(s.URL)
		w.str(s.Outlet)
		w.date(s.Date)
		w.pos(s.Pos)
	}
}

func (w *cwriter) entity(e *Entity) {
	w.str(e.ID)
	w.str(e.Kind)
	w.str(e.Name)
	w.str(e.Short)
	w.strs(e.Aliases)
	w.strs(e.Demonyms)
	w.str(e.Country)
	w.str(e.In)
	w.zone(e.TZ)
	w.str(e.Wikidata)
	w.pos(e.Pos)
}

func (w *cwriter) office(o *Office) {
	w.str(o.ID)
	w.str(o.Title)
	w.str(o.Country)
	w.str(o.Body)
	w.strs(o.Phrasings)
	w.bool(o.Multiple)
	w.count(len(o.Terms), o.Terms == nil)
	for _, t := range o.Terms {
		w.str(t.Holder)
		w.date(t.From)
		w.date(t.To)
		w.date(t.InOfficeOn)
		w.sources(t.Sources)
		w.pos(t.Pos)
	}
	w.str(o.Wikidata)
	w.pos(o.Pos)
}

func (w *cwriter) event(e *Event) {
	w.str(e.ID)
	w.str(e.Kind)
	w.str(e.Title)
	w.date(e.Start)
	w.date(e.End)
	w.str(e.Time)
	w.zone(e.TZ)
	w.str(e.Daypart)
	w.str(e.Status)
	w.str(e.PartOf)
	w.strs(e.Participants)
	w.strs(e.Visitors)
	w.strs(e.Hosts)
	w.str(e.Medium)
	w.strs(e.Media)
	w.str(e.Initiator)
	w.str(e.Venue)
	w.strs(e.Venues)
	w.int(int(e.Duration))
	w.int(int(e.DurationMax))
	w.str(e.Series)
	w.int(e.Round)
	w.strs(e.Aliases)
	w.sources(e.Sources)
	w.pos(e.Pos)
}

// maxNodeDepth bounds how deep a words: tree is read back: a damaged
// record must not recurse without end.
const maxNodeDepth = 1000

func (w *cwriter) node(n *yaml.Node, depth int) {
	if n.Alias != nil || n.Kind == yaml.AliasNode || depth >= maxNodeDepth {
		w.err = cmpErr(w.err, errNotCompilable)
		return
	}
	w.uint(uint64(n.Kind))
	w.uint(uint64(n.Style))
	w.str(n.Tag)
	w.str(n.Value)
	w.str(n.Anchor)
	w.str(n.HeadComment)
	w.str(n.LineComment)
	w.str(n.FootComment)
	w.int(n.Line)
	w.int(n.Column)
	w.count(len(n.Content), n.Content == nil)
	for _, c := range n.Content {
		w.node(c, depth+1)
	}
}

// ReadCompiled reads a ledger that WriteCompiled wrote. Its strings are
// parts of s. It returns ErrNotCompiled for anything else.
func ReadCompiled(s string) (*Ledger, error) {
	if len(s) < len(compiledMagic) || s[:len(compiledMagic)] != compiledMagic {
		return nil, ErrNotCompiled
	}
	r := &creader{s: s[len(compiledMagic):], zones: &zoneCache{}}
	// The slabs are allocated up front, but never past what the record
	// can hold: each element takes some bytes at least.
	least := 0
	for i := range r.n {
		r.n[i] = r.int()
		if r.n[i] < 0 || r.n[i] > len(r.s) {
			return nil, ErrNotCompiled
		}
		least += r.n[i] * leastBytes[i]
	}
	if r.bad || least > len(r.s) {
		return nil, ErrNotCompiled
	}
	r.entities = make([]Entity, r.n[slabEntities])
	r.offices = make([]Office, r.n[slabOffices])
	r.terms = make([]Term, r.n[slabTerms])
	r.events = make([]Event, r.n[slabEvents])
	r.sources = make([]Source, r.n[slabSources])
	r.strings = make([]string, r.n[slabStrings])
	r.coverage = make([]Coverage, r.n[slabCoverage])
	r.wording = make([]Wording, r.n[slabWording])
	r.specs = make([]Spec, r.n[slabSpecs])
	r.wants = make([]SpecWant, r.n[slabWants])

	l := &Ledger{}
	l.Entities = readPtrs(r, &r.entities, r.entity)
	l.Offices = readPtrs(r, &r.offices, r.office)
	l.Events = readPtrs(r, &r.events, r.event)
	l.Coverage = readPtrs(r, &r.coverage, r.cover)
	l.Wording = readPtrs(r, &r.wording, r.wordingRule)
	l.Tests = readPtrs(r, &r.specs, r.spec)
	hasLang := r.bool()
	if n, isNil := r.count(); !isNil {
		l.words = make([]fileWords, 0, n)
		for range n {
			file := r.str()
			l.words = append(l.words, fileWords{file, r.node(0)})
			if r.bad {
				break
			}
		}
	}
	if r.bad || len(r.s) != 0 || hasLang != (l.words != nil) {
		return nil, ErrNotCompiled
	}
	for _, rest := range []int{len(r.entities), len(r.offices), len(r.terms), len(r.events), len(r.sources),
		len(r.strings), len(r.coverage), len(r.wording), len(r.specs), len(r.wants)} {
		if rest != 0 {
			return nil, ErrNotCompiled
		}
	}
	if hasLang {
		l.Lang = lang.NewEnglish()
		for _, fw := range l.words {
			if l.Lang.AddNode(fw.file, fw.node) != nil {
				return nil, ErrNotCompiled
			}
		}
	}
	l.entities = make(map[string]*Entity, len(l.Entities))
	for _, e := range l.Entities {
		if l.entities[e.ID] != nil {
			return nil, ErrNotCompiled
		}
		l.entities[e.ID] = e
	}
	l.offices = make(map[string]*Office, len(l.Offices))
	for _, o := range l.Offices {
		if l.offices[o.ID] != nil {
			return nil, ErrNotCompiled
		}
		l.offices[o.ID] = o
	}
	l.events = make(map[string]*Event, len(l.Events))
	for _, e := range l.Events {
		if l.events[e.ID] != nil {
			return nil, ErrNotCompiled
		}
		l.events[e.ID] = e
	}
	return l, nil
}

// creader reads a compiled ledger. On damage it stops reading (every value
// from then on is zero) and bad is set.
type creader struct {
	s     string
	bad   bool
	n     [slabKinds]int
	files []string
	zones *zoneCache
	zone  []*time.Location // by number from 1
	names map[string]bool  // the zones' names read

	entities []Entity
	offices  []Office
	terms    []Term
	events   []Event
	sources  []Source
	strings  []string
	coverage []Coverage
	wording  []Wording
	specs    []Spec
	wants    []SpecWant
}

func (r *creader) fail() {
	r.bad, r.s = true, ""
}

// uint reads a varint as binary.Uvarint does, refusing one longer than it
// needs to be.
func (r *creader) uint() uint64 {
	var x uint64
	var shift uint
	for i := 0; i < len(r.s) && i < binary.MaxVarintLen64; i++ {
		b := r.s[i]
		if b < 0x80 {
			if i == binary.MaxVarintLen64-1 && b > 1 || i > 0 && b == 0 {
				break
			}
			r.s = r.s[i+1:]
			return x | uint64(b)<<shift
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	r.fail()
	return 0
}

func (r *creader) uint32() uint32 {
	v := r.uint()
	if v > math.MaxUint32 {
		r.fail()
		return 0
	}
	return uint32(v)
}

func (r *creader) int() int {
	ux := r.uint()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return int(x)
}

func (r *creader) str() string {
	n := r.uint()
	if n > uint64(len(r.s)) {
		r.fail()
		return ""
	}
	v := r.s[:n]
	r.s = r.s[n:]
	return v
}

func (r *creader) bool() bool {
	if len(r.s) == 0 || r.s[0] > 1 {
		r.fail()
		return false
	}
	v := r.s[0] == 1
	r.s = r.s[1:]
	return v
}

// count reads what cwriter.count wrote; a count past the end is damage.
func (r *creader) count() (n int, isNil bool) {
	v := r.uint()
	if v == 0 {
		return 0, true
	}
	if v-1 > uint64(len(r.s)) {
		r.fail()
		return 0, true
	}
	return int(v - 1), false
}

// take returns the next n elements of a slab, or fails when it has fewer.
func take[T any](r *creader, slab *[]T, n int) []T {
	if n > len(*slab) {
		r.fail()
		return nil
	}
	out := (*slab)[:n:n]
	*slab = (*slab)[n:]
	return out
}

// readPtrs reads a slice of pointers to elements of slab, each by read.
func readPtrs[T any](r *creader, slab *[]T, read func(*T)) []*T {
	n, isNil := r.count()
	if isNil {
		return nil
	}
	elems := take(r, slab, n)
	out := make([]*T, len(elems))
	for i := range elems {
		read(&elems[i])
		if r.bad {
			return nil
		}
		out[i] = &elems[i]
	}
	return out
}

func (r *creader) strs() []string {
	n, isNil := r.count()
	if isNil {
		return nil
	}
	out := take(r, &r.strings, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *creader) date() civil.Date {
	return civil.Date{Y: r.int(), M: r.int(), D: r.int(), Prec: civil.Precision(r.int())}
}

func (r *creader) pos() Pos {
	i := r.uint()
	switch {
	case i < uint64(len(r.files)):
	case i == uint64(len(r.files)):
		f := r.str()
		for _, g := range r.files {
			if g == f {
				r.fail() // a name twice
				return Pos{}
			}
		}
		r.files = append(r.files, f)
	default:
		r.fail()
		return Pos{}
	}
	return Pos{File: r.files[i], Line: r.int(), Col: r.int()}
}

func (r *creader) zoneRef() *time.Location {
	i := r.uint()
	switch {
	case i == 0:
		return nil
	case i <= uint64(len(r.zone)):
		return r.zone[i-1]
	case i == uint64(len(r.zone))+1:
		name := r.str()
		if r.names == nil {
			r.names = map[string]bool{}
		}
		z := r.zones.load(name)
		if r.bad || name == "" || r.names[name] || z == nil || z.String() != name {
			r.fail()
			return nil
		}
		r.names[name] = true
		r.zone = append(r.zone, z)
		return z
	}
	r.fail()
	return nil
}

func (r *creader) regexp() *regexp.Regexp {
	if !r.bool() {
		return nil
	}
	s := r.str()
	re, err := regexp.Compile(s)
	if r.bad || err != nil || re.String() != s {
		r.fail()
		return nil
	}
	return re
}

func (r *creader) sourceList() []Source {
	n, isNil := r.count()
	if isNil {
		return nil
	}
	out := take(r, &r.sources, n)
	for i := range out {
		out[i] = Source{URL: r.str(), Outlet: r.str(), Date: r.date(), Pos: r.pos()}
	}
	return out
}

func (r *creader) entity(e *Entity) {
	*e = Entity{
		ID: r.str(), Kind: r.str(), Name: r.str(), Short: r.str(), Aliases: r.strs(), Demonyms: r.strs(),
		Country: r.str(), In: r.str(), TZ: r.zoneRef(), Wikidata: r.str(), Pos: r.pos(),
	}
}

func (r *creader) office(o *Office) {
	*o = Office{ID: r.str(), Title: r.str(), Country: r.str(), Body: r.str(), Phrasings: r.strs(), Multiple: r.bool()}
	if n, isNil := r.count(); !isNil {
		o.Terms = take(r, &r.terms, n)
		for i := range o.Terms {
			o.Terms[i] = Term{Holder: r.str(), From: r.date(), To: r.date(), InOfficeOn: r.date(), Sources: r.sourceList(), Pos: r.pos()}
		}
	}
	o.Wikidata = r.str()
	o.Pos = r.pos()
}

func (r *creader) event(e *Event) {
	*e = Event{
		ID: r.str(), Kind: r.str(), Title: r.str(), Start: r.date(), End: r.date(), Time: r.str(), TZ: r.zoneRef(),
		Daypart: r.str(), Status: r.str(), PartOf: r.str(), Participants: r.strs(), Visitors: r.strs(), Hosts: r.strs(),
		Medium: r.str(), Media: r.strs(), Initiator: r.str(), Venue: r.str(), Venues: r.strs(),
		Duration: time.Duration(r.int()), DurationMax: time.Duration(r.int()), Series: r.str(), Round: r.int(),
		Aliases: r.strs(), Sources: r.sourceList(), Pos: r.pos(),
	}
}

func (r *creader) cover(c *Coverage) {
	*c = Coverage{Kinds: r.strs(), Participants: r.strs(), From: r.date(), To: r.date(), Pos: r.pos()}
}

func (r *creader) wordingRule(w *Wording) {
	*w = Wording{
		ID: r.str(), Pattern: r.regexp(), After: r.date(), Before: r.date(), Message: r.str(), Replacement: r.str(),
		HasFix: r.bool(), Severity: r.str(), Quoted: r.bool(), Pos: r.pos(), Literal: r.str(), Fold: r.bool(),
	}
	// A count is at most the bytes left, so a damaged one cannot make
	// room for more patterns than the record could hold.
	if n, isNil := r.count(); !isNil {
		w.Except = make([]*regexp.Regexp, 0, n)
		for range n {
			if r.bad {
				return
			}
			w.Except = append(w.Except, r.regexp())
		}
	}
}

func (r *creader) spec(s *Spec) {
	*s = Spec{Name: r.str(), Published: r.date(), Text: r.str(), None: r.bool()}
	if n, isNil := r.count(); !isNil {
		s.Want = take(r, &r.wants, n)
		for i := range s.Want {
			s.Want[i] = SpecWant{Rule: r.str(), Message: r.regexp(), Pos: r.pos()}
		}
	}
	s.Pos = r.pos()
}

func (r *creader) node(depth int) *yaml.Node {
	if depth >= maxNodeDepth {
		r.fail()
		return nil
	}
	n := &yaml.Node{
		Kind: yaml.Kind(r.uint32()), Style: yaml.Style(r.uint32()), Tag: r.str(), Value: r.str(), Anchor: r.str(),
		HeadComment: r.str(), LineComment: r.str(), FootComment: r.str(), Line: r.int(), Column: r.int(),
	}
	if n.Kind == yaml.AliasNode {
		r.fail()
		return nil
	}
	if k, isNil := r.count(); !isNil {
		n.Content = make([]*yaml.Node, 0, k)
		for range k {
			n.Content = append(n.Content, r.node(depth+1))
			if r.bad {
				return nil
			}
		}
	}
	return n
}
