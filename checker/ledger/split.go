package ledger

import (
	"bytes"
	"runtime"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v4"
)

// A large rule file is parsed in chunks, on every core: the YAML parser is
// most of the cost of loading, and it runs on one core.
//
// The file is cut only before an item of a top-level list, at a line that
// starts with "-" at the list's indentation (or, after a chunk of one-line
// items, before a top-level key). A chunk that starts at an item is parsed
// as its own document under a line naming its list ("events:"). Lines keep
// their text, so columns are unchanged, and the lines a chunk's document
// reports are moved back by the chunk's place in the file. A file with a
// line break other than LF is not cut: its lines would not be the parser's.
//
// A cut is right only where the whole file's parse is between two items of
// that list. The line scan below cannot see quoted scalars or flow
// collections that span lines, so instead each chunk's parse is checked:
//   - every chunk must parse and decode without any error;
//   - its top-level keys, and their lines, must be the ones the scan found
//     in it (a "key:" line inside a multi-line string is not one), no key may
//     be repeated in the file, and the list a cut is in must be a block
//     sequence at the indentation the scan found.
//
// Then a cut cannot fall inside a quoted scalar or a flow collection: the
// chunk before it would end with one open, which is a syntax error. Nor
// inside a plain or block scalar: in a list at indentation i, those go on
// only on lines indented more than i, and the line at the cut starts at i.
// So the whole file's parse reaches each cut between two items, in the
// same state as a chunk's parse after its "key:" line, and from there both
// see the same tokens. Anchors and aliases fail the decoding (an alias may
// name an anchor in another chunk). On any failure the file is parsed
// whole, so errors and their positions are those of a whole parse.
//
// An item that is one line, a flow mapping followed by nothing but blank
// lines and comments, is read by hand (handline.go) when it can be, and the
// runs of such items make chunks of their own. A line read by hand closes
// every construct it opens, so the parse after it is again between two
// items; the cut before a run is checked as any other, by the chunk that
// ends at it. The lines the hand reader refuses are parsed a run at a time,
// under the list's key, and checked as a chunk is (see decodeHand).

// chunkMin is the size from which a file is parsed in chunks, and
// chunkBytes the size a chunk aims at. Tests lower them.
var (
	chunkMin   = 1 << 20
	chunkBytes = 256 << 10
)

// topKey is a top-level key the scan found: its name and 1-based line.
type topKey struct {
	name string
	line int
}

// chunk is a part of a file, decoded on its own.
type chunk struct {
	from, to int      // its bytes in the file
	first    int      // the file's line at from
	keys     []topKey // the top-level keys the scan found in it
	// The list it starts in, at an item, if it does: its key and the
	// indentation of its items. A library chunk is parsed under a line
	// "key:"; every line of a hand chunk is an item of that list.
	head   string
	indent int
	hand   bool
	// For a library chunk that ends at an item: the list it ends in.
	next       string
	nextIndent int
}

// handLists are the lists whose one-line items may be read by hand: those
// with no yaml.Node in their shape, which could keep a reused node.
var handLists = map[string]bool{"entities": true, "offices": true, "events": true, "coverage": true, "wording": true}

// planner builds the chunks as the scan goes.
type planner struct {
	size   int
	total  int
	chunks []chunk
	cur    chunk
	// item is the last item start seen, whose chunk is decided when it
	// ends: it is read by hand if it is one line (simple).
	item struct {
		on             bool
		off, line      int
		key            string
		indent         int
		simple         bool
		afterFirstLine bool
	}
}

// close ends the current chunk at off and starts c there.
func (p *planner) close(off int, c chunk) {
	p.cur.to = off
	if p.cur.to > p.cur.from {
		p.chunks = append(p.chunks, p.cur)
	}
	p.cur = c
}

// place decides the chunk of the item that just ended.
func (p *planner) place() {
	it := &p.item
	if !it.on {
		return
	}
	it.on = false
	at := chunk{from: it.off, first: it.line, head: it.key, indent: it.indent}
	big := it.off-p.cur.from >= p.size && p.total-it.off >= p.size/2
	switch {
	case it.simple && !p.cur.hand:
		p.cur.next, p.cur.nextIndent = it.key, it.indent
		at.hand = true
		p.close(it.off, at)
	case it.simple && big:
		at.hand = true
		p.close(it.off, at)
	case !it.simple && p.cur.hand:
		p.close(it.off, at)
	case !it.simple && big:
		p.cur.next, p.cur.nextIndent = it.key, it.indent
		p.close(it.off, at)
	}
}

