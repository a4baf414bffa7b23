package ledger

// A file decoded in chunks is converted to the model in the decoding
// workers, chunk by chunk, and the chunk's shapes are dropped: a large
// ledger's shapes are larger than its model, and decoding them all before
// converting any held both at once (285 MB live for a 29 MB ledger).
//
// What converting an item does depends on the items before it only through
// its id: the loader claims ids in file order, and an item whose id it
// refuses is dropped with nothing else said of it. So a worker converts
// every item as if its id were claimed, keeping apart the problems,
// references and later checks each item adds; the loader then claims the
// ids in the order it would have converted the items, and takes an item's
// model, problems, references and checks only when its id is claimed. The
// ledger and the problems are those of converting in order.

// converter converts the items a decoding worker decodes, for one file.
type converter struct {
	file  string
	zones *zoneCache
}

// converted is a part's items of the listed lists, converted: the part's
// shape lists of those are empty.
type converted struct {
	c        conv // what its items add, in order
	entities []done[*Entity]
	offices  []done[*Office]
	events   []done[*Event]
	coverage []done[*Coverage]
	wording  []done[*Wording]

	entitySlab []Entity
	eventSlab  []Event
}

// done is one converted item: its model, the id to claim and where (none
// for coverage), and the problems, references and later checks it adds, as
// ranges of its part's lists.
type done[M any] struct {
	v         M
	id        str
	line, col int
	from, to  [3]int32 // errs, refs, later
}

func (c *conv) mark() [3]int32 {
	return [3]int32{int32(len(c.errs)), int32(len(c.refs)), int32(len(c.later))}
}

// slab sizes: entities and events are allocated this many at a time.
const slabItems = 64

func (d *converted) newEntity() *Entity {
	if len(d.entitySlab) == 0 {
		d.entitySlab = make([]Entity, slabItems)
	}
	e := &d.entitySlab[0]
	d.entitySlab = d.entitySlab[1:]
	return e
}

func (d *converted) newEvent() *Event {
	if len(d.eventSlab) == 0 {
		d.eventSlab = make([]Event, slabItems)
	}
	e := &d.eventSlab[0]
	d.eventSlab = d.eventSlab[1:]
	return e
}

// newConverted returns a part's converted items, with room for n items
// of list.
func (cv *converter) newConverted(list string, n int) *converted {
	// An event refers to two participants, most items to one entity.
	refs := n
	if list == "events" {
		refs = 2 * n
	}
	d := &converted{c: conv{zones: cv.zones, refs: make([]ref, 0, refs)}}
	switch list {
	case "entities":
		d.entities, d.entitySlab = make([]done[*Entity], 0, n), make([]Entity, n)
	case "offices":
		d.offices = make([]done[*Office], 0, n)
	case "events":
		d.events, d.eventSlab = make([]done[*Event], 0, n), make([]Event, n)
	case "coverage":
		d.coverage = make([]done[*Coverage], 0, n)
	case "wording":
		d.wording = make([]done[*Wording], 0, n)
	}
	return d
}

// take converts the items of r's lists into r.done and empties the lists,
// keeping their room for the next items.
func (cv *converter) take(r *ruleFile) {
	if r.done == nil {
		r.done = &converted{c: conv{zones: cv.zones}}
	}
	d := r.done
	file := cv.file
	for i := range r.Entities {
		it := &r.Entities[i]
		from := d.c.mark()
		e := d.c.entity(file, it, d.newEntity())
		d.entities = append(d.entities, done[*Entity]{e, it.V.ID, it.Line, it.Col, from, d.c.mark()})
	}
	for i := range r.Offices {
		it := &r.Offices[i]
		from := d.c.mark()
		o := d.c.office(file, it)
		d.offices = append(d.offices, done[*Office]{o, it.V.ID, it.Line, it.Col, from, d.c.mark()})
	}
	for i := range r.Events {
		it := &r.Events[i]
		from := d.c.mark()
		e := d.c.event(file, it, d.newEvent())
		d.events = append(d.events, done[*Event]{e, it.V.ID, it.Line, it.Col, from, d.c.mark()})
	}
	for i := range r.Coverage {
		it := &r.Coverage[i]
		from := d.c.mark()
		c := d.c.coverage(file, it)
		d.coverage = append(d.coverage, done[*Coverage]{c, str{}, it.Line, it.Col, from, d.c.mark()})
	}
	for i := range r.Wording {
		it := &r.Wording[i]
		from := d.c.mark()
		w := d.c.wording(file, it)
		d.wording = append(d.wording, done[*Wording]{w, it.V.ID, it.Line, it.Col, from, d.c.mark()})
	}
	r.Entities, r.Offices, r.Events, r.Coverage, r.Wording = r.Entities[:0], r.Offices[:0], r.Events[:0], r.Coverage[:0], r.Wording[:0]
}

// commit claims the ids of converted items in order (what names them in
// messages; "" for items without an id) and adds those claimed, with what
// they add, as the loader would have had it converted them.
func commit[M any](l *loader, file string, d *converted, items []done[M], what string, add func(M)) {
	for i := range items {
		x := &items[i]
		if what != "" && !l.claimID(file, x.id, what, x.line, x.col) {
			continue
		}
		l.errs = append(l.errs, d.c.errs[x.from[0]:x.to[0]]...)
		l.takeRefs(d.c.refs[x.from[1]:x.to[1]])
		l.later = append(l.later, d.c.later[x.from[2]:x.to[2]]...)
		add(x.v)
	}
}
