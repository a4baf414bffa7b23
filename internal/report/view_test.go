package report

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xhtml "golang.org/x/net/html"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/ledger"
)

// viewRun checks articles as claimlint check does for the corpus formats.
func viewRun(t *testing.T, docs map[string]string) *Run {
	t.Helper()
	data, err := os.ReadFile("../../checker/corpus/testdata/ledger.yaml") // the corpus tests' ledger
	require.NoError(t, err)
	l, err := ledger.Load([]ledger.File{{Name: "rules.yaml", Data: data}})
	require.NoError(t, err)
	c := checker.New(l)
	run := &Run{Version: "v0", View: &View{Ledger: l, Author: Author{Name: "Fact Desk", URL: "https://example.org/desk"}}}
	var paths []string
	var stmts []corpus.Stmt
	for p := range docs {
		paths = append(paths, p)
	}
	sort.Strings(paths) // as a run orders its files
	for _, p := range paths {
		src := []byte(docs[p])
		a, err := article.Parse(p, src, article.Options{})
		require.NoError(t, err)
		cs, fs := c.Claims(a)
		ss, _ := corpus.Statements(c, a)
		stmts = append(stmts, ss...)
		run.Findings = append(run.Findings, fs...)
		run.View.Claims = append(run.View.Claims, cs...)
		run.View.Articles = append(run.View.Articles, Article{Path: p, Src: src, Title: a.Meta.Title, URL: a.Meta.URL, Published: a.Meta.Published})
		run.Files++
	}
	run.View.Events = corpus.Cluster(l, stmts)
	run.Findings = append(run.Findings, corpus.Check(l, run.View.Events, run.Findings)...)
	checker.SortFindings(run.Findings)
	return run
}

var viewDocs = map[string]string{
	"a.md": "---\npublished: 2025-03-05\ntitle: Right <and> proper\nurl: https://example.org/a\n---\nAda Example called Bo Sample on Tuesday by phone. <script>alert(1)</script>\n",
	"b.md": "---\npublished: 2025-03-08\n---\nBo Sample called Ada Example by phone on Friday.\n",
}

func TestHTMLMarksEveryFinding(t *testing.T) {
	run := viewRun(t, viewDocs)
	require.NotEmpty(t, run.Findings)
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, run))
	page := buf.String()

	// Every finding is marked, and listed under its article.
	for i, f := range run.Findings {
		id := "f" + strconv.Itoa(i+1)
		assert.Regexp(t, `<mark class="finding sev-`+f.Severity+`"[^>]*data-findings="(?:[^"]* )?`+id+`(?: [^"]*)?"`, page, f.Message)
		assert.Contains(t, page, `<li class="sev-`+f.Severity+`" id="`+id+`">`)
	}
	// The event-date finding's mark holds exactly the words it judges.
	assert.Regexp(t, `data-findings="f\d+" aria-describedby="tip-f\d+">Friday<span class="tip"`, page)

	// The article's own markup is never the page's: raw HTML is dropped.
	assert.Contains(t, articleSection(t, page, "a.md"), "by phone. alert(1)</p>")
	assertInert(t, page)
	assert.Contains(t, page, "“Right &lt;and&gt; proper”")

	// Self-contained: nothing is loaded from elsewhere.
	for _, re := range []string{`<link\b`, `\bsrc=`, `url\(`, `@import`} {
		assert.NotRegexp(t, re, page)
	}

	// The matrix: the ledger's date is wrong in b.md, which may then tell of
	// another call: the initiators are not set against each other.
	assert.Regexp(t, `<tr data-event="call-0304" class="disputed-row">`, page)
	assert.Regexp(t, `<td data-article="a.md">`, page)
	assert.Regexp(t, `<td data-article="b.md" class="disputed" data-disagree="date">`, page)
	assert.NotContains(t, page, "cross-source")
	assert.Contains(t, page, `<li class="v-wrong" data-attr="date">✗ Friday 2025-03-07`)

	// The timeline places b.md's date off the event, in red.
	assert.Regexp(t, `<line class="offline"[^>]*/><path class="claim off" data-article="b.md"`, page)
	assert.Regexp(t, `<path class="claim ok" data-article="a.md"`, page)

	// Landmarks and headings for a screen reader.
	for _, s := range []string{`<html lang="en">`, "<header>", `<nav aria-label="Sections">`, `<main id="main">`, "<footer>", "<h1>", `role="img"`} {
		assert.Contains(t, page, s)
	}
}

