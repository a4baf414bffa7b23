package report

import (
	"fmt"
	"html"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/claimlint/claimlint/checker/corpus"
)

// The timeline is a table, a row for each event: its name (HTML text, which
// wraps, so no name is cut short), its place in time on an axis common to
// all rows, and a close-up of its days with the dates the articles give it.
// A date off its event is drawn in red and joined to it by a dashed line,
// so that a date one day wrong is as visible as one a month wrong. Articles
// that give the same day are one diamond with their number above it.

// The drawings' coordinates (their viewBox): each scales to its column.
const (
	overW, zoomW = 300, 330 // widths
	tlH, tlY     = 40, 20   // height, and the y of the row's line
	tlPad        = 8        // the overview's margin either side
)

// tlMark is the dates the articles give an event on one day, agreeing or not.
type tlMark struct {
	at    time.Time
	paths []string
	texts []string
	wrong bool
}

func timeline(v *View, reported findingIndex) template.HTML {
	if len(v.Events) == 0 {
		return ""
	}
	const day = 24 * time.Hour
	var lo, hi time.Time
	rows := make([][]*tlMark, len(v.Events))
	for i, ev := range v.Events {
		if lo.IsZero() || ev.Span.First.Before(lo) {
			lo = ev.Span.First
		}
		if ev.Span.Last.After(hi) {
			hi = ev.Span.Last
		}
		for k := range ev.Claims {
			c := &ev.Claims[k]
			sp := c.Date.Span
			if c.Date.IsZero() || sp.Last.Sub(sp.First) > 40*day {
				continue // no date, or a year: nothing to place
			}
			at := sp.First.Add(sp.Last.Sub(sp.First) / 2).Truncate(day)
			wrong := reported.wrong(c, "date") || !ev.Holds("date") && reported.disputed(c, "date")
			text := corpus.Value(v.Ledger, c, "date")
			var m *tlMark
			for _, o := range rows[i] {
				if o.at.Equal(at) && o.wrong == wrong {
					m = o
				}
			}
			if m == nil {
				m = &tlMark{at: at, wrong: wrong}
				rows[i] = append(rows[i], m)
			}
			m.paths = append(m.paths, c.Path)
			m.texts = append(m.texts, text)
		}
		sort.SliceStable(rows[i], func(a, b int) bool { return rows[i][a].at.Before(rows[i][b].at) })
	}
	lo, hi = lo.AddDate(0, 0, -15), hi.AddDate(0, 0, 15)
	days := hi.Sub(lo).Hours() / 24
	x := func(t time.Time) float64 { return tlPad + float64(overW-2*tlPad)*t.Sub(lo).Hours()/24/days }
	ticks := axisTicks(lo, hi)

	var b strings.Builder
	b.WriteString(timelineLegend)
	b.WriteString(`<table class="timeline">` +
		`<caption id="tl-caption">Each event in time, and the days around it with the dates the articles give it</caption>` +
		`<colgroup><col class="tl-name"><col class="tl-over-col"><col class="tl-zoom-col"></colgroup>`)
	// The header: the overview's axis.
	fmt.Fprintf(&b, `<thead><tr><th scope="col">event</th><th scope="col"><span class="sr-only">in time</span><svg class="tl-axis" viewBox="0 0 %d 20" width="100%%" aria-hidden="true">`, overW)
	for _, t := range ticks {
		fmt.Fprintf(&b, `<text class="axis" x="%.1f" y="15" text-anchor="middle">%s</text>`, x(t.at), t.label)
	}
	b.WriteString(`</svg></th><th scope="col">the days around it (ticks a day apart)</th></tr></thead><tbody>`)
	for i, ev := range v.Events {
		label := corpus.Name(v.Ledger, ev)
		cls := "ledger"
		if ev.Ledger == nil {
			label += " (not in the ledger)"
			cls = "unledgered"
		}
		fmt.Fprintf(&b, `<tr class="event" data-event="%s"><th scope="row" class="tl-label">%s</th>`, html.EscapeString(ev.Key), html.EscapeString(label))
		// The overview: the event in time.
		fmt.Fprintf(&b, `<td><svg class="tl-over" viewBox="0 0 %d %d" width="100%%" aria-hidden="true">`, overW, tlH)
		for _, t := range ticks {
			fmt.Fprintf(&b, `<line class="tick" x1="%.1f" y1="0" x2="%.1f" y2="%d"/>`, x(t.at), x(t.at), tlH)
		}
		fmt.Fprintf(&b, `<line class="row" x1="%d" y1="%d" x2="%d" y2="%d"/>`, tlPad, tlY, overW-tlPad, tlY)
		fmt.Fprintf(&b, `<circle class="%s" cx="%.1f" cy="%d" r="4"/></svg></td>`, cls, x(ev.Span.First), tlY)
		b.WriteString(`<td>`)
		closeUp(&b, ev, rows[i], label, cls)
		b.WriteString(`</td></tr>`)
	}
	b.WriteString(`</tbody></table>`)
	return template.HTML(b.String())
}