// plan scans a rule file's lines and cuts it into chunks of about size
// bytes, at lines where an item of a top-level block sequence starts (but
// the first of each list), with the runs of one-line items in chunks of
// their own. It fails on anything it does not follow: a line at column 0
// that is not a plain "key:", a comment or a list item; a repeated key; a
// CR or any other line break but LF.
func plan(data []byte, size int) ([]chunk, bool) {
	// YAML also breaks lines at CR, NEL, LS and PS: the lines counted here
	// would not be the parser's.
	for _, lineBreak := range []string{"\r", "\u0085", "\u2028", "\u2029"} {
		if bytes.Contains(data, []byte(lineBreak)) {
			return nil, false
		}
	}
	p := &planner{size: size, total: len(data), cur: chunk{first: 1}}
	seen := map[string]bool{}
	section := ""    // the current top-level key
	pending := false // its value starts on a later line
	indent := -1     // the indentation of its block sequence, if it is one
	line := 0
	for off := 0; off < len(data); {
		line++
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		text := data[off:end]
		start := off
		off = end + 1

		i := 0
		for i < len(text) && text[i] == ' ' {
			i++
		}
		if i == len(text) || text[i] == '#' {
			continue // blank or comment
		}
		if text[i] == '-' && (i+1 == len(text) || text[i+1] == ' ') {
			if pending {
				pending, indent = false, i
				continue // the first item
			}
			if i == indent {
				p.place()
				it := &p.item
				it.on, it.off, it.line, it.key, it.indent = true, start, line, section, i
				it.simple = handLists[section] && oneLine(text, i)
				continue
			}
			if i == 0 {
				return nil, false
			}
			p.item.simple = false
			continue
		}
		if i > 0 {
			if pending {
				pending, indent = false, -1 // a mapping, say
			}
			p.item.simple = false
			continue
		}
		name, rest, ok := keyLine(text)
		if !ok || seen[name] {
			return nil, false
		}
		seen[name] = true
		p.place()
		if p.cur.hand {
			p.close(start, chunk{from: start, first: line})
		}
		p.cur.keys = append(p.cur.keys, topKey{name, line})
		section, indent = name, -1
		pending = len(rest) == 0 || rest[0] == '#'
	}
	p.place()
	p.close(len(data), chunk{})
	return p.chunks, true
}

// oneLine reports whether an item line looks like a flow mapping that ends
// on it: "- {" ... "}".
func oneLine(text []byte, i int) bool {
	j := len(text)
	for j > i && text[j-1] == ' ' {
		j--
	}
	return i+3 < j && text[i+2] == '{' && text[j-1] == '}'
}

// keyLine splits a line "key: rest" with a plain key at column 0, and
// returns what follows the colon with spaces trimmed.
func keyLine(text []byte) (name string, rest []byte, ok bool) {
	i := 0
	for i < len(text) {
		c := text[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$' || i > 0 && c == '-' {
			i++
			continue
		}
		break
	}
	if i == 0 || i == len(text) || text[i] != ':' || i+1 < len(text) && text[i+1] != ' ' {
		return "", nil, false
	}
	return string(text[:i]), bytes.TrimLeft(text[i+1:], " "), true
}

