package ledger

import (
	"slices"

	"go.yaml.in/yaml/v4"
)

// decodeFile decodes one rule file into its YAML shapes, in parts whose
// lists, joined in order, are the file's. The result, and the errors, are
// those of yaml.Load with known fields; the fast paths below are taken only
// when they are sure to give exactly that. A file decoded in chunks has its
// items converted by cv (nil: none are) as they are decoded.
func decodeFile(data []byte, cv *converter) ([]ruleFile, error) {
	if fastDecoding {
		if parts, ok := decodeChunked(data, cv); ok {
			return parts, nil
		}
		var doc yaml.Node
		if err := yaml.Load(data, &doc); err == nil {
			var d ruleFile
			if (&nodeDecoder{}).file(&doc, &d) {
				return []ruleFile{d}, nil
			}
		}
	}
	d, err := decodeReflect(data)
	return []ruleFile{d}, err
}

// fastDecoding turns the fast paths on; tests turn it off to compare.
var fastDecoding = true

// decodeReflect is the reference decoder: yaml.Load into the shapes, by
// reflection. It is slow on large files, and it writes every error.
func decodeReflect(data []byte) (ruleFile, error) {
	var d ruleFile
	err := yaml.Load(data, &d, yaml.WithKnownFields())
	return d, err
}

// nodeDecoder builds the shapes from a composed YAML tree by hand, as
// yaml.Load with known fields would by reflection, several times faster. It
// handles what rule files hold; on anything else (an anchor, an alias, an
// explicit tag, a merge key, an unknown or repeated key, a value of the
// wrong kind, a null item) it returns false, and the caller decodes the file
// by reflection instead, which also writes the errors.
type nodeDecoder struct {
	off int // added to every line: where a chunk's document sits in its file
	// With reuse, the lists of scalars and of sources in the shapes are cut
	// from these, which the caller empties (reset) once the shapes are
	// converted and dropped: a list for each item of a large ledger was a
	// tenth of all it allocated.
	reuse    bool
	strsRoom strs
	srcRoom  []sourceY
}

// room returns n elements cut from *buf, a new block of it when it is full.
func room[S ~[]T, T any](buf *S, n int) S {
	if *buf == nil || len(*buf)+n > cap(*buf) {
		*buf = make(S, 0, max(1024, n))
	}
	i := len(*buf)
	*buf = (*buf)[:i+n]
	s := (*buf)[i : i+n : i+n]
	clear(s)
	return s
}

func (d *nodeDecoder) newStrs(n int) strs {
	if !d.reuse {
		return make(strs, n)
	}
	return room(&d.strsRoom, n)
}

// reset empties the room the shapes' lists were cut from.
func (d *nodeDecoder) reset() {
	d.strsRoom, d.srcRoom = d.strsRoom[:0], d.srcRoom[:0]
}

// bare reports whether n is neither an alias nor anchored nor tagged.
func bare(n *yaml.Node) bool {
	return n.Kind != yaml.AliasNode && n.Anchor == "" && n.Style&yaml.TaggedStyle == 0
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// key returns the text of a mapping key that reflection would match to a
// struct field.
func key(k *yaml.Node) (string, bool) {
	if !bare(k) || k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
		return "", false
	}
	return k.Value, true
}

// fields calls f with each key and value of mapping n, and fails on a key
// that f does not know (f returns a negative field number) or on one met
// twice.
func fields(n *yaml.Node, f func(key string, v *yaml.Node) (field int, ok bool)) bool {
	if !bare(n) || n.Kind != yaml.MappingNode {
		return false
	}
	var seen uint64
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, ok := key(n.Content[i])
		if !ok {
			return false
		}
		field, ok := f(k, n.Content[i+1])
		if !ok || field < 0 || seen&(1<<field) != 0 {
			return false
		}
		seen |= 1 << field
	}
	return len(n.Content)%2 == 0
}

func (d *nodeDecoder) file(doc *yaml.Node, out *ruleFile) bool {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return false
	}
	return fields(doc.Content[0], func(k string, v *yaml.Node) (int, bool) {
		switch k {
		case "$schema":
			return 0, d.str(v, &out.Schema)
		case "entities":
			return 1, items(d, v, &out.Entities, d.entity)
		case "offices":
			return 2, items(d, v, &out.Offices, d.office)
		case "events":
			return 3, items(d, v, &out.Events, d.event)
		case "coverage":
			return 4, items(d, v, &out.Coverage, d.cover)
		case "wording":
			return 5, items(d, v, &out.Wording, d.wording)
		case "tests":
			return 6, items(d, v, &out.Tests, d.spec)
		case "words":
			// Copied whole, as reflection does; its lines are the file's.
			if !d.shift(v) {
				return 7, false
			}
			out.Words = *v
			return 7, true
		}
		return -1, false
	})
}

