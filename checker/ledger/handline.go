package ledger

import (
	"reflect"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// A large ledger is mostly written one item a line, as a flow mapping:
//
//	- {id: p1, kind: person, name: Person One, aliases: [P. One, One]}
//
// Such a line is read here by hand, many times faster than by the YAML
// parser, into the nodes the parser would compose, which the node decoder
// then decodes as it decodes any other. Only lines whose meaning is plain
// are taken: keys of lower-case letters and inner dashes (part-of); plain scalars made of letters,
// digits, spaces, characters outside ASCII and a few punctuation marks that
// mean nothing in YAML, but no null; quoted scalars without escapes; flow
// sequences, and flow mappings in them; no comments, no tabs, no control
// characters. Any other line is left to the parser.

// lineParser parses item lines into nodes it reuses from line to line: the
// node decoder copies what it keeps out of them.
type lineParser struct {
	text  []byte
	ascii bool   // the parser counts columns in characters, not bytes
	line  string // text, as a string made once a line: values are parts of it
	row   int    // the line's number
	nodes []yaml.Node
	ptrs  []*yaml.Node
	stack []*yaml.Node
}

const lineNodes = 512 // the most nodes a line may have

func newLineParser() *lineParser {
	return &lineParser{
		nodes: make([]yaml.Node, 0, lineNodes),
		ptrs:  make([]*yaml.Node, 0, lineNodes),
	}
}

// plainFirst and plainByte tell which bytes may start, and make up, a plain
// scalar taken by hand: none is a YAML indicator in a flow collection.
var plainFirst, plainByte [256]bool

func init() {
	for c := 0; c < 256; c++ {
		// Bytes of characters outside ASCII, checked as characters above.
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
		plainFirst[c] = alnum
		plainByte[c] = alnum
	}
	for _, c := range " _./+-()'@" {
		plainByte[c] = true
	}
}

// itemKeys are the keys an item line may use, as strings made once: those
// of the shapes of the lists read by hand whose values are text or lists,
// not multiple (a bool) or round (an int).
var itemKeys = func() map[string]string {
	keys := map[string]string{}
	for _, shape := range []any{entityY{}, officeY{}, termY{}, sourceY{}, eventY{}, coverY{}, wordingY{}} {
		t := reflect.TypeOf(shape)
		for i := range t.NumField() {
			if k := t.Field(i).Type.Kind(); k == reflect.Bool || k == reflect.Int {
				continue
			}
			key, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			keys[key] = key
		}
	}
	return keys
}()

// itemKey returns the key an item line may use, as a string made once.
func itemKey(b []byte) (string, bool) {
	k, ok := itemKeys[string(b)]
	return k, ok
}

// item parses text, a line "- {...}" whose dash is at column indent+1, and
// returns the mapping's node.
func (p *lineParser) item(text []byte, row, indent int) (*yaml.Node, bool) {
	p.text, p.line, p.row, p.ascii = text, "", row, true
	p.nodes, p.ptrs, p.stack = p.nodes[:0], p.ptrs[:0], p.stack[:0]
	for j := 0; j < len(text); {
		c := text[j]
		if c < utf8.RuneSelf {
			if c < ' ' || c > '~' || c == '#' {
				return nil, false
			}
			j++
			continue
		}
		r, size := utf8.DecodeRune(text[j:])
		if !printable(r) || size == 1 {
			return nil, false
		}
		p.ascii = false
		j += size
	}
	i := indent
	if i+2 >= len(text) || text[i] != '-' || text[i+1] != ' ' {
		return nil, false
	}
	i = p.spaces(i + 1)
	if i >= len(text) || text[i] != '{' {
		return nil, false
	}
	n, i, ok := p.mapping(i)
	if !ok || p.spaces(i) != len(text) {
		return nil, false
	}
	return n, true
}

// printable reports whether r, outside ASCII, is a character YAML reads in
// any scalar and counts as one column: not a control character, a line or
// paragraph separator, a byte order mark or a surrogate.
func printable(r rune) bool {
	return r >= 0xA0 && r <= 0xD7FF && r != 0x2028 && r != 0x2029 ||
		r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF ||
		r >= 0x10000 && r <= 0x10FFFF
}

func (p *lineParser) spaces(i int) int {
	for i < len(p.text) && p.text[i] == ' ' {
		i++
	}
	return i
}

func (p *lineParser) node(kind yaml.Kind, style yaml.Style, i int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		return nil
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	n := &p.nodes[len(p.nodes)-1]
	// Only these fields are ever set: writing them alone is cheaper than
	// writing a whole node.
	col := i + 1
	if !p.ascii {
		col = utf8.RuneCount(p.text[:i]) + 1
	}
	n.Kind, n.Style, n.Line, n.Column = kind, style, p.row, col
	n.Value, n.Content = "", nil
	return n
}

// content gives n the children pushed on the stack since mark.
func (p *lineParser) content(n *yaml.Node, mark int) bool {
	kids := p.stack[mark:]
	if len(p.ptrs)+len(kids) > cap(p.ptrs) {
		return false
	}
	start := len(p.ptrs)
	p.ptrs = append(p.ptrs, kids...)
	n.Content = p.ptrs[start:len(p.ptrs):len(p.ptrs)]
	p.stack = p.stack[:mark]
	return true
}

// mapping parses "{key: value, ...}" at text[i] == '{'.
func (p *lineParser) mapping(i int) (*yaml.Node, int, bool) {
	n := p.node(yaml.MappingNode, yaml.FlowStyle, i)
	if n == nil {
		return nil, 0, false
	}
	mark := len(p.stack)
	i = p.spaces(i + 1)
	for {
		start := i
		for i < len(p.text) && (p.text[i] >= 'a' && p.text[i] <= 'z' || i > start && p.text[i] == '-') {
			i++
		}
		name, known := itemKey(p.text[start:i])
		if !known || i+1 >= len(p.text) || p.text[i] != ':' || p.text[i+1] != ' ' {
			return nil, 0, false
		}
		k := p.node(yaml.ScalarNode, 0, start)
		if k == nil {
			return nil, 0, false
		}
		k.Value = name
		v, j, ok := p.value(p.spaces(i + 1))
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, k, v)
		i = p.spaces(j)
		if i < len(p.text) && p.text[i] == ',' {
			i = p.spaces(i + 1)
			continue
		}
		if i < len(p.text) && p.text[i] == '}' {
			return n, i + 1, p.content(n, mark)
		}
		return nil, 0, false
	}
}

