package corpus

import (
	"slices"
	"sort"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/ledger"
)

// eventStream compares the claims of one event as Check does, but
// reads them twice, in order (by path, then position), instead of holding
// them: an archive may tell of one event tens of thousands of times. The
// first read counts each attribute's values and keeps, of each value, the
// claims of the first MaxRelated+1 articles that give it: all a finding
// can name, since one article's own claims are the only ones passed over.
// The second read makes the findings, one article at a time.
//
// The claims must come in order of path, each article's together; if they
// do not, ordered is false and the event must be compared in memory.
type eventStream struct {
	l       *ledger.Ledger
	ev      *Event // the event, without its claims
	attrs   []*streamAttr
	kept    map[int]*Stmt // by index in the event's order
	n       int           // claims read
	art     []Stmt        // the claims of the article being read
	last    string        // the path of the last article read
	ordered bool
}

// streamAttr is what the first read learns of one attribute.
type streamAttr struct {
	attr   string
	at     map[valueKey]int // group by value
	groups []streamGroup    // in order of first claim
	clash  [][]bool
}

type streamGroup struct {
	value    value
	count    int
	articles int
	last     string // the path of the group's last claim
	kept     []int  // indices of the claims of its first MaxRelated+1 articles
}

// newEventStream compares the claims of ev, an Event without claims.
func newEventStream(l *ledger.Ledger, ev *Event) *eventStream {
	s := &eventStream{l: l, ev: ev, kept: map[int]*Stmt{}, ordered: true}
	for _, attr := range Attrs {
		if !s.ev.Holds(attr) { // the ledger's own checks judge the rest
			s.attrs = append(s.attrs, &streamAttr{attr: attr, at: map[valueKey]int{}})
		}
	}
	return s
}

// add takes the next claim of a read; at the end of each article, it
// calls article with the article's claims, ordered as Cluster orders
// them, and the index of the first.
func (s *eventStream) add(c Stmt, article func([]Stmt, int)) {
	if len(s.art) > 0 && c.Path != s.art[0].Path {
		s.flush(article)
	}
	if len(s.art) == 0 && s.last != "" && c.Path <= s.last {
		s.ordered = false
	}
	s.art = append(s.art, c)
}

func (s *eventStream) flush(article func([]Stmt, int)) {
	if len(s.art) == 0 {
		return
	}
	slices.SortStableFunc(s.art, func(a, b Stmt) int { return a.Offset - b.Offset })
	article(s.art, s.n)
	s.n += len(s.art)
	s.last = s.art[0].Path
	s.art = s.art[:0]
}

// count is the first read's work on one article.
func (s *eventStream) count(art []Stmt, lo int) {
	for k := range art {
		c := &art[k]
		for _, a := range s.attrs {
			v, ok := s.ev.compared(c, a.attr)
			if !ok {
				continue
			}
			g, ok := a.at[v.key()]
			if !ok {
				g = len(a.groups)
				a.at[v.key()] = g
				a.groups = append(a.groups, streamGroup{value: v})
			}
			gr := &a.groups[g]
			gr.count++
			if gr.last != c.Path {
				gr.articles++
				gr.last = c.Path
			}
			if gr.articles <= MaxRelated+1 {
				gr.kept = append(gr.kept, lo+k)
				if s.kept[lo+k] == nil {
					cp := *c
					s.kept[lo+k] = &cp
				}
			}
		}
	}
}

// endCount ends the first read and readies the second.
func (s *eventStream) endCount() {
	s.flush(s.count)
	for _, a := range s.attrs {
		a.clash = make([][]bool, len(a.groups))
		for i := range a.groups {
			a.clash[i] = make([]bool, len(a.groups))
			for j := range a.groups {
				a.clash[i][j] = !s.ev.compatible(s.l, a.attr, a.groups[i].value, a.groups[j].value)
			}
		}
	}
	s.n, s.last = 0, ""
}

// judge is the second read's work on one article: the findings on its
// claims, given to emit.
func (s *eventStream) judge(art []Stmt, lo int, emit func(checker.Finding)) {
	hi := lo + len(art)
	claim := func(j int) *Stmt {
		if j >= lo && j < hi {
			return &art[j-lo]
		}
		return s.kept[j]
	}
	for _, a := range s.attrs {
		of := make([]int, len(art))
		mine := make([]int, len(a.groups)) // this article's claims in each group
		for k := range art {
			of[k] = -1
			if v, ok := s.ev.compared(&art[k], a.attr); ok {
				of[k] = a.at[v.key()]
				mine[of[k]]++
			}
		}
		for k := range art {
			if of[k] < 0 {
				continue
			}
			var others []int
			total := 0
			for g := range a.groups {
				if !a.clash[of[k]][g] {
					continue
				}
				ids, _ := outside(a.groups[g].kept, lo, hi, MaxRelated-len(others))
				others = append(others, ids...)
				total += a.groups[g].count - mine[g]
			}
			sort.Ints(others)
			if f, ok := disagreement(s.l, s.ev, &art[k], a.attr, others, total, claim); ok {
				emit(f)
			}
		}
	}
}