// items appends the items of sequence v to out. A null value is an empty
// list, as in reflection; a null item, which reflection skips, fails.
func items[T any](d *nodeDecoder, v *yaml.Node, out *[]item[T], f func(*yaml.Node, *T) bool) bool {
	if !bare(v) {
		return false
	}
	if isNull(v) {
		return true
	}
	if v.Kind != yaml.SequenceNode {
		return false
	}
	*out = slices.Grow(*out, len(v.Content))
	for _, n := range v.Content {
		// Decoded in place: an item is large, and copying it costs.
		*out = append(*out, item[T]{Line: n.Line + d.off, Col: n.Column})
		if !f(n, &(*out)[len(*out)-1].V) {
			return false
		}
	}
	return true
}

func (d *nodeDecoder) str(v *yaml.Node, s *str) bool {
	if !bare(v) || v.Kind != yaml.ScalarNode {
		return false
	}
	if v.ShortTag() != "!!null" { // reflection leaves a null unset
		*s = str{V: v.Value, Line: v.Line + d.off, Col: v.Column, set: true}
	}
	return true
}

func (d *nodeDecoder) strs(v *yaml.Node, out *strs) bool {
	if !bare(v) {
		return false
	}
	if isNull(v) {
		*out = nil
		return true
	}
	if v.Kind != yaml.SequenceNode {
		return false
	}
	ss := d.newStrs(len(v.Content))
	for i, e := range v.Content {
		if isNull(e) || !d.str(e, &ss[i]) {
			return false
		}
	}
	*out = ss
	return true
}

// oneOrMore decodes a value or a list of values, as its UnmarshalYAML
// does; a null leaves it unset, as reflection does.
func (d *nodeDecoder) oneOrMore(v *yaml.Node, out *oneOrMore) bool {
	if !bare(v) {
		return false
	}
	if isNull(v) {
		return true
	}
	switch v.Kind {
	case yaml.ScalarNode:
		var s str
		if !d.str(v, &s) {
			return false
		}
		v := d.newStrs(1)
		v[0] = s
		*out = oneOrMore{V: v, Line: s.Line, Col: s.Col, set: true}
		return true
	case yaml.SequenceNode:
		*out = oneOrMore{Line: v.Line + d.off, Col: v.Column, set: true}
		if !d.strs(v, &out.V) {
			return false
		}
		if out.V == nil { // an empty list, which reflection makes empty, not nil
			out.V = strs{}
		}
		return true
	}
	return false
}

// scalar decodes a rare non-string scalar (a bool, an int) by reflection,
// which knows all the ways YAML writes one.
func scalar[T any](v *yaml.Node, out *T) bool {
	return bare(v) && v.Kind == yaml.ScalarNode && v.Load(out) == nil
}

func (d *nodeDecoder) sources(v *yaml.Node, out *[]sourceY) bool {
	if !bare(v) {
		return false
	}
	if isNull(v) {
		*out = nil
		return true
	}
	if v.Kind != yaml.SequenceNode {
		return false
	}
	var ss []sourceY
	if d.reuse {
		ss = room(&d.srcRoom, len(v.Content))
	} else {
		ss = make([]sourceY, len(v.Content))
	}
	for i, e := range v.Content {
		s := &ss[i]
		if !fields(e, func(k string, v *yaml.Node) (int, bool) {
			switch k {
			case "url":
				return 0, d.str(v, &s.URL)
			case "outlet":
				return 1, d.str(v, &s.Outlet)
			case "date":
				return 2, d.str(v, &s.Date)
			}
			return -1, false
		}) {
			return false
		}
	}
	*out = ss
	return true
}

func (d *nodeDecoder) entity(n *yaml.Node, y *entityY) bool {
	return fields(n, func(k string, v *yaml.Node) (int, bool) {
		switch k {
		case "id":
			return 0, d.str(v, &y.ID)
		case "kind":
			return 1, d.str(v, &y.Kind)
		case "name":
			return 2, d.str(v, &y.Name)
		case "short":
			return 3, d.str(v, &y.Short)
		case "aliases":
			return 4, d.strs(v, &y.Aliases)
		case "demonyms":
			return 5, d.strs(v, &y.Demonyms)
		case "country":
			return 6, d.str(v, &y.Country)
		case "in":
			return 7, d.str(v, &y.In)
		case "tz":
			return 8, d.str(v, &y.TZ)
		case "wikidata":
			return 9, d.str(v, &y.Wikidata)
		}
		return -1, false
	})
}

func (d *nodeDecoder) office(n *yaml.Node, y *officeY) bool {
	return fields(n, func(k string, v *yaml.Node) (int, bool) {
		switch k {
		case "id":
			return 0, d.str(v, &y.ID)
		case "title":
			return 1, d.str(v, &y.Title)
		case "country":
			return 2, d.str(v, &y.Country)
		case "body":
			return 3, d.str(v, &y.Body)
		case "phrasings":
			return 4, d.strs(v, &y.Phrasings)
		case "multiple":
			return 5, scalar(v, &y.Multiple)
		case "holders":
			return 6, items(d, v, &y.Holders, d.term)
		case "note":
			return 7, d.str(v, &y.Note)
		case "wikidata":
			return 8, d.str(v, &y.Wikidata)
		}
		return -1, false
	})
}