// value parses a mapping's value: a flow sequence or a scalar.
func (p *lineParser) value(i int) (*yaml.Node, int, bool) {
	if i < len(p.text) && p.text[i] == '[' {
		return p.sequence(i)
	}
	return p.scalar(i)
}

// sequence parses "[item, ...]" at text[i] == '[', each item a plain
// scalar or a flow mapping.
func (p *lineParser) sequence(i int) (*yaml.Node, int, bool) {
	n := p.node(yaml.SequenceNode, yaml.FlowStyle, i)
	if n == nil {
		return nil, 0, false
	}
	mark := len(p.stack)
	i = p.spaces(i + 1)
	if i < len(p.text) && p.text[i] == ']' {
		n.Content = []*yaml.Node{}
		return n, i + 1, true
	}
	for {
		var e *yaml.Node
		var ok bool
		if i < len(p.text) && p.text[i] == '{' {
			e, i, ok = p.mapping(i)
		} else {
			e, i, ok = p.scalar(i)
		}
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, e)
		i = p.spaces(i)
		if i < len(p.text) && p.text[i] == ',' {
			i = p.spaces(i + 1)
			continue
		}
		if i < len(p.text) && p.text[i] == ']' {
			return n, i + 1, p.content(n, mark)
		}
		return nil, 0, false
	}
}

// scalar parses a quoted or plain scalar. A plain one ends before ',', ']'
// or '}' (checked by the caller), with its trailing spaces dropped.
func (p *lineParser) scalar(i int) (*yaml.Node, int, bool) {
	start := i
	if i < len(p.text) && (p.text[i] == '\'' || p.text[i] == '"') {
		return p.quoted(i)
	}
	if i >= len(p.text) || !plainFirst[p.text[i]] {
		return nil, 0, false
	}
	for i < len(p.text) && plainByte[p.text[i]] {
		i++
	}
	end := i
	for p.text[end-1] == ' ' {
		end--
	}
	switch string(p.text[start:end]) {
	case "null", "Null", "NULL":
		return nil, 0, false
	}
	n := p.node(yaml.ScalarNode, 0, start)
	if n == nil {
		return nil, 0, false
	}
	if p.line == "" {
		p.line = string(p.text)
	}
	n.Value = p.line[start:end]
	return n, i, true
}

// quoted parses a single-quoted scalar, where ” stands for ', or a
// double-quoted one without escapes, that ends on the line.
func (p *lineParser) quoted(i int) (*yaml.Node, int, bool) {
	q := p.text[i]
	start, j := i+1, i+1
	escaped := false
	for {
		k := j
		for k < len(p.text) && p.text[k] != q && p.text[k] != '\\' {
			k++
		}
		if k == len(p.text) || p.text[k] == '\\' && q == '"' {
			return nil, 0, false
		}
		if p.text[k] == '\\' {
			j = k + 1
			continue
		}
		if q == '\'' && k+1 < len(p.text) && p.text[k+1] == '\'' {
			escaped, j = true, k+2
			continue
		}
		j = k
		break
	}
	style := yaml.DoubleQuotedStyle
	if q == '\'' {
		style = yaml.SingleQuotedStyle
	}
	n := p.node(yaml.ScalarNode, style, i)
	if n == nil {
		return nil, 0, false
	}
	if p.line == "" {
		p.line = string(p.text)
	}
	n.Value = p.line[start:j]
	if escaped {
		n.Value = strings.ReplaceAll(n.Value, "''", "'")
	}
	return n, j + 1, true
}