func TestHTMLMarksOnlyWhatTheRunReports(t *testing.T) {
	docs := map[string]string{
		"a.md": "---\npublished: 2025-03-05\n---\nAda Example called Bo Sample on Tuesday.\n",
		"b.md": "---\npublished: 2025-03-05\n---\nBo Sample called Ada Example on Tuesday.\n",
		"c.md": "---\npublished: 2025-03-08\n---\n<!-- claimlint-disable-next-line event-date -- the desk checked -->\nAda Example and Bo Sample spoke by phone on Friday.\n",
	}
	run := viewRun(t, docs)
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, run))
	page := buf.String()
	// The initiator, which the ledger does not hold, is disputed in a and b.
	assert.Regexp(t, `<td data-article="a.md" class="disputed" data-disagree="initiator">`, page)
	assert.Regexp(t, `<td data-article="b.md" class="disputed" data-disagree="initiator">`, page)
	// c's wrong date is silenced: not marked, and counted apart.
	assert.Regexp(t, `<td data-article="c.md">`, page)
	assert.Contains(t, page, "<b>1</b> contradicted claims not reported")

	// With cross-source dropped from the run (severity off), nothing is ≠.
	var kept []checker.Finding
	for _, f := range run.Findings {
		if f.Rule != checker.CrossSource {
			kept = append(kept, f)
		}
	}
	run.Findings = kept
	buf.Reset()
	require.NoError(t, HTML(&buf, run))
	assert.NotContains(t, buf.String(), `data-disagree=`)
}

func TestHTMLNeedsTheView(t *testing.T) {
	err := HTML(&bytes.Buffer{}, &Run{})
	assert.ErrorContains(t, err, "needs the articles and claims")
}

func TestHighlightOverlapsAndPoints(t *testing.T) {
	src := []byte("abcdef ghij")
	fs := []checker.Finding{
		{Offset: 0, EndOffset: 0, Severity: checker.Info, Rule: "missing-date", Message: "m"},
		{Offset: 1, EndOffset: 4, Severity: checker.Warning, Rule: "r1", Message: "one"},
		{Offset: 3, EndOffset: 6, Severity: checker.Error, Rule: "r2", Message: "two"},
		{Offset: 7, EndOffset: 11, Severity: checker.Warning, Rule: "r3", Message: "three"},
	}
	got := string(articleHTML(Article{Path: "x.txt", Src: src}, fs, []int{0, 1, 2, 3}))
	tips := regexp.MustCompile(`<span class="tip".*?</span></span></mark>`)
	got = tips.ReplaceAllString(got, "</mark>")
	assert.Equal(t, `<div class="plain"><p><mark class="finding sev-info point" tabindex="0" data-findings="f1" aria-describedby="tip-f1"><span aria-hidden="true">◆</span><span class="sr-only">finding</span></mark>`+
		`a<mark class="finding sev-error" tabindex="0" data-findings="f2 f3" aria-describedby="tip-f2 tip-f3">bcdef</mark> `+
		`<mark class="finding sev-warning" tabindex="0" data-findings="f4" aria-describedby="tip-f4">ghij</mark></p>`+"\n</div>", got)
}

func TestClaimReview(t *testing.T) {
	run := viewRun(t, viewDocs)
	var buf bytes.Buffer
	require.NoError(t, ClaimReview(&buf, run))
	var doc struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	assert.Equal(t, "https://schema.org", doc.Context)
	// One review: b.md's wrong date. The cross-source warnings judge no
	// claim against the ledger.
	require.Len(t, doc.Graph, 1, buf.String())
	r := doc.Graph[0]
	assert.Equal(t, "ClaimReview", r["@type"])
	assert.Equal(t, "Bo Sample called Ada Example by phone on Friday.", strings.TrimSpace(r["claimReviewed"].(string)))
	rating := r["reviewRating"].(map[string]any)
	assert.Equal(t, "False: wrong date", rating["alternateName"])
	assert.EqualValues(t, 1, rating["ratingValue"])
	assert.Equal(t, map[string]any{"@type": "Organization", "name": "Fact Desk", "url": "https://example.org/desk"}, r["author"])
	item := r["itemReviewed"].(map[string]any)
	appearance := item["appearance"].(map[string]any)
	assert.Equal(t, "2025-03-08", appearance["datePublished"])
	_, hasURL := appearance["url"]
	assert.False(t, hasURL, "b.md has no url: and the run no base-url:")
	assert.Contains(t, r["reviewBody"], "was on Tuesday 2025-03-04, not Friday")
	assert.Equal(t, []any{map[string]any{"@type": "CreativeWork", "url": "https://example.org/call",
		"publisher": map[string]any{"@type": "Organization", "name": "Wire"}}}, r["citation"])
	_, dated := r["datePublished"]
	assert.False(t, dated, "no review date given")
}

