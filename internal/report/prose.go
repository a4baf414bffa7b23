package report

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
)

// The report shows an article as a reader sees it: its Markdown rendered,
// its front matter and comments hidden. The findings are marked by offset
// as the Markdown is rendered: goldmark keeps, for every run of text, the
// bytes of the file it came from, so each run is written with a mark
// around the part of it a finding covers (a finding over several runs, a
// line break or a word in italics, is marked in each, the first mark
// holding its tooltip). A finding in text the page does not show (front
// matter, a comment, raw HTML, a link's target) is marked with a ◆ where
// that text was. Marking the source before rendering would have needed
// markers that survive the Markdown parser and do not cut a link or an
// emphasis in two; mapping offsets needs neither.

var prose = article.NewMarkdown()

// articleHTML renders an article's text with its findings (fs[i] for i in
// idx) marked. An article that no longer parses (it cannot, since it was
// checked, but the report does not depend on it) is shown as plain text.
func articleHTML(a Article, fs []checker.Finding, idx []int) template.HTML {
	m := newMarker(a.Src, fs, idx)
	parsed, err := article.Parse(a.Path, a.Src, article.Options{MaxSize: int64(len(a.Src)) + 1})
	if err != nil {
		var b bytes.Buffer
		b.WriteString(`<div class="plain"><p>`)
		m.text(&b, 0, len(a.Src), a.Src, func(w *bytes.Buffer, s []byte) { w.WriteString(html.EscapeString(string(s))) }, false)
		m.rest(&b)
		b.WriteString(`</p></div>`)
		return template.HTML(b.String())
	}
	if parsed.Markdown {
		return m.markdown(parsed)
	}
	return m.plain(parsed)
}

// A group is one mark: findings whose spans overlap share one.
type group struct {
	lo, hi int
	ids    []int // indices into the run's findings
	sev    int
	opened bool
}

// marker writes text with the findings' marks, run by run, in the order of
// the source.
type marker struct {
	fs     []checker.Finding
	groups []*group
	next   int    // the first group not yet begun
	open   *group // the group whose mark is open across runs, if any
}

func newMarker(src []byte, fs []checker.Finding, idx []int) *marker {
	clamp := func(off int) int {
		off = max(0, min(off, len(src)))
		for off > 0 && off < len(src) && !utf8.RuneStart(src[off]) {
			off--
		}
		return off
	}
	sorted := append([]int(nil), idx...)
	sort.SliceStable(sorted, func(a, b int) bool { return fs[sorted[a]].Offset < fs[sorted[b]].Offset })
	m := &marker{fs: fs}
	for _, i := range sorted {
		lo, hi := clamp(fs[i].Offset), clamp(fs[i].EndOffset)
		if hi < lo {
			hi = lo
		}
		if n := len(m.groups); n > 0 && lo < m.groups[n-1].hi {
			g := m.groups[n-1]
			g.hi = max(g.hi, hi)
			g.ids = append(g.ids, i)
			g.sev = max(g.sev, checker.SeverityRank(fs[i].Severity))
			continue
		}
		m.groups = append(m.groups, &group{lo: lo, hi: hi, ids: []int{i}, sev: checker.SeverityRank(fs[i].Severity)})
	}
	return m
}

