// Package article reads an article: its front matter (publication date,
// outlet, URL, title) and the prose that claims are read from. Positions are
// byte offsets into the original file from the moment it is read; Line and
// Col turn them into 1-based lines and columns counted in code points.
package article

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v4"
)

// MaxSize is the largest article Parse reads by default, in bytes; Options
// may allow more. Larger input is refused with an error.
const MaxSize = 10 << 20

// Meta is what front matter says about an article.
type Meta struct {
	Published civil.Date // day precision, or zero when unknown
	Outlet    string
	URL       string
	Title     string
	// DateFrom says where Published came from: "front matter", "flag" or "".
	DateFrom string
}

// Block is one paragraph, heading or list item of prose: [Start, End) bytes.
type Block struct{ Start, End int }

// Article is a parsed article.
type Article struct {
	Path string
	Src  []byte
	// Text has the length of Src. Bytes that are not prose to check (front
	// matter, code, HTML comments, Markdown markup) are blanked to spaces;
	// line ends are kept, a lone CR as a LF.
	Text   []byte
	Blocks []Block
	Meta   Meta
	// Body is the offset of the first byte after the front matter (and
	// after a byte-order mark): 0 when there is neither.
	Body int
	// Markdown says whether the article was read as Markdown; else it was
	// read as plain text.
	Markdown bool
	// TooDeep is set when the article is Markdown nested more than
	// MaxNesting levels deep, first at the line that starts at DeepAt: it
	// was then read as plain text (see markdown), and Markdown is false.
	TooDeep bool
	DeepAt  int
	// TooManyBrackets is set when the article's Markdown has more than
	// MaxBrackets "[", the first past the cap at BracketsAt: it was then
	// read as plain text too.
	TooManyBrackets bool
	BracketsAt      int
	lines           []int // offset of each line's first byte
	// view is Src with each lone CR made a LF (Src itself when there is
	// none): the same bytes at the same offsets, each line ending in a LF,
	// so that what reads lines treats CR, CRLF and LF line ends alike.
	view []byte

	// runes[k] counts the code points before byte k*runeBlock, built the
	// first time a column is asked for far into a long line, so that a
	// column costs at most one block's scan however long the line.
	runesOnce sync.Once
	runes     []int
}

const runeBlock = 1024

// Error is a problem reading an article, at a position.
type Error struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Path + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// Options control parsing.
type Options struct {
	// Published is used when the front matter gives no date.
	Published civil.Date
	// MaxSize overrides MaxSize when positive.
	MaxSize int64
}

// Parse reads an article. The kind (Markdown or plain text) follows the
// path's extension: .md and .markdown are Markdown, anything else is text.
func Parse(path string, src []byte, opt Options) (*Article, error) {
	limit := int64(MaxSize)
	if opt.MaxSize > 0 {
		limit = opt.MaxSize
	}
	if int64(len(src)) > limit {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("file is %d bytes, over the limit of %d: not checked", len(src), limit)}
	}
	a := &Article{Path: path, Src: src, view: lfView(src)}
	a.indexLines()
	if order := utf16Order(src); order != "" {
		return nil, &Error{Path: path, Msg: "UTF-16 text (" + order + "): claimlint reads UTF-8; save the file as UTF-8"}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		l, c := a.Position(i)
		return nil, &Error{Path: path, Line: l, Col: c, Msg: "binary file (NUL byte): not an article"}
	}
	if !utf8.Valid(src) {
		off := firstInvalid(src)
		l, c := a.Position(off)
		return nil, &Error{Path: path, Line: l, Col: c, Msg: fmt.Sprintf("not valid UTF-8 text (byte 0x%02x); save the file as UTF-8", src[off])}
	}
	a.Text = make([]byte, len(src))
	body := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		body = 3
	}
	fmEnd, err := a.frontMatter(body)
	if err != nil {
		return nil, err
	}
	if a.Meta.Published.IsZero() && !opt.Published.IsZero() {
		a.Meta.Published, a.Meta.DateFrom = opt.Published, "flag"
	}
	a.Body = fmEnd
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".md" || ext == ".markdown" {
		a.Markdown = true
		a.markdown(fmEnd)
	} else {
		a.plain(fmEnd)
	}
	return a, nil
}