// closeUp draws the event's days and every date given for it, two days
// either side, a week at least.
func closeUp(b *strings.Builder, ev *corpus.Event, marks []*tlMark, label, cls string) {
	const day = 24 * time.Hour
	zlo, zhi := ev.Span.First, ev.Span.Last
	for _, m := range marks {
		if m.at.Before(zlo) {
			zlo = m.at
		}
		if m.at.After(zhi) {
			zhi = m.at
		}
	}
	zlo, zhi = zlo.Add(-2*day), zhi.Add(3*day)
	if extra := 8*day - zhi.Sub(zlo); extra > 0 {
		zlo, zhi = zlo.Add(-(extra / 2).Truncate(day)), zhi.Add(extra-(extra/2).Truncate(day))
	}
	zdays := zhi.Sub(zlo).Hours() / 24
	zx := func(t time.Time) float64 { return float64(zoomW) * t.Sub(zlo).Hours() / 24 / zdays }

	// What the drawing shows, said in words.
	var says []string
	for _, m := range marks {
		s := m.texts[0]
		if m.wrong {
			s += ", off"
		}
		n := len(m.paths)
		s += " (" + strconv.Itoa(n) + " " + plural(n, "article", "articles") + ")"
		says = append(says, s)
	}
	desc := label
	if len(says) > 0 {
		desc += "; the articles give: " + strings.Join(says, "; ")
	}
	fmt.Fprintf(b, `<svg class="tl-zoom" role="img" aria-label="%s" viewBox="0 0 %d %d" width="100%%">`, html.EscapeString(desc), zoomW, tlH)
	y := tlY
	fmt.Fprintf(b, `<line class="row" x1="0" y1="%d" x2="%d" y2="%d"/>`, y, zoomW, y)
	if zdays <= 60 {
		for d := zlo; d.Before(zhi); d = d.Add(day) {
			fmt.Fprintf(b, `<line class="daytick" x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>`, zx(d), y-3, zx(d), y+3)
		}
	}
	fmt.Fprintf(b, `<text class="axis" x="1" y="%d">%s</text>`, tlH-2, zlo.Format("Jan 2"))
	fmt.Fprintf(b, `<text class="axis" x="%d" y="%d" text-anchor="end">%s</text>`, zoomW-1, tlH-2, zhi.Add(-day).Format("Jan 2, 2006"))
	ex := zx(ev.Span.First.Add(12 * time.Hour))
	if ev.Span.Last.Sub(ev.Span.First) >= day {
		fmt.Fprintf(b, `<rect class="%s" x="%.1f" y="%d" width="%.1f" height="10" rx="4"><title>%s</title></rect>`,
			cls, zx(ev.Span.First), y-5, zx(ev.Span.Last.Add(day))-zx(ev.Span.First), html.EscapeString(label))
		ex = zx(ev.Span.First) + (zx(ev.Span.Last.Add(day))-zx(ev.Span.First))/2
	} else {
		fmt.Fprintf(b, `<circle class="%s" cx="%.1f" cy="%d" r="6"><title>%s</title></circle>`, cls, ex, y, html.EscapeString(label))
	}
	for _, m := range marks {
		mx := zx(m.at.Add(12 * time.Hour))
		c := "claim ok"
		if m.wrong {
			c = "claim off"
			fmt.Fprintf(b, `<line class="offline" x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>`, mx, y+8, ex, y+8)
		}
		var title []string
		for k, p := range m.paths {
			if k == 10 {
				title = append(title, fmt.Sprintf("and %d more", len(m.paths)-k))
				break
			}
			title = append(title, p+" says "+m.texts[k])
		}
		fmt.Fprintf(b, `<path class="%s" data-article="%s" data-count="%d" d="M%.1f %d l5 5 l-5 5 l-5 -5 z"><title>%s</title></path>`,
			c, html.EscapeString(m.paths[0]), len(m.paths), mx, y-5, html.EscapeString(strings.Join(title, "\n")))
		if len(m.paths) > 1 {
			fmt.Fprintf(b, `<text class="count" x="%.1f" y="%d" text-anchor="middle">%d</text>`, mx, y-8, len(m.paths))
		}
	}
	b.WriteString(`</svg>`)
}

