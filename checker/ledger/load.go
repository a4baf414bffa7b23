package ledger

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/lang"
	"go.yaml.in/yaml/v4"
)

// Error is one problem in a rule file, at a position.
type Error struct {
	Pos Pos
	Msg string
}

func (e Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is every problem found while loading, sorted by position.
type ErrorList []Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// sort orders the list by position and drops repeats (an alias expanded
// many times repeats its errors).
func (l *ErrorList) sort() {
	sort.SliceStable(*l, func(i, j int) bool {
		l := *l
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	out := (*l)[:0]
	for i, e := range *l {
		if i > 0 && e == (*l)[i-1] {
			continue
		}
		out = append(out, e)
	}
	*l = out
}

// File is a rule file's name, as it should appear in messages, and content.
type File struct {
	Name string
	Data []byte
}

// ReadFS reads every .yaml and .yml file below root in fsys, in lexical
// order. Names in the result are root-relative paths joined to prefix.
func ReadFS(fsys fs.FS, root, prefix string) ([]File, error) {
	var files []File
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if ext := path.Ext(p); ext != ".yaml" && ext != ".yml" {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files = append(files, File{Name: path.Join(prefix, p), Data: data})
		return nil
	})
	return files, err
}

// ReadPaths reads rule files from paths on disk: a file is read as it is, a
// folder is walked for .yaml and .yml files.
func ReadPaths(paths []string) ([]File, error) {
	var files []File
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		if !st.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("rules: %w", err)
			}
			files = append(files, File{Name: p, Data: data})
			continue
		}
		fsFiles, err := ReadFS(os.DirFS(p), ".", p)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		if len(fsFiles) == 0 {
			return nil, fmt.Errorf("rules: %s holds no .yaml or .yml file", p)
		}
		for i := range fsFiles {
			fsFiles[i].Name = filepath.ToSlash(fsFiles[i].Name)
		}
		files = append(files, fsFiles...)
	}
	return files, nil
}

// Load parses and validates rule files into one ledger. On any problem it
// returns an ErrorList naming every problem found, each at its position.
func Load(files []File) (*Ledger, error) {
	zones := &zoneCache{}
	docs := decodeFiles(files, zones)
	var n struct {
		entities, offices, events, wording          int
		shapedEntities, shapedOffices, shapedEvents int // of those, not converted as decoded
	}
	for _, doc := range docs {
		for _, d := range doc.parts {
			n.entities += len(d.Entities)
			n.offices += len(d.Offices)
			n.events += len(d.Events)
			n.wording += len(d.Wording)
			n.shapedEntities += len(d.Entities)
			n.shapedOffices += len(d.Offices)
			n.shapedEvents += len(d.Events)
			if c := d.done; c != nil {
				n.entities += len(c.entities)
				n.offices += len(c.offices)
				n.events += len(c.events)
				n.wording += len(c.wording)
			}
		}
	}
	// Sized up front: a large ledger would otherwise grow them many times.
	l := &loader{
		led: &Ledger{
			Entities: make([]*Entity, 0, n.entities),
			Offices:  make([]*Office, 0, n.offices),
			Events:   make([]*Event, 0, n.events),
			entities: make(map[string]*Entity, n.entities),
			offices:  make(map[string]*Office, n.offices),
			events:   make(map[string]*Event, n.events),
		},
		ids:        make(map[string]Pos, n.entities+n.offices+n.events+n.wording),
		conv:       conv{refs: make([]ref, 0, 2*n.shapedEntities+2*n.shapedOffices+3*n.shapedEvents), zones: zones, data: map[string][]byte{}},
		entitySlab: make([]Entity, n.shapedEntities),
		eventSlab:  make([]Event, n.shapedEvents),
	}
	for i, f := range files {
		l.data[f.Name] = f.Data
		if docs[i].err != nil {
			l.yamlErr(f.Name, docs[i].err)
		}
	}
	// Entities first: everything else refers to them.
	for _, d := range docs {
		list(l, d, func(p *ruleFile) []item[entityY] { return p.Entities }, l.entity,
			func(c *converted) *[]done[*Entity] { return &c.entities }, "entity", l.addEntity)
	}
	for _, d := range docs {
		list(l, d, func(p *ruleFile) []item[officeY] { return p.Offices }, l.office,
			func(c *converted) *[]done[*Office] { return &c.offices }, "office", l.addOffice)
		list(l, d, func(p *ruleFile) []item[eventY] { return p.Events }, l.event,
			func(c *converted) *[]done[*Event] { return &c.events }, "event", l.addEvent)
		list(l, d, func(p *ruleFile) []item[coverY] { return p.Coverage }, l.coverage,
			func(c *converted) *[]done[*Coverage] { return &c.coverage }, "", l.addCoverage)
		list(l, d, func(p *ruleFile) []item[wordingY] { return p.Wording }, l.wording,
			func(c *converted) *[]done[*Wording] { return &c.wording }, "wording rule", l.addWording)
		each(d, func(p *ruleFile) []item[specY] { return p.Tests }, l.spec)
		for i := range d.parts {
			l.words(d.name, &d.parts[i].Words)
			d.parts[i].done = nil
		}
	}
	l.resolveRefs()
	l.resolveEvents()
	if len(l.errs) > 0 {
		l.errs.sort()
		return nil, l.errs
	}
	return l.led, nil
}

// words reads a file's words into the ledger's language, which starts as
// the embedded English; every problem is reported at its position.
func (l *loader) words(file string, n *yaml.Node) {
	if n.Kind == 0 || isNull(n) {
		return
	}
	if l.led.Lang == nil {
		l.led.Lang = lang.NewEnglish()
	}
	// Kept to write the ledger compiled (compiled.go); a copy of the top
	// node, so as not to keep the shapes it is part of.
	l.led.words = append(l.led.words, fileWords{file, new(*n)})
	if err := l.led.Lang.AddNode(file, n); err != nil {
		var es lang.Errors
		if errors.As(err, &es) {
			for _, e := range es {
				l.errorf(Pos{File: e.File, Line: e.Line, Col: e.Col}, "words: %s", e.Msg)
			}
			return
		}
		l.errorf(Pos{File: file, Line: n.Line, Col: n.Column}, "words: %v", err)
	}
}