// utf16Order says whether src looks like UTF-16 text, and in which byte
// order ("little-endian" or "big-endian"): by its byte-order mark, or, with
// none, by the NUL high bytes of Latin text in one half of each pair of its
// first bytes. "": it does not.
func utf16Order(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}):
		return "little-endian"
	case bytes.HasPrefix(src, []byte{0xfe, 0xff}):
		return "big-endian"
	}
	n := min(len(src), 512) &^ 1
	pairs := n / 2
	if pairs < 2 {
		return ""
	}
	var even, odd int // NUL bytes at even and at odd offsets
	for i := 0; i < n; i += 2 {
		if src[i] == 0 {
			even++
		}
		if src[i+1] == 0 {
			odd++
		}
	}
	switch {
	case 2*odd >= pairs && 8*even < pairs:
		return "little-endian"
	case 2*even >= pairs && 8*odd < pairs:
		return "big-endian"
	}
	return ""
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// lfView returns src with each lone CR (one not before a LF) made a LF, or
// src itself when it has none.
func lfView(src []byte) []byte {
	var out []byte
	for i := bytes.IndexByte(src, '\r'); i >= 0; {
		if i+1 == len(src) || src[i+1] != '\n' {
			if out == nil {
				out = bytes.Clone(src)
			}
			out[i] = '\n'
		}
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if out == nil {
		return src
	}
	return out
}

// LineStarts returns the offset of each line's first byte, a line ending
// in LF, CRLF or a lone CR. The caller must not change it.
func (a *Article) LineStarts() []int { return a.lines }

func (a *Article) indexLines() {
	a.lines = append(a.lines[:0], 0)
	for i, c := range a.view {
		if c == '\n' {
			a.lines = append(a.lines, i+1)
		}
	}
}

// Position turns a byte offset into a 1-based line and a 1-based column
// counted in Unicode code points.
func (a *Article) Position(off int) (line, col int) {
	if off > len(a.Src) {
		off = len(a.Src)
	}
	i := sort.Search(len(a.lines), func(i int) bool { return a.lines[i] > off }) - 1
	start := a.lines[i]
	if off-start <= 4*runeBlock {
		return i + 1, utf8.RuneCount(a.Src[start:off]) + 1
	}
	return i + 1, a.runesBefore(off) - a.runesBefore(start) + 1
}

// runesBefore counts the code points in Src[:off], off being at the start of
// one (articles are valid UTF-8).
func (a *Article) runesBefore(off int) int {
	a.runesOnce.Do(func() {
		a.runes = make([]int, len(a.Src)/runeBlock+1)
		n := 0
		for k := range a.runes {
			a.runes[k] = n
			end := min((k+1)*runeBlock, len(a.Src))
			n += runeStarts(a.Src[k*runeBlock : end])
		}
	})
	k := off / runeBlock
	return a.runes[k] + runeStarts(a.Src[k*runeBlock:off])
}

func runeStarts(b []byte) int {
	n := 0
	for _, c := range b {
		if utf8.RuneStart(c) {
			n++
		}
	}
	return n
}

// ByteColumn is the 1-based column of a byte offset, counted in bytes.
func (a *Article) ByteColumn(off int) int {
	if off > len(a.Src) {
		off = len(a.Src)
	}
	i := sort.Search(len(a.lines), func(i int) bool { return a.lines[i] > off }) - 1
	return off - a.lines[i] + 1
}

// frontMatter reads a leading "---" YAML block and returns where the body
// starts. The front matter itself is never checked.
func (a *Article) frontMatter(start int) (int, error) {
	src := a.view[start:]
	first, rest, ok := cutLine(src)
	if !ok || strings.TrimRight(string(first), "\r") != "---" {
		return start, nil
	}
	off := start + len(first) + 1
	yamlStart := off
	for len(rest) > 0 {
		line, more, _ := cutLine(rest)
		t := strings.TrimRight(string(line), "\r")
		if t == "---" || t == "..." {
			end := off + len(line)
			if end < len(a.Src) {
				end++
			}
			return end, a.readMeta(a.view[yamlStart:off], yamlStart)
		}
		off += len(line) + 1
		rest = more
	}
	l, c := a.Position(start)
	return 0, &Error{Path: a.Path, Line: l, Col: c, Msg: "front matter opened with --- is never closed"}
}

func cutLine(b []byte) (line, rest []byte, found bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:], true
	}
	return b, nil, len(b) > 0
}