type tick struct {
	at    time.Time
	label string
}

// axisTicks marks the overview's axis every one, two, three or six months,
// or every one, two, five or ten years: the shortest step that leaves six
// or seven marks at most, so that their labels do not run into each other.
func axisTicks(lo, hi time.Time) []tick {
	months := (hi.Year()-lo.Year())*12 + int(hi.Month()-lo.Month())
	step := 120
	for _, s := range []int{1, 2, 3, 6, 12, 24, 60, 120} {
		if months/s <= 6 {
			step = s
			break
		}
	}
	t := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC)
	if step >= 12 {
		t = time.Date(lo.Year()-lo.Year()%(step/12), 1, 1, 0, 0, 0, 0, time.UTC)
	} else {
		t = t.AddDate(0, -(int(t.Month())-1)%step, 0)
	}
	var out []tick
	for ; !t.After(hi); t = t.AddDate(0, step, 0) {
		if t.Before(lo) {
			continue
		}
		label := t.Format("2006-01")
		if step >= 12 {
			label = t.Format("2006")
		}
		out = append(out, tick{t, label})
	}
	return out
}

// timelineLegend says what the timeline's marks mean.
const timelineLegend = `<ul class="tl-legend" aria-label="What the timeline's marks mean">
<li><svg viewBox="0 0 20 16" width="20" height="16" aria-hidden="true"><circle class="ledger" cx="10" cy="8" r="6"/></svg> the event’s date in the ledger</li>
<li><svg viewBox="0 0 20 16" width="20" height="16" aria-hidden="true"><rect class="ledger" x="1" y="3" width="18" height="10" rx="4"/></svg> its days, for an event of several days</li>
<li><svg viewBox="0 0 20 16" width="20" height="16" aria-hidden="true"><circle class="unledgered" cx="10" cy="8" r="5"/></svg> an event the ledger does not hold, at the days the articles give it</li>
<li><svg viewBox="0 0 20 16" width="20" height="16" aria-hidden="true"><path class="claim ok" d="M10 3 l5 5 l-5 5 l-5 -5 z"/></svg> a date an article gives the event; a number above it: how many articles give that date</li>
<li><svg viewBox="0 0 34 16" width="34" height="16" aria-hidden="true"><path class="claim off" d="M6 2 l5 5 l-5 5 l-5 -5 z"/><line class="offline" x1="6" y1="14" x2="30" y2="14"/><circle class="ledger" cx="28" cy="7" r="4"/></svg> a date the run reports wrong (the ledger, or another article, says otherwise), joined to the event by a dashed line</li>
</ul>
`