// each calls f with every item of one list of a file, in file order, across
// the parts it was decoded in.
func each[T any](d fileDoc, list func(*ruleFile) []item[T], f func(file string, it *item[T])) {
	for i := range d.parts {
		items := list(&d.parts[i])
		for j := range items {
			f(d.name, &items[j])
		}
	}
}

// list loads one list of a file in file order, across the parts it was
// decoded in: the items converted as they were decoded (which are then
// dropped), and the shapes.
func list[T, M any](l *loader, d fileDoc, shapes func(*ruleFile) []item[T], load func(string, *item[T]),
	converted func(*converted) *[]done[M], what string, add func(M)) {
	for i := range d.parts {
		p := &d.parts[i]
		if p.done != nil {
			items := converted(p.done)
			commit(l, d.name, p.done, *items, what, add)
			*items = nil
		}
		items := shapes(p)
		for j := range items {
			load(d.name, &items[j])
		}
	}
}

// decodeFiles decodes the files, several at a time.
func decodeFiles(files []File, zones *zoneCache) []fileDoc {
	docs := make([]fileDoc, len(files))
	decode := func(i int) {
		parts, err := decodeFile(files[i].Data, &converter{file: files[i].Name, zones: zones})
		docs[i] = fileDoc{name: files[i].Name, parts: parts, err: err}
	}
	if len(files) == 1 {
		decode(0)
		return docs
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				decode(i)
			}
		})
	}
	wg.Wait()
	return docs
}

// fileDoc is a decoded file: its parts, in file order (a file decoded in
// chunks has one part a chunk), and what went wrong decoding it.
type fileDoc struct {
	name  string
	parts []ruleFile
	err   error
}

// The YAML shapes. Scalars that a message may need to point at are str or
// strs, which keep their position.

type ruleFile struct {
	Schema   str              `yaml:"$schema"`
	Entities []item[entityY]  `yaml:"entities"`
	Offices  []item[officeY]  `yaml:"offices"`
	Events   []item[eventY]   `yaml:"events"`
	Coverage []item[coverY]   `yaml:"coverage"`
	Wording  []item[wordingY] `yaml:"wording"`
	Tests    []item[specY]    `yaml:"tests"`
	// Words add to the language file: a newsroom's own event words,
	// hedges, units. Their shape is the language file's (checker/lang).
	Words yaml.Node `yaml:"words"`

	// done holds the items of the lists above converted as they were
	// decoded, when they were (convert.go); the lists are then empty.
	done *converted
}

type specY struct {
	Name      str       `yaml:"name"`
	Published str       `yaml:"published"`
	Text      str       `yaml:"text"`
	Want      yaml.Node `yaml:"want"`
}

type wantY struct {
	Rule    str `yaml:"rule"`
	Message str `yaml:"message"`
}

type entityY struct {
	ID       str  `yaml:"id"`
	Kind     str  `yaml:"kind"`
	Name     str  `yaml:"name"`
	Short    str  `yaml:"short"`
	Aliases  strs `yaml:"aliases"`
	Demonyms strs `yaml:"demonyms"`
	Country  str  `yaml:"country"`
	In       str  `yaml:"in"`
	TZ       str  `yaml:"tz"`
	Wikidata str  `yaml:"wikidata"`
}

type sourceY struct {
	URL    str `yaml:"url"`
	Outlet str `yaml:"outlet"`
	Date   str `yaml:"date"`
}

type termY struct {
	Who        str       `yaml:"who"`
	From       str       `yaml:"from"`
	To         str       `yaml:"to"`
	InOfficeOn str       `yaml:"in-office-on"`
	Sources    []sourceY `yaml:"sources"`
	Note       str       `yaml:"note"`
}

type officeY struct {
	ID        str           `yaml:"id"`
	Title     str           `yaml:"title"`
	Country   str           `yaml:"country"`
	Body      str           `yaml:"body"`
	Phrasings strs          `yaml:"phrasings"`
	Multiple  bool          `yaml:"multiple"`
	Holders   []item[termY] `yaml:"holders"`
	Note      str           `yaml:"note"`
	Wikidata  str           `yaml:"wikidata"`
}

type eventY struct {
	ID           str       `yaml:"id"`
	Kind         str       `yaml:"kind"`
	Title        str       `yaml:"title"`
	Date         str       `yaml:"date"`
	End          str       `yaml:"end"`
	Time         str       `yaml:"time"`
	TZ           str       `yaml:"tz"`
	Daypart      str       `yaml:"daypart"`
	Status       str       `yaml:"status"`
	PartOf       str       `yaml:"part-of"`
	Participants strs      `yaml:"participants"`
	Visitor      strs      `yaml:"visitor"`
	Host         strs      `yaml:"host"`
	Medium       oneOrMore `yaml:"medium"`
	Initiator    str       `yaml:"initiator"`
	Venue        oneOrMore `yaml:"venue"`
	Duration     str       `yaml:"duration"`
	Series       str       `yaml:"series"`
	Round        int       `yaml:"round"`
	Aliases      strs      `yaml:"aliases"`
	Sources      []sourceY `yaml:"sources"`
	Note         str       `yaml:"note"`
}

type coverY struct {
	Kinds        strs      `yaml:"kinds"`
	Participants strs      `yaml:"participants"`
	From         str       `yaml:"from"`
	To           str       `yaml:"to"`
	Sources      []sourceY `yaml:"sources"`
	Note         str       `yaml:"note"`
}