// text writes the shown run src[s:e) (whose bytes are at offsets s to e of
// the file), with write escaping each piece, and the marks that fall in it.
// A group that began in text not shown, before s, is marked from s if it
// reaches past s, and with a ◆ at s if it does not.
//
// Markdown text is written with its entities and backslash escapes
// resolved (resolved is true): a mark's edge inside "&amp;" or after a
// backslash is moved to the start of it, so that it is not cut in two.
func (m *marker) text(w *bytes.Buffer, s, e int, src []byte, write func(*bytes.Buffer, []byte), resolved bool) {
	piece := func(lo, hi int) {
		if resolved {
			lo, hi = whole(src, s, lo), whole(src, s, hi)
		}
		write(w, src[lo-s:hi-s])
	}
	pos := s
	m.settle(s)
	for m.open == nil && m.next < len(m.groups) && m.groups[m.next].lo < s {
		g := m.groups[m.next]
		m.next++
		if g.hi <= s {
			m.point(w, g)
			continue
		}
		m.open = g
	}
	for pos < e {
		if g := m.open; g != nil {
			end := min(g.hi, e)
			m.openMark(w, g)
			piece(pos, end)
			m.closeMark(w, g)
			pos = end
			if g.hi <= e {
				m.open = nil
			}
			continue
		}
		if m.next < len(m.groups) && m.groups[m.next].lo < e {
			g := m.groups[m.next]
			m.next++
			piece(pos, g.lo)
			pos = g.lo
			if g.hi == g.lo {
				m.point(w, g)
			} else {
				m.open = g
			}
			continue
		}
		piece(pos, e)
		pos = e
	}
	// Points just after the run's last byte belong to it.
	for m.open == nil && m.next < len(m.groups) && m.groups[m.next].lo == e && m.groups[m.next].hi == e {
		m.point(w, m.groups[m.next])
		m.next++
	}
}

// settle ends the open mark of a group that ends before s: the rest of it
// was in text not shown.
func (m *marker) settle(s int) {
	if m.open != nil && m.open.hi <= s {
		m.open = nil
	}
}

// entity is an HTML entity or numeric character reference, as CommonMark
// reads them.
var entity = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// asciiPunct is what a backslash escapes in CommonMark.
const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// whole moves off (an offset of the file; src starts at s) back to the
// start of the entity or backslash escape it falls inside, if any.
func whole(src []byte, s, off int) int {
	i := off - s
	if i <= 0 || i >= len(src) {
		return off
	}
	if src[i-1] == '\\' && strings.IndexByte(asciiPunct, src[i]) >= 0 {
		return off - 1
	}
	for j := i - 1; j >= 0 && i-j <= 33; j-- {
		if src[j] == ';' || src[j] == ' ' {
			break
		}
		if src[j] == '&' {
			if loc := entity.FindIndex(src[j:]); loc != nil && j+loc[1] > i {
				return s + j
			}
			break
		}
	}
	return off
}

// hidden writes a ◆ for each group not yet begun that lies wholly before
// limit: it is in text the page does not show.
func (m *marker) hidden(w *bytes.Buffer, limit int) {
	m.settle(limit)
	if m.open != nil {
		return
	}
	for m.next < len(m.groups) && m.groups[m.next].lo < limit && m.groups[m.next].hi <= limit {
		m.point(w, m.groups[m.next])
		m.next++
	}
}

// pending says whether a group not yet begun lies wholly before limit.
func (m *marker) pending(limit int) bool {
	m.settle(limit)
	return m.open == nil && m.next < len(m.groups) && m.groups[m.next].lo < limit && m.groups[m.next].hi <= limit
}

// rest writes a ◆ for every group not yet begun (or a close for one open).
func (m *marker) rest(w *bytes.Buffer) {
	m.open = nil
	for ; m.next < len(m.groups); m.next++ {
		m.point(w, m.groups[m.next])
	}
}

func (m *marker) class(g *group) string {
	return "finding sev-" + []string{"info", "info", "warning", "error"}[g.sev]
}

func (m *marker) ids(g *group, prefix string) string {
	var ids []string
	for _, i := range g.ids {
		ids = append(ids, prefix+"f"+strconv.Itoa(i+1))
	}
	return strings.Join(ids, " ")
}

// openMark opens g's mark: the first mark of a group carries its findings'
// ids; a later one (the group goes on past a line break, a link, an
// emphasis) is a continuation, styled alike, with no ids of its own.
func (m *marker) openMark(w *bytes.Buffer, g *group) {
	if g.opened {
		fmt.Fprintf(w, `<mark class="%s cont" data-cont="%s">`, m.class(g), m.ids(g, ""))
		return
	}
	fmt.Fprintf(w, `<mark class="%s" tabindex="0" data-findings="%s" aria-describedby="%s">`, m.class(g), m.ids(g, ""), m.ids(g, "tip-"))
}

func (m *marker) closeMark(w *bytes.Buffer, g *group) {
	if !g.opened {
		m.tip(w, g)
		g.opened = true
	}
	w.WriteString(`</mark>`)
}