// decodeChunked decodes a large file in chunks, in parallel, one part a
// chunk, and has cv (when not nil) convert each part's items as they are
// decoded. It fails when the file is small, cannot be cut, or any chunk
// fails its checks.
func decodeChunked(data []byte, cv *converter) ([]ruleFile, bool) {
	if len(data) < chunkMin {
		return nil, false
	}
	chunks, ok := plan(data, chunkBytes)
	if !ok || len(chunks) < 2 {
		return nil, false
	}
	parts := make([]ruleFile, len(chunks))
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(chunks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines := newLineParser()
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(chunks) {
					return
				}
				c := &chunks[i]
				ok := false
				if c.hand && cv != nil {
					// Every line but blank ones and comments is an item.
					parts[i].done = cv.newConverted(c.head, bytes.Count(data[c.from:c.to], []byte{'\n'})+1)
				}
				if c.hand {
					ok = c.decodeHand(data, lines, &parts[i], cv)
				} else {
					ok = c.decode(data, &parts[i])
				}
				if ok && cv != nil {
					p := &parts[i]
					cv.take(p)
					// Their room too: the shapes are done with.
					p.Entities, p.Offices, p.Events, p.Coverage, p.Wording = nil, nil, nil, nil, nil
				}
				if !ok {
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	if failed.Load() {
		return nil, false
	}
	return parts, true
}

// decode parses and decodes a library chunk and checks it against the scan.
func (c *chunk) decode(data []byte, out *ruleFile) bool {
	doc, off, want := c.document(data)
	return decodeDoc(doc, off, want, c.next, c.nextIndent, out)
}

// document returns the text a library chunk is parsed as, what to add to
// its lines, and the top-level keys it must have.
func (c *chunk) document(data []byte) (doc []byte, off int, want []topKey) {
	doc, off, want = data[c.from:c.to], c.first-1, c.keys
	if c.head != "" {
		doc = append(append(make([]byte, 0, len(c.head)+2+len(doc)), c.head+":\n"...), doc...)
		off--
		want = append([]topKey{{c.head, c.first - 1}}, want...)
	}
	return doc, off, want
}

// decodeDoc parses doc, part of a file whose line n is the file's n+off,
// checks that its top-level keys are want and, if next is set, that it ends
// in the block sequence of next at indentation indent, and decodes it.
func decodeDoc(data []byte, off int, want []topKey, next string, indent int, out *ruleFile) bool {
	var doc yaml.Node
	if err := yaml.Load(data, &doc); err != nil {
		return false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return false
	}
	top := doc.Content[0].Content
	if len(top) != 2*len(want) {
		return false
	}
	for i, k := range want {
		n := top[2*i]
		if n.Kind != yaml.ScalarNode || n.Value != k.name || n.Line+off != k.line || n.Column != 1 {
			return false
		}
	}
	if next != "" {
		v := top[len(top)-1]
		if top[len(top)-2].Value != next || v.Kind != yaml.SequenceNode ||
			v.Style&yaml.FlowStyle != 0 || v.Column != indent+1 {
			return false
		}
	}
	return (&nodeDecoder{off: off}).file(&doc, out)
}

// decodeHand decodes a chunk of one-line items, each read by hand if it can
// be. The lines it refuses are parsed together, a run at a time, under the
// list's key: a run starts at the chunk's start or after a line read by
// hand, and ends before one or at the chunk's end, all between two items,
// so it is checked as any library chunk is.
func (c *chunk) decodeHand(data []byte, p *lineParser, out *ruleFile, cv *converter) bool {
	// The document a line's item is decoded in: c.head: [item].
	key := &yaml.Node{Kind: yaml.ScalarNode, Value: c.head}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Content: make([]*yaml.Node, 1)}
	top := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{key, seq}}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{top}}
	d := &nodeDecoder{reuse: cv != nil}
	runFrom, runRow := -1, 0
	flush := func(to int) bool {
		if runFrom < 0 {
			return true
		}
		text := append(append(make([]byte, 0, len(c.head)+2+to-runFrom), c.head+":\n"...), data[runFrom:to]...)
		ok := decodeDoc(text, runRow-2, []topKey{{c.head, runRow - 1}}, c.head, c.indent, out)
		runFrom = -1
		return ok
	}
	row := c.first - 1
	for off := c.from; off < c.to; {
		row++
		start := off
		end := bytes.IndexByte(data[off:c.to], '\n')
		if end < 0 {
			end = c.to
		} else {
			end += off
		}
		text := data[off:end]
		off = end + 1
		i := 0
		for i < len(text) && text[i] == ' ' {
			i++
		}
		if i == len(text) || text[i] == '#' {
			continue
		}
		if n, ok := p.item(text, row, c.indent); ok {
			if !flush(start) {
				return false
			}
			seq.Content[0] = n
			before := out.lens()
			if d.file(doc, out) {
				if cv != nil {
					cv.take(out) // with the run before it, which is of the same list
					d.reset()
				}
				continue
			}
			out.truncate(before)
		}
		if runFrom < 0 {
			runFrom, runRow = start, row
		}
	}
	return flush(c.to)
}

// lens and truncate undo what a failed decoding appended.
func (r *ruleFile) lens() [6]int {
	return [6]int{len(r.Entities), len(r.Offices), len(r.Events), len(r.Coverage), len(r.Wording), len(r.Tests)}
}

func (r *ruleFile) truncate(n [6]int) {
	r.Entities, r.Offices, r.Events = r.Entities[:n[0]], r.Offices[:n[1]], r.Events[:n[2]]
	r.Coverage, r.Wording, r.Tests = r.Coverage[:n[3]], r.Wording[:n[4]], r.Tests[:n[5]]
}
