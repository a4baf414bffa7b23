package wikidata

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

// Entity kinds, as rule files name them.
const (
	kindPerson  = "person"
	kindCountry = "country"
	kindBody    = "organisation"
)

// The items an instance of (P31) makes a person or a country.
const (
	itemHuman          = "Q5"
	itemCountry        = "Q6256"
	itemSovereignState = "Q3624078"
)

// Qualifiers of a position held that an import reads.
const (
	qualStart = propStart
	qualEnd   = propEnd
)

// describing are qualifiers of a position held that tell more about a term
// without changing who held which office when: an import passes over them.
// Any other qualifier may narrow the statement (P642 "of", P1001 "applies to
// jurisdiction", P1480 "sourcing circumstances"), so a term that has one is
// reported and not imported.
var describing = map[string]bool{
	"P1365": true, // replaces
	"P1366": true, // replaced by
	"P1545": true, // series ordinal
	"P1534": true, // end cause
	"P2715": true, // elected in
	"P5054": true, // cabinet
	"P768":  true, // electoral district
	"P2937": true, // parliamentary term
	"P4100": true, // parliamentary group
	"P1810": true, // subject named as
	"P459":  true, // determination method
	"P7452": true, // reason for preferred rank
	"P805":  true, // statement is subject of
	"P1013": true, // criterion used
	"P585":  true, // point in time: beside a start time, it adds nothing
}

// Report is something an import could not take, said with the item it is
// about and where that item was read.
type Report struct {
	File string
	Line int
	QID  string
	Msg  string
}