// point writes a group of no length, or one in text not shown, as a ◆.
func (m *marker) point(w *bytes.Buffer, g *group) {
	fmt.Fprintf(w, `<mark class="%s point" tabindex="0" data-findings="%s" aria-describedby="%s"><span aria-hidden="true">◆</span><span class="sr-only">finding</span>`,
		m.class(g), m.ids(g, ""), m.ids(g, "tip-"))
	m.tip(w, g)
	g.opened = true
	w.WriteString(`</mark>`)
}

// tip writes the tooltip of g's findings.
func (m *marker) tip(w *bytes.Buffer, g *group) {
	w.WriteString(`<span class="tip" role="tooltip" aria-hidden="true">`)
	for _, i := range g.ids {
		f := m.fs[i]
		fmt.Fprintf(w, `<span class="tip-item" id="tip-f%d"><b>%s</b> [%s]: %s`, i+1, html.EscapeString(f.Severity), html.EscapeString(f.Rule), html.EscapeString(f.Message))
		if f.Expected != "" {
			fmt.Fprintf(w, `<br>Ledger: %s`, html.EscapeString(f.Expected))
		}
		if e := f.Evidence; e != nil {
			fmt.Fprintf(w, `<br>Evidence: %s at %s`, html.EscapeString(e.ID), html.EscapeString(e.Pos.String()))
			for _, s := range e.Sources {
				fmt.Fprintf(w, `<br>Source: %s %s`, html.EscapeString(s.Outlet), html.EscapeString(s.URL))
			}
		}
		if f.Fix != nil {
			fmt.Fprintf(w, `<br>Fix: %s`, html.EscapeString(f.Fix.Describe()))
		}
		for _, rel := range f.Related {
			fmt.Fprintf(w, `<br>Also: %s`, html.EscapeString(rel.Message))
		}
		w.WriteString(`</span>`)
	}
	w.WriteString(`</span>`)
}

// hiddenBlock writes, as a paragraph of their own, the ◆ of findings in
// text the page does not show that ends before limit (front matter, an
// HTML block), saying what that text is.
func (m *marker) hiddenBlock(w *bytes.Buffer, limit int, what string) {
	if !m.pending(limit) {
		return
	}
	fmt.Fprintf(w, `<p class="hidden-text">`)
	m.hidden(w, limit)
	fmt.Fprintf(w, " <span class=\"detail\">in %s, not shown</span></p>\n", what)
}

