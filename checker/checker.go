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
	"context"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/lang"
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
	index   *analysis.Index
	lang    *lang.Lang
	// termCues are the language's cues of a term's start, then its end;
	// termFirst their first words, to skip most tokens at once.
	termCues  []lang.Phrase
	termFirst lang.Set
	// periodWords are the words that open a period after a title ("since",
	// "until", "from"), in one set: most tokens are none.
	periodWords lang.Set
	// eventWords and unitWords are the words of the language's events and
	// of its anniversaries' units, as sets: most tokens are none, and a
	// test of a set is cheaper than a lookup in the map.
	eventWords, unitWords lang.Set

	// MaxClaims caps what one article is read for: at most this many
	// claims, and no claim read once the article has this many findings;
	// a wording rule's matches are counted apart, against the same cap.
	// Past the cap an article-limit notice says where the reading
	// stopped. 0: DefaultMaxClaims. Set it before the checker is used.
	MaxClaims int
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
	c := &Checker{L: l, outlets: map[string]*ledger.Entity{}, index: analysis.NewIndex(l), lang: lang.English}
	if l.Lang != nil {
		c.lang = l.Lang // the rule files add words of their own
	}
	c.termCues = append(slices.Clone(c.lang.Terms.Start), c.lang.Terms.End...)
	var period, first []string
	for _, set := range []lang.Set{c.lang.Terms.Since, c.lang.Terms.Until, c.lang.Terms.From} {
		period = slices.AppendSeq(period, set.All())
	}
	for _, cue := range c.termCues {
		first = append(first, cue[0])
	}
	c.periodWords, c.termFirst = lang.NewSet(period...), lang.NewSet(first...)
	c.eventWords = lang.NewSet(slices.Collect(maps.Keys(c.lang.Events))...)
	c.unitWords = lang.NewSet(slices.Collect(maps.Keys(c.lang.Anniversary.Units))...)
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
		for _, p := range o.Phrasings {
			c.vocab.Add(p, vocab{kind: vPhrasing, form: p, office: o})
		}
	}
	for _, ev := range l.Events {
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
	return c.newPass(a).run()
}

