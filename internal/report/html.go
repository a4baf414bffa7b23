package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

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
		h.Fix = f.Fix.Describe()
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
	short := shortNames(v.Articles)
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
		m.Columns = append(m.Columns, matrixColumn{"a" + strconv.Itoa(known[p]+1), p, short[p]})
	}
	for _, ev := range v.Events {
		ps := tellers(ev)
		if len(ps) < 2 {
			for p := range ps {
				m.Single = append(m.Single, eventRow(v, ev, []string{p}, known, short, reported))
			}
			continue
		}
		m.Rows = append(m.Rows, eventRow(v, ev, paths, known, short, reported))
	}
	return m
}

// shortNames names each article by the end of its path: its file name, or
// as many of the folders above it as tell it from another article's.
func shortNames(articles []Article) map[string]string {
	parts := map[string][]string{}
	for _, a := range articles {
		parts[a.Path] = strings.Split(strings.ReplaceAll(a.Path, "\\", "/"), "/")
	}
	short := map[string]string{}
	for n := 1; len(short) < len(parts); n++ {
		count := map[string]int{}
		name := func(ps []string) string { return path.Join(ps[max(0, len(ps)-n):]...) }
		for p, ps := range parts {
			if _, done := short[p]; !done {
				count[name(ps)]++
			}
		}
		for p, ps := range parts {
			if _, done := short[p]; !done && (count[name(ps)] == 1 || n >= len(ps)) {
				short[p] = name(ps)
			}
		}
	}
	return short
}

// eventRow is an event's row, with a cell for each of paths.
func eventRow(v *View, ev *corpus.Event, paths []string, known map[string]int, short map[string]string, reported findingIndex) matrixRow {
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
		cell := matrixCell{Article: p, Anchor: "a" + strconv.Itoa(known[p]+1), Short: short[p]}
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