func TestClaimReviewOnePerClaim(t *testing.T) {
	run := viewRun(t, map[string]string{
		"c.md": "---\npublished: 2025-03-08\n---\nAda Example and Bo Sample spoke by video on Friday.\n",
	})
	run.View.Reviewed = "2025-03-09"
	require.Len(t, run.Findings, 2, "a wrong date and a wrong medium")
	var buf bytes.Buffer
	require.NoError(t, ClaimReview(&buf, run))
	var doc struct {
		Graph []map[string]any `json:"@graph"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	require.Len(t, doc.Graph, 1, buf.String())
	r := doc.Graph[0]
	assert.Equal(t, "False: wrong medium, wrong date", r["reviewRating"].(map[string]any)["alternateName"])
	assert.Equal(t, "2025-03-09", r["datePublished"])
	assert.Contains(t, r["reviewBody"], "; ")
	assert.Len(t, r["citation"], 1, "the one source, once")
}

// TestReportColoursContrast checks the report's text colours against the
// backgrounds they are drawn on, by WCAG 2's formula: at least 4.5:1.
func TestReportColoursContrast(t *testing.T) {
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+): (#[0-9a-f]{6})`).FindAllStringSubmatch(htmlTemplate, -1) {
		vars[m[1]] = m[2]
	}
	color := func(s string) string {
		if strings.HasPrefix(s, "#") {
			return s
		}
		c, ok := vars[s]
		require.True(t, ok, "no --%s in the template", s)
		return c
	}
	for _, pair := range [][2]string{
		{"fg", "bg"}, {"muted", "bg"}, {"muted", "panel"}, {"fg", "panel"},
		{"error", "bg"}, {"warning", "bg"}, {"info", "bg"}, {"ok", "bg"}, {"ledger", "panel"},
		{"fg", "error-bg"}, {"fg", "warning-bg"}, {"fg", "info-bg"},
		{"error", "#fff7f6"}, {"warning", "#fff7f6"}, // marked matrix cells
		{"#ffffff", "#1f2430"}, // tooltips
		{"#0645ad", "bg"},      // links
	} {
		assert.GreaterOrEqual(t, contrast(color(pair[0]), color(pair[1])), 4.5, "%s on %s", pair[0], pair[1])
	}
}

