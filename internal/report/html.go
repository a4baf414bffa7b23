package report

import (
	_ "embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/ledger"
)

//go:embed html.tmpl
var htmlTemplate string

var htmlPage = template.Must(template.New("report").Parse(htmlTemplate))

// HTML writes one self-contained page: a summary, each article with its
// findings highlighted, the event matrix and a timeline. It makes no
// network request: styles are inline and it has no script.
func HTML(w io.Writer, r *Run) error {
	v := r.View
	if v == nil {
		return fmt.Errorf("the html format needs the articles and claims of the run")
	}
	page := htmlData{Version: r.Version, Files: r.Files}
	page.Summary = Summarize(r.Files, r.Findings)
	reported := findingsIn(r.Findings)
	page.Consistent, page.Contradicted, page.Silenced, page.NotCovered = v.verdicts(reported)
	for _, rule := range checker.Rules {
		if n := page.Summary.ByRule[rule.ID]; n > 0 {
			page.Rules = append(page.Rules, ruleRow{rule.ID, rule.Title, n, RuleURI(rule.ID)})
		}
	}
	byPath := map[string][]int{}
	for i, f := range r.Findings {
		byPath[f.Path] = append(byPath[f.Path], i)
	}
	known := map[string]int{}
	for i, a := range v.Articles {
		known[a.Path] = i
		art := htmlArticle{ID: "a" + strconv.Itoa(i+1), Path: a.Path, Title: a.Title, Outlet: a.Outlet, URL: a.URL}
		if !a.Published.IsZero() {
			art.Published = a.Published.String()
		}
		for _, k := range byPath[a.Path] {
			art.Findings = append(art.Findings, findingData(r, k))
		}
		art.Text = articleHTML(a, r.Findings, byPath[a.Path])
		page.Articles = append(page.Articles, art)
	}
	for i, f := range r.Findings {
		if _, ok := known[f.Path]; !ok {
			page.Other = append(page.Other, findingData(r, i))
		}
	}
	page.Matrix = matrix(v, known, reported)
	page.Timeline = timeline(v, reported)
	return htmlPage.Execute(w, page)
}

type htmlData struct {
	Version                              string
	Files                                int
	Summary                              Summary
	Consistent, Contradicted, NotCovered int
	Silenced                             int
	Rules                                []ruleRow
	Articles                             []htmlArticle
	Other                                []htmlFinding
	Matrix                               matrixData
	Timeline                             template.HTML
}

type ruleRow struct {
	ID, Title string
	Count     int
	URL       string
}

type htmlArticle struct {
	ID, Path, Title, Outlet, URL, Published string
	Text                                    template.HTML
	Findings                                []htmlFinding
}

type htmlFinding struct {
	ID                          string // "f" and the finding's index in the run
	Path                        string
	Line, Column                int
	Rule, Severity, Message     string
	Found, Expected             string
	Evidence                    string
	Sources                     []ledger.Source
	Fix                         string
	Related                     []string
	RuleURL                     string
	Offset, EndOffset, Position string
}

func findingData(r *Run, i int) htmlFinding {
	f := r.Findings[i]
	h := htmlFinding{
		ID: "f" + strconv.Itoa(i+1), Path: f.Path, Line: f.Line, Column: f.Column,
		Rule: f.Rule, Severity: f.Severity, Message: f.Message, Found: f.Found, Expected: f.Expected,
		RuleURL: RuleURI(f.Rule), Offset: strconv.Itoa(f.Offset), EndOffset: strconv.Itoa(f.EndOffset),
		Position: fmt.Sprintf("%d:%d", f.Line, f.Column),
	}
	if e := f.Evidence; e != nil {
		h.Evidence = e.ID
		if !e.Pos.IsZero() {
			h.Evidence += " (" + e.Pos.String() + ")"
		}
		h.Sources = e.Sources
	}
	if f.Fix != nil {
		h.Fix = fmt.Sprintf("replace %q with %q", strings.TrimSpace(f.Found), f.Fix.Replacement)
		if f.Fix.Offset != f.Offset || f.Fix.EndOffset != f.EndOffset {
			h.Fix = fmt.Sprintf("replace with %q", f.Fix.Replacement)
		}
	}
	for _, rel := range f.Related {
		h.Related = append(h.Related, fmt.Sprintf("%s:%d:%d: %s", rel.Path, rel.Line, rel.Column, rel.Message))
	}
	return h
}