type wordingY struct {
	ID          str  `yaml:"id"`
	Pattern     str  `yaml:"pattern"`
	After       str  `yaml:"after"`
	Before      str  `yaml:"before"`
	Message     str  `yaml:"message"`
	Replacement str  `yaml:"replacement"`
	Severity    str  `yaml:"severity"`
	Quoted      bool `yaml:"quoted"`
	Except      strs `yaml:"except"`
}

// str is a YAML scalar with its position.
type str struct {
	V         string
	Line, Col int
	set       bool
}

func (s *str) UnmarshalYAML(n *yaml.Node) error {
	s.Line, s.Col, s.set = n.Line, n.Column, true
	if n.Kind != yaml.ScalarNode {
		return errors.New("expected a single value here, not a list or mapping")
	}
	s.V = n.Value
	return nil
}

type strs []str

// oneOrMore is a YAML scalar or a list of them, each with its position:
// an attribute with one value or several accepted values.
type oneOrMore struct {
	V         strs
	Line, Col int
	set       bool
}

// UnmarshalYAML reads a scalar or a sequence of scalars; anything else is
// an error, and leaves o unset so that no second message follows.
func (o *oneOrMore) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*o = oneOrMore{V: strs{{V: n.Value, Line: n.Line, Col: n.Column, set: true}}, Line: n.Line, Col: n.Column, set: true}
		return nil
	case yaml.SequenceNode:
		var vs strs
		if err := n.Load(&vs); err != nil {
			return err
		}
		*o = oneOrMore{V: vs, Line: n.Line, Col: n.Column, set: true}
		return nil
	}
	return errors.New("expected a value or a list of values here, not a mapping")
}

// item is one entry of a top-level list: its fields, its position, and what
// went wrong decoding it, so one bad key does not hide the rest of the file.
type item[T any] struct {
	V         T
	Line, Col int
	err       error
}

func (it *item[T]) UnmarshalYAML(n *yaml.Node) error {
	it.Line, it.Col = n.Line, n.Column
	if n.Kind != yaml.MappingNode {
		it.err = &yaml.LoadError{Message: "expected a mapping of keys to values", Mark: mark(n)}
		return nil
	}
	it.err = n.Load(&it.V, yaml.WithKnownFields())
	return nil
}

func mark(n *yaml.Node) yaml.Mark { return yaml.Mark{Line: n.Line, Column: n.Column} }

type loader struct {
	conv
	led *Ledger
	ids map[string]Pos
	// refRuns are the references to check, in load order, before those in
	// refs: runs of them as converted parts hold them (see takeRefs).
	refRuns [][]ref

	// What entities and events are allocated from, one at a time.
	entitySlab []Entity
	eventSlab  []Event
}

// conv turns an item's shape into the model: everything of loading an item
// but claiming its id and adding it to the ledger, which depend on the
// items before it. The loader converts as it goes; a file decoded in chunks
// is converted in the decoding workers, each with a conv of its own, and
// the loader then claims the ids and takes each item's problems, references
// and later checks in file order, or drops them with an item whose id it
// refuses, as it would have converted it.
type conv struct {
	errs  ErrorList
	refs  []ref
	later []eventLater // events to check once all are loaded
	zones *zoneCache
	data  map[string][]byte // each file's text, for hints in messages
}

// zoneCache holds the time zones loaded, nil for unknown ones, for every
// conv of a load.
type zoneCache struct {
	mu sync.Mutex
	m  map[string]*time.Location
}

// ref is an id that must name an entity of a kind its rule allows.
type ref struct {
	id   str
	file string
	rule *refRule
}

// refRule is what a ref is, in messages, and the kinds of entity it may name.
type refRule struct {
	what  string
	kinds []string
}

var (
	refCountry     = &refRule{"country", []string{Country}}
	refPlace       = &refRule{"place", []string{Place, Country}}
	refBody        = &refRule{"body", []string{Organisation}}
	refHolder      = &refRule{"holder", []string{Person}}
	refParticipant = &refRule{"participant", []string{Person, Country, Organisation}}
	refInitiator   = &refRule{"initiator", []string{Person, Country, Organisation}}
	refVenue       = &refRule{"venue", []string{Place, Country}}
)

func (l *conv) errorf(p Pos, format string, args ...any) {
	l.errs = append(l.errs, Error{Pos: p, Msg: fmt.Sprintf(format, args...)})
}

func (l *conv) at(file string, s str) Pos { return Pos{File: file, Line: s.Line, Col: s.Col} }

var unknownField = regexp.MustCompile(`^field (\S+) not found in type \S+$`)

func (l *conv) yamlErr(file string, err error) {
	var many *yaml.LoadErrors
	var one *yaml.LoadError
	switch {
	case errors.As(err, &many):
		for _, e := range many.Errors {
			l.yamlOne(file, e)
		}
	case errors.As(err, &one):
		l.yamlOne(file, one)
	default:
		l.errorf(Pos{File: file}, "%v", err)
	}
}

func (l *conv) yamlOne(file string, e *yaml.LoadError) {
	msg := e.Message
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("unknown key %q", m[1])
	}
	if strings.Contains(msg, "cannot start any token") && l.charAt(file, e.Mark.Line, e.Mark.Column) == '\t' {
		msg = "a tab character: YAML indents with spaces only"
	}
	l.errorf(Pos{File: file, Line: e.Mark.Line, Col: e.Mark.Column}, "%s", msg)
}

// charAt returns the byte at a 1-based line and column of a file, or 0.
func (l *conv) charAt(file string, line, col int) byte {
	lines := bytes.Split(l.data[file], []byte("\n"))
	if line < 1 || line > len(lines) || col < 1 || col > len(lines[line-1]) {
		return 0
	}
	return lines[line-1][col-1]
}

func (l *conv) itemErr(file string, err error) {
	if err != nil {
		l.yamlErr(file, err)
	}
}

