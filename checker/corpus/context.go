package corpus

import (
	"cmp"
	"slices"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/ledger"
)

// Context adds to the ledger's findings what Check adds to them, the
// claims other articles make of the same fact, for a run that does not
// hold its findings: Learn reads each article's statements as the
// articles are checked, in path order; once all are read, Apply adds to
// one article's findings at a time, in any order, the related locations
// Check would add. Of each ledger event and attribute it keeps the
// related location of the claims of the first MaxRelated+1 articles that
// give each value, and makes no new value once those of MaxRelated+1
// articles are kept: all that a finding can list, whatever the size of
// the run.
type Context struct {
	l      *ledger.Ledger
	events map[string]*ctxEvent // by ledger event id
}

type ctxEvent struct {
	ev    *Event // the ledger's event, without claims
	n     int    // claims learnt: the next claim's index in the event
	attrs []*ctxAttr
}

// ctxAttr is what Context keeps of one attribute of an event the ledger
// holds.
type ctxAttr struct {
	attr     string
	at       map[valueKey]int
	groups   []ctxGroup // in order of first claim, as Event.index makes them
	articles map[string]bool
}

type ctxGroup struct {
	articles int
	last     string
	kept     []ctxClaim
}

type ctxClaim struct {
	i   int // the claim's index in the event
	rel checker.Related
}

// NewContext makes a context for statements judged against l.
func NewContext(l *ledger.Ledger) *Context {
	return &Context{l: l, events: map[string]*ctxEvent{}}
}

// ledgerClaims is an article's statements of ledger events, in the order
// Cluster gives them: by event (in the order Cluster gives events), then
// position.
func (x *Context) ledgerClaims(stmts []Stmt) []*Stmt {
	var out []*Stmt
	for i := range stmts {
		if x.l.Event(stmts[i].Ledger) != nil {
			out = append(out, &stmts[i])
		}
	}
	slices.SortStableFunc(out, func(a, b *Stmt) int {
		ea, eb := x.l.Event(a.Ledger), x.l.Event(b.Ledger)
		if ea.ID != eb.ID {
			return cmp.Or(ea.Span().First.Compare(eb.Span().First), cmp.Compare(ea.ID, eb.ID))
		}
		return cmp.Compare(a.Offset, b.Offset)
	})
	return out
}

// Learn reads one article's statements; the articles must come in path
// order, each once.
func (x *Context) Learn(stmts []Stmt) {
	for _, c := range x.ledgerClaims(stmts) {
		e := x.l.Event(c.Ledger)
		ce := x.events[e.ID]
		if ce == nil {
			ce = &ctxEvent{ev: ledgerEvent(e)}
			for _, attr := range Attrs {
				if ce.ev.Holds(attr) {
					ce.attrs = append(ce.attrs, &ctxAttr{attr: attr, at: map[valueKey]int{}, articles: map[string]bool{}})
				}
			}
			x.events[e.ID] = ce
		}
		i := ce.n
		ce.n++
		for _, a := range ce.attrs {
			v, ok := ce.ev.compared(c, a.attr)
			if !ok {
				continue
			}
			g, ok := a.at[v.key()]
			if !ok {
				if len(a.articles) > MaxRelated {
					// The groups before fill any finding's list: a new
					// one would never be reached.
					continue
				}
				g = len(a.groups)
				a.at[v.key()] = g
				a.groups = append(a.groups, ctxGroup{})
			}
			gr := &a.groups[g]
			if gr.last != c.Path {
				gr.articles++
				gr.last = c.Path
			}
			if gr.articles <= MaxRelated+1 {
				gr.kept = append(gr.kept, ctxClaim{i, related(x.l, c, a.attr)})
				a.articles[c.Path] = true
			}
		}
	}
}

// others is Event.Others for claims of the article at path: up to limit
// claims of other articles that give the attribute a value, by index.
func (a *ctxAttr) others(path string, limit int) []ctxClaim {
	var out []ctxClaim
	for _, g := range a.groups {
		for _, k := range g.kept {
			if len(out) == limit {
				break
			}
			if k.rel.Path != path {
				out = append(out, k)
			}
		}
	}
	slices.SortFunc(out, func(a, b ctxClaim) int { return a.i - b.i })
	return out
}

// Apply adds to the findings of one article, whose statements are stmts
// (as Learn read them), the related locations Check adds, in the same
// order.
func (x *Context) Apply(stmts []Stmt, findings []checker.Finding) {
	if len(findings) == 0 {
		return
	}
	claims := x.ledgerClaims(stmts)
	for lo := 0; lo < len(claims); {
		id := x.l.Event(claims[lo].Ledger).ID
		ce := x.events[id]
		hi := lo + 1
		for hi < len(claims) && x.l.Event(claims[hi].Ledger).ID == id {
			hi++
		}
		if ce == nil {
			lo = hi
			continue
		}
		for _, a := range ce.attrs {
			rule := RuleOf[a.attr]
			for _, c := range claims[lo:hi] {
				if !c.Contradicted(a.attr) {
					continue
				}
				others := a.others(c.Path, MaxRelated)
				if len(others) == 0 {
					continue
				}
				for k := range findings {
					f := &findings[k]
					if f.Rule != rule || f.Path != c.Path || f.Offset < c.Offset || f.Offset >= c.EndOffset {
						continue
					}
					for _, o := range others {
						addRelated(&f.Related, o.rel)
					}
				}
			}
		}
		lo = hi
	}
}