// plain renders a plain-text article: paragraphs between blank lines, a
// line break at each line end, comments and front matter left out.
func (m *marker) plain(a *article.Article) template.HTML {
	var b bytes.Buffer
	b.WriteString(`<div class="plain">`)
	m.hiddenBlock(&b, a.Body, "the front matter")
	// a.Text is Src with front matter and comments blanked (lone CRs made
	// LFs): a blank run that differs from Src is a comment.
	esc := func(w *bytes.Buffer, s []byte) { w.WriteString(html.EscapeString(string(s))) }
	inPara := false
	for start := a.Body; start < len(a.Text); {
		end := len(a.Text)
		if j := bytes.IndexByte(a.Text[start:], '\n'); j >= 0 {
			end = start + j
		}
		next := end + 1
		line := bytes.TrimRight(a.Text[start:end], "\r")
		end = start + len(line)
		if len(bytes.TrimSpace(line)) == 0 {
			if inPara {
				b.WriteString("</p>\n")
				inPara = false
			}
			m.hiddenBlock(&b, end, "a comment")
			start = next
			continue
		}
		if inPara {
			b.WriteString("<br>\n")
		} else {
			b.WriteString("<p>")
			inPara = true
		}
		for i := start; i < end; {
			j := i
			if isSpace(a.Text[i]) {
				hidden := false
				for j < end && isSpace(a.Text[j]) {
					hidden = hidden || a.Text[j] != a.Src[j]
					j++
				}
				if hidden {
					m.hidden(&b, j)
					b.WriteByte(' ')
					i = j
					continue
				}
			} else {
				for j < end && !isSpace(a.Text[j]) {
					j++
				}
			}
			m.text(&b, i, j, a.Text[i:j], esc, false)
			i = j
		}
		start = next
	}
	if inPara {
		b.WriteString("</p>\n")
	}
	if m.pending(len(a.Src) + 1) {
		b.WriteString(`<p class="hidden-text">`)
		m.rest(&b)
		b.WriteString(" <span class=\"detail\">in text not shown</span></p>\n")
	}
	b.WriteString(`</div>`)
	return template.HTML(b.String())
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// markdown renders a Markdown article with goldmark, parsed as the checks
// parsed it, through proseRenderer.
func (m *marker) markdown(a *article.Article) template.HTML {
	src := a.MarkdownSource()
	doc := prose.Parser().Parse(gtext.NewReader(src))
	pr := &proseRenderer{m: m, body: a.Body, end: len(src)}
	r := renderer.NewRenderer(renderer.WithNodeRenderers(
		util.Prioritized(ghtml.NewRenderer(), 1000),
		util.Prioritized(pr, 100),
	))
	var b bytes.Buffer
	b.WriteString(`<div class="prose">`)
	if err := r.Render(&b, src, doc); err != nil {
		// Rendering into memory does not fail; should it, the text is
		// still shown, as text.
		b.Reset()
		b.WriteString(`<div class="plain"><p>`)
		m.next, m.open = 0, nil
		m.text(&b, 0, len(a.Src), a.Src, func(w *bytes.Buffer, s []byte) { w.WriteString(html.EscapeString(string(s))) }, false)
		m.rest(&b)
		b.WriteString(`</p>`)
	}
	b.WriteString(`</div>`)
	return template.HTML(b.String())
}

// proseRenderer renders what goldmark's HTML renderer would, but for the
// kinds of node where the report differs: text is written with the marks of
// the findings in it; raw HTML is left out (a finding in it is a ◆);
// links keep only http, https and mailto targets; images are shown as
// their description, never fetched; headings are moved below the report's
// own (an article's # is an h4).
type proseRenderer struct {
	m         *marker
	body, end int
}

func (r *proseRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindDocument, r.document)
	reg.Register(ast.KindText, r.text)
	reg.Register(ast.KindCodeSpan, r.codeSpan)
	reg.Register(ast.KindCodeBlock, r.codeBlock)
	reg.Register(ast.KindFencedCodeBlock, r.codeBlock)
	reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindAutoLink, r.autoLink)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindHeading, r.heading)
}

// write runs f on a buffer and writes what it wrote to w, goldmark's writer.
func (r *proseRenderer) write(w util.BufWriter, f func(b *bytes.Buffer)) {
	var b bytes.Buffer
	f(&b)
	_, _ = w.Write(b.Bytes())
}

var gw = ghtml.DefaultWriter

// bufWriter is a bytes.Buffer as goldmark's writers take it.
type bufWriter struct{ *bytes.Buffer }

func (bufWriter) Flush() error    { return nil }
func (b bufWriter) Buffered() int { return b.Len() }

// escWrite writes Markdown text as goldmark does: backslash escapes and
// entities resolved, then escaped for HTML.
func escWrite(b *bytes.Buffer, s []byte) { gw.Write(bufWriter{b}, s) }

// rawWrite writes code as goldmark does: escaped for HTML, nothing resolved.
func rawWrite(b *bytes.Buffer, s []byte) { gw.RawWrite(bufWriter{b}, s) }

func (r *proseRenderer) document(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	r.write(w, func(b *bytes.Buffer) {
		if entering {
			r.m.hiddenBlock(b, r.body, "the front matter")
			return
		}
		if r.m.pending(r.end + 1) {
			b.WriteString(`<p class="hidden-text">`)
			r.m.rest(b)
			b.WriteString(" <span class=\"detail\">in text not shown</span></p>\n")
		}
	})
	return ast.WalkContinue, nil
}

