// Package checker reads claims from articles and verifies them against a
// ledger. It is pure: it does no I/O, so the same code runs on files, on
// standard input and in an editor.
//
// The pipeline for one article: split each prose block into tokens and
// sentences; find mentions of the ledger's names, demonyms, office titles and
// anchor events; assemble typed claims (titles, events, anniversaries, terms);
// verify each claim; report the contradicted ones as findings. Every check
// reads the same extraction, computed once.
package checker

import (
	"strings"
	"time"
	"unicode"

	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
	"github.com/claimlint/claimlint/checker/timex"
)

// Checker verifies articles against one ledger. It is safe for concurrent
// use once built.
type Checker struct {
	L     *ledger.Ledger
	vocab lex.Trie[vocab]
	// outlets by normalized name, for an article's time zone.
	outlets map[string]*ledger.Entity
	// eventsOf are the events each entity took part in, and inBody the
	// offices of each body, in ledger order: a ledger of a hundred
	// thousand events is not scanned for every claim.
	eventsOf map[string][]*ledger.Event
	inBody   map[string][]*ledger.Office
}

type vocabKind int

const (
	vName vocabKind = iota + 1
	vDemonym
	vPhrasing
	vAnchor
)

// vocab is what a phrase of the ledger stands for.
type vocab struct {
	kind   vocabKind
	form   string // as written in the rule file, for case checks
	ent    *ledger.Entity
	office *ledger.Office
	event  *ledger.Event
}

// New builds a checker for a ledger.
func New(l *ledger.Ledger) *Checker {
	c := &Checker{L: l, outlets: map[string]*ledger.Entity{},
		eventsOf: map[string][]*ledger.Event{}, inBody: map[string][]*ledger.Office{}}
	for _, e := range l.Entities {
		for _, a := range e.Aliases {
			c.vocab.Add(a, vocab{kind: vName, form: a, ent: e})
			if e.Kind == ledger.Outlet {
				c.outlets[lex.Normalize(a)] = e
			}
		}
		for _, d := range e.Demonyms {
			c.vocab.Add(d, vocab{kind: vDemonym, form: d, ent: e})
		}
	}
	for _, o := range l.Offices {
		if o.Body != "" {
			c.inBody[o.Body] = append(c.inBody[o.Body], o)
		}
		for _, p := range o.Phrasings {
			c.vocab.Add(p, vocab{kind: vPhrasing, form: p, office: o})
		}
	}
	for _, ev := range l.Events {
		for _, id := range ev.Participants {
			if evs := c.eventsOf[id]; len(evs) == 0 || evs[len(evs)-1] != ev { // an id listed twice
				c.eventsOf[id] = append(evs, ev)
			}
		}
		if ev.Kind != ledger.Anchor {
			continue
		}
		for _, a := range ev.Aliases {
			c.vocab.Add(a, vocab{kind: vAnchor, form: a, event: ev})
		}
	}
	return c
}

// Check verifies one article and returns its findings, sorted.
func (c *Checker) Check(a *article.Article) []Finding {
	p := &pass{c: c, a: a}
	return p.run()
}

func (p *pass) run() []Finding {
	c, a := p.c, p.a
	if !a.Meta.Published.IsZero() {
		p.pub = a.Meta.Published.First()
		p.hasPub = true
		p.zones = c.articleZones(a)
	} else {
		p.report(Finding{
			Rule: "missing-date", Severity: Info, Offset: 0, EndOffset: 0,
			Message: "no publication date (front matter published: or --published): date-relative checks were skipped",
		})
	}
	for _, b := range a.Blocks {
		p.block(b)
	}
	p.wording()
	p.findings = p.suppress()
	SortFindings(p.findings)
	return p.findings
}

func (c *Checker) articleZones(a *article.Article) []*time.Location {
	if o := c.outlets[lex.Normalize(a.Meta.Outlet)]; o != nil && o.TZ != nil {
		return []*time.Location{o.TZ}
	}
	return nil
}

// pass is the state of checking one article.
type pass struct {
	c        *Checker
	a        *article.Article
	pub      time.Time
	hasPub   bool
	zones    []*time.Location // the outlet's time zone, if known
	findings []Finding
	toks     []lex.Token
	// topic is the last event matched with two or more named parties: the
	// event that "the call" later in the article refers to.
	topic *ledger.Event
	// lower is the article's text in lower case, made when a wording
	// rule needs it.
	lower []byte
	// record keeps every claim read, with its verdict (claimlint claims);
	// eventsOnly keeps only event claims, without their text.
	record, eventsOnly bool
	keep               func(*Claim) bool // with eventsOnly: which settled claims to keep
	claims             []*Claim
}

// sentence is one sentence's tokens and the mentions found in it.
type sentence struct {
	lex.Range
	ments   []mention
	clauses []lex.Range
}

