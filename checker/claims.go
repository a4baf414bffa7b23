package checker

import (
	"sort"
	"strings"

	"github.com/claimlint/claimlint/checker/article"
)

// Verdicts a claim can get.
const (
	Consistent   = "consistent"
	Contradicted = "contradicted"
	NotCovered   = "not covered"
)

// Claim is one thing an article says that claimlint read and judged: what
// kind of claim, where, its values resolved (dates against the publication
// date, people as entity ids), and the verdict.
type Claim struct {
	Kind      string            `json:"kind"` // title, event, anniversary, office-term
	Path      string            `json:"path"`
	Line      int               `json:"line"`
	Column    int               `json:"column"`
	EndLine   int               `json:"endLine"`
	EndColumn int               `json:"endColumn"`
	Offset    int               `json:"offset"`
	EndOffset int               `json:"endOffset"`
	Text      string            `json:"text"`
	Values    map[string]string `json:"values"`
	Verdict   string            `json:"verdict"`
	Ledger    string            `json:"ledger,omitempty"`   // the entry judged against
	Findings  []string          `json:"findings,omitempty"` // what contradicts it
	Reason    string            `json:"reason,omitempty"`   // why it is not covered
	before    int               // findings reported before the claim was judged
}

// Claims checks an article and returns every claim read, with its verdict,
// beside the findings Check would return.
func (c *Checker) Claims(a *article.Article) ([]Claim, []Finding) {
	p := &pass{c: c, a: a, record: true}
	fs := p.run()
	out := make([]Claim, 0, len(p.claims))
	for _, cl := range p.claims {
		out = append(out, *cl)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	return out, fs
}

// claim opens a claim over tokens [lo, hi) when claims are being recorded.
func (p *pass) claim(kind string, lo, hi int, values map[string]string) *Claim {
	if !p.record || lo >= hi {
		return nil
	}
	cl := &Claim{Kind: kind, Path: p.a.Path, Offset: p.toks[lo].Start, EndOffset: p.toks[hi-1].End,
		Values: values, before: len(p.findings)}
	cl.Line, cl.Column = p.a.Position(cl.Offset)
	cl.EndLine, cl.EndColumn = p.a.Position(cl.EndOffset)
	cl.Text = strings.Join(strings.Fields(string(p.a.Src[cl.Offset:cl.EndOffset])), " ")
	p.claims = append(p.claims, cl)
	return cl
}

// settle gives a claim its verdict: contradicted when findings were reported
// since it opened, not covered when there is a reason, consistent otherwise.
func (p *pass) settle(cl *Claim, ledgerID, reason string) {
	if cl == nil || cl.Verdict != "" {
		return
	}
	cl.Ledger = ledgerID
	switch {
	case len(p.findings) > cl.before:
		cl.Verdict = Contradicted
		for _, f := range p.findings[cl.before:] {
			cl.Findings = append(cl.Findings, f.Message+" ["+f.Rule+"]")
		}
	case reason != "":
		cl.Verdict, cl.Reason = NotCovered, reason
	default:
		cl.Verdict = Consistent
	}
}