// CheckContext is Check that stops between sentences once ctx is done, and
// then returns ctx's error and no findings: for an editor, where a newer
// text makes a running check of an older one worthless.
func (c *Checker) CheckContext(ctx context.Context, a *article.Article) ([]Finding, error) {
	p := c.newPass(a)
	p.ctx = ctx
	f := p.run()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

func (c *Checker) newPass(a *article.Article) *pass {
	return &pass{c: c, Pass: analysis.Pass{Ledger: c.L, Index: c.index, Article: a, Lang: c.lang, MaxClaims: c.Limit()}, dated: map[int]*ledger.Event{}}
}

// tokenBufs holds token slices between passes: the tokens of a block are
// read into one, which the next block, and the next article, reuses.
var tokenBufs = sync.Pool{New: func() any { return new([]lex.Token) }}

// maxPooledTokens is the most tokens a slice returned to tokenBufs holds
// (4 MB): the room a huge article needed is not kept for good.
const maxPooledTokens = 1 << 16

func (p *pass) run() []Finding {
	c, a := p.c, p.Article
	buf := tokenBufs.Get().(*[]lex.Token)
	p.buf = (*buf)[:0]
	defer func() {
		if cap(p.buf) <= maxPooledTokens {
			// Cleared, so that the pool does not keep this article's text
			// alive through its tokens' views of it.
			clear(p.buf[:p.bufUsed])
			*buf = p.buf[:0]
			tokenBufs.Put(buf)
		}
		p.buf, p.Toks = nil, nil
	}()
	if !a.Meta.Published.IsZero() {
		p.Pub = a.Meta.Published.First()
		p.HasPub = true
		p.Zones = c.articleZones(a)
	}
	for _, b := range a.Blocks {
		if p.ctx != nil && p.ctx.Err() != nil {
			return nil
		}
		if p.lim.full {
			break
		}
		p.block(b)
	}
	p.End = len(a.Text)
	if p.lim.full {
		p.End = p.lim.cut
	}
	p.judgeArticle()
	p.limitNotices()
	p.Findings = p.suppress()
	SortFindings(p.Findings)
	return p.Findings
}

func (c *Checker) articleZones(a *article.Article) []*time.Location {
	if o := c.outlets[lex.Normalize(a.Meta.Outlet)]; o != nil && o.TZ != nil {
		return []*time.Location{o.TZ}
	}
	return nil
}

// pass is the state of checking one article: what the checks see, and
// what the engine keeps as it reads.
type pass struct {
	analysis.Pass
	c   *Checker
	ctx context.Context // nil, or what stops the pass between sentences
	// buf is the room the tokens of each block are read into: nothing
	// keeps a block's tokens once the next block is read.
	buf     []lex.Token
	bufUsed int // the most of buf a block used
	// dated are the ledger events that event claims of the block were
	// matched to, by the first token of the claim's date.
	dated map[int]*ledger.Event
	// lastEvent is the last event matched with two or more named parties: the
	// event that "the call" later in the article refers to.
	lastEvent *ledger.Event
	// record keeps every claim read, with its verdict (claimlint claims);
	// eventsOnly keeps only event claims, without their text.
	record, eventsOnly bool
	keep               func(*Claim) bool // with eventsOnly: which settled claims to keep
	claims             []*Claim
	// para is what the reading of definite descriptions keeps of the
	// paragraph being read; named, the people the article named so far.
	para  paragraph
	named map[string]*ledger.Entity
	// lim counts the claims read against the cap (limit.go).
	lim limit
}

// sentence is one sentence's tokens and the mentions found in it.
type sentence struct {
	lex.Range
	ments   []mention
	clauses []lex.Range
	denial  int8 // 0 not read yet, 1 no denial, 2 a denial: see isDenied
}

// isDenied reports whether the sentence denies what it says (read once).
func (s *sentence) isDenied(p *pass) bool {
	if s.denial == 0 {
		s.denial = 1
		if p.denied(s.Range) {
			s.denial = 2
		}
	}
	return s.denial == 2
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
	p.buf = lex.TokenizeAppend(p.buf[:0], p.Article.Text, b.Start, b.End)
	p.Toks, p.bufUsed = p.buf, max(p.bufUsed, len(p.buf))
	clear(p.dated)
	for _, r := range lex.Sentences(p.Toks) {
		if p.ctx != nil && p.ctx.Err() != nil {
			return
		}
		if p.lim.full {
			break
		}
		p.sentence(r)
		p.weekdays(r)
	}
	p.judgeDescriptions()
}

func (p *pass) sentence(r lex.Range) {
	ments := p.mentions(r)
	p.descriptions(r, ments)
	if len(ments) == 0 {
		return // every claim starts from something the ledger names
	}
	s := &sentence{Range: r, ments: ments, clauses: lex.Clauses(p.Toks, r)}
	p.titles(s)
	if !p.HasPub {
		return
	}
	for _, cl := range s.clauses {
		if p.lim.full {
			break
		}
		p.events(s, cl)
		p.terms(s, cl)
	}
	p.anniversaries(s)
}

// weekdays hands every date written with its weekday ("Tuesday, December
// 29") to the date checks, with the ledger event its claim was matched to,
// if any. A weekday and a date need no ledger to disagree.
func (p *pass) weekdays(r lex.Range) {
	has := false
	for i := r.Lo; i < r.Hi && !has; i++ {
		_, has = timex.WeekdayName(p.Toks[i])
	}
	if !has {
		return
	}
	es := timex.Find(p.Toks, r.Lo, r.Hi)
	// A year written elsewhere in the sentence is the year of a date
	// without one: "In 2022 the minister spoke on Friday, February 25".
	// Two different years leave it unclear.
	year, years := 0, 0
	for _, e := range es {
		if e.Year != 0 && e.Year != year {
			year, years = e.Year, years+1
		}
	}
	for _, e := range es {
		if !e.HasWd || p.Toks[e.Lo].Quoted {
			continue
		}
		if e.Year == 0 && e.Form == timex.MonthDay && years > 0 {
			if years > 1 {
				continue
			}
			e.Year = year
		}
		p.judgeDate(e, p.dated[e.Lo])
	}
}

// caseFits reports whether the text token may be the phrase as written: a
// capitalized name must be capitalized in the text, an all-capitals one
// ("US") must match exactly.
func caseFits(form string, t lex.Token) bool { return lex.CaseFits(form, t) }

// nameFollows reports whether a name begins at token i, after a determiner if
// one stands there: a capitalized word that begins no date.
func (p *pass) nameFollows(i, hi int) bool {
	if i < hi && p.Toks[i].In(p.Lang.Determiners) {
		i++
	}
	if i >= hi || p.Toks[i].Kind != lex.Word || !p.Toks[i].Upper {
		return false
	}
	// "the invasion of February 2022" dates the anchor: a date is no name.
	es := timex.Find(p.Toks, i, min(i+3, hi))
	return len(es) == 0 || es[0].Lo != i
}

func (p *pass) mentions(r lex.Range) []mention {
	var out []mention
	for i := r.Lo; i < r.Hi; {
		n, vals := p.c.vocab.Longest(p.Toks[i:r.Hi], 0)
		if n == 0 {
			i++
			continue
		}
		m := mention{lo: i, hi: i + n}
		// A phrase the rule files list in several letter cases ("Prime
		// Minister", "prime minister") has a form for each: the token is
		// the phrase if any of them fits, and names its entry once.
		for _, v := range vals {
			if !caseFits(v.form, p.Toks[i]) {
				continue
			}
			switch v.kind {
			case vName:
				m.names = appendNew(m.names, v.ent)
			case vDemonym:
				m.demonym = v.ent
			case vPhrasing:
				m.offices = appendNew(m.offices, v.office)
			case vAnchor:
				m.anchors = appendNew(m.anchors, v.event)
			}
		}
		// An anchor's name followed by "of" and a name of its own is
		// another such event: "the invasion of the Northern March" is not
		// an anchor "invasion" whose longer alias ("invasion of Ruritania")
		// would have matched.
		if len(m.anchors) > 0 && m.hi+1 < r.Hi && p.Toks[m.hi].In(p.Lang.Anniversary.Of) && p.nameFollows(m.hi+1, r.Hi) &&
			!p.titleNames(m.anchors, m.hi+1, r.Hi) {
			m.anchors = nil
		}
		if len(m.names)+len(m.offices)+len(m.anchors) > 0 || m.demonym != nil {
			// A known name followed at once by an unknown capitalized word
			// is part of a longer name ("Wang" in "Wang Wenbin").
			if m.person() != nil && m.hi < r.Hi && continuesName(p.Toks, m.hi-1, m.hi) {
				i += n
				continue
			}
			out = append(out, m)
		}
		i += n
	}
	return out
}

// titleNames reports whether the name at token i (after a determiner, if
// one stands there) is one the anchors' titles name, by itself or its
// country: "Ruritania's invasion of Ostland".
func (p *pass) titleNames(anchors []*ledger.Event, i, hi int) bool {
	if i < hi && p.Toks[i].In(p.Lang.Determiners) {
		i++
	}
	_, vals := p.c.vocab.Longest(p.Toks[i:hi], 0)
	for _, a := range anchors {
		for _, v := range vals {
			if p.inTitle(a, v.ent) {
				return true
			}
		}
	}
	return false
}

// inTitle reports whether event a's title names entity e, by its own name
// or its country's: "Ruritania's invasion of Ostland" names Strelsau, a
// city of Ruritania. A nil e is named by none.
func (p *pass) inTitle(a *ledger.Event, e *ledger.Entity) bool {
	if e == nil {
		return false
	}
	title := strings.ToLower(a.Title)
	for _, id := range []string{e.ID, p.Ledger.CountryOf(e.ID)} {
		if x := p.Ledger.Entity(id); x != nil && strings.Contains(title, strings.ToLower(x.Name)) {
			return true
		}
	}
	return false
}

// appendNew appends x to xs unless it is there already.
func appendNew[T comparable](xs []T, x T) []T {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

func continuesName(toks []lex.Token, last, next int) bool {
	t := toks[next]
	if t.Kind != lex.Word || !t.Upper || t.Start != toks[last].End+1 {
		return false
	}
	if _, ok := timex.WeekdayName(t); ok {
		return false
	}
	return !timex.IsMonthName(t)
}