type matrixData struct {
	Columns []matrixColumn
	Rows    []matrixRow // the events two or more articles tell of
	Single  []matrixRow // the events one article tells of, each with its one cell
}

type matrixColumn struct{ ID, Path, Short string }

type matrixRow struct {
	Key, Label string
	InLedger   bool
	Ledger     []string // the ledger's values
	Cells      []matrixCell
	Disputed   bool
	Tellers    int // the articles that tell of the event
	Marked     int // the cells with a mark
}

type matrixCell struct {
	Article  string // column path
	Anchor   string
	Short    string // the article's file name
	Told     bool   // the article tells of the event
	Values   []matrixValue
	Disagree string // attributes marked, space-separated: for tests and styles
}

type matrixValue struct {
	Attr, Text string
	Mark       string // "", "wrong" (the ledger says otherwise), "conflict" (another article says otherwise)
}

// matrix lays out the events two or more articles tell of against the
// articles that tell of them; the events one article tells of, which would
// be rows of one cell each, are listed apart with that cell.
func matrix(v *View, known map[string]int, reported findingIndex) matrixData {
	var m matrixData
	tellers := func(ev *corpus.Event) map[string]bool {
		ps := map[string]bool{}
		for _, c := range ev.Claims {
			ps[c.Path] = true
		}
		return ps
	}
	// The columns go by the first event each article tells of, then in the
	// run's order: the cells told of run down the matrix as a staircase, not
	// scattered over a sparse table.
	first := map[string]int{}
	shown := 0
	for _, ev := range v.Events {
		ps := tellers(ev)
		if len(ps) < 2 {
			continue
		}
		for p := range ps {
			if _, ok := first[p]; !ok {
				first[p] = shown
			}
		}
		shown++
	}
	var paths []string
	for p := range first {
		paths = append(paths, p)
	}
	sort.Slice(paths, func(i, j int) bool {
		if a, b := first[paths[i]], first[paths[j]]; a != b {
			return a < b
		}
		return known[paths[i]] < known[paths[j]]
	})
	for _, p := range paths {
		m.Columns = append(m.Columns, matrixColumn{"a" + strconv.Itoa(known[p]+1), p, shortName(p)})
	}
	for _, ev := range v.Events {
		ps := tellers(ev)
		if len(ps) < 2 {
			for p := range ps {
				m.Single = append(m.Single, eventRow(v, ev, []string{p}, known, reported))
			}
			continue
		}
		m.Rows = append(m.Rows, eventRow(v, ev, paths, known, reported))
	}
	return m
}

func shortName(p string) string { return path.Base(strings.ReplaceAll(p, "\\", "/")) }

// eventRow is an event's row, with a cell for each of paths.
func eventRow(v *View, ev *corpus.Event, paths []string, known map[string]int, reported findingIndex) matrixRow {
	row := matrixRow{Key: ev.Key, Label: corpus.Name(v.Ledger, ev), InLedger: ev.Ledger != nil}
	tellers := map[string]bool{}
	for _, c := range ev.Claims {
		tellers[c.Path] = true
	}
	row.Tellers = len(tellers)
	if e := ev.Ledger; e != nil {
		row.Ledger = ledgerValues(v.Ledger, e)
	}
	// Where the ledger holds a fact, the claims it contradicts are marked;
	// where it does not, the claims other articles contradict.
	byPath := map[string][]int{}
	for k := range ev.Claims {
		byPath[ev.Claims[k].Path] = append(byPath[ev.Claims[k].Path], k)
	}
	for _, p := range paths {
		cell := matrixCell{Article: p, Anchor: "a" + strconv.Itoa(known[p]+1), Short: shortName(p)}
		var marks []string
		for _, k := range byPath[p] {
			c := &ev.Claims[k]
			cell.Told = true
			for _, attr := range corpus.Attrs {
				text := corpus.Value(v.Ledger, c, attr)
				if text == "" {
					continue
				}
				if c.Planned {
					text += " (planned)"
				}
				val := matrixValue{Attr: attr, Text: text}
				switch {
				case reported.wrong(c, attr):
					val.Mark = "wrong"
				case !ev.Holds(attr) && reported.disputed(c, attr):
					val.Mark = "conflict"
				}
				if val.Mark != "" {
					marks = append(marks, attr)
					row.Disputed = true
				}
				if !slices.Contains(cell.Values, val) {
					cell.Values = append(cell.Values, val)
				}
			}
		}
		sort.Strings(marks)
		cell.Disagree = strings.Join(slices.Compact(marks), " ")
		if cell.Disagree != "" {
			row.Marked++
		}
		row.Cells = append(row.Cells, cell)
	}
	return row
}