func (l *loader) claimID(file string, id str, what string, line, col int) bool {
	if !id.set || id.V == "" {
		l.errorf(Pos{file, line, col}, "%s has no id", what)
		return false
	}
	p := l.at(file, id)
	if prev, ok := l.ids[id.V]; ok {
		l.errorf(p, "duplicate id %q: already declared at %s; rename one of them (and every reference to it) or delete one", id.V, prev)
		return false
	}
	if !validID(id.V) {
		l.errorf(p, "id %q: use lowercase letters, digits, '-' and '_'", id.V)
	}
	l.ids[id.V] = p
	return true
}

// qid returns a wikidata: value, a Wikidata item id (Q and digits).
func (l *conv) qid(file string, s str) string {
	if !s.set || s.V == "" {
		return ""
	}
	if !ValidQID(s.V) {
		l.errorf(l.at(file, s), "wikidata %q: want a Wikidata item id, Q and digits (Q42)", s.V)
		return ""
	}
	return s.V
}

// ValidQID reports whether s is a Wikidata item id: it matches ^Q[1-9][0-9]*$.
func ValidQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' || s[1] == '0' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validID reports whether id matches ^[a-z0-9][a-z0-9_-]*$.
func validID(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || i > 0 && (c == '_' || c == '-')) {
			return false
		}
	}
	return id != ""
}

func (l *conv) date(file string, s str, what string) civil.Date {
	if !s.set || s.V == "" {
		return civil.Date{}
	}
	d, err := civil.ParseDate(s.V)
	if err != nil {
		l.errorf(l.at(file, s), "%s: %v", what, err)
		return civil.Date{}
	}
	return d
}

func (l *conv) tz(file string, s str) *time.Location {
	if !s.set || s.V == "" {
		return nil
	}
	loc := l.zones.load(s.V)
	if loc == nil {
		l.errorf(l.at(file, s), "unknown time zone %q (use an IANA tz database name, Area/City)", s.V)
		return nil
	}
	return loc
}

// load returns the zone named name, or nil for an unknown one. Loading a
// zone reads the tz database; a ledger names few zones, each loaded once.
func (z *zoneCache) load(name string) *time.Location {
	z.mu.Lock()
	defer z.mu.Unlock()
	loc, ok := z.m[name]
	if !ok {
		var err error
		if loc, err = time.LoadLocation(name); err != nil {
			loc = nil
		}
		if z.m == nil {
			z.m = map[string]*time.Location{}
		}
		z.m[name] = loc
	}
	return loc
}

// label names an item in a message: its kind, its id when it has one, and
// what part of it is meant. It is formatted only when a message is written.
type label struct{ kind, id, part string }

func (w label) String() string {
	s := w.kind
	if w.id != "" {
		s += " " + strconv.Quote(w.id) // as %q writes it
	}
	return s + w.part
}

func (l *conv) need(file string, s str, line, col int, what label, key string) bool {
	if !s.set || strings.TrimSpace(s.V) == "" {
		l.errorf(Pos{file, line, col}, "%s has no %s", what, key)
		return false
	}
	return true
}

func (l *conv) refer(file string, s str, rule *refRule) {
	if s.set && s.V != "" {
		l.refs = append(l.refs, ref{id: s, file: file, rule: rule})
	}
}

func values(ss strs) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if t := strings.TrimSpace(s.V); t != "" {
			out = append(out, t)
		}
	}
	return out
}

var entityKinds = []string{Person, Country, Organisation, Place, Outlet}

func (l *loader) entity(file string, it *item[entityY]) {
	l.itemErr(file, it.err)
	if l.claimID(file, it.V.ID, "entity", it.Line, it.Col) {
		l.addEntity(l.conv.entity(file, it, l.newEntity()))
	}
}

func (l *loader) addEntity(e *Entity) {
	l.led.Entities = append(l.led.Entities, e)
	l.led.entities[e.ID] = e
}

// entity converts an entity whose id is claimed into e.
func (l *conv) entity(file string, it *item[entityY], e *Entity) *Entity {
	y := &it.V
	what := label{kind: "entity", id: y.ID.V}
	*e = Entity{
		ID: y.ID.V, Kind: y.Kind.V, Name: strings.TrimSpace(y.Name.V), Short: y.Short.V,
		Demonyms: values(y.Demonyms), Country: y.Country.V, In: y.In.V,
		TZ: l.tz(file, y.TZ), Wikidata: l.qid(file, y.Wikidata), Pos: Pos{file, it.Line, it.Col},
	}
	if l.need(file, y.Kind, it.Line, it.Col, what, "kind") && !slices.Contains(entityKinds, e.Kind) {
		l.errorf(l.at(file, y.Kind), "unknown entity kind %q (want one of %s)", e.Kind, strings.Join(entityKinds, ", "))
	}
	l.need(file, y.Name, it.Line, it.Col, what, "name")
	// The name, then the aliases, each once. An entity has few, looked
	// through; a map only for one that has many.
	e.Aliases = make([]string, 0, 1+len(y.Aliases))
	var seen map[string]bool
	if len(y.Aliases) > 16 {
		seen = make(map[string]bool, 1+len(y.Aliases))
	}
	add := func(a string) {
		switch {
		case a == "":
		case seen != nil:
			if !seen[a] {
				seen[a] = true
				e.Aliases = append(e.Aliases, a)
			}
		case !slices.Contains(e.Aliases, a):
			e.Aliases = append(e.Aliases, a)
		}
	}
	add(e.Name)
	for _, a := range y.Aliases {
		add(strings.TrimSpace(a.V))
	}
	if len(e.Aliases) == 0 {
		e.Aliases = nil
	}
	if len(e.Demonyms) > 0 && e.Kind != Country {
		l.errorf(l.at(file, y.Demonyms[0]), "%s: only a country has demonyms", what)
	}
	if e.Country != "" && e.Kind != Person && e.Kind != Organisation {
		l.errorf(l.at(file, y.Country), "%s: only a person or organisation has a country; a place uses 'in'", what)
	}
	l.refer(file, y.Country, refCountry)
	l.refer(file, y.In, refPlace)
	return e
}