func contrast(a, b string) float64 {
	lum := func(hex string) float64 {
		var rgb [3]float64
		for i := range rgb {
			v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			c := float64(v) / 255
			if c <= 0.03928 {
				rgb[i] = c / 12.92
			} else {
				rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// articleSection returns the HTML of the article section with the given path.
func articleSection(t *testing.T, page, path string) string {
	t.Helper()
	i := strings.Index(page, `">`+path+`</h3>`)
	require.GreaterOrEqual(t, i, 0, "no article %s", path)
	j := strings.Index(page[i:], "</article>")
	require.GreaterOrEqual(t, j, 0)
	return page[i : i+j]
}

// An article is shown as a reader sees it: its Markdown rendered, the front
// matter and comments left out, raw HTML dropped, only web and mail links
// kept, images named and not fetched; and its findings still marked, one in
// a comment with a ◆.
func TestHTMLShowsArticlesAsProse(t *testing.T) {
	docs := map[string]string{
		"a.md": "---\npublished: 2025-03-08\ntitle: Calls\n---\n# Ada Example and the *calls*\n\n" +
			"<!-- want event-date \"Tuesday\" -->\nBo Sample called Ada Example by phone on Friday.\n" +
			"See [the desk](https://example.org/desk \"The desk\"), [a trap](javascript:alert(1)), [another](JaVaScRiPt&#58;alert(2)),\n" +
			"[a third]( <jav&#x61;script:alert(3)> ), [a file](file:///etc/passwd), [data](data:text/html,<b>x</b>), [rel](../secret.txt),\n" +
			"<javascript:alert(5)>, <https://example.org/auto> and ![a map of Ruritania](https://example.org/map.png).\n" +
			"Inline <script>alert(6)</script><img src=x onerror=alert(7)> <a href=\"javascript:alert(8)\">raw</a> `a <b>` ok.\n\n" +
			"<div onclick=\"alert(9)\">\nblock html\n</div>\n\n" +
			"<!-- claimlint-disable-next-line event-medium -- the desk checked -->\nAda Example spoke of Ruritania.\n",
		"c.txt": "---\npublished: 2025-03-08\n---\nBo Sample called Ada Example by phone on Friday. <!-- a note -->\n\nSecond paragraph\nline two <b>.\n",
	}
	run := viewRun(t, docs)
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, run))
	page := buf.String()
	assertInert(t, page)
	a := articleSection(t, page, "a.md")
	// What the article shows, without the tooltips and the list of findings
	// (which quote the directive, and have markup of their own).
	shown := regexp.MustCompile(`<span class="tip".*?</span></span></mark>`).ReplaceAllString(a, "</mark>")
	shown = shown[:strings.Index(shown, `<ol class="findings"`)]

	// Front matter and comments are not shown.
	for _, s := range []string{"published: 2025", "title: Calls", "want event-date", "claimlint-disable", "---"} {
		assert.NotContains(t, shown, s)
	}
	assert.NotContains(t, a, "<pre", "the text is prose, not preformatted source")
	// Markdown is rendered; the article's heading comes below the report's.
	assert.Contains(t, a, "<h4>Ada Example and the <em>calls</em></h4>")
	assert.Contains(t, a, `<a href="https://example.org/desk" rel="nofollow noreferrer" title="The desk">the desk</a>`)
	assert.Contains(t, a, `<a href="https://example.org/auto" rel="nofollow noreferrer">https://example.org/auto</a>`)
	assert.Contains(t, a, `<span class="image">[image: a map of Ruritania]</span>`)
	assert.Contains(t, a, `<code>a &lt;b&gt;</code>`)
	// Links that are not to the web or mail are text; raw HTML is dropped.
	for _, s := range []string{"a trap", "another", "a third", "a file", "data", "rel"} {
		assert.Contains(t, a, `<span class="unlinked">`+s+`</span>`)
	}
	for _, re := range []string{`(?i)<script`, `(?i)<img`, `(?i)\bsrc=`, `(?i)onerror`, `(?i)onclick`, `<b>`} {
		assert.NotRegexp(t, re, shown)
	}
	hrefs := regexp.MustCompile(`(?i)href\s*=\s*"([^"]*)"`).FindAllStringSubmatch(shown, -1)
	assert.Len(t, hrefs, 2)
	for _, h := range hrefs {
		assert.Regexp(t, `^https://example\.org/`, h[1], "only web and mail links are links")
	}
	assert.Contains(t, shown, "javascript:alert(5), ", "a javascript: autolink is text")
	assert.NotContains(t, shown, "block html", "an HTML block is dropped whole")

	// The wrong weekday is marked where it is, the unused directive (in a
	// comment) with a ◆ where the comment was.
	assert.Regexp(t, `aria-describedby="tip-f\d+">Friday<span class="tip"`, a)
	var unused int
	for i, f := range run.Findings {
		if f.Path == "a.md" && f.Rule == "unused-directive" {
			unused = i + 1
		}
	}
	require.NotZero(t, unused, "the directive silences nothing")
	assert.Regexp(t, `<p class="hidden-text"><mark class="finding sev-\w+ point" tabindex="0" data-findings="f`+strconv.Itoa(unused)+`"`, a)

	// Plain text: paragraphs and line breaks; front matter and comments
	// left out; the text escaped.
	c := articleSection(t, page, "c.txt")
	assert.NotContains(t, c, "published:")
	assert.NotContains(t, c, "a note")
	assert.Regexp(t, `<p>Bo Sample called Ada Example by phone on <mark [^>]*>Friday<span class="tip"`, c)
	assert.Contains(t, c, "<p>Second paragraph<br>\nline two &lt;b&gt;.</p>")
}

// A finding over several runs of text (across a line end and an emphasis)
// is marked in each; the first mark holds the ids and the tooltip.
func TestProseMarksSpanRuns(t *testing.T) {
	src := []byte("Ada *Example* spoke\nto Bo [here](https://example.org).\n")
	lo := bytes.Index(src, []byte("Example"))
	hi := bytes.Index(src, []byte("Bo")) + 2
	fs := []checker.Finding{
		{Offset: lo, EndOffset: hi, Severity: checker.Error, Rule: "r1", Message: "one"},
		{Offset: bytes.Index(src, []byte("here")), EndOffset: bytes.Index(src, []byte("here")) + 4, Severity: checker.Warning, Rule: "r2", Message: "two"},
		{Offset: len(src), EndOffset: len(src), Severity: checker.Info, Rule: "r3", Message: "at the end"},
	}
	got := string(articleHTML(Article{Path: "x.md", Src: src}, fs, []int{0, 1, 2}))
	tips := regexp.MustCompile(`<span class="tip".*?</span></span></mark>`)
	got = tips.ReplaceAllString(got, "</mark>")
	assert.Equal(t, `<div class="prose"><p>Ada <em><mark class="finding sev-error" tabindex="0" data-findings="f1" aria-describedby="tip-f1">Example</mark></em>`+
		`<mark class="finding sev-error cont" data-cont="f1"> spoke</mark>`+"\n"+
		`<mark class="finding sev-error cont" data-cont="f1">to Bo</mark> <a href="https://example.org" rel="nofollow noreferrer">`+
		`<mark class="finding sev-warning" tabindex="0" data-findings="f2" aria-describedby="tip-f2">here</mark></a>.</p>`+"\n"+
		`<p class="hidden-text"><mark class="finding sev-info point" tabindex="0" data-findings="f3" aria-describedby="tip-f3"><span aria-hidden="true">◆</span><span class="sr-only">finding</span></mark> <span class="detail">in text not shown</span></p>`+"\n</div>", got)
}

// The matrix shows the events two or more articles tell of, a column for
// each article that tells of one of them; the events only one article
// tells of are listed apart, in a <details> the reader opens, each with
// the article and what it says, marked as in the matrix.
func TestHTMLMatrixShowsSharedEvents(t *testing.T) {
	docs := map[string]string{
		"a.md": "---\npublished: 2025-03-05\n---\nAda Example called Bo Sample on Tuesday by phone.\n",
		"b.md": "---\npublished: 2025-03-08\n---\nBo Sample called Ada Example by phone on Friday.\n",
		"d.md": "---\npublished: 2025-04-12\n---\nAda Example met Bo Sample in Port Ada on Thursday.\n",
	}
	run := viewRun(t, docs)
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, run))
	page := buf.String()
	i := strings.Index(page, `<table class="matrix">`)
	require.GreaterOrEqual(t, i, 0)
	matrix := page[i : i+strings.Index(page[i:], "</table>")]
	assert.Contains(t, matrix, `<tr data-event="call-0304"`)
	assert.NotContains(t, matrix, `meeting-0410`, "one article tells of the meeting")
	assert.Contains(t, matrix, `title="a.md"`)
	assert.Contains(t, matrix, `title="b.md"`)
	assert.NotContains(t, matrix, `d.md`, "d.md tells of no event another article tells of")

	j := strings.Index(page, `<details class="single-events"`)
	require.GreaterOrEqual(t, j, 0, "the other events are in a details element")
	single := page[j : j+strings.Index(page[j:], "</details>")]
	assert.Contains(t, single, "<summary>1 event only one article tells of</summary>")
	assert.Regexp(t, `<tr data-event="meeting-0410" class="disputed-row"><th scope="row">[^<]*meeting[^<]*<span class="ledger-values">ledger: Thursday 2025-04-10; in Belgrove</span></th>\s*`+
		`<td><a href="#a3">d.md</a></td>\s*<td data-article="d.md" class="disputed" data-disagree="venue">`, single)
	assert.Contains(t, single, `✗ Port Ada`)
	assert.NotContains(t, single, `call-0304`)

	// With no event two articles tell of, the list is open and the matrix
	// is not drawn.
	run = viewRun(t, map[string]string{"d.md": docs["d.md"]})
	buf.Reset()
	require.NoError(t, HTML(&buf, run))
	page = buf.String()
	assert.NotContains(t, page, `<table class="matrix">`)
	assert.Contains(t, page, "No event is told of by two or more articles.")
	assert.Contains(t, page, `<details class="single-events" open>`)
}

