package analysis

import (
	"fmt"
	"time"

	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/lang"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
)

// Pass is what a check sees of one article: the ledger, the article, the
// tokens of the block being read, the publication date, and Report.
type Pass struct {
	Ledger  *ledger.Ledger
	Index   *Index
	Article *article.Article
	Toks    []lex.Token      // the tokens of the block being read; claims index into them
	Pub     time.Time        // the publication day, when HasPub
	HasPub  bool             // whether the article has a publication date
	Zones   []*time.Location // the outlet's time zone, if the ledger knows it
	Lang    *lang.Lang       // the words the engine reads

	// Findings are the findings reported so far, in order. Checks add to
	// them only through Report; the engine reads them to settle claims.
	Findings []Finding

	// MaxClaims caps what one article is read for: the claims the engine
	// reads, and, counted apart, the matches Take counts. Past it the rest
	// of the article is not read (0: no cap).
	MaxClaims int
	// End is where the engine stopped reading claims: the article's
	// length, unless the cap stopped it before. A check of the whole
	// article (a wording rule) looks only before it. The engine sets it
	// before the article hooks run.
	End int
	// Refused is set when Take refused a match; RefusedAt is the first in
	// the text that it refused. The engine then says, in a notice, that
	// from there on not every match was reported.
	Refused   bool
	RefusedAt int

	taken int
	check *Check
}

// Take counts one match at offset off that a check finds for itself in the
// article's text (a wording rule's) against the article's cap, and reports
// whether the check may report it: once the cap is reached it refuses this
// match and every one after.
func (p *Pass) Take(off int) bool {
	if p.MaxClaims > 0 && p.taken >= p.MaxClaims {
		if !p.Refused || off < p.RefusedAt {
			p.Refused, p.RefusedAt = true, off
		}
		return false
	}
	p.taken++
	return true
}

// Use makes c the check whose findings Report makes. The engine calls it
// before each hook.
func (p *Pass) Use(c *Check) { p.check = c }

// Report adds a finding of the check in use: it fills in the rule id, the
// check's severity (unless the finding sets one, as a wording rule of the
// ledger does), the path, and the lines and columns of its offsets.
func (p *Pass) Report(f Finding) { p.ReportAs(p.check, f) }

// ReportAs adds a finding of check c, for the stages of the engine that are
// not a check's hook (publication date, directives).
func (p *Pass) ReportAs(c *Check, f Finding) {
	f.Rule = c.ID
	if f.Severity == "" {
		f.Severity = c.Severity
	}
	a := p.Article
	f.Path = a.Path
	f.Line, f.Column = a.Position(f.Offset)
	f.EndLine, f.EndColumn = a.Position(f.EndOffset)
	f.ByteCol, f.EndByteCol = a.ByteColumn(f.Offset), a.ByteColumn(f.EndOffset)
	if f.Found == "" && f.EndOffset > f.Offset {
		f.Found = string(a.Src[f.Offset:f.EndOffset])
	}
	if x := f.Fix; x != nil && x.Message == "" && 0 <= x.Offset && x.Offset <= x.EndOffset && x.EndOffset <= len(a.Src) {
		x.Message = FixMessage(string(a.Src[x.Offset:x.EndOffset]), x.Replacement)
	}
	p.Findings = append(p.Findings, f)
}

// Text returns the source text of tokens [lo, hi).
func (p *Pass) Text(lo, hi int) string {
	if lo >= hi {
		return ""
	}
	return string(p.Article.Src[p.Toks[lo].Start:p.Toks[hi-1].End])
}

// Fixed returns the source text of tokens [lo, hi) with fix f applied;
// f must lie inside them.
func (p *Pass) Fixed(lo, hi int, f *Fix) string {
	src, a, b := p.Article.Src, p.Toks[lo].Start, p.Toks[hi-1].End
	if f == nil || f.Offset < a || f.EndOffset > b {
		return string(src[a:b])
	}
	return string(src[a:f.Offset]) + f.Replacement + string(src[f.EndOffset:b])
}

// Has reports whether any token in [lo, hi) is one of words.
func (p *Pass) Has(lo, hi int, words ...string) bool {
	for i := lo; i < hi; i++ {
		if p.Toks[i].Is(words...) {
			return true
		}
	}
	return false
}

// Fix is a replacement of tokens [lo, hi) by rep.
func (p *Pass) Fix(lo, hi int, rep string) *Fix {
	return &Fix{Offset: p.Toks[lo].Start, EndOffset: p.Toks[hi-1].End, Replacement: rep}
}

// LedgerPass is what a check of the rule files sees: the ledger, and Report.
type LedgerPass struct {
	Ledger   *ledger.Ledger
	Findings []Finding
	check    *Check
}

// Use makes c the check whose findings Report makes.
func (p *LedgerPass) Use(c *Check) { p.check = c }

// Report adds a finding on the rule file at an entry's position; id is the
// entry, and the message is formatted as by fmt.Sprintf.
func (p *LedgerPass) Report(pos ledger.Pos, id, format string, args ...any) {
	// An entry's position is where its item starts, after indentation
	// and "- ": its column in characters is its column in bytes.
	line, col := max(pos.Line, 1), max(pos.Col, 1)
	p.Findings = append(p.Findings, Finding{
		Path: pos.File, Line: line, Column: col, EndLine: line, EndColumn: col,
		ByteCol: col, EndByteCol: col,
		Rule: p.check.ID, Severity: p.check.Severity, Message: fmt.Sprintf(format, args...), Found: id,
	})
}