func (l *loader) newEntity() *Entity {
	if len(l.entitySlab) == 0 {
		return new(Entity)
	}
	e := &l.entitySlab[0]
	l.entitySlab = l.entitySlab[1:]
	return e
}

func (l *loader) newEvent() *Event {
	if len(l.eventSlab) == 0 {
		return new(Event)
	}
	e := &l.eventSlab[0]
	l.eventSlab = l.eventSlab[1:]
	return e
}

func (l *conv) sources(file string, ys []sourceY) []Source {
	var out []Source
	for _, s := range ys {
		if !s.URL.set && !s.Outlet.set {
			continue
		}
		pos := l.at(file, s.URL)
		if !s.URL.set {
			pos = l.at(file, s.Outlet)
		}
		out = append(out, Source{URL: s.URL.V, Outlet: s.Outlet.V, Date: l.date(file, s.Date, "source date"), Pos: pos})
	}
	return out
}

func (l *loader) office(file string, it *item[officeY]) {
	l.itemErr(file, it.err)
	if l.claimID(file, it.V.ID, "office", it.Line, it.Col) {
		l.addOffice(l.conv.office(file, it))
	}
}

func (l *loader) addOffice(o *Office) {
	l.led.Offices = append(l.led.Offices, o)
	l.led.offices[o.ID] = o
}

// office converts an office whose id is claimed.
func (l *conv) office(file string, it *item[officeY]) *Office {
	y := &it.V
	what := label{kind: "office", id: y.ID.V}
	o := &Office{
		ID: y.ID.V, Title: y.Title.V, Country: y.Country.V, Body: y.Body.V,
		Phrasings: values(y.Phrasings), Multiple: y.Multiple, Wikidata: l.qid(file, y.Wikidata),
		Pos: Pos{file, it.Line, it.Col},
	}
	l.need(file, y.Title, it.Line, it.Col, what, "title")
	if len(o.Phrasings) == 0 {
		l.errorf(o.Pos, "%s has no phrasings: list how articles name it (\"U.S. President\")", what)
	}
	l.refer(file, y.Country, refCountry)
	l.refer(file, y.Body, refBody)
	for _, h := range y.Holders {
		l.itemErr(file, h.err)
		hp := Pos{file, h.Line, h.Col}
		if !l.need(file, h.V.Who, h.Line, h.Col, label{"office", y.ID.V, " holder"}, "who") {
			continue
		}
		l.refer(file, h.V.Who, refHolder)
		t := Term{
			Holder:     h.V.Who.V,
			From:       l.date(file, h.V.From, "from"),
			To:         l.date(file, h.V.To, "to"),
			InOfficeOn: l.date(file, h.V.InOfficeOn, "in-office-on"),
			Sources:    l.sources(file, h.V.Sources),
			Pos:        hp,
		}
		if h.V.InOfficeOn.set {
			switch {
			case h.V.From.set:
				l.errorf(l.at(file, h.V.InOfficeOn), "%s holder %q has both from and in-office-on: in-office-on is for a term whose start is unknown", what, t.Holder)
				continue
			case !t.InOfficeOn.IsZero() && t.InOfficeOn.Prec != civil.Day:
				l.errorf(l.at(file, h.V.InOfficeOn), "in-office-on %s: give a full date, YYYY-MM-DD, on which the holder held the office", t.InOfficeOn)
				continue
			case !t.To.IsZero() && !t.InOfficeOn.IsZero() && !t.To.Last().After(t.InOfficeOn.First()):
				l.errorf(l.at(file, h.V.To), "to %s is not after in-office-on %s", t.To, t.InOfficeOn)
				continue
			}
			if !t.InOfficeOn.IsZero() {
				o.Terms = append(o.Terms, t)
			}
			continue
		}
		if !h.V.From.set {
			l.errorf(hp, "%s holder %q has no from date", what, t.Holder)
			continue
		}
		if !t.To.IsZero() && !t.From.IsZero() && t.To.Last().Before(t.From.First()) {
			l.errorf(l.at(file, h.V.To), "to %s is before from %s", t.To, t.From)
			continue
		}
		if t.From.IsZero() {
			continue
		}
		o.Terms = append(o.Terms, t)
	}
	if !o.Multiple {
		l.overlaps(o)
	}
	return o
}

// overlaps reports terms of a single-holder office that certainly overlap.
func (l *conv) overlaps(o *Office) {
	far := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	for i := range o.Terms {
		for j := i + 1; j < len(o.Terms); j++ {
			a, b := o.Terms[i], o.Terms[j]
			aEnd, bEnd := far, far
			if !a.To.IsZero() {
				aEnd = a.To.First()
			}
			if !b.To.IsZero() {
				bEnd = b.To.First()
			}
			// Certain overlap: each starts (at its latest) before the other ends (at its earliest).
			if a.Start().Last().Before(bEnd) && b.Start().Last().Before(aEnd) {
				l.errorf(b.Pos, "office %q has one holder at a time, but this term (%s) overlaps the term at %s (%s)",
					o.ID, termText(b), a.Pos, termText(a))
			}
		}
	}
}

// termText names a term in a message: "putin from 2012-05-07", or "putin
// in office on 2019-03-01" when its start is unknown.
func termText(t Term) string {
	if t.From.IsZero() {
		return fmt.Sprintf("%s in office on %s", t.Holder, t.InOfficeOn)
	}
	return fmt.Sprintf("%s from %s", t.Holder, t.From)
}

var media = []string{Phone, Video, InPerson}

// eventLater is what is checked of an event once every event and entity is
// loaded: the event its part-of names, and the zone of its daypart.
type eventLater struct {
	e       *Event
	file    string
	partOf  str
	daypart str
}