func (d *nodeDecoder) term(n *yaml.Node, y *termY) bool {
	return fields(n, func(k string, v *yaml.Node) (int, bool) {
		switch k {
		case "who":
			return 0, d.str(v, &y.Who)
		case "from":
			return 1, d.str(v, &y.From)
		case "to":
			return 2, d.str(v, &y.To)
		case "sources":
			return 3, d.sources(v, &y.Sources)
		case "note":
			return 4, d.str(v, &y.Note)
		case "in-office-on":
			return 5, d.str(v, &y.InOfficeOn)
		}
		return -1, false
	})
}

func (d *nodeDecoder) event(n *yaml.Node, y *eventY) bool {
	return fields(n, func(k string, v *yaml.Node) (int, bool) {
		switch k {
		case "id":
			return 0, d.str(v, &y.ID)
		case "kind":
			return 1, d.str(v, &y.Kind)
		case "title":
			return 2, d.str(v, &y.Title)
		case "date":
			return 3, d.str(v, &y.Date)
		case "end":
			return 4, d.str(v, &y.End)
		case "time":
			return 5, d.str(v, &y.Time)
		case "tz":
			return 6, d.str(v, &y.TZ)
		case "participants":
			return 7, d.strs(v, &y.Participants)
		case "medium":
			return 8, d.oneOrMore(v, &y.Medium)
		case "initiator":
			return 9, d.str(v, &y.Initiator)
		case "venue":
			return 10, d.oneOrMore(v, &y.Venue)
		case "duration":
			return 11, d.str(v, &y.Duration)
		case "series":
			return 12, d.str(v, &y.Series)
		case "round":
			return 13, scalar(v, &y.Round)
		case "aliases":
			return 14, d.strs(v, &y.Aliases)
		case "sources":
			return 15, d.sources(v, &y.Sources)
		case "note":
			return 16, d.str(v, &y.Note)
		case "daypart":
			return 17, d.str(v, &y.Daypart)
		case "status":
			return 18, d.str(v, &y.Status)
		case "part-of":
			return 19, d.str(v, &y.PartOf)
		case "visitor":
			return 20, d.strs(v, &y.Visitor)
		case "host":
			return 21, d.strs(v, &y.Host)
		}
		return -1, false
	})
}

func (d *nodeDecoder) cover(n *yaml.Node, y *coverY) bool {
	return fields(n, func(k string, v *yaml.Node) (int, bool) {
		switch k {
		case "kinds":
			return 0, d.strs(v, &y.Kinds)
		case "participants":
			return 1, d.strs(v, &y.Participants)
		case "from":
			return 2, d.str(v, &y.From)
		case "to":
			return 3, d.str(v, &y.To)
		case "sources":
			return 4, d.sources(v, &y.Sources)
		case "note":
			return 5, d.str(v, &y.Note)
		}
		return -1, false
	})
}

func (d *nodeDecoder) wording(n *yaml.Node, y *wordingY) bool {
	return fields(n, func(k string, v *yaml.Node) (int, bool) {
		switch k {
		case "id":
			return 0, d.str(v, &y.ID)
		case "pattern":
			return 1, d.str(v, &y.Pattern)
		case "after":
			return 2, d.str(v, &y.After)
		case "before":
			return 3, d.str(v, &y.Before)
		case "message":
			return 4, d.str(v, &y.Message)
		case "replacement":
			return 5, d.str(v, &y.Replacement)
		case "severity":
			return 6, d.str(v, &y.Severity)
		case "quoted":
			return 7, scalar(v, &y.Quoted)
		case "except":
			return 8, d.strs(v, &y.Except)
		}
		return -1, false
	})
}

func (d *nodeDecoder) spec(n *yaml.Node, y *specY) bool {
	return fields(n, func(k string, v *yaml.Node) (int, bool) {
		switch k {
		case "name":
			return 0, d.str(v, &y.Name)
		case "published":
			return 1, d.str(v, &y.Published)
		case "text":
			return 2, d.str(v, &y.Text)
		case "want":
			// Reflection copies the node as it is; it is read later.
			if !d.shift(v) {
				return 3, false
			}
			y.Want = *v
			return 3, true
		}
		return -1, false
	})
}

// shift moves the lines of a tree copied whole by the chunk's offset, and
// fails on an anchor or alias in it.
func (d *nodeDecoder) shift(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return false
	}
	n.Line += d.off
	for _, c := range n.Content {
		if !d.shift(c) {
			return false
		}
	}
	return true
}
