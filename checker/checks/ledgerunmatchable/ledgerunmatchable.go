// Package ledgerunmatchable is the ledger-unmatchable check: an alias,
// demonym or phrasing that can never match.
// doc.yaml beside it is what claimlint explain ledger-unmatchable prints.
package ledgerunmatchable

import (
	_ "embed"
	"strings"

	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
)

//go:embed doc.yaml
var doc []byte

// Check is the ledger-unmatchable check.
var Check = &analysis.Check{
	ID:       "ledger-unmatchable",
	Severity: analysis.Warning,
	Doc:      analysis.MustDoc("ledger-unmatchable", doc),
	Ledger:   run,
}

// run reports every phrase of the ledger that no article can match.
func run(p *analysis.LedgerPass) {
	l := p.Ledger
	// The country each demonym is read as: the last that lists it.
	readAs := map[string]*ledger.Entity{}
	for _, e := range l.Entities {
		for _, d := range e.Demonyms {
			readAs[key(d)] = e
		}
	}
	for _, e := range l.Entities {
		what := "alias"
		for _, a := range e.Aliases {
			if a == e.Name {
				what = "name"
			} else {
				what = "alias"
			}
			phrase(p, e.Pos, e.ID, what, a)
		}
		for _, d := range e.Demonyms {
			if !phrase(p, e.Pos, e.ID, "demonym", d) {
				continue
			}
			if c := readAs[key(d)]; c != e {
				p.Report(e.Pos, e.ID, "demonym %q of %s can never match: %s (%s), listed later, has it too, and every mention of it is read as %s's",
					d, e.ID, c.ID, c.Pos, c.ID)
			}
		}
	}
	for _, o := range l.Offices {
		for _, ph := range o.Phrasings {
			phrase(p, o.Pos, o.ID, "phrasing", ph)
		}
	}
	for _, ev := range l.Events {
		if ev.Kind != ledger.Anchor {
			continue
		}
		for _, a := range ev.Aliases {
			phrase(p, ev.Pos, ev.ID, "alias", a)
		}
	}
}

// phrase reports a phrase that can never match on its own, and says
// whether it can.
func phrase(p *analysis.LedgerPass, pos ledger.Pos, id, what, text string) bool {
	toks := lex.Tokenize([]byte(text), 0, len(text))
	hasWord := false
	for _, t := range toks {
		if t.Kind == lex.Word || t.Kind == lex.Number || t.Kind == lex.Ordinal {
			hasWord = true
		}
	}
	if !hasWord {
		p.Report(pos, id, "%s %q of %s can never match a name: it has no word in it", what, text, id)
		return false
	}
	if why := lex.CaseTrap(text); why != "" {
		p.Report(pos, id, "%s %q of %s can never match: %s", what, text, id, why)
		return false
	}
	return true
}

// key is a phrase as the matcher looks it up: its tokens, normalized.
func key(s string) string {
	toks := lex.Tokenize([]byte(s), 0, len(s))
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Norm
	}
	return strings.Join(parts, " ")
}