func (r Report) String() string {
	if r.File == "" {
		return fmt.Sprintf("%s: %s", r.QID, r.Msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", r.File, r.Line, r.QID, r.Msg)
}

// Options are what a Build works with besides the entities read.
type Options struct {
	// Langs are the languages of names and aliases, the first one first.
	Langs []string
	// Old is the rule file an earlier import generated, nil when there is
	// none: its items are merged by Q-id, keep their ids, and may be
	// referred to (an office or a country the new entities do not include).
	// Entities read again replace old ones; the holders of an old office
	// whom the import read again are replaced by what it read; the rest are
	// kept.
	Old *File
	// Ledger is the desk's other rule files (nil for none). An item it
	// holds (by its wikidata: id) is referred to by its id, never written
	// again; an office written there by hand gets no terms from an import.
	// An item whose name it holds with no wikidata: id is not imported, and
	// the report says how to link the two.
	Ledger *ledger.Ledger
}

// Build makes a rule file of the entities read, in the order read.
//
// An error is an entity that cannot be imported at all (no label in the
// chosen languages); a Report, something left out.
func Build(ents []*Item, opt Options) (*File, []Report, error) {
	b := &builder{langs: opt.Langs, byQ: map[string]*Item{}, ids: map[string]string{}, taken: map[string]bool{},
		desk: map[string]deskItem{}, deskNames: map[string]deskItem{}, linked: map[string]bool{}, unlinked: map[string]deskItem{}}
	b.old = opt.Old
	if b.old == nil {
		b.old = &File{}
	}
	for _, e := range ents {
		if prev, ok := b.byQ[e.ID]; ok {
			b.report(e, "read again (first at %s:%d): the first is imported", prev.File, prev.Line)
			continue
		}
		b.byQ[e.ID] = e
		b.order = append(b.order, e)
	}
	if l := opt.Ledger; l != nil {
		for _, e := range l.Entities {
			d := deskItem{id: e.ID, kind: e.Kind, pos: e.Pos.String()}
			b.taken[e.ID] = true
			if e.Wikidata != "" {
				b.desk[e.Wikidata] = d
				b.ids[e.Wikidata] = e.ID
			}
			for _, a := range e.Aliases {
				b.deskNames[e.Kind+"\x00"+a] = d
			}
		}
		for _, o := range l.Offices {
			d := deskItem{id: o.ID, kind: "office", pos: o.Pos.String()}
			b.taken[o.ID] = true
			if o.Wikidata != "" {
				b.desk[o.Wikidata] = d
				b.ids[o.Wikidata] = o.ID
			}
			b.deskNames["office\x00"+o.Title] = d
		}
		for _, ev := range l.Events {
			b.taken[ev.ID] = true
		}
	}
	for _, oe := range b.old.Entities {
		b.keepID(oe.Wikidata, oe.ID)
	}
	for _, oo := range b.old.Offices {
		b.keepID(oo.Wikidata, oo.ID)
	}
	return b.build()
}

// deskItem is an entity or office of the desk's own rule files.
type deskItem struct {
	id, kind string
	pos      string // where it is declared
}

type builder struct {
	langs     []string
	old       *File
	byQ       map[string]*Item
	order     []*Item
	ids       map[string]string   // Q-id to rule-file id, old, new and the desk's
	taken     map[string]bool     // rule-file ids in use
	desk      map[string]deskItem // the desk's items by Q-id
	deskNames map[string]deskItem // the desk's items by kind and name
	linked    map[string]bool     // items read that the desk holds by Q-id
	kinds     map[string]string   // what each item read is: person, position, country, organisation
	unlinked  map[string]deskItem // items read that the desk holds by name only
	reports   []Report
}

func (b *builder) report(e *Item, format string, args ...any) {
	b.reports = append(b.reports, Report{File: e.File, Line: e.Line, QID: e.ID, Msg: fmt.Sprintf(format, args...)})
}

func (b *builder) keepID(q, id string) {
	if _, ok := b.desk[q]; ok {
		return // the desk's own id stands
	}
	if q == "" || id == "" {
		return
	}
	b.ids[q] = id
	b.taken[id] = true
}

// best returns the values of a property's statements of the best rank:
// the preferred ones if any, else the normal ones; never deprecated ones.
func best(ss []Statement) []Statement {
	var pref, normal []Statement
	for _, s := range ss {
		switch s.Rank {
		case "preferred":
			pref = append(pref, s)
		case "deprecated":
		default:
			normal = append(normal, s)
		}
	}
	if len(pref) > 0 {
		return pref
	}
	return normal
}

func items(ss []Statement) []string {
	var out []string
	for _, s := range ss {
		if q, ok := s.Mainsnak.item(); ok && !slices.Contains(out, q) {
			out = append(out, q)
		}
	}
	return out
}

func (b *builder) build() (*File, []Report, error) {
	// What each entity is: a person (instance of human, or holding a
	// position), a position a person holds, a country, or a body.
	kind := map[string]string{}
	b.kinds = kind
	positions := map[string]bool{}
	for _, e := range b.order {
		if slices.Contains(items(best(e.Claims[propInstanceOf])), itemHuman) || len(e.Claims[propPositionHeld]) > 0 {
			kind[e.ID] = kindPerson
		}
	}
	for _, e := range b.order {
		if kind[e.ID] != kindPerson {
			continue
		}
		for _, s := range e.Claims[propPositionHeld] {
			if q, ok := s.Mainsnak.item(); ok && s.Rank != "deprecated" {
				positions[q] = true
			}
		}
	}
	countries, bodies := map[string]bool{}, map[string]bool{}
	for _, e := range b.order {
		switch {
		case kind[e.ID] == kindPerson:
			for _, q := range items(best(e.Claims[propCitizenship])) {
				countries[q] = true
			}
		case positions[e.ID]:
			kind[e.ID] = "position"
			for _, q := range b.countryOf(e) {
				countries[q] = true
			}
			for _, q := range items(best(e.Claims[propPartOf])) {
				bodies[q] = true
			}
		}
	}
	for _, e := range b.order {
		if kind[e.ID] != "" {
			continue
		}
		inst := items(best(e.Claims[propInstanceOf]))
		switch {
		case countries[e.ID] || slices.Contains(inst, itemCountry) || slices.Contains(inst, itemSovereignState):
			kind[e.ID] = kindCountry
		case bodies[e.ID]:
			kind[e.ID] = kindBody
		default:
			b.report(e, "not a person, a position a person holds, a country or a body a position is part of: not imported")
		}
	}

	// The desk's own items are referred to by their ids and not written
	// again; an item the desk has by name but with no Q-id is not imported,
	// for the two would be one thing under two ids.
	for _, e := range b.order {
		k := kind[e.ID]
		if k == "" {
			continue
		}
		if k == "position" {
			k = "office"
		}
		if d, ok := b.desk[e.ID]; ok {
			b.ids[e.ID] = d.id
			b.linked[e.ID] = true
			b.report(e, "is %s in the desk's rules (%s): referred to by that id, not written again", d.id, d.pos)
			continue
		}
		// Every entity written needs a label in a chosen language.
		if b.name(e) == "" {
			has := "none"
			if len(e.LabelLangs) > 0 {
				has = strings.Join(e.LabelLangs, ", ")
			}
			return nil, nil, &Error{File: e.File, Line: e.Line, Msg: fmt.Sprintf("%s has no label in %s (it has labels in: %s): name the language with --lang", e.ID, strings.Join(b.langs, ", "), has)}
		}
		if d, ok := b.deskNames[k+"\x00"+b.name(e)]; ok {
			b.report(e, "the desk's rules have %s %q (%s), with no wikidata: id: add wikidata: %s to it to link the two; not imported", d.id, b.name(e), d.pos, e.ID)
			kind[e.ID] = ""
			b.unlinked[e.ID] = d
		}
	}

	// Ids: old ones kept by Q-id; new ones made from labels, in the order of
	// the Q-ids' numbers, so that which of two alike labels gets the plain id
	// does not depend on the order of the files.
	byNumber := slices.Clone(b.order)
	slices.SortFunc(byNumber, func(x, y *Item) int { return compareIDs(x.ID, y.ID) })
	for _, e := range byNumber {
		if kind[e.ID] != "" {
			b.assignID(e)
		}
	}

	out := &File{}
	newPeople := map[string]bool{}
	for _, e := range b.order {
		if kind[e.ID] == kindPerson {
			newPeople[b.ids[e.ID]] = true
		}
		if b.linked[e.ID] {
			continue
		}
		switch kind[e.ID] {
		case kindPerson, kindCountry, kindBody:
			out.Entities = append(out.Entities, b.entity(e, kind[e.ID]))
		}
	}
	// The old file's entities that the desk holds now are the desk's: what
	// referred to them by their old ids refers to the desk's.
	moved := map[string]string{}
	for _, oe := range b.old.Entities {
		if d, ok := b.desk[oe.Wikidata]; ok && oe.ID != d.id {
			moved[oe.ID] = d.id
		}
	}
	move := func(id string) string { return cmp.Or(moved[id], id) }
	offices := map[string]*Office{} // by Q-id
	for _, oo := range b.old.Offices {
		if _, ok := b.desk[oo.Wikidata]; ok {
			continue // the desk has written it by hand since
		}
		o := oo
		o.Country, o.Body = move(o.Country), move(o.Body)
		o.Holders = slices.Clone(o.Holders)
		for i := range o.Holders {
			o.Holders[i].Who = move(o.Holders[i].Who)
		}
		o.Holders = slices.DeleteFunc(o.Holders, func(t Term) bool { return newPeople[t.Who] })
		offices[o.Wikidata] = &o
	}
	for _, e := range b.order {
		if kind[e.ID] == "position" && !b.linked[e.ID] {
			o := b.office(e)
			if prev, ok := offices[e.ID]; ok {
				o.Holders = prev.Holders
			}
			offices[e.ID] = o
		}
	}
	for _, e := range b.order {
		if kind[e.ID] == kindPerson {
			b.terms(e, offices)
		}
	}

	// The old file's entities that this import did not read again.
	for _, oe := range b.old.Entities {
		if _, ok := b.desk[oe.Wikidata]; ok {
			continue // the desk has written it by hand since
		}
		if _, ok := b.byQ[oe.Wikidata]; !ok || kind[oe.Wikidata] == "" || oe.Wikidata == "" {
			oe.Country = move(oe.Country)
			out.Entities = append(out.Entities, oe)
		}
	}
	// In the order of the Q-ids, so that what is reported comes in one order.
	qs := make([]string, 0, len(offices))
	for q := range offices {
		qs = append(qs, q)
	}
	slices.SortFunc(qs, compareIDs)
	for _, q := range qs {
		o := offices[q]
		if len(o.Holders) == 0 {
			// An office with no holder would make every title of it before
			// a name a finding.
			if e := b.byQ[o.Wikidata]; e != nil {
				b.report(e, "no term of it was imported: the office is left out")
			}
			continue
		}
		b.dedupe(o)
		b.multiple(o)
		out.Offices = append(out.Offices, *o)
	}
	out.sort()
	slices.SortStableFunc(b.reports, func(x, y Report) int {
		return cmp.Or(strings.Compare(x.File, y.File), cmp.Compare(x.Line, y.Line))
	})
	return out, b.reports, nil
}

// countryOf returns the country of a position: its country (P17), or the
// jurisdiction it applies to (P1001).
func (b *builder) countryOf(e *Item) []string {
	if qs := items(best(e.Claims[propCountry])); len(qs) > 0 {
		return qs
	}
	return items(best(e.Claims[propJurisdiction]))
}

// name is the label in the first chosen language that has one.
func (b *builder) name(e *Item) string {
	for _, l := range b.langs {
		if v := e.Labels[l]; v != "" {
			return v
		}
	}
	return ""
}

// aliases are the labels in the other chosen languages and the aliases in
// all, each once, the name left out.
func (b *builder) aliases(e *Item) []string {
	name := b.name(e)
	var out []string
	add := func(s string) {
		if s != "" && s != name && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, l := range b.langs {
		add(e.Labels[l])
	}
	for _, l := range b.langs {
		for _, a := range e.Aliases[l] {
			add(a)
		}
	}
	return out
}

func (b *builder) assignID(e *Item) {
	if _, ok := b.ids[e.ID]; ok {
		return
	}
	id := slug(b.name(e))
	if id == "" || b.taken[id] {
		id = strings.TrimPrefix(id+"-", "-") + strings.ToLower(e.ID)
	}
	b.keepID(e.ID, id)
}

// slug makes an id of a label: lower-case ASCII letters and digits, words
// joined by "-", accents dropped ("Zoë Ōta" is zoe-ota).
func slug(label string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	s, _, err := transform.String(t, label)
	if err != nil {
		s = label
	}
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			dash = false
			sb.WriteRune(r)
		default:
			dash = true
		}
	}
	return sb.String()
}

func (b *builder) entity(e *Item, kind string) Entity {
	out := Entity{ID: b.ids[e.ID], Kind: kind, Name: b.name(e), Aliases: b.aliases(e), Wikidata: e.ID}
	switch kind {
	case kindCountry:
		for _, s := range best(e.Claims[propDemonym]) {
			if text, lang, ok := s.Mainsnak.monolingual(); ok && slices.Contains(b.langs, lang) && !slices.Contains(out.Demonyms, text) {
				out.Demonyms = append(out.Demonyms, text)
			}
		}
	case kindPerson:
		// The country a person acts for, when their citizenship names one
		// country the ledger will hold.
		var known []string
		for _, q := range items(best(e.Claims[propCitizenship])) {
			if id, _ := b.ref(q, kindCountry); id != "" {
				known = append(known, id)
			}
		}
		if len(known) == 1 {
			out.Country = known[0]
		}
	}
	return out
}

// ref is the rule-file id of an item of kind want (country or
// organisation) that the desk, this import or the old file holds, and why
// there is none when there is not.
func (b *builder) ref(q, want string) (string, string) {
	if d, ok := b.desk[q]; ok {
		if d.kind != want {
			return "", fmt.Sprintf("%s is %s in the desk's rules, a%s %s, not a%s %s", q, d.id, article(d.kind), d.kind, article(want), want)
		}
		return d.id, ""
	}
	if _, read := b.byQ[q]; read {
		switch k := b.kinds[q]; {
		case k == want && !b.linked[q] && b.unlinked[q].id == "":
			return b.ids[q], ""
		case k == want:
			return "", fmt.Sprintf("%s was read but not imported", q)
		default:
			return "", fmt.Sprintf("%s was read as a%s %s, not a%s %s", q, article(k), orNothing(k), article(want), want)
		}
	}
	for _, oe := range b.old.Entities {
		if oe.Wikidata == q {
			if oe.Kind != want {
				return "", fmt.Sprintf("%s is %s in the generated file, a%s %s, not a%s %s", q, oe.ID, article(oe.Kind), oe.Kind, article(want), want)
			}
			return oe.ID, ""
		}
	}
	return "", fmt.Sprintf("%s is not among the entities read (fetch it too)", q)
}

func article(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "n"
	}
	return ""
}