// findingIndex holds the run's findings by path: the report marks what the
// run reports, after directives, severity settings, baselines and changed
// lines, not what the checker first found.
type findingIndex map[string][]checker.Finding

func findingsIn(fs []checker.Finding) findingIndex {
	x := findingIndex{}
	for _, f := range fs {
		x[f.Path] = append(x[f.Path], f)
	}
	return x
}

// within reports whether a finding of rule lies in [lo, hi) of path.
func (x findingIndex) within(path, rule string, lo, hi int) bool {
	for _, f := range x[path] {
		if f.Rule == rule && f.Offset >= lo && (f.Offset < hi || f.Offset == lo) {
			return true
		}
	}
	return false
}

// wrong reports whether the run reports the ledger contradicting s's attr.
func (x findingIndex) wrong(s *corpus.Stmt, attr string) bool {
	return s.Contradicted(attr) && x.within(s.Path, corpus.RuleOf[attr], s.Offset, s.EndOffset)
}

// disputed reports whether the run reports cross-source on s's attr.
func (x findingIndex) disputed(s *corpus.Stmt, attr string) bool {
	pt, ok := s.Part(attr)
	return ok && x.within(s.Path, checker.CrossSource, pt.Offset, pt.EndOffset)
}

func ledgerValues(l *ledger.Ledger, e *ledger.Event) []string {
	var out []string
	if e.Start == e.End {
		if e.Start.Prec == civil.Day {
			out = append(out, civil.FormatDay(e.Start.First()))
		} else {
			out = append(out, e.Start.String())
		}
	} else {
		out = append(out, e.Start.String()+" to "+e.End.String())
	}
	switch e.Medium {
	case ledger.InPerson:
		out = append(out, "in person")
	case "":
	default:
		out = append(out, "by "+e.Medium)
	}
	if e.Initiator != "" {
		out = append(out, "initiated by "+l.ShortName(e.Initiator))
	}
	if e.Venue != "" {
		if v := l.Entity(e.Venue); v != nil {
			out = append(out, "in "+v.Name)
		}
	}
	return out
}

