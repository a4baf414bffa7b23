// Package wording is the wording check: a pattern from the rule files' wording rules.
// doc.yaml beside it is what claimlint explain wording prints.
package wording

import (
	"bytes"
	_ "embed"
	"slices"
	"sort"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/lex"
)

//go:embed doc.yaml
var doc []byte

// Check is the wording check.
var Check = &analysis.Check{
	ID:       "wording",
	Severity: analysis.Warning,
	Doc:      analysis.MustDoc("wording", doc),
	Article:  run,
}

// run applies the ledger's pattern rules to the prose of the article.
func run(p *analysis.Pass) {
	var lower []byte // the article in lower case, made when a rule needs it
	q := quotes{a: p.Article}
	for _, w := range p.Ledger.Wording {
		if w.Pattern == nil {
			continue
		}
		if !w.After.IsZero() || !w.Before.IsZero() {
			if !p.HasPub || (!w.After.IsZero() && p.Pub.Before(w.After.First())) ||
				(!w.Before.IsZero() && !p.Pub.Before(w.Before.First())) {
				continue
			}
		}
		// One pass over the article's prose (non-prose is blanked to spaces,
		// so no match spans a code block); submatches only where a
		// replacement needs them. An article without the pattern's
		// required text is skipped at once.
		text := p.Article.Text
		if w.Literal != "" {
			hay := text
			if w.Fold {
				if lower == nil {
					lower = bytes.ToLower(text)
				}
				hay = lower
			}
			if !bytes.Contains(hay, []byte(w.Literal)) {
				continue
			}
		}
		var except [][]int // the matches of w.Except, found with the rule's first match
		for _, m := range w.Pattern.FindAllIndex(text, -1) {
			// Past the article's cap the engine read no further, and
			// nor does a rule.
			if m[0] >= p.End {
				break
			}
			// Quoted text is someone's words, left alone as the typed
			// checks leave it, unless the rule asks for it.
			if !w.Quoted && q.in(m[0], m[1]) {
				continue
			}
			// Text the rule's exceptions name is right as it stands.
			if len(w.Except) > 0 && except == nil {
				except = [][]int{}
				for _, e := range w.Except {
					except = append(except, e.FindAllIndex(text, -1)...)
				}
			}
			if slices.ContainsFunc(except, func(e []int) bool { return e[0] <= m[0] && m[1] <= e[1] }) || !p.Take(m[0]) {
				continue
			}
			f := analysis.Finding{
				Severity: w.Severity, // each rule of the ledger says its own
				Offset:   m[0], EndOffset: m[1],
				Message:  w.Message,
				Evidence: analysis.EvidenceOf(w.ID, w.Pos, nil),
			}
			if w.HasFix {
				sub := w.Pattern.FindSubmatchIndex(text[m[0]:m[1]])
				for i := range sub {
					if sub[i] >= 0 {
						sub[i] += m[0]
					}
				}
				rep := string(w.Pattern.Expand(nil, []byte(w.Replacement), text, sub))
				f.Fix = &analysis.Fix{Offset: f.Offset, EndOffset: f.EndOffset, Replacement: rep}
				f.Expected = rep
			}
			p.Report(f)
		}
	}
}

// quotes tells whether text of the article lies inside quotation marks,
// as the typed checks read them: tokens of a prose block, marked by the
// lexer. A block is tokenized the first time a match falls in it.
type quotes struct {
	a    *article.Article
	toks map[int][]lex.Token // by block
}

// in reports whether the first word of text [lo, hi) is quoted.
func (q *quotes) in(lo, hi int) bool {
	bs := q.a.Blocks
	b := sort.Search(len(bs), func(i int) bool { return bs[i].End > lo })
	if b == len(bs) || bs[b].Start > lo {
		return false
	}
	toks, ok := q.toks[b]
	if !ok {
		if q.toks == nil {
			q.toks = map[int][]lex.Token{}
		}
		toks = lex.Tokenize(q.a.Text, bs[b].Start, bs[b].End)
		q.toks[b] = toks
	}
	for i := sort.Search(len(toks), func(i int) bool { return toks[i].End > lo }); i < len(toks) && toks[i].Start < hi; i++ {
		if t := toks[i]; t.Kind != lex.Punct {
			return t.Quoted
		}
	}
	return false
}