func (l *loader) event(file string, it *item[eventY]) {
	l.itemErr(file, it.err)
	if l.claimID(file, it.V.ID, "event", it.Line, it.Col) {
		l.addEvent(l.conv.event(file, it, l.newEvent()))
	}
}

func (l *loader) addEvent(e *Event) {
	l.led.Events = append(l.led.Events, e)
	l.led.events[e.ID] = e
}

// event converts an event whose id is claimed into e.
func (l *conv) event(file string, it *item[eventY], e *Event) *Event {
	y := &it.V
	what := label{kind: "event", id: y.ID.V}
	*e = Event{
		ID: y.ID.V, Kind: y.Kind.V, Title: y.Title.V, Time: y.Time.V,
		Participants: values(y.Participants), Initiator: y.Initiator.V,
		Series: y.Series.V, Round: y.Round, Aliases: values(y.Aliases),
		Sources: l.sources(file, y.Sources), Pos: Pos{file, it.Line, it.Col},
	}
	if l.need(file, y.Kind, it.Line, it.Col, what, "kind") && !slices.Contains(EventKinds, e.Kind) {
		l.errorf(l.at(file, y.Kind), "unknown event kind %q (want one of %s)", e.Kind, strings.Join(EventKinds, ", "))
	}
	if l.need(file, y.Date, it.Line, it.Col, what, "date") {
		e.Start = l.date(file, y.Date, "date")
	}
	e.End = e.Start
	if y.End.set {
		e.End = l.date(file, y.End, "end")
		if !e.End.IsZero() && !e.Start.IsZero() && e.End.Last().Before(e.Start.First()) {
			l.errorf(l.at(file, y.End), "end %s is before date %s", e.End, e.Start)
		}
	}
	if e.Time != "" {
		if _, err := time.Parse("15:04", e.Time); err != nil {
			l.errorf(l.at(file, y.Time), "time %q is not HH:MM", e.Time)
			e.Time = ""
		}
		if !y.TZ.set {
			l.errorf(l.at(file, y.Time), "%s has a time but no tz to read it in", what)
		}
		if e.Start.Prec != civil.Day || e.End != e.Start {
			l.errorf(l.at(file, y.Time), "%s: a time needs a single, exact date", what)
		}
	}
	e.TZ = l.tz(file, y.TZ)
	l.eventDaypart(file, y, e, what)
	e.Status = Held
	if y.Status.set {
		if !slices.Contains(Statuses, y.Status.V) {
			l.errorf(l.at(file, y.Status), "unknown status %q (want one of %s)", y.Status.V, strings.Join(Statuses, ", "))
		} else {
			e.Status = y.Status.V
		}
	}
	e.Media = l.oneOrMore(file, y.Medium, "medium")
	for _, m := range y.Medium.V {
		if m.V != "" && !slices.Contains(media, m.V) {
			l.errorf(l.at(file, m), "unknown medium %q (want one of %s)", m.V, strings.Join(media, ", "))
		}
	}
	e.Venues = l.oneOrMore(file, y.Venue, "venue")
	for _, v := range y.Venue.V {
		l.refer(file, v, refVenue)
	}
	if len(e.Media) > 0 {
		e.Medium = e.Media[0]
	}
	if len(e.Venues) > 0 {
		e.Venue = e.Venues[0]
	}
	if y.Duration.set {
		e.Duration, e.DurationMax = l.duration(file, y.Duration)
	}
	if e.Round < 0 || (e.Round > 0 && e.Series == "") {
		l.errorf(e.Pos, "%s: a round needs a series and a positive number", what)
	}
	if e.Kind != Anchor && len(e.Participants) == 0 {
		l.errorf(e.Pos, "%s has no participants", what)
	}
	for _, p := range y.Participants {
		l.refer(file, p, refParticipant)
	}
	l.refer(file, y.Initiator, refInitiator)
	if e.Initiator != "" && !slices.Contains(e.Participants, e.Initiator) {
		l.errorf(l.at(file, y.Initiator), "initiator %q is not one of the participants", e.Initiator)
	}
	e.Visitors = l.roles(file, y.Visitor, e, "visitor")
	e.Hosts = l.roles(file, y.Host, e, "host")
	for _, h := range y.Host {
		if slices.Contains(e.Visitors, h.V) {
			l.errorf(l.at(file, h), "%q is both a visitor and a host", h.V)
		}
	}
	if roles := append(slices.Clip(y.Visitor), y.Host...); len(roles) > 0 && (e.Kind == Call || e.Kind == Anchor) {
		l.errorf(l.at(file, roles[0]), "%s: a %s has no visitor or host", what, e.Kind)
	}
	e.PartOf = strings.TrimSpace(y.PartOf.V)
	if e.PartOf != "" || y.Daypart.set {
		l.later = append(l.later, eventLater{e: e, file: file, partOf: y.PartOf, daypart: y.Daypart})
	}
	return e
}

// eventDaypart reads an event's daypart; its zone is checked later.
func (l *conv) eventDaypart(file string, y *eventY, e *Event, what label) {
	if !y.Daypart.set {
		return
	}
	if _, _, ok := DaypartHours(y.Daypart.V); !ok {
		l.errorf(l.at(file, y.Daypart), "unknown daypart %q (want one of %s)", y.Daypart.V, strings.Join(Dayparts, ", "))
		return
	}
	if y.Time.set {
		l.errorf(l.at(file, y.Daypart), "%s has both a time and a daypart: give one", what)
		return
	}
	if e.Start.Prec != civil.Day || e.End != e.Start {
		l.errorf(l.at(file, y.Daypart), "%s: a daypart needs a single, exact date", what)
		return
	}
	e.Daypart = y.Daypart.V
}