// The matrix's columns go by the first event each article tells of: the
// cells told of form a staircase, however the files are named.
func TestHTMLMatrixColumnsStaircase(t *testing.T) {
	meeting := "Ada Example met Bo Sample in Belgrove on Thursday.\n"
	call := "Ada Example called Bo Sample by phone on Tuesday.\n"
	run := viewRun(t, map[string]string{
		"0.md": "---\npublished: 2025-04-12\n---\n" + meeting,
		"a.md": "---\npublished: 2025-03-05\n---\n" + call,
		"b.md": "---\npublished: 2025-03-05\n---\n" + call,
		"z.md": "---\npublished: 2025-04-12\n---\n" + meeting,
	})
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, run))
	var cols []string
	for _, m := range regexp.MustCompile(`<th scope="col"><a href="#a\d+" title="([^"]+)">`).FindAllStringSubmatch(buf.String(), -1) {
		cols = append(cols, m[1])
	}
	assert.Equal(t, []string{"a.md", "b.md", "0.md", "z.md"}, cols, "the call (March) comes before the meeting (April)")
	assert.Contains(t, buf.String(), `<span class="tellers">2 articles tell of it</span>`)
}

// timelineSection returns the HTML of the timeline section.
func timelineSection(t *testing.T, page string) string {
	t.Helper()
	i := strings.Index(page, `<section id="timeline"`)
	require.GreaterOrEqual(t, i, 0)
	return page[i : i+strings.Index(page[i:], "</section>")]
}