// timeline draws the events on a date axis, a row each, and beside it a
// close-up of the days around each event with the dates the articles give
// it: a claim off its event is drawn in red, joined to the event by a dashed
// line, so that a date one day wrong is as visible as one a month wrong.
func timeline(v *View, reported findingIndex) template.HTML {
	if len(v.Events) == 0 {
		return ""
	}
	type mark struct {
		at    time.Time
		path  string
		text  string
		wrong bool
	}
	const day = 24 * time.Hour
	var lo, hi time.Time
	rows := make([][]mark, len(v.Events))
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
			rows[i] = append(rows[i], mark{at, c.Path, corpus.Value(v.Ledger, c, "date"), reported.wrong(c, "date") || !ev.Holds("date") && reported.disputed(c, "date")})
		}
	}
	lo, hi = lo.AddDate(0, 0, -15), hi.AddDate(0, 0, 15)
	const labelW, overW, gap, zoomW, rowH, top = 250, 300, 30, 330, 28, 40
	zoomX := labelW + overW + gap
	days := hi.Sub(lo).Hours() / 24
	x := func(t time.Time) float64 { return labelW + float64(overW)*t.Sub(lo).Hours()/24/days }
	height := top + rowH*len(v.Events) + 10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg role="img" aria-labelledby="tl-title tl-desc" viewBox="0 0 %d %d" width="100%%" xmlns="http://www.w3.org/2000/svg">`, zoomX+zoomW+10, height)
	b.WriteString(`<title id="tl-title">Timeline of the events the articles tell of</title>`)
	b.WriteString(`<desc id="tl-desc">Each row is an event: on the left its place in time; on the right the days around it, a dark circle or bar for the ledger's date (hollow for an event the ledger does not hold) and a diamond for each date an article gives it, red and joined by a dashed line when it is off. The event matrix gives the same in a table.</desc>`)
	fmt.Fprintf(&b, `<text class="axis head" x="%d" y="12">the days around each event (ticks a day apart)</text>`, zoomX)
	// The overview's axis: a tick a month, or a year when the span is long.
	yearly := days > 3*365
	t := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC)
	if yearly {
		t = time.Date(lo.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	for ; !t.After(hi); t = next(t, yearly) {
		if t.Before(lo) {
			continue
		}
		label := t.Format("2006-01")
		if yearly {
			label = t.Format("2006")
		}
		fmt.Fprintf(&b, `<line class="tick" x1="%.1f" y1="%d" x2="%.1f" y2="%d"/><text class="axis" x="%.1f" y="%d">%s</text>`,
			x(t), top-8, x(t), height-6, x(t)+2, top-14, label)
	}
	for i, ev := range v.Events {
		y := top + rowH*i + rowH/2
		label := corpus.Name(v.Ledger, ev)
		cls := "ledger"
		if ev.Ledger == nil {
			label += " (not in the ledger)"
			cls = "unledgered"
		}
		fmt.Fprintf(&b, `<g class="event" data-event="%s"><title>%s</title><text class="label" x="4" y="%d">%s</text>`,
			html.EscapeString(ev.Key), html.EscapeString(label), y+4, html.EscapeString(shorten(label, 38)))
		fmt.Fprintf(&b, `<line class="row" x1="%d" y1="%d" x2="%d" y2="%d"/>`, labelW, y, labelW+overW, y)
		fmt.Fprintf(&b, `<circle class="%s" cx="%.1f" cy="%d" r="4"/>`, cls, x(ev.Span.First), y)
		// The close-up: the event's days and every date given for it, two
		// days either side, a week at least.
		zlo, zhi := ev.Span.First, ev.Span.Last
		for _, m := range rows[i] {
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
		zx := func(t time.Time) float64 { return float64(zoomX) + float64(zoomW)*t.Sub(zlo).Hours()/24/zdays }
		fmt.Fprintf(&b, `<line class="row" x1="%d" y1="%d" x2="%d" y2="%d"/>`, zoomX, y, zoomX+zoomW, y)
		if zdays <= 60 {
			for d := zlo; d.Before(zhi); d = d.Add(day) {
				fmt.Fprintf(&b, `<line class="daytick" x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>`, zx(d), y-3, zx(d), y+3)
			}
		}
		fmt.Fprintf(&b, `<text class="axis" x="%d" y="%d">%s</text>`, zoomX, y-6, zlo.Format("Jan 2"))
		fmt.Fprintf(&b, `<text class="axis" x="%d" y="%d" text-anchor="end">%s</text>`, zoomX+zoomW, y-6, zhi.Add(-day).Format("Jan 2, 2006"))
		ex := zx(ev.Span.First.Add(12 * time.Hour))
		if ev.Span.Last.Sub(ev.Span.First) >= day {
			fmt.Fprintf(&b, `<rect class="%s" x="%.1f" y="%d" width="%.1f" height="10" rx="4"><title>%s</title></rect>`,
				cls, zx(ev.Span.First), y-5, zx(ev.Span.Last.Add(day))-zx(ev.Span.First), html.EscapeString(label))
			ex = zx(ev.Span.First) + (zx(ev.Span.Last.Add(day))-zx(ev.Span.First))/2
		} else {
			fmt.Fprintf(&b, `<circle class="%s" cx="%.1f" cy="%d" r="6"><title>%s</title></circle>`, cls, ex, y, html.EscapeString(label))
		}
		for _, m := range rows[i] {
			mx := zx(m.at.Add(12 * time.Hour))
			cls := "claim ok"
			if m.wrong {
				cls = "claim off"
				fmt.Fprintf(&b, `<line class="offline" x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>`, mx, y+7, ex, y+7)
			}
			fmt.Fprintf(&b, `<path class="%s" data-article="%s" d="M%.1f %d l5 5 l-5 5 l-5 -5 z"><title>%s says %s</title></path>`,
				cls, html.EscapeString(m.path), mx, y-5, html.EscapeString(m.path), html.EscapeString(m.text))
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func next(t time.Time, yearly bool) time.Time {
	if yearly {
		return t.AddDate(1, 0, 0)
	}
	return t.AddDate(0, 1, 0)
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