func (a *Article) readMeta(y []byte, base int) error {
	baseLine, _ := a.Position(base)
	if a.simpleMeta(y) {
		return nil
	}
	var doc yaml.Node
	if err := yaml.Load(y, &doc); err != nil {
		var le *yaml.LoadError
		line, col := baseLine, 1
		msg := err.Error()
		if errors.As(err, &le) {
			line, col, msg = baseLine+le.Mark.Line-1, le.Mark.Column, le.Message
		}
		return &Error{Path: a.Path, Line: line, Col: col, Msg: "front matter: " + msg}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return &Error{Path: a.Path, Line: baseLine + m.Line - 1, Col: m.Column, Msg: "front matter is not a mapping of keys to values"}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		at := func(msg string) error {
			return &Error{Path: a.Path, Line: baseLine + v.Line - 1, Col: v.Column, Msg: msg}
		}
		if (k.Value == "published" || k.Value == "date") && v.Kind != yaml.ScalarNode {
			return at("front matter: published must be a date, YYYY-MM-DD")
		}
		if err := a.setMeta(k.Value, v.Value); err != nil {
			return at("front matter: " + err.Error())
		}
	}
	return nil
}

// simpleMeta reads front matter made only of "key: plain value" lines, the
// usual case, without a YAML parser. It returns false, having set nothing,
// when any line is more than that (quotes, lists, blocks, comments…): the
// YAML parser reads those.
func (a *Article) simpleMeta(y []byte) bool {
	type kv struct{ key, val string }
	var kvs []kv
	for _, raw := range bytes.Split(y, []byte("\n")) {
		line := strings.TrimRight(string(raw), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || k == "" || strings.ContainsAny(k, " \t#'\"{}[]&*!|>%@`-") && !isKey(k) {
			return false
		}
		val := strings.TrimSpace(v)
		if val == "" || strings.ContainsAny(val[:1], "'\"[{&*!|>%@`#") || strings.Contains(val, " #") || strings.Contains(val, ": ") {
			return false
		}
		kvs = append(kvs, kv{k, val})
	}
	meta := a.Meta
	for _, e := range kvs {
		if err := a.setMeta(e.key, e.val); err != nil {
			a.Meta = meta // let the YAML path report it, at its position
			return false
		}
	}
	return true
}

// setMeta sets the front-matter field key, if claimlint reads it.
func (a *Article) setMeta(key, val string) error {
	switch key {
	case "published", "date":
		d, err := parsePublished(val)
		if err != nil {
			return err
		}
		a.Meta.Published, a.Meta.DateFrom = d, "front matter"
	case "outlet":
		a.Meta.Outlet = val
	case "url":
		a.Meta.URL = val
	case "title":
		a.Meta.Title = val
	}
	return nil
}

// isKey reports whether k is a plain key: letters, digits, - and _.
func isKey(k string) bool {
	for _, r := range k {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func parsePublished(s string) (civil.Date, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return civil.DayOf(t), nil
	}
	d, err := civil.ParseDate(s)
	if err != nil {
		return civil.Date{}, fmt.Errorf("published: %v", err)
	}
	if d.Prec != civil.Day {
		return civil.Date{}, fmt.Errorf("published %q must be a full date, YYYY-MM-DD", s)
	}
	return d, nil
}

// keep copies src[i:j] into the checked text (a lone CR as a LF).
func (a *Article) keep(i, j int) { copy(a.Text[i:j], a.view[i:j]) }

// blankAll makes every byte a space except line ends.
func (a *Article) blankAll() {
	for i, c := range a.view {
		if c == '\n' {
			a.Text[i] = '\n'
		} else {
			a.Text[i] = ' '
		}
	}
}

// plain treats each line as a block; HTML comments are not checked.
func (a *Article) plain(body int) { a.plainWith(body, nil) }

// plainWith is plain with the first skip(line) bytes of each line blanked
// (none when skip is nil).
func (a *Article) plainWith(body int, skip func(line []byte) int) {
	a.blankAll()
	a.keep(body, len(a.Src))
	blankComments(a.Text, body)
	for i := body; i < len(a.Text); {
		end := lineEnd(a.Text, i)
		start := i
		if skip != nil {
			for k := i + skip(a.Text[i:end]); start < k; start++ {
				a.Text[start] = ' '
			}
		}
		if len(bytes.TrimSpace(a.Text[start:end])) > 0 {
			a.Blocks = append(a.Blocks, Block{start, end})
		}
		i = end + 1
	}
}

// blankComments blanks <!-- … --> in b from start on, keeping newlines.
func blankComments(b []byte, start int) {
	for i := start; i < len(b); {
		j := bytes.Index(b[i:], []byte("<!--"))
		if j < 0 {
			return
		}
		j += i
		k := bytes.Index(b[j+4:], []byte("-->"))
		end := len(b)
		if k >= 0 {
			end = j + 4 + k + 3
		}
		for x := j; x < end; x++ {
			if b[x] != '\n' {
				b[x] = ' '
			}
		}
		i = end
	}
}

var md = NewMarkdown()

// NewMarkdown returns the Markdown reader articles are parsed with (goldmark
// with CommonMark's syntax and no extension), for code that must see an
// article's Markdown as the checks did: the HTML report renders it.
func NewMarkdown() goldmark.Markdown { return goldmark.New() }

// MarkdownSource returns the bytes an article's Markdown is parsed from:
// Src with the front matter blanked (so that its "---" is not markup) and
// each lone CR made a LF, at Src's offsets. It is a new slice each call.
func (a *Article) MarkdownSource() []byte {
	src := bytes.Clone(a.view)
	for i := range src[:a.Body] {
		if src[i] != '\n' {
			src[i] = ' '
		}
	}
	return src
}

// MaxNesting is the deepest Markdown is parsed: lists and block quotes
// nested more than this many levels make the article read as plain text.
// goldmark's time grows with the cube of the nesting (3,000 levels of a
// list, 9 MB, took 40 s and 760 MB); no article nests a tenth as deep.
const MaxNesting = 100

// MaxBrackets is the most "[" an article's Markdown may hold to be parsed
// as Markdown: goldmark's time grows with the square of the link openers
// left unclosed in a paragraph ("[a](" 16,000 times, 64 KB, took 0.9 s;
// 64,000 times, 46 s). An article with more is read as plain text.
const MaxBrackets = 4000

// tooManyBrackets returns the offset of the first "[" past MaxBrackets in
// the body, if there is one.
func (a *Article) tooManyBrackets(body int) (int, bool) {
	n := 0
	for i := body; i < len(a.view); i++ {
		j := bytes.IndexByte(a.view[i:], '[')
		if j < 0 {
			break
		}
		i += j
		if n++; n > MaxBrackets {
			return i, true
		}
	}
	return 0, false
}

// markdown keeps only the text of paragraphs, headings and list items; code,
// HTML and markup are blanked. An article nested deeper than MaxNesting is
// read by flat instead.
func (a *Article) markdown(body int) {
	if at, deep := a.tooDeep(body); deep {
		a.TooDeep, a.DeepAt, a.Markdown = true, at, false
		a.flat(body)
		return
	}
	if at, many := a.tooManyBrackets(body); many {
		a.TooManyBrackets, a.BracketsAt, a.Markdown = true, at, false
		a.flat(body)
		return
	}
	if a.simple(body) {
		return
	}
	a.goldmark(body)
}

// goldmark reads the body as Markdown with goldmark.
func (a *Article) goldmark(body int) {
	a.blankAll()
	a.Blocks = a.Blocks[:0]
	src := a.MarkdownSource()
	doc := md.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image, *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			a.keep(n.Segment.Start, n.Segment.Stop)
		case *ast.String:
			// Generated text (entities, smart punctuation) has no source span.
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
			lines := n.Lines()
			if lines.Len() > 0 {
				a.Blocks = append(a.Blocks, Block{lines.At(0).Start, lines.At(lines.Len() - 1).Stop})
			}
		}
		return ast.WalkContinue, nil
	})
	sort.Slice(a.Blocks, func(i, j int) bool { return a.Blocks[i].Start < a.Blocks[j].Start })
}