// The timeline names each event in full, as HTML text that wraps; a legend
// says what each kind of mark means; articles that give the same day are
// one diamond with their number above it.
func TestHTMLTimelineLabelsAndLegend(t *testing.T) {
	docs := map[string]string{
		"a.md": "---\npublished: 2025-03-05\n---\nAda Example called Bo Sample on Tuesday by phone.\n",
		"b.md": "---\npublished: 2025-03-08\n---\nBo Sample called Ada Example by phone on Friday.\n",
		"c.md": "---\npublished: 2025-03-06\n---\nAda Example and Bo Sample spoke by phone on Tuesday.\n",
	}
	run := viewRun(t, docs)
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, run))
	tl := timelineSection(t, buf.String())

	name := "Example–Sample call on Tuesday 2025-03-04" // longer than the old labels' 38 characters
	assert.Contains(t, tl, `<th scope="row" class="tl-label">`+name+`</th>`)
	assert.NotContains(t, tl, "…", "no label is cut short")

	// a.md and c.md give the same day: one diamond, counted.
	assert.Regexp(t, `<path class="claim ok" data-article="a.md" data-count="2" [^>]*><title>a.md says Tuesday 2025-03-04\nc.md says Tuesday 2025-03-04</title></path><text class="count"[^>]*>2</text>`, tl)
	assert.Regexp(t, `<line class="offline"[^>]*/><path class="claim off" data-article="b.md" data-count="1"`, tl)
	assert.Contains(t, tl, `aria-label="`+name+`; the articles give: Tuesday 2025-03-04 (2 articles); Friday 2025-03-07, off (1 article)"`)

	// Every kind of mark drawn has its entry in the legend.
	i := strings.Index(tl, `<ul class="tl-legend"`)
	require.GreaterOrEqual(t, i, 0, "a legend")
	legend := tl[i : i+strings.Index(tl[i:], "</ul>")]
	drawn := map[string]bool{}
	for _, m := range regexp.MustCompile(`<(?:circle|rect|path|line) class="([^"]+)"`).FindAllStringSubmatch(tl[i+len(legend):], -1) {
		drawn[m[1]] = true
	}
	for _, axis := range []string{"tick", "row", "daytick"} {
		delete(drawn, axis) // the axes, explained by the column headings
	}
	require.NotEmpty(t, drawn)
	for cls := range drawn {
		assert.Contains(t, legend, `class="`+cls+`"`, "the legend shows the mark %q", cls)
	}
}

func TestAxisTicks(t *testing.T) {
	d := func(s string) time.Time { tm, _ := time.Parse("2006-01-02", s); return tm }
	labels := func(ts []tick) []string {
		var out []string
		for _, t := range ts {
			out = append(out, t.label)
		}
		return out
	}
	assert.Equal(t, []string{"2025-02", "2025-03", "2025-04"}, labels(axisTicks(d("2025-01-20"), d("2025-04-15"))))
	assert.Equal(t, []string{"2025-01", "2025-04", "2025-07", "2025-10", "2026-01"}, labels(axisTicks(d("2024-12-20"), d("2026-02-15"))))
	assert.Equal(t, []string{"2022", "2023", "2024", "2025", "2026"}, labels(axisTicks(d("2021-10-30"), d("2026-02-19"))))
	assert.Equal(t, []string{"2000", "2005", "2010", "2015", "2020", "2025"}, labels(axisTicks(d("1995-10-30"), d("2026-02-19"))))
}

