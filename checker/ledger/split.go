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
// starts with "-" at the list's indentation, and every chunk after the first
// is parsed as its own document under a line naming its list ("events:").
// Lines keep their text, so columns are unchanged, and the lines a chunk's
// document reports are moved back by the chunk's place in the file.
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

// cut is a place the file may be cut: the offset and line of an item's
// first line, the list it belongs to, and that list's indentation.
type cut struct {
	off, line int
	key       string
	indent    int
}

// scanCuts finds the top-level keys of a rule file, and cuts it about every
// size bytes at lines where an item of a top-level block sequence starts
// (but the first of each list). It fails on anything it does not follow: a
// line at column 0 that is not a plain "key:", a comment or a list item; a
// repeated key; a CR.
func scanCuts(data []byte, size int) (keys []topKey, cuts []cut, ok bool) {
	if bytes.IndexByte(data, '\r') >= 0 {
		return nil, nil, false
	}
	seen := map[string]bool{}
	section := ""    // the current top-level key
	pending := false // its value starts on a later line
	indent := -1     // the indentation of its block sequence, if it is one
	line, last := 0, 0
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
				if start-last >= size && len(data)-start >= size/2 {
					cuts = append(cuts, cut{off: start, line: line, key: section, indent: i})
					last = start
				}
				continue
			}
			if i == 0 {
				return nil, nil, false
			}
			continue
		}
		if i > 0 {
			if pending {
				pending, indent = false, -1 // a mapping, say
			}
			continue
		}
		name, rest, ok := keyLine(text)
		if !ok || seen[name] {
			return nil, nil, false
		}
		seen[name] = true
		keys = append(keys, topKey{name, line})
		section, indent = name, -1
		pending = len(rest) == 0 || rest[0] == '#'
	}
	return keys, cuts, true
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

// chunk is a part of a file, parsed as its own document.
type chunk struct {
	doc   []byte
	off   int      // line offset: the document's line n is the file's n+off
	first int      // the file's line where the chunk starts
	keys  []topKey // the top-level keys the scan found in it
	head  *cut     // the cut it starts at, nil for the first chunk
	next  *cut     // the cut it ends at, nil for the last chunk
}

// split cuts data into chunks of about chunkBytes.
func split(data []byte) ([]chunk, bool) {
	keys, chosen, ok := scanCuts(data, chunkBytes)
	if !ok || len(chosen) == 0 {
		return nil, false
	}
	chunks := make([]chunk, len(chosen)+1)
	for i := range chunks {
		c := &chunks[i]
		from, to, toLine := 0, len(data), 1<<62
		c.first = 1
		if i > 0 {
			c.head = &chosen[i-1]
			from, c.first, c.off = c.head.off, c.head.line, c.head.line-2
		}
		if i < len(chosen) {
			c.next = &chosen[i]
			to, toLine = c.next.off, c.next.line
		}
		if c.head != nil {
			c.doc = make([]byte, 0, len(c.head.key)+2+to-from)
			c.doc = append(append(c.doc, c.head.key...), ":\n"...)
		}
		c.doc = append(c.doc, data[from:to]...)
		for _, k := range keys {
			if k.line >= c.first && k.line < toLine {
				c.keys = append(c.keys, k)
			}
		}
	}
	return chunks, true
}

// decodeChunked decodes a large file in chunks, in parallel, one part a
// chunk. It fails when the file is small, cannot be cut, or any chunk fails
// its checks.
func decodeChunked(data []byte) ([]ruleFile, bool) {
	if len(data) < chunkMin {
		return nil, false
	}
	chunks, ok := split(data)
	if !ok {
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
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(chunks) {
					return
				}
				if !chunks[i].decode(&parts[i]) {
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

// decode parses and decodes one chunk and checks it against the scan.
func (c *chunk) decode(out *ruleFile) bool {
	var doc yaml.Node
	if err := yaml.Load(c.doc, &doc); err != nil {
		return false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return false
	}
	top := doc.Content[0].Content
	want := c.keys
	if c.head != nil {
		want = append([]topKey{{c.head.key, c.head.line - 1}}, want...)
	}
	if len(top) != 2*len(want) {
		return false
	}
	for i, k := range want {
		n := top[2*i]
		if n.Kind != yaml.ScalarNode || n.Value != k.name || n.Line+c.off != k.line || n.Column != 1 {
			return false
		}
	}
	if c.next != nil {
		// The chunk ends inside the list the next one starts in, a block
		// sequence at the indentation the scan found.
		v := top[len(top)-1]
		if top[len(top)-2].Value != c.next.key || v.Kind != yaml.SequenceNode ||
			v.Style&yaml.FlowStyle != 0 || v.Column != c.next.indent+1 {
			return false
		}
	}
	return (&nodeDecoder{off: c.off}).file(&doc, out)
}