func orNothing(kind string) string {
	if kind == "" {
		return "nothing imported"
	}
	return kind
}

func (b *builder) office(e *Item) *Office {
	name := b.name(e)
	o := &Office{ID: b.ids[e.ID], Title: name, Phrasings: append([]string{name}, b.aliases(e)...), Wikidata: e.ID}
	if qs := b.countryOf(e); len(qs) == 1 {
		var why string
		if o.Country, why = b.ref(qs[0], kindCountry); o.Country == "" {
			b.report(e, "its country: %s; the office is imported without one", why)
		}
	} else if len(qs) > 1 {
		b.report(e, "it names several countries (%s): the office is imported without one", strings.Join(qs, ", "))
	}
	if qs := items(best(e.Claims[propPartOf])); len(qs) == 1 {
		var why string
		if o.Body, why = b.ref(qs[0], kindBody); o.Body == "" {
			b.report(e, "the body it is part of: %s; the office is imported without one", why)
		}
	} else if len(qs) > 1 {
		b.report(e, "it is part of several bodies (%s): the office is imported without one", strings.Join(qs, ", "))
	}
	return o
}

// terms adds a person's terms, one for each statement of a position held,
// to the offices they are of.
func (b *builder) terms(e *Item, offices map[string]*Office) {
	who := b.ids[e.ID]
	for _, s := range e.Claims[propPositionHeld] {
		if s.Rank == "deprecated" {
			continue
		}
		what := "position held"
		pos, ok := s.Mainsnak.item()
		if !ok {
			b.report(e, "a position held with %s: not imported", snakText(s.Mainsnak))
			continue
		}
		what = "position held " + pos
		o := offices[pos]
		if d, ok := b.desk[pos]; ok && d.kind == "office" {
			b.report(e, "%s: it is %s in the desk's rules (%s), written by hand: an import adds no term to it; add the term there", what, d.id, d.pos)
			continue
		}
		if d, ok := b.unlinked[pos]; ok {
			b.report(e, "%s: not imported, as the desk's %s (%s) has its name; link them with wikidata: %s", what, d.id, d.pos, pos)
			continue
		}
		if o == nil {
			b.report(e, "%s: %s is not among the entities read: fetch it to import the term", what, pos)
			continue
		}
		var unknown []string
		for p := range s.Qualifiers {
			if p != qualStart && p != qualEnd && !describing[p] {
				unknown = append(unknown, p)
			}
		}
		if len(unknown) > 0 {
			slices.SortFunc(unknown, compareIDs)
			b.report(e, "%s: qualifier %s, which claimlint does not read and may narrow the term: not imported", what, strings.Join(unknown, ", "))
			continue
		}
		t := Term{Who: who}
		start, end := s.Qualifiers[qualStart], s.Qualifiers[qualEnd]
		switch {
		case len(start) > 1:
			b.report(e, "%s: %d start times: not imported", what, len(start))
			continue
		case len(start) == 1:
			d, err := start[0].date()
			if err != nil {
				b.report(e, "%s: start time (P580): %v: not imported", what, err)
				continue
			}
			t.From = d
		default:
			// No start. A point in time (P585) says a day the holder held the
			// office, but not that the term ran on after it, as a rule
			// file's in-office-on with no end would say.
			b.report(e, "%s: no start time (P580): not imported", what)
			continue
		}
		switch {
		case len(end) > 1:
			b.report(e, "%s: %d end times: not imported", what, len(end))
			continue
		case len(end) == 1 && end[0].Snaktype != "novalue":
			d, err := end[0].date()
			if err != nil {
				b.report(e, "%s: end time (P582): %v: not imported", what, err)
				continue
			}
			t.To = d
		}
		if t.To != "" && !endsAfter(t.To, t.From) {
			b.report(e, "%s: ends (%s) before it starts (%s): not imported", what, t.To, t.From)
			continue
		}
		t.Sources = b.sources(e, s)
		o.Holders = append(o.Holders, t)
	}
}

