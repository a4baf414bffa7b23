// Package wording is the wording check: a pattern from the rule files' wording rules.
// doc.yaml beside it is what claimlint explain wording prints.
package wording

import (
	"bytes"
	_ "embed"
	"regexp"
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
		ex := exceptions{a: p.Article, res: w.Except}
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
			if ex.cover(m[0], m[1]) || !p.Take(m[0]) {
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

// exceptions tells whether a match lies inside a match of one of a rule's
// except patterns, looked for in the paragraph around the match: the lines
// about it up to a blank line, or a line that holds no prose (in an
// article's text, non-prose is blanked to spaces). An exception is looked
// for the first time a match falls in a paragraph, never over the whole
// article: case-insensitive patterns that must find word boundaries are
// slow on long text.
type exceptions struct {
	a          *article.Article
	res        []*regexp.Regexp
	start, end int     // the paragraph of spans
	spans      [][]int // the except matches in it, offsets into the article
}

func (x *exceptions) cover(lo, hi int) bool {
	if len(x.res) == 0 {
		return false
	}
	if x.end == 0 || lo < x.start || hi > x.end {
		x.start, x.end = paragraph(x.a.Text, lo, hi)
		x.spans = x.spans[:0]
		for _, re := range x.res {
			for _, e := range re.FindAllIndex(x.a.Text[x.start:x.end], -1) {
				x.spans = append(x.spans, []int{x.start + e[0], x.start + e[1]})
			}
		}
	}
	return slices.ContainsFunc(x.spans, func(e []int) bool { return e[0] <= lo && hi <= e[1] })
}

// paragraph returns the run of lines of text around [lo, hi) that no blank
// line breaks.
func paragraph(text []byte, lo, hi int) (start, end int) {
	start = bytes.LastIndexByte(text[:lo], '\n') + 1
	for start > 0 {
		prev := bytes.LastIndexByte(text[:start-1], '\n') + 1
		if blank(text[prev : start-1]) {
			break
		}
		start = prev
	}
	end = len(text)
	if i := bytes.IndexByte(text[hi:], '\n'); i >= 0 {
		end = hi + i
	}
	for end < len(text) {
		next := len(text)
		if i := bytes.IndexByte(text[end+1:], '\n'); i >= 0 {
			next = end + 1 + i
		}
		if blank(text[end+1 : next]) {
			break
		}
		end = next
	}
	return start, end
}

func blank(line []byte) bool { return len(bytes.Trim(line, " \t\r")) == 0 }

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