func (r *proseRenderer) text(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	seg := n.Segment
	write := escWrite
	if n.IsRaw() {
		write = rawWrite
	}
	r.write(w, func(b *bytes.Buffer) {
		r.m.text(b, seg.Start, seg.Stop, seg.Value(src), write, !n.IsRaw())
		switch {
		case n.HardLineBreak():
			b.WriteString("<br>\n")
		case n.SoftLineBreak():
			b.WriteByte('\n')
		}
	})
	return ast.WalkContinue, nil
}

func (r *proseRenderer) codeSpan(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	r.write(w, func(b *bytes.Buffer) {
		b.WriteString("<code>")
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				continue
			}
			seg := t.Segment
			v := seg.Value(src)
			if bytes.HasSuffix(v, []byte("\n")) {
				r.m.text(b, seg.Start, seg.Stop-1, v[:len(v)-1], rawWrite, false)
				b.WriteByte(' ')
				continue
			}
			r.m.text(b, seg.Start, seg.Stop, v, rawWrite, false)
		}
		b.WriteString("</code>")
	})
	return ast.WalkSkipChildren, nil
}

func (r *proseRenderer) codeBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	r.write(w, func(b *bytes.Buffer) {
		b.WriteString("<pre><code>")
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			r.m.text(b, seg.Start, seg.Stop, seg.Value(src), rawWrite, false)
		}
		b.WriteString("</code></pre>\n")
	})
	return ast.WalkSkipChildren, nil
}

func (r *proseRenderer) htmlBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	end := 0
	if l := n.Lines(); l.Len() > 0 {
		end = l.At(l.Len() - 1).Stop
	}
	if n.HasClosure() {
		end = max(end, n.ClosureLine.Stop)
	}
	what := "HTML"
	if v := bytes.TrimSpace(n.Lines().Value(src)); bytes.HasPrefix(v, []byte("<!--")) {
		what = "a comment"
	}
	r.write(w, func(b *bytes.Buffer) { r.m.hiddenBlock(b, end, what) })
	return ast.WalkSkipChildren, nil
}

func (r *proseRenderer) rawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	if l := n.Segments; l.Len() > 0 {
		r.write(w, func(b *bytes.Buffer) { r.m.hidden(b, l.At(l.Len()-1).Stop) })
	}
	return ast.WalkSkipChildren, nil
}

// safeURL returns dest, escaped for an attribute, when it is an absolute
// http, https or mailto URL; anything else (javascript:, data:, file:, a
// relative path that would resolve against the report's own location) is
// not linked.
func safeURL(dest []byte) (string, bool) {
	escaped := util.URLEscape(dest, true)
	u, err := url.Parse(string(escaped))
	if err != nil {
		return "", false
	}
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
	case "mailto":
		if u.Opaque == "" {
			return "", false
		}
	default:
		return "", false
	}
	return string(util.EscapeHTML(escaped)), true
}

func (r *proseRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	href, ok := safeURL(n.Destination)
	if !entering {
		if ok {
			_, _ = w.WriteString("</a>")
		} else {
			_, _ = w.WriteString("</span>")
		}
		return ast.WalkContinue, nil
	}
	if !ok {
		_, _ = w.WriteString(`<span class="unlinked">`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="` + href + `" rel="nofollow noreferrer"`)
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		gw.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (r *proseRenderer) autoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	dest := n.URL(src)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(dest), []byte("mailto:")) {
		dest = append([]byte("mailto:"), dest...)
	}
	label := util.EscapeHTML(n.Label(src))
	if href, ok := safeURL(dest); ok {
		_, _ = w.WriteString(`<a href="` + href + `" rel="nofollow noreferrer">`)
		_, _ = w.Write(label)
		_, _ = w.WriteString(`</a>`)
	} else {
		_, _ = w.Write(label)
	}
	return ast.WalkContinue, nil
}

// image shows an image as its description: the report fetches nothing.
func (r *proseRenderer) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<span class="image">[image: `)
	} else {
		_, _ = w.WriteString(`]</span>`)
	}
	return ast.WalkContinue, nil
}

func (r *proseRenderer) heading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := min(n.Level+3, 6)
	if entering {
		fmt.Fprintf(w, "<h%d>", level)
	} else {
		fmt.Fprintf(w, "</h%d>\n", level)
	}
	return ast.WalkContinue, nil
}