func snakText(s Snak) string {
	switch s.Snaktype {
	case "somevalue":
		return "an unknown value"
	case "novalue":
		return "no value"
	}
	return "a value that is not an item"
}

// endsAfter reports whether a term to `to` may end after it starts at from,
// each at its precision.
func endsAfter(to, from string) bool {
	t, err1 := civil.ParseDate(to)
	f, err2 := civil.ParseDate(from)
	if err1 != nil || err2 != nil {
		return false
	}
	return !t.Last().Before(f.First())
}

// sources are a statement's references, then the person's item.
func (b *builder) sources(e *Item, s Statement) []Source {
	var out []Source
	add := func(src Source) {
		if !slices.Contains(out, src) {
			out = append(out, src)
		}
	}
	for _, r := range s.References {
		var date string
		for _, sn := range r.Snaks[propPublished] {
			if d, err := sn.date(); err == nil {
				date = d
			}
		}
		for _, sn := range r.Snaks[propRefURL] {
			if u, ok := sn.text(); ok {
				add(Source{URL: u, Date: date})
			}
		}
		for _, sn := range r.Snaks[propStatedIn] {
			if q, ok := sn.item(); ok {
				outlet := q
				if x := b.byQ[q]; x != nil && b.name(x) != "" {
					outlet = b.name(x)
				}
				add(Source{URL: itemURL(q), Outlet: "stated in " + outlet, Date: date})
			}
		}
	}
	add(Source{URL: itemURL(e.ID), Outlet: "Wikidata"})
	return out
}

