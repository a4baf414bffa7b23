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

	ctx := chromiumContext(t, chromium, filepath.Join(dir, "profile"), 1280, 1600)

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
			SVGRole: document.querySelector('#timeline svg.tl-zoom').getAttribute('role'),
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

// chromiumContext starts headless Chromium with its profile in profile, a
// window of w×h pixels, and networking off: every host name fails to
// resolve and every connection goes to a closed local port (a request
// would still be seen by a listener on the context). It stops when the
// test ends.
func chromiumContext(t *testing.T, chromium, profile string, w, h int) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.ProxyServer("http://127.0.0.1:9"),
		chromedp.WindowSize(w, h),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	return ctx
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

// TestHTMLReportLayoutInChromium opens the report of the demo corpus (20
// articles) and of ten copies of it (200) in headless Chromium, a window
// 1280 pixels wide, and checks facts of the layout a reader meets: the
// event matrix as wide as the page's content and no wider, the page not
// scrolling sideways, the matrix's header row and event column staying in
// view as the matrix scrolls, only events two or more articles tell of in
// it, the rest in a closed <details>; every timeline label whole, none
// overflowing its cell; a legend for the timeline's marks; no front matter
// or comment shown in the articles. With CLAIMLINT_SCREENSHOTS=DIR it
// writes what it sees there (report-N-events.png, report-N-matrix-scrolled.png,
// report-N-timeline.png, report-N-article.png).
func TestHTMLReportLayoutInChromium(t *testing.T) {
	chromium := findChromium(t)
	shots := os.Getenv("CLAIMLINT_SCREENSHOTS")
	if shots != "" {
		abs, err := filepath.Abs(shots)
		require.NoError(t, err)
		shots = abs
	}
	seeds, err := filepath.Abs("../../seeds")
	require.NoError(t, err)
	big := t.TempDir()
	entries, err := os.ReadDir(seeds)
	require.NoError(t, err)
	for k := range 10 {
		sub := filepath.Join(big, "copy"+strconv.Itoa(k))
		require.NoError(t, os.Mkdir(sub, 0o755))
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(seeds, e.Name()))
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(sub, e.Name()), data, 0o644))
		}
	}
	for _, c := range []struct {
		name   string
		corpus string
		n      int
	}{{"20", seeds, 20}, {"200", big, 200}} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			report := filepath.Join(dir, "report.html")
			var stdout, stderr strings.Builder
			code := run([]string{"--no-cache", "--format", "html:" + report, c.corpus}, strings.NewReader(""), &stdout, &stderr)
			require.Equal(t, 1, code, stderr.String())
			require.Contains(t, stderr.String(), strconv.Itoa(c.n)+" files checked")

			ctx := chromiumContext(t, chromium, filepath.Join(dir, "profile"), 1280, 900)
			tctx, cancel := context.WithTimeout(ctx, 90*time.Second)
			defer cancel()
			require.NoError(t, chromedp.Do(tctx, chromedp.Navigate("file://"+report), chromedp.WaitVisible(chromedp.CSS("#events"))))

			type rect struct{ Left, Top, Width float64 }
			type layout struct {
				PageWidth, PageScrollWidth float64
				Content                    float64 // main's width inside its padding
				Wrap                       rect    // the matrix's box, inside its border
				WrapScrolls                bool    // its table is wider than it
				TableWidth                 float64
				HeadBefore, HeadAfter      rect // the first column heading, before and after scrolling the box
				RowBefore, RowAfter        rect // the first event's heading
				Scrolled                   [2]float64
				TellersPerRow              []int // articles telling of each event in the matrix
				SingleRows                 int
				SingleOpen                 bool
				Labels                     []string
				Overflowing                []string // labels wider than their cell
				LegendItems                int
				ArticleText                string
			}
			got, err := chromedp.Run(tctx, chromedp.Evaluate[layout](`(() => {
				const q = s => [...document.querySelectorAll(s)];
				const r = e => { const b = e.getBoundingClientRect(); return {Left: b.left, Top: b.top, Width: b.width}; };
				const main = document.querySelector('main'), ms = getComputedStyle(main);
				const wrap = document.querySelector('.matrix-wrap');
				const inner = () => { const b = wrap.getBoundingClientRect(); return {Left: b.left + wrap.clientLeft, Top: b.top + wrap.clientTop, Width: wrap.clientWidth}; };
				wrap.scrollIntoView();
				const head = wrap.querySelector('thead th'), row = wrap.querySelector('tbody th');
				const headBefore = r(head), rowBefore = r(row), box = inner();
				wrap.scrollTop = 400; wrap.scrollLeft = 600;
				const details = document.querySelector('details.single-events');
				return {
					PageWidth: document.documentElement.clientWidth,
					PageScrollWidth: document.documentElement.scrollWidth,
					Content: main.clientWidth - parseFloat(ms.paddingLeft) - parseFloat(ms.paddingRight),
					Wrap: box, WrapScrolls: wrap.scrollWidth > wrap.clientWidth,
					TableWidth: wrap.querySelector('table').getBoundingClientRect().width,
					HeadBefore: headBefore, HeadAfter: r(head), RowBefore: rowBefore, RowAfter: r(row),
					Scrolled: [wrap.scrollLeft, wrap.scrollTop],
					TellersPerRow: q('.matrix-wrap tbody tr').map(tr => [...tr.querySelectorAll('td')].filter(td => td.textContent.trim() !== '').length),
					SingleRows: details ? details.querySelectorAll('tbody tr').length : 0,
					SingleOpen: details ? details.open : false,
					Labels: q('#timeline th.tl-label').map(th => th.textContent),
					Overflowing: q('#timeline th.tl-label').filter(th => th.scrollWidth > th.clientWidth).map(th => th.textContent),
					LegendItems: q('#timeline .tl-legend li').length,
					ArticleText: document.querySelector('#articles').innerText,
				};
			})()`))
			require.NoError(t, err)
			scrolled, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
			require.NoError(t, err)
			t.Logf("page %.0f px, content %.0f, matrix box %+v, table %.0f, scrolled to %v; header %+v then %+v; event column %+v then %+v",
				got.PageWidth, got.Content, got.Wrap, got.TableWidth, got.Scrolled, got.HeadBefore, got.HeadAfter, got.RowBefore, got.RowAfter)

			// The matrix takes the content's whole width; the page itself
			// does not scroll sideways.
			assert.InDelta(t, got.Content, got.Wrap.Width+2, 1.5, "the matrix's box (with its border) is as wide as the content")
			assert.InDelta(t, 0, got.Wrap.Left-1-(got.PageWidth-got.Content)/2, 1.5, "and lies across it")
			assert.GreaterOrEqual(t, got.TableWidth+0.5, got.Wrap.Width, "the table fills its box")
			assert.LessOrEqual(t, got.PageScrollWidth, got.PageWidth, "the page does not scroll sideways")
			if c.n == 200 {
				require.True(t, got.WrapScrolls, "180 columns do not fit: the matrix scrolls in its box")
				require.Greater(t, got.Scrolled[0], 0.0)
			}
			// Its header row and event column stay in view as it scrolls.
			if got.Scrolled[1] > 0 {
				assert.InDelta(t, got.Wrap.Top, got.HeadAfter.Top, 1, "the header row sticks to the top of the box")
			}
			assert.InDelta(t, got.Wrap.Left, got.RowAfter.Left, 1, "the event column sticks to the left of the box")
			assert.InDelta(t, got.RowBefore.Left, got.RowAfter.Left, 1)

			// Only events two or more articles tell of are in the matrix;
			// the others are in a closed <details>.
			require.NotEmpty(t, got.TellersPerRow)
			for i, n := range got.TellersPerRow {
				assert.GreaterOrEqual(t, n, 2, "row %d of the matrix", i+1)
			}
			if c.n == 20 {
				assert.Positive(t, got.SingleRows, "the demo corpus has events one article tells of")
			}
			assert.False(t, got.SingleOpen)

			// Every timeline label is whole and fits its cell.
			require.NotEmpty(t, got.Labels)
			for _, l := range got.Labels {
				assert.NotContains(t, l, "…")
			}
			assert.Contains(t, got.Labels, "second round of US–Russia–Ukraine talks from 2026-02-04 to 2026-02-05")
			assert.Empty(t, got.Overflowing, "labels wider than their cells")
			assert.GreaterOrEqual(t, got.LegendItems, 5, "the timeline's marks have a legend")

			// The articles are prose: no front matter, no comment.
			for _, s := range []string{"published: 20", "outlet: ", "<!--", "want event-", "\n---\n"} {
				assert.NotContains(t, got.ArticleText, s)
			}

			// What a reader sees, in four pictures.
			name := "report-" + c.name + "-matrix-scrolled.png"
			notBlank(t, name, scrolled)
			if shots != "" {
				require.NoError(t, os.WriteFile(filepath.Join(shots, name), scrolled, 0o644))
			}
			for _, view := range []struct{ name, sel string }{
				{"events", "#events"}, {"timeline", "#timeline"}, {"article", "#a2"},
			} {
				_, err := chromedp.Run(tctx, chromedp.Evaluate[bool](`(() => { const w = document.querySelector('.matrix-wrap'); w.scrollTop = 0; w.scrollLeft = 0; document.querySelector('`+view.sel+`').scrollIntoView(); return true; })()`))
				require.NoError(t, err)
				shot, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
				require.NoError(t, err)
				name := "report-" + c.name + "-" + view.name + ".png"
				notBlank(t, name, shot)
				if shots != "" {
					require.NoError(t, os.WriteFile(filepath.Join(shots, name), shot, 0o644))
				}
			}
		})
	}
}
