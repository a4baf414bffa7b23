package lex

import (
	"strings"
	"unicode"
)

// CaseFits reports whether token t may be the first token of phrase form,
// as the rule files write it: a capitalized form must be capitalized in the
// text, an all-capitals one ("US") must match exactly; a form in lower
// case fits any letter case.
func CaseFits(form string, t Token) bool {
	w, ok := firstWord(form)
	if !ok {
		return false
	}
	letters, upper := caseCounts(w)
	if letters >= 2 && upper == letters && !strings.Contains(w, ".") {
		return strings.HasPrefix(t.Text, w)
	}
	if upper > 0 {
		return t.Upper
	}
	return true
}

// CaseTrap explains why form, written as listed, can never fit a token of
// any text (CaseFits is false on its own first token), or returns "".
func CaseTrap(form string) string {
	toks := Tokenize([]byte(form), 0, len(form))
	if len(toks) == 0 || CaseFits(form, toks[0]) {
		return ""
	}
	w, _ := firstWord(form)
	if letters, upper := caseCounts(w); letters >= 2 && upper == letters && !strings.Contains(w, ".") {
		return "its first word " + quote(w) + " is all capitals and must be found whole, but the text splits it at " +
			quote(toks[0].Text) + ": write its parts as separate words"
	}
	return "its first word " + quote(w) + " has a capital letter but does not begin with one: write it as articles do, or in lower case"
}

func firstWord(form string) (string, bool) {
	f := strings.Fields(form)
	if len(f) == 0 {
		return "", false
	}
	return f[0], true
}

func caseCounts(w string) (letters, upper int) {
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters, upper
}

func quote(s string) string { return `"` + s + `"` }