func itemURL(q string) string { return "https://www.wikidata.org/wiki/" + q }

// dedupe merges terms that say the same (one holder, the same dates), as
// two statements of one term do, keeping the sources of both.
func (b *builder) dedupe(o *Office) {
	var out []Term
	for _, t := range o.Holders {
		i := slices.IndexFunc(out, func(u Term) bool {
			return u.Who == t.Who && u.From == t.From && u.To == t.To
		})
		if i < 0 {
			out = append(out, t)
			continue
		}
		for _, s := range t.Sources {
			if !slices.Contains(out[i].Sources, s) {
				out[i].Sources = append(out[i].Sources, s)
			}
		}
	}
	o.Holders = out
}

// multiple marks an office whose terms overlap as one with several holders
// at once, as a rule file requires, and says so: it is what the data says,
// and worth a look.
func (b *builder) multiple(o *Office) {
	if o.Multiple {
		return
	}
	far := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	span := func(t Term) (time.Time, time.Time, bool) {
		f, err := civil.ParseDate(t.From)
		if err != nil {
			return time.Time{}, time.Time{}, false
		}
		end := far
		if t.To != "" {
			to, err := civil.ParseDate(t.To)
			if err != nil {
				return time.Time{}, time.Time{}, false
			}
			end = to.First()
		}
		return f.Last(), end, true
	}
	for i, a := range o.Holders {
		for _, c := range o.Holders[i+1:] {
			aStart, aEnd, ok1 := span(a)
			cStart, cEnd, ok2 := span(c)
			if ok1 && ok2 && aStart.Before(cEnd) && cStart.Before(aEnd) {
				o.Multiple = true
				e := b.byQ[o.Wikidata]
				r := Report{QID: o.Wikidata, Msg: fmt.Sprintf("terms overlap (%s from %s, %s from %s): written with multiple: true; check them", a.Who, a.From, c.Who, c.From)}
				if e != nil {
					r.File, r.Line = e.File, e.Line
				}
				b.reports = append(b.reports, r)
				return
			}
		}
	}
}