// oneOrMore returns the values of an attribute given as one value or a
// list; an empty list is an error.
func (l *conv) oneOrMore(file string, o oneOrMore, key string) []string {
	if !o.set {
		return nil
	}
	vs := values(o.V)
	if len(vs) == 0 {
		l.errorf(Pos{file, o.Line, o.Col}, "%s: an empty list; give a value, or leave the key out", key)
		return nil
	}
	if len(vs) == 1 {
		return vs
	}
	// Each value once.
	out := vs[:0]
	for _, v := range vs {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// roles reads visitor or host: participants of the event.
func (l *conv) roles(file string, ys strs, e *Event, what string) []string {
	for _, y := range ys {
		if y.V != "" && !slices.Contains(e.Participants, strings.TrimSpace(y.V)) {
			l.errorf(l.at(file, y), "%s %q is not one of the participants", what, y.V)
		}
	}
	if out := values(ys); len(out) > 0 {
		return out
	}
	return nil
}

// duration reads "1h25m", or a range "2h..2h30m": its shortest and
// longest lengths.
func (l *conv) duration(file string, s str) (lo, hi time.Duration) {
	a, b, isRange := strings.Cut(s.V, "..")
	parse := func(v string) time.Duration {
		d, err := time.ParseDuration(strings.TrimSpace(v))
		if err != nil || d <= 0 {
			return 0
		}
		return d
	}
	lo, hi = parse(a), parse(a)
	if isRange {
		hi = parse(b)
	}
	switch {
	case lo == 0 || hi == 0:
		l.errorf(l.at(file, s), "duration %q is not a length such as 1h25m or 40m, or a range such as 2h..2h30m", s.V)
		return 0, 0
	case hi < lo:
		l.errorf(l.at(file, s), "duration %q: the range ends before it starts", s.V)
		return 0, 0
	}
	return lo, hi
}

// resolveEvents checks what needs every event and entity loaded: the
// event that part-of names, and the zone a daypart is read in.
func (l *loader) resolveEvents() {
	for _, x := range l.later {
		e := x.e
		what := label{kind: "event", id: e.ID}
		if e.PartOf != "" {
			l.partOf(x, what)
		}
		if e.Daypart != "" && l.led.LocalZone(e) == nil {
			l.errorf(l.at(x.file, x.daypart), "%s has a daypart but no zone to read it in: give a tz, or venues or participants that share one", what)
		}
	}
}

func (l *loader) partOf(x eventLater, what label) {
	e, p := x.e, l.at(x.file, x.partOf)
	whole := l.led.events[e.PartOf]
	switch {
	case whole == nil:
		if _, ok := l.ids[e.PartOf]; ok {
			l.errorf(p, "part-of %q is not an event", e.PartOf)
		} else {
			l.errorf(p, "unknown part-of event id %q", e.PartOf)
		}
		return
	case whole == e:
		l.errorf(p, "%s is part of itself", what)
		return
	case e.Kind == Anchor || whole.Kind == Anchor:
		l.errorf(p, "%s: an anchor is not part of an event, nor has parts", what)
		return
	}
	if !e.Start.IsZero() && !whole.Start.IsZero() && (e.Start.First().Before(whole.Start.First()) || e.End.Last().After(whole.End.Last())) {
		l.errorf(p, "%s (%s) is not within the dates of %q, which it is part of (%s)", what, spanText(e), whole.ID, spanText(whole))
	}
	// A chain of parts that comes back to this event.
	seen := e
	for i, w := 0, whole; w != nil && i < len(l.later)+1; i, w = i+1, l.led.events[w.PartOf] {
		if w == seen {
			l.errorf(p, "%s: part-of comes back to it (a cycle)", what)
			return
		}
		if w.PartOf == "" {
			return
		}
	}
}

// spanText writes an event's dates in messages: a date, or "from A to B".
func spanText(e *Event) string {
	if e.Start == e.End {
		return e.Start.String()
	}
	return fmt.Sprintf("from %s to %s", e.Start, e.End)
}

func (l *loader) coverage(file string, it *item[coverY]) {
	l.itemErr(file, it.err)
	l.addCoverage(l.conv.coverage(file, it))
}

func (l *loader) addCoverage(c *Coverage) { l.led.Coverage = append(l.led.Coverage, c) }

// coverage converts a coverage declaration.
func (l *conv) coverage(file string, it *item[coverY]) *Coverage {
	y := &it.V
	c := &Coverage{
		Kinds: values(y.Kinds), Participants: values(y.Participants),
		From: l.date(file, y.From, "from"), To: l.date(file, y.To, "to"),
		Pos: Pos{file, it.Line, it.Col},
	}
	if len(c.Kinds) == 0 {
		l.errorf(c.Pos, "coverage has no kinds")
	}
	for _, k := range y.Kinds {
		if !slices.Contains(EventKinds, k.V) || k.V == Anchor {
			l.errorf(l.at(file, k), "unknown event kind %q in coverage", k.V)
		}
	}
	if len(c.Participants) < 2 {
		l.errorf(c.Pos, "coverage needs at least two participants")
	}
	for _, p := range y.Participants {
		l.refer(file, p, refParticipant)
	}
	if !y.From.set || !y.To.set {
		l.errorf(c.Pos, "coverage needs from and to: the period the ledger is complete for")
	} else if !c.From.IsZero() && !c.To.IsZero() && c.To.Last().Before(c.From.First()) {
		l.errorf(l.at(file, y.To), "to %s is before from %s", c.To, c.From)
	}
	return c
}

var severities = []string{"error", "warning", "info"}

func (l *loader) wording(file string, it *item[wordingY]) {
	l.itemErr(file, it.err)
	if l.claimID(file, it.V.ID, "wording rule", it.Line, it.Col) {
		l.addWording(l.conv.wording(file, it))
	}
}

func (l *loader) addWording(w *Wording) { l.led.Wording = append(l.led.Wording, w) }

// wording converts a wording rule whose id is claimed.
func (l *conv) wording(file string, it *item[wordingY]) *Wording {
	y := &it.V
	what := label{kind: "wording rule", id: y.ID.V}
	w := &Wording{
		ID: y.ID.V, Message: y.Message.V, Replacement: y.Replacement.V, HasFix: y.Replacement.set,
		After: l.date(file, y.After, "after"), Before: l.date(file, y.Before, "before"),
		Severity: "warning", Quoted: y.Quoted, Pos: Pos{file, it.Line, it.Col},
	}
	if l.need(file, y.Pattern, it.Line, it.Col, what, "pattern") {
		re, err := regexp.Compile(y.Pattern.V)
		if err != nil {
			l.errorf(l.at(file, y.Pattern), "invalid pattern: %v", strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		} else if re.MatchString("") {
			l.errorf(l.at(file, y.Pattern), "pattern %q matches empty text", y.Pattern.V)
		} else {
			w.Pattern = re
			w.Literal, w.Fold = requiredLiteral(y.Pattern.V)
		}
	}
	for _, e := range y.Except {
		re, err := regexp.Compile(e.V)
		switch {
		case err != nil:
			l.errorf(l.at(file, e), "invalid except pattern: %v", strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		case re.MatchString(""):
			l.errorf(l.at(file, e), "except pattern %q matches empty text", e.V)
		default:
			w.Except = append(w.Except, re)
		}
	}
	l.need(file, y.Message, it.Line, it.Col, what, "message")
	if y.Severity.set {
		if !slices.Contains(severities, y.Severity.V) {
			l.errorf(l.at(file, y.Severity), "unknown severity %q (want error, warning or info)", y.Severity.V)
		} else {
			w.Severity = y.Severity.V
		}
	}
	if !w.After.IsZero() && !w.Before.IsZero() && !w.After.First().Before(w.Before.Last()) {
		l.errorf(l.at(file, y.Before), "before %s is not after %s", w.Before, w.After)
	}
	return w
}

func (l *loader) spec(file string, it *item[specY]) {
	l.itemErr(file, it.err)
	y := it.V
	sp := &Spec{Name: y.Name.V, Text: y.Text.V, Pos: Pos{file, it.Line, it.Col}}
	if l.need(file, y.Published, it.Line, it.Col, label{kind: "test"}, "published date") {
		sp.Published = l.date(file, y.Published, "published")
		if !sp.Published.IsZero() && sp.Published.Prec != civil.Day {
			l.errorf(l.at(file, y.Published), "published %s: a test needs a full date, YYYY-MM-DD", y.Published.V)
		}
	}
	l.need(file, y.Text, it.Line, it.Col, label{kind: "test"}, "text")
	w := &y.Want
	switch {
	case w.Kind == 0:
		l.errorf(sp.Pos, "test has no want: list the findings it expects, or write want: none")
	case w.Kind == yaml.ScalarNode && w.Value == "none":
		sp.None = true
	case w.Kind == yaml.SequenceNode:
		for _, n := range w.Content {
			var wy wantY
			if err := n.Load(&wy, yaml.WithKnownFields()); err != nil {
				l.yamlErr(file, err)
				continue
			}
			wp := Pos{file, n.Line, n.Column}
			if !l.need(file, wy.Rule, n.Line, n.Column, label{kind: "want"}, "rule") {
				continue
			}
			pattern := wy.Message.V
			re, err := regexp.Compile(pattern)
			if err != nil {
				l.errorf(l.at(file, wy.Message), "invalid message pattern: %v", strings.TrimPrefix(err.Error(), "error parsing regexp: "))
				continue
			}
			sp.Want = append(sp.Want, SpecWant{Rule: wy.Rule.V, Message: re, Pos: wp})
		}
	default:
		l.errorf(Pos{file, w.Line, w.Column}, "want: a list of {rule, message}, or none")
	}
	l.led.Tests = append(l.led.Tests, sp)
}

// requiredLiteral finds the longest literal that every match of pattern
// contains: a literal at the top of the pattern, or one part of a top-level
// concatenation. It returns "" when there is none (an alternation, say).
func requiredLiteral(pattern string) (string, bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return "", false
	}
	re = re.Simplify()
	best, fold := "", false
	consider := func(r *syntax.Regexp) {
		if r.Op == syntax.OpLiteral && len(string(r.Rune)) > len(best) {
			best, fold = string(r.Rune), r.Flags&syntax.FoldCase != 0
		}
	}
	switch re.Op {
	case syntax.OpLiteral:
		consider(re)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			consider(sub)
		}
	}
	if fold {
		best = strings.ToLower(best)
	}
	return best, fold
}

// takeRefs adds the references of an item converted as it was decoded,
// which are part of its part's list: to the run before when they follow
// it in that list, else as a run of their own (after the references the
// loader made itself).
func (l *loader) takeRefs(rs []ref) {
	if len(rs) == 0 {
		return
	}
	if len(l.refs) > 0 {
		l.refRuns = append(l.refRuns, l.refs)
		l.refs = nil
	}
	if n := len(l.refRuns); n > 0 {
		last := l.refRuns[n-1]
		if len(last) < cap(last) && &last[:len(last)+1][len(last)] == &rs[0] {
			l.refRuns[n-1] = last[:len(last)+len(rs)]
			return
		}
	}
	l.refRuns = append(l.refRuns, rs)
}

func (l *loader) resolveRefs() {
	for _, run := range l.refRuns {
		l.resolve(run)
	}
	l.resolve(l.refs)
}

func (l *loader) resolve(refs []ref) {
	for _, r := range refs {
		e := l.led.entities[r.id.V]
		p := l.at(r.file, r.id)
		if e == nil {
			if _, ok := l.ids[r.id.V]; ok {
				l.errorf(p, "%s %q is not an entity", r.rule.what, r.id.V)
			} else {
				l.errorf(p, "unknown %s id %q", r.rule.what, r.id.V)
			}
			continue
		}
		if !slices.Contains(r.rule.kinds, e.Kind) {
			l.errorf(p, "%s %q is a %s; want a %s", r.rule.what, r.id.V, e.Kind, strings.Join(r.rule.kinds, " or "))
		}
	}
}
