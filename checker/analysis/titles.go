package analysis

import (
	"strings"

	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
)

// How the title checks write another office's title in place of the one a
// claim names.

// Rewritten returns the title of office h to write in place of the claimed
// phrase when one of h's phrasings is that phrase written shorter
// ("Defence Minister" in "Deputy Defence Minister": the article's own words
// are kept) or longer ("President-elect" for "President"), or "".
func (p *Pass) Rewritten(tc *TitleClaim, h *ledger.Office) string {
	claimed := p.Toks[tc.PhraseLo:tc.PhraseHi]
	for _, ph := range h.Phrasings {
		pt := lex.Tokenize([]byte(ph), 0, len(ph))
		if at := within(pt, claimed); at >= 0 {
			return p.Text(tc.PhraseLo+at, tc.PhraseLo+at+len(pt))
		}
		if within(claimed, pt) >= 0 {
			return p.Cased(tc, ph)
		}
	}
	return ""
}

// within returns where the words of a stand in b, in a row, or -1; a must
// be shorter.
func within(a, b []lex.Token) int {
	if len(a) == 0 || len(a) >= len(b) {
		return -1
	}
	for i := 0; i+len(a) <= len(b); i++ {
		ok := true
		for j := range a {
			if a[j].Norm != b[i+j].Norm {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// Cased writes a phrasing of the rule file in the case of the claimed
// title: in lower case when the article writes it so ("defence minister"),
// keeping words in capitals ("PM", "U.N.").
func (p *Pass) Cased(tc *TitleClaim, ph string) string {
	if strings.ContainsFunc(p.Text(tc.PhraseLo, tc.PhraseHi), func(r rune) bool { return r >= 'A' && r <= 'Z' }) {
		return ph
	}
	words := strings.Fields(ph)
	for i, w := range words {
		if strings.ToUpper(w) != w {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}