// Articles are named by their file names, with as many folders as tell
// two of the same name apart.
func TestShortNames(t *testing.T) {
	got := shortNames([]Article{{Path: "2025/03/index.md"}, {Path: "2025/04/index.md"}, {Path: "x/2025/05/index.md"}, {Path: "desk/a.md"}, {Path: `win\b.md`}, {Path: "index.md"}})
	assert.Equal(t, map[string]string{
		"2025/03/index.md": "03/index.md", "2025/04/index.md": "04/index.md", "x/2025/05/index.md": "05/index.md",
		"desk/a.md": "a.md", `win\b.md`: "b.md", "index.md": "index.md",
	}, got)
}

// File names and article text are not written by whoever runs claimlint:
// in the matrix, the list of single events, the timeline's drawing and its
// words, and the rendered prose (link titles and targets), markup in them
// stays text.
func TestHTMLEscapesHostileNamesAndLinks(t *testing.T) {
	hostile := `x"><script>alert(1)</script><img src=x onerror=alert(2)>.md`
	docs := map[string]string{
		hostile: "---\npublished: 2025-03-08\n---\nBo Sample called Ada Example by phone on Friday.\n\n" +
			"[a](https://example.org/\"onmouseover=\"alert(3) \"t\\\" onfocus=\\\"alert(4)\") [b](https://example.org/<svg/onload=alert(5)>)\n",
		"b.md":           "---\npublished: 2025-03-05\n---\nAda Example called Bo Sample on Tuesday by phone.\n",
		"dir/" + hostile: "---\npublished: 2025-04-12\n---\nAda Example met Bo Sample in Port Ada on Thursday.\n",
	}
	run := viewRun(t, docs)
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, run))
	page := buf.String()
	assertInert(t, page)
	// The hostile names are there, as text, in each place.
	esc := strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(hostile, "&", "&amp;"), "<", "&lt;"), ">", "&gt;")
	assert.Contains(t, page, `data-article="`+strings.ReplaceAll(esc, `"`, "&#34;")+`"`, "the timeline")
	assert.Regexp(t, `<th scope="col"><a href="#a\d" title="[^"]*">x&#34;&gt;&lt;script&gt;`, page, "the matrix")
	assert.Regexp(t, `<td><a href="#a\d">dir/x&#34;&gt;&lt;script&gt;`, page, "the single events, named apart from the other")
	assert.Contains(t, page, `href="https://example.org/%22onmouseover=%22alert(3)" rel="nofollow noreferrer" title="t&quot; onfocus=&quot;alert(4)"`)
}

// assertInert reads page as a browser's tokenizer does and fails on what
// could run or fetch: a script, style or embedding element other than the
// report's one style sheet, an event-handler attribute, a src, srcset or
// action, or a link other than to the page itself, the web or mail.
func assertInert(t *testing.T, page string) {
	t.Helper()
	z := xhtml.NewTokenizer(strings.NewReader(page))
	styles := 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			require.ErrorIs(t, z.Err(), io.EOF)
			break
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "img", "iframe", "object", "embed", "link", "base", "form", "image", "foreignobject", "use", "meta":
			if tok.Data == "meta" && len(tok.Attr) > 0 && (tok.Attr[0].Key == "charset" || tok.Attr[0].Key == "name") {
				break
			}
			t.Errorf("the page has a <%s> element: %s", tok.Data, tok.String())
		case "style":
			styles++
		}
		for _, a := range tok.Attr {
			key := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(key, "on"), key == "src", key == "srcset", key == "action", key == "formaction", key == "xlink:href", key == "style":
				t.Errorf("<%s> has the attribute %s=%q", tok.Data, a.Key, a.Val)
			case key == "href":
				assert.Regexp(t, `^(?:#|https?://|mailto:)`, a.Val, "a link in <%s>", tok.Data)
			}
		}
	}
	assert.Equal(t, 1, styles, "the report's own style sheet, and no other")
}