// simple reads a body of plain paragraphs and whole-line HTML comments
// without goldmark, and reports whether it could: most articles are such,
// and parsing them is the larger part of goldmark's work. A paragraph
// line starts with a letter, a quotation mark or "(" and holds no byte
// that Markdown may read as syntax (`*_[]<>&|~#\, tabs, controls); a
// comment line starts with "<!--" and ends its comment on the line, which
// makes it an HTML block of its own, as goldmark reads it. A body with any
// other line is left to goldmark (FuzzSimple holds the two to agree).
func (a *Article) simple(body int) bool {
	a.blankAll()
	a.Blocks = a.Blocks[:0]
	para := -1 // the start of the paragraph being read
	last := 0  // the end of its last line
	closePara := func() {
		if para >= 0 {
			a.Blocks = append(a.Blocks, Block{para, last})
			para = -1
		}
	}
	for i := body; i < len(a.view); {
		end := lineEnd(a.view, i)
		line := a.view[i:end]
		switch {
		case len(bytes.Trim(line, " ")) == 0:
			closePara()
		case bytes.HasPrefix(line, []byte("<!--")) && bytes.Contains(line[4:], []byte("-->")):
			closePara()
		case plainLine(line):
			if para < 0 {
				para = i
			}
			// A paragraph ends before the spaces that end its last line.
			last = i + len(bytes.TrimRight(line, " "))
			a.keep(i, end)
		default:
			a.blankAll()
			a.Blocks = a.Blocks[:0]
			return false
		}
		i = end + 1
	}
	closePara()
	return true
}

