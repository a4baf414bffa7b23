package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHTMLReportInChromium opens the HTML report of the demo corpus in
// headless Chromium, with networking disabled, and checks through the DOM
// what a reader sees: every finding highlighted, a tooltip on focus, the
// event matrix marking the known disagreements and nothing else in the
// agreeing articles, a print layout without tooltips, and no request to
// the network. It takes two screenshots (the top of the report, and a
// highlight with its tooltip open) and checks that they are not blank; with
// CLAIMLINT_SCREENSHOTS=DIR they are also written there (the README's
// docs/report.png and docs/report-tooltip.png are made so).
func TestHTMLReportInChromium(t *testing.T) {
	chromium := findChromium(t)
	dir := t.TempDir()
	shots := os.Getenv("CLAIMLINT_SCREENSHOTS")
	if shots != "" {
		abs, err := filepath.Abs(shots)
		require.NoError(t, err)
		shots = abs
	}
	t.Chdir("../..") // the repository: the report names the articles seeds/…
	report, results := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.json")
	var stdout, stderr strings.Builder
	code := run([]string{"--no-cache", "--format", "html:" + report, "--format", "json:" + results, "seeds"}, strings.NewReader(""), &stdout, &stderr)
	require.Equal(t, 1, code, stderr.String())
	var doc struct {
		Findings []struct{ Path, Rule string }
	}
	data, err := os.ReadFile(results)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &doc))
	require.NotEmpty(t, doc.Findings)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		// Networking off: every host name fails to resolve and every
		// connection goes to a closed local port. A request would still be
		// seen by the listener below, and fail the test.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.ProxyServer("http://127.0.0.1:9"),
		chromedp.WindowSize(1280, 1600),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()

	// Every request the page makes, to check that none leaves the disk.
	var mu sync.Mutex
	var requests []string
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requests = append(requests, e.Request.URL)
			mu.Unlock()
		}
	}))
	_, err = chromedp.Call(ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	tctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	require.NoError(t, chromedp.Do(tctx, chromedp.Navigate("file://"+report), chromedp.WaitVisible(chromedp.CSS("#summary"))))

	top, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)

	type domCell struct{ Event, Article, Attrs string }
	type dom struct {
		Title      string
		Marked     []string // finding ids in marks
		Listed     []string // finding ids in the articles' lists
		Disputed   []domCell
		Landmarks  []string
		Unfocused  string // a tooltip's display before focus
		Focused    string // and after
		Described  bool   // every mark's aria-describedby names existing elements
		SVGRole    string
		H1         int
		MarkedText string // the text of the first event-date mark
	}
	page, err := chromedp.Run(tctx, chromedp.Evaluate[dom](`(() => {
		const q = s => [...document.querySelectorAll(s)];
		const marks = q('mark.finding');
		const tip = marks[0].querySelector('.tip');
		const before = getComputedStyle(tip).display;
		marks[0].focus();
		const after = getComputedStyle(tip).display;
		marks[0].blur();
		const date = marks.find(m => m.querySelector('.tip-item').textContent.includes('[event-date]'));
		return {
			Title: document.title,
			Marked: marks.flatMap(m => m.dataset.findings.split(' ')),
			Listed: q('ol.findings li[id]').map(li => li.id),
			Disputed: q('table.matrix td[data-disagree]').map(td => ({Event: td.closest('tr').dataset.event, Article: td.dataset.article, Attrs: td.dataset.disagree})),
			Landmarks: q('header, nav, main, footer').map(e => e.tagName.toLowerCase()),
			Unfocused: before, Focused: after,
			Described: marks.every(m => m.getAttribute('aria-describedby').split(' ').every(id => document.getElementById(id))),
			SVGRole: document.querySelector('#timeline svg').getAttribute('role'),
			H1: q('h1').length,
			MarkedText: date ? date.firstChild.textContent : '',
		};
	})()`))
	require.NoError(t, err)
	// A highlight with its tooltip open, as a reader sees it.
	_, err = chromedp.Run(tctx, chromedp.Evaluate[bool](`(() => {
		const m = [...document.querySelectorAll('mark.finding')].find(m => m.querySelector('.tip-item').textContent.includes('[event-date]'));
		m.scrollIntoView({block: 'center'});
		m.focus({preventScroll: true});
		return true;
	})()`))
	require.NoError(t, err)
	tooltip, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	_, err = chromedp.Call(tctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	require.NoError(t, err)
	printed, err := chromedp.Run(tctx, chromedp.Evaluate[[]string](`[getComputedStyle(document.querySelector('mark.finding .tip')).display, getComputedStyle(document.querySelector('nav')).display]`))
	require.NoError(t, err)
	require.Len(t, printed, 2)

	// Every finding of the run is highlighted in its article, and listed.
	want := make([]string, len(doc.Findings))
	for i := range doc.Findings {
		want[i] = "f" + strconv.Itoa(i+1)
	}
	assert.ElementsMatch(t, want, page.Marked)
	assert.ElementsMatch(t, want, page.Listed)
	assert.Equal(t, "Friday", page.MarkedText, "the first event-date finding marks the weekday it judges")
	assert.Equal(t, "none", page.Unfocused)
	assert.Equal(t, "block", page.Focused, "focusing a highlight shows its tooltip")
	assert.True(t, page.Described)

	// The matrix marks the known disagreements: with the ledger (02's date
	// and venue, 05's initiator, 06's venue) and between articles (19 and
	// 20 on who placed a call the ledger does not say).
	type cell struct{ event, article, attrs string }
	var got []cell
	for _, d := range page.Disputed {
		got = append(got, cell{d.Event, filepath.Base(d.Article), d.Attrs})
	}
	for _, c := range []cell{
		{"xi-putin-call-2025-02-24", "02-xi-putin-call-readouts.md", "date"},
		{"us-russia-talks-round-2", "02-xi-putin-call-readouts.md", "venue"},
		{"xi-putin-call-2025-08-08", "05-putin-briefs-xi-august.md", "initiator"},
		{"sco-summit-2025", "06-putin-china-visit.md", "venue"},
		{"xi-putin-call-2026-02-04", "19-putin-rings-xi-new-start.md", "initiator"},
		{"xi-putin-call-2026-02-04", "20-xi-calls-putin-energy.md", "initiator"},
	} {
		assert.Contains(t, got, c)
	}
	// The articles that agree with the ledger are not marked.
	for _, c := range got {
		assert.NotEqual(t, "01-putin-xi-anniversary-call.md", c.article, "01 gives the 24 February call its right date")
		assert.NotEqual(t, "03-istanbul-second-round.md", c.article, "03 puts the second round in Istanbul, as the ledger does")
	}

	assert.Equal(t, []string{"header", "nav", "main", "footer"}, page.Landmarks)
	assert.Equal(t, 1, page.H1)
	assert.Equal(t, "img", page.SVGRole)
	assert.Contains(t, page.Title, "claimlint report")
	assert.Equal(t, "none", printed[0], "tooltips are not printed")
	assert.Equal(t, "none", printed[1], "navigation is not printed")

	mu.Lock()
	require.NotEmpty(t, requests, "the listener saw no request, not even the report's own")
	for _, u := range requests {
		assert.True(t, strings.HasPrefix(u, "file://") || strings.HasPrefix(u, "data:"), "the report requested %s", u)
	}
	mu.Unlock()

	// The screenshots show a page, not a blank.
	for name, shot := range map[string][]byte{"report.png": top, "report-tooltip.png": tooltip} {
		notBlank(t, name, shot)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), shot, 0o644))
		if shots != "" {
			require.NoError(t, os.WriteFile(filepath.Join(shots, name), shot, 0o644))
		}
	}
}

// findChromium returns $CHROMIUM, or the first of Debian's chromium, Ubuntu's
// chromium-browser and Google Chrome that is installed; the test skips (or,
// under CLAIMLINT_REQUIRE_TOOLS, fails) when there is none.
func findChromium(t *testing.T) string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return needTool(t, "chromium", "apt-get install chromium")
}

// notBlank fails unless a PNG has many colours and is not almost all white.
func notBlank(t *testing.T, name string, shot []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(shot))
	require.NoError(t, err, name)
	colors := map[uint32]bool{}
	nonWhite, n := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colors[r>>8<<16|g>>8<<8|bl>>8] = true
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				nonWhite++
			}
			n++
		}
	}
	assert.Greater(t, len(colors), 50, "%s has too few colours to be a rendered report", name)
	assert.Greater(t, nonWhite, n/50, "%s is almost all white", name)
}
