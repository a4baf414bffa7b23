package lex

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/claimlint/claimlint/checker/lang"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzTokenizeASCII checks the tokenizer's ASCII fast path against
// slowTokenize, the tokenizer as it was before it: every rune decoded and
// classed by the unicode tables. The two must agree on every text.
func FuzzTokenizeASCII(f *testing.F) {
	for _, s := range []string{
		"Ada Example met Bo Sample in the U.S. on Tuesday, Jan. 5, 2025.",
		"Ruritania’s 3rd and the U.K.'s 70th: “don't” O'Brien's ‘quote’.",
		"e.g. a.b. X.Y.Z A. B 1,000.5 2025th 12abc ٣ ३ naïve Zoë Ünal\tx\vy\fz\r\n",
		"'s ’s it's ‘ ’ \" \u00a0 \u0085 café’s",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := []byte(s)
		got := Tokenize(text, 0, len(text))
		want := slowTokenize(text, 0, len(text))
		if d := cmp.Diff(want, got, cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("fast path differs on %q (-slow +fast):\n%s", s, d)
		}
	})
}

func slowTokenize(text []byte, i, end int) []Token {
	var toks []Token
	slowMk := func(i, j int, k Kind) Token {
		s := string(text[i:j])
		r, _ := utf8.DecodeRuneInString(s)
		norm := strings.ReplaceAll(strings.ToLower(s), "’", "'")
		return Token{Start: i, End: j, Kind: k, Text: s, Norm: norm, ID: lang.Lexicon()[norm], Upper: unicode.IsUpper(r)}
	}
	for i < end {
		r, n := utf8.DecodeRune(text[i:end])
		switch {
		case unicode.IsSpace(r):
			i += n
		case r >= '0' && r <= '9':
			j := scanNumber(text, i, end)
			kind := Number
			if k := scanLetters(text, j, end); k > j {
				if ordinalSuffixes.Has(strings.ToLower(string(text[j:k]))) {
					kind = Ordinal
				} else {
					kind = Word
				}
				j = k
			}
			toks = append(toks, slowMk(i, j, kind))
			i = j
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			j := slowScanWord(text, i, end)
			toks = append(toks, slowMk(i, j, Word))
			i = j
			if p := possessive(text, i, end); p > i {
				toks = append(toks, slowMk(i, p, Possessive))
				i = p
			}
		default:
			toks = append(toks, slowMk(i, i+n, Punct))
			i += n
		}
	}
	markQuotes(toks)
	return toks
}

func slowScanWord(text []byte, i, end int) int {
	if j := scanInitialism(text, i, end); j > i {
		return j
	}
	j := i
	for j < end {
		r, n := utf8.DecodeRune(text[j:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += n
			continue
		}
		if isApos(r) && j+n < end {
			r2, _ := utf8.DecodeRune(text[j+n : end])
			if unicode.IsLetter(r2) && possessive(text, j, end) == j {
				j += n
				continue
			}
		}
		break
	}
	return j
}