// A finding that begins in shown text and ends in hidden text (an inline
// comment) is marked up to where the shown text ends.
func TestProseMarkEndsInHiddenText(t *testing.T) {
	src := []byte("Ada Example <!-- a note --> spoke.\n")
	lo := bytes.Index(src, []byte("Example"))
	fs := []checker.Finding{{Offset: lo, EndOffset: bytes.Index(src, []byte("note")) + 4, Severity: checker.Error, Rule: "r1", Message: "one"}}
	got := string(articleHTML(Article{Path: "x.md", Src: src}, fs, []int{0}))
	got = regexp.MustCompile(`<span class="tip".*?</span></span></mark>`).ReplaceAllString(got, "</mark>")
	assert.Equal(t, `<div class="prose"><p>Ada <mark class="finding sev-error" tabindex="0" data-findings="f1" aria-describedby="tip-f1">Example </mark> spoke.</p>`+"\n</div>", got)

	// And in a plain-text article.
	got = string(articleHTML(Article{Path: "x.txt", Src: src}, fs, []int{0}))
	got = regexp.MustCompile(`<span class="tip".*?</span></span></mark>`).ReplaceAllString(got, "</mark>")
	assert.Equal(t, `<div class="plain"><p>Ada <mark class="finding sev-error" tabindex="0" data-findings="f1" aria-describedby="tip-f1">Example</mark> spoke.</p>`+"\n</div>", got)
}

// Whatever spans the findings have, over whatever Markdown, every finding
// is marked once (in a mark of its own or shared), the page stays inert,
// and the text between the marks is the text rendered without them.
func TestProseMarksAnySpans(t *testing.T) {
	src := []byte("---\ntitle: T\n---\n# Head *em* `code`\n\nAda **Example** met\nBo [Sample](https://example.org/x \"t\") <!-- c --> in <b>Port</b> Ada &amp; \\*x\\*.\n\n" +
		"<!-- block\ncomment -->\n\n- one ![img](https://example.org/i.png)\n- two <https://example.org/a>\n\n    code block\n\n> quote\n\nlast line")
	rng := rand.New(rand.NewPCG(1, 2))
	strip := regexp.MustCompile(`<mark[^>]*>|</mark>|<span class="tip".*?</span></span>|<span aria-hidden="true">◆</span><span class="sr-only">finding</span>|<p class="hidden-text">.*?</p>\n`)
	for _, name := range []string{"x.md", "x.txt"} {
		bare := string(articleHTML(Article{Path: name, Src: src}, nil, nil))
		assertInert(t, `<html><head><style></style></head><body>`+bare+`</body></html>`)
		for range 1000 {
			var fs []checker.Finding
			var idx []int
			for k := range 1 + rng.IntN(4) {
				lo := rng.IntN(len(src) + 1)
				hi := min(len(src), lo+rng.IntN(40))
				if rng.IntN(4) == 0 {
					hi = lo
				}
				fs = append(fs, checker.Finding{Offset: lo, EndOffset: hi, Severity: checker.Warning, Rule: "r", Message: "m"})
				idx = append(idx, k)
			}
			got := string(articleHTML(Article{Path: name, Src: src}, fs, idx))
			for k := range fs {
				n := len(regexp.MustCompile(`data-findings="(?:[^"]* )?f`+strconv.Itoa(k+1)+`(?: [^"]*)?"`).FindAllString(got, -1))
				require.Equal(t, 1, n, "%s: finding %d of %+v in %s", name, k+1, fs, got)
			}
			require.Equal(t, bare, strip.ReplaceAllString(got, ""), "%s: %+v", name, fs)
		}
	}
}

// TestHTMLDeepNestingIsPlainText: an article nested past
// article.MaxNesting, which the checks read as plain text, is shown as
// plain text too, not handed to goldmark, whose time grows with the cube
// of the nesting.
func TestHTMLDeepNestingIsPlainText(t *testing.T) {
	var sb strings.Builder
	for i := 0; i <= article.MaxNesting+5; i++ {
		sb.WriteString(strings.Repeat("  ", i) + "- level\n")
	}
	sb.WriteString("\nAda Example spoke.\n")
	got := string(articleHTML(Article{Path: "x.md", Src: []byte(sb.String())}, nil, nil))
	assert.Contains(t, got, `<div class="plain">`)
	assert.NotContains(t, got, "<ul>")
	assert.Contains(t, got, "Ada Example spoke.")
}
