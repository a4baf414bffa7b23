package checker

import (
	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/checks"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/timex"
)

// hooks are the checks of checks.All that have each hook, in list order.
type hooks struct {
	title, event, date, term, anniversary, article, ledger []*analysis.Check
}

func hooksOf(all []*analysis.Check) hooks {
	var h hooks
	for _, c := range all {
		if c.Title != nil {
			h.title = append(h.title, c)
		}
		if c.Event != nil || c.Attribute != nil {
			h.event = append(h.event, c)
		}
		if c.Date != nil {
			h.date = append(h.date, c)
		}
		if c.Term != nil {
			h.term = append(h.term, c)
		}
		if c.Anniversary != nil {
			h.anniversary = append(h.anniversary, c)
		}
		if c.Article != nil {
			h.article = append(h.article, c)
		}
		if c.Ledger != nil {
			h.ledger = append(h.ledger, c)
		}
	}
	return h
}

var defaultHooks = hooksOf(checks.All)

// judge runs one hook of each check in cs and returns the first reason one
// gave for not judging the claim, or "".
func (p *pass) judge(cs []*analysis.Check, run func(*analysis.Check) string) string {
	if p.lim.refused {
		return "" // a claim past the cap is not read
	}
	reason := ""
	for _, c := range cs {
		p.Use(c)
		if r := run(c); reason == "" {
			reason = r
		}
	}
	return reason
}

func (p *pass) judgeTitle(tc *analysis.TitleClaim) string {
	if !p.HasPub {
		return "no publication date"
	}
	return p.judge(defaultHooks.title, func(c *analysis.Check) string { return c.Title(&p.Pass, tc) })
}

// judgeEvent hands an event claim and its match to the event checks, and
// reports whether any of them reported a finding.
func (p *pass) judgeEvent(ec *eventClaim, m *analysis.Match) bool {
	before := len(p.Findings)
	p.judge(defaultHooks.event, func(c *analysis.Check) string {
		if c.Event != nil {
			c.Event(&p.Pass, ec.EventClaim, m)
		}
		if e := m.Attributes(); c.Attribute != nil && e != nil {
			c.Attribute(&p.Pass, ec.EventClaim, e)
		}
		return ""
	})
	return len(p.Findings) > before
}

func (p *pass) judgeDate(e timex.Expr, ev *ledger.Event) {
	if !p.take(p.Toks[e.Lo].Start) {
		return
	}
	p.judge(defaultHooks.date, func(c *analysis.Check) string { c.Date(&p.Pass, e, ev); return "" })
}

func (p *pass) judgeTerm(tc *analysis.TermClaim) string {
	return p.judge(defaultHooks.term, func(c *analysis.Check) string { return c.Term(&p.Pass, tc) })
}

func (p *pass) judgeAnniversary(ac *analysis.AnniversaryClaim) string {
	return p.judge(defaultHooks.anniversary, func(c *analysis.Check) string { return c.Anniversary(&p.Pass, ac) })
}

func (p *pass) judgeArticle() {
	p.lim.refused = false // the article's hooks run whatever the cap
	p.judge(defaultHooks.article, func(c *analysis.Check) string { c.Article(&p.Pass); return "" })
}