// plainLine reports whether line is a line of a paragraph whatever stands
// around it, and holds no Markdown syntax (see simple).
func plainLine(line []byte) bool {
	r, _ := utf8.DecodeRune(line)
	if !unicode.IsLetter(r) && !strings.ContainsRune(`"'(“‘`, r) {
		return false
	}
	for _, c := range line {
		if syntaxByte[c] {
			return false
		}
	}
	return true
}

// syntaxByte marks the bytes a plain line may not hold: controls (tabs
// among them) and those Markdown may read as syntax.
var syntaxByte = func() (t [256]bool) {
	for c := range ' ' {
		t[c] = true
	}
	for _, c := range []byte("`*_[]<>&|~#\\\x7f") {
		t[c] = true
	}
	return t
}()

// lineEnd returns the offset of the line end at or after i in b, or len(b).
func lineEnd(b []byte, i int) int {
	if j := bytes.IndexByte(b[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(b)
}

// tooDeep reports whether a line of the body may be nested more than
// MaxNesting levels deep, and where the first such line starts. It counts,
// at the start of each line, the markers of block quotes (>) and list
// items (-, +, * or a number and . or ) before a space), and a level for
// each two columns of white space among them besides the one space a
// marker may take: a list item's text is two columns in at least, so each
// level of a list is two columns of the lines that continue it. That is never less than the nesting goldmark
// finds, and a line that is only a thematic break ("- - -") counts none.
func (a *Article) tooDeep(body int) (int, bool) {
	for i := body; i < len(a.view); {
		end := lineEnd(a.view, i)
		if depth, _ := nesting(a.view[i:end]); depth > MaxNesting {
			return i, true
		}
		i = end + 1
	}
	return 0, false
}

// nesting returns the most levels of Markdown nesting line may open or
// continue (see tooDeep), and the length of its prefix of markers and
// white space.
func nesting(line []byte) (depth, prefix int) {
	if thematicBreak(line) {
		return 0, 0
	}
	markers, col, i := 0, 0, 0
	space := func(j int) bool { return j >= len(line) || line[j] == ' ' || line[j] == '\t' || line[j] == '\r' }
	blank := 0 // columns of white space
loop:
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ':
			col, blank, i = col+1, blank+1, i+1
		case c == '\t':
			w := 4 - col%4
			col, blank, i = col+w, blank+w, i+1
		case c == '>':
			markers, col, i = markers+1, col+1, i+1
			if i < len(line) && line[i] == ' ' {
				col, i = col+1, i+1 // the marker's own space
			}
		case (c == '-' || c == '+' || c == '*') && space(i+1):
			markers, col, i = markers+1, col+1, i+1
			if i < len(line) && line[i] == ' ' {
				col, i = col+1, i+1
			}
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j == len(line) || line[j] != '.' && line[j] != ')' || !space(j+1) {
				break loop
			}
			markers, col, i = markers+1, col+j+1-i, j+1
			if i < len(line) && line[i] == ' ' {
				col, i = col+1, i+1
			}
		default:
			break loop
		}
	}
	return markers + blank/2, i
}

// thematicBreak reports whether line is a thematic break: three or more of
// one of -, * and _, with nothing else but white space.
func thematicBreak(line []byte) bool {
	var mark byte
	n := 0
	for _, c := range line {
		switch c {
		case ' ', '\t', '\r':
		case '-', '*', '_':
			if mark != 0 && c != mark {
				return false
			}
			mark = c
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// flat reads Markdown as plain text, for an article nested too deep to
// parse: each line is a block, with its markers of lists and quotes and
// the white space among them blanked; HTML comments are not checked. Code,
// HTML, link targets and other markup are read as prose.
func (a *Article) flat(body int) {
	a.plainWith(body, func(line []byte) int {
		_, prefix := nesting(line)
		return prefix
	})
}