// mention is a run of tokens that names something in the ledger.
type mention struct {
	lo, hi  int
	names   []*ledger.Entity // entities this is a name of
	demonym *ledger.Entity   // the country this is a demonym of
	offices []*ledger.Office // offices this phrasing names
	anchors []*ledger.Event
}

func (m *mention) person() *ledger.Entity {
	var p *ledger.Entity
	for _, e := range m.names {
		if e.Kind == ledger.Person {
			if p != nil {
				return nil // an alias shared by two people names neither
			}
			p = e
		}
	}
	return p
}

// country returns the country this mention names, by name or demonym.
func (m *mention) country() *ledger.Entity {
	if m.demonym != nil {
		return m.demonym
	}
	for _, e := range m.names {
		if e.Kind == ledger.Country {
			return e
		}
	}
	return nil
}

func (m *mention) place() *ledger.Entity {
	for _, e := range m.names {
		if e.Kind == ledger.Place || e.Kind == ledger.Country {
			return e
		}
	}
	return nil
}

func (p *pass) block(b article.Block) {
	p.toks = lex.Tokenize(p.a.Text, b.Start, b.End)
	for _, r := range lex.Sentences(p.toks) {
		ments := p.mentions(r)
		if len(ments) == 0 {
			continue // every check starts from something the ledger names
		}
		s := &sentence{Range: r, ments: ments, clauses: lex.Clauses(p.toks, r)}
		p.titles(s)
		if !p.hasPub {
			continue
		}
		for _, cl := range s.clauses {
			p.events(s, cl)
			p.terms(s, cl)
		}
		p.anniversaries(s)
	}
}

// caseFits reports whether the text token may be the phrase as written: a
// capitalized name must be capitalized in the text, an all-capitals one
// ("US") must match exactly.
func caseFits(form string, t lex.Token) bool {
	first := strings.Fields(form)
	if len(first) == 0 {
		return false
	}
	w := first[0]
	letters, upper := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters >= 2 && upper == letters && !strings.Contains(w, ".") {
		return strings.HasPrefix(t.Text, w)
	}
	if upper > 0 {
		return t.Upper
	}
	return true
}

func (p *pass) mentions(r lex.Range) []mention {
	var out []mention
	for i := r.Lo; i < r.Hi; {
		n, vals := p.c.vocab.Longest(p.toks[i:r.Hi], 0)
		if n == 0 {
			i++
			continue
		}
		m := mention{lo: i, hi: i + n}
		for _, v := range vals {
			if !caseFits(v.form, p.toks[i]) {
				continue
			}
			switch v.kind {
			case vName:
				m.names = append(m.names, v.ent)
			case vDemonym:
				m.demonym = v.ent
			case vPhrasing:
				m.offices = append(m.offices, v.office)
			case vAnchor:
				m.anchors = append(m.anchors, v.event)
			}
		}
		if len(m.names)+len(m.offices)+len(m.anchors) > 0 || m.demonym != nil {
			// A known name followed at once by an unknown capitalized word
			// is part of a longer name ("Wang" in "Wang Wenbin").
			if m.person() != nil && m.hi < r.Hi && continuesName(p.toks, m.hi-1, m.hi) {
				i += n
				continue
			}
			out = append(out, m)
		}
		i += n
	}
	return out
}

func continuesName(toks []lex.Token, last, next int) bool {
	t := toks[next]
	if t.Kind != lex.Word || !t.Upper || t.Start != toks[last].End+1 {
		return false
	}
	if _, ok := timex.WeekdayName(t); ok {
		return false
	}
	return !isMonth(t)
}

func isMonth(t lex.Token) bool {
	switch t.Norm {
	case "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december":
		return true
	}
	return false
}

// report fills in positions and appends a finding.
func (p *pass) report(f Finding) {
	f.Path = p.a.Path
	f.Line, f.Column = p.a.Position(f.Offset)
	f.EndLine, f.EndColumn = p.a.Position(f.EndOffset)
	f.ByteCol, f.EndByteCol = p.a.ByteColumn(f.Offset), p.a.ByteColumn(f.EndOffset)
	if f.Found == "" && f.EndOffset > f.Offset {
		f.Found = string(p.a.Src[f.Offset:f.EndOffset])
	}
	p.findings = append(p.findings, f)
}

// text returns the source text of tokens [lo, hi).
func (p *pass) text(lo, hi int) string {
	if lo >= hi {
		return ""
	}
	return string(p.a.Src[p.toks[lo].Start:p.toks[hi-1].End])
}

// has reports whether any token in [lo, hi) is one of words.
func (p *pass) has(lo, hi int, words ...string) bool {
	for i := lo; i < hi; i++ {
		if p.toks[i].Is(words...) {
			return true
		}
	}
	return false
}

// day is a formatted day for messages: "Monday 2025-02-24".
func day(t time.Time) string { return civil.FormatDay(t) }

func dateText(t time.Time) string { return t.Format("2006-01-02") }
