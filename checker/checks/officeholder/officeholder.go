// Package officeholder is the office-holder check: a title naming an office the person never held.
// doc.yaml beside it is what claimlint explain office-holder prints.
package officeholder

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
)

//go:embed doc.yaml
var doc []byte

// Check is the office-holder check.
var Check = &analysis.Check{
	ID:       "office-holder",
	Severity: analysis.Error,
	Doc:      analysis.MustDoc("office-holder", doc),
	Title:    run,
}

func run(p *analysis.Pass, tc *analysis.TitleClaim) string {
	if h, _ := tc.Office.Holds(tc.Person.ID, p.Pub); h != ledger.DoesNotHold || tc.Office.EverHeld(tc.Person.ID) {
		return ""
	}
	return wrongOffice(p, tc)
}

// wrongOffice reports a title the person never held, when the ledger knows
// who held it on the publication date.
func wrongOffice(p *analysis.Pass, tc *analysis.TitleClaim) string {
	startOff := p.Toks[tc.Start].Start
	endOff := p.Toks[tc.PersonHi-1].End
	o, who := tc.Office, tc.Person
	if o.UncertainOn(p.Pub) {
		return "a term boundary in the ledger is too coarse to judge this date"
	}
	holders := o.HoldersOn(p.Pub)
	if len(holders) == 0 {
		return "the ledger names no holder of the office on that day"
	}
	var names []string
	for _, t := range holders {
		names = append(names, p.Ledger.Entity(t.Holder).Name)
	}
	verb := "is"
	if len(names) > 1 {
		verb = "are"
	}
	msg := fmt.Sprintf("%s is not %s on %s: %s %s", who.Name, o.Title, analysis.DateText(p.Pub), strings.Join(names, ", "), verb)
	f := analysis.Finding{
		Offset: startOff, EndOffset: endOff,
		Evidence: analysis.EvidenceOf(o.ID, holders[0].Pos, holders[0].Sources),
	}
	if held, term := heldInBody(p, o, who); held != nil {
		msg += fmt.Sprintf("; %s is %s", who.Name, held.Title)
		f.Expected = held.Title
		if i, word := oneWordSwap(tc, p.Toks, held); word != "" {
			f.Fix = &analysis.Fix{Offset: p.Toks[i].Start, EndOffset: p.Toks[i].End, Replacement: word}
			f.Expected = string(p.Article.Src[startOff:p.Toks[i].Start]) + word + string(p.Article.Src[p.Toks[i].End:endOff])
		}
		f.Evidence = analysis.EvidenceOf(held.ID, term.Pos, term.Sources)
		f.Evidence.ID = o.ID + ", " + held.ID
	}
	f.Message = msg
	p.Report(f)
	return ""
}

// heldInBody finds another office of the same body that the person holds
// on the publication date; an office of no body has none.
func heldInBody(p *analysis.Pass, o *ledger.Office, who *ledger.Entity) (*ledger.Office, *ledger.Term) {
	if o.Body == "" {
		return nil, nil
	}
	for _, h := range p.Index.InBody(o.Body) {
		if h == o {
			continue
		}
		if ok, term := h.Holds(who.ID, p.Pub); ok == ledger.Holds {
			return h, term
		}
	}
	return nil, nil
}

// oneWordSwap finds a phrasing of held that differs from the matched phrase
// in exactly one word, and returns that word's token and its replacement.
func oneWordSwap(tc *analysis.TitleClaim, toks []lex.Token, held *ledger.Office) (int, string) {
	n := tc.PhraseHi - tc.PhraseLo
	for _, ph := range held.Phrasings {
		pt := lex.Tokenize([]byte(ph), 0, len(ph))
		if len(pt) != n {
			continue
		}
		diff, at := 0, -1
		for j := range pt {
			if pt[j].Norm != toks[tc.PhraseLo+j].Norm {
				diff++
				at = j
			}
		}
		if diff == 1 {
			word := pt[at].Text
			if toks[tc.PhraseLo+at].Upper {
				word = strings.ToUpper(word[:1]) + word[1:]
			}
			return tc.PhraseLo + at, word
		}
	}
	return -1, ""
}
