// Package lex splits prose into tokens, sentences and clauses, keeping the
// byte offset of every token, and matches phrases (names, titles) against
// the tokens with a trie, leftmost-longest and on whole words only.
//
// It is a small scanner rather than a general NLP library: news text needs
// "U.S." kept whole, "Russia’s" split into a name and a possessive, and
// positions that are never recovered by searching the text again.
package lex

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/claimlint/claimlint/checker/lang"
)

// Kind is a token's class.
type Kind uint8

// Token kinds.
const (
	Word       Kind = iota + 1
	Number          // 2025, 23, 1,000
	Ordinal         // 70th, 21st
	Possessive      // 's or ’s after a word
	Punct           // any other single character
)

// Token is a word, number or punctuation mark, at [Start, End) bytes.
type Token struct {
	Start, End int
	Kind       Kind
	Text       string    // as written
	Norm       string    // lower case, with ’ written as '
	ID         lang.Word // Norm's number in the language's lexicon; 0: in no set of words
	Upper      bool      // first letter is upper case
	Quoted     bool      // inside quotation marks
}

// In reports whether the token's word is in the set.
func (t Token) In(s lang.Set) bool { return s.HasWord(t.ID) }

// Is reports whether the token's normal form is one of words.
func (t Token) Is(words ...string) bool {
	for _, w := range words {
		if t.Norm == w {
			return true
		}
	}
	return false
}

// Tokenize splits text[start:end] into tokens. Offsets are into text.
//
// A token's Text views text's bytes rather than copying them: text must not
// change while the tokens are in use (an article's text never does).
func Tokenize(text []byte, start, end int) []Token {
	return TokenizeAppend(make([]Token, 0, (end-start)/5+4), text, start, end) // about one token in five bytes of prose
}

// TokenizeAppend is Tokenize that appends the tokens to toks and returns
// the extended slice: a reader of many blocks reuses one slice's room.
func TokenizeAppend(toks []Token, text []byte, start, end int) []Token {
	first := len(toks)
	ids := lang.Lexicon()
	i := start
	for i < end {
		// ASCII, most of any text, is classed without decoding a rune or
		// asking the unicode tables: its letters are a-z and A-Z, its
		// digits 0-9, its spaces these six, and the rest is punctuation.
		if c := text[i]; c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
				i++
				continue
			case isASCIILetter(c):
				toks, i = appendWord(toks, ids, text, i, end)
				continue
			case c < '0' || c > '9':
				toks = append(toks, mk(ids, text, i, i+1, Punct))
				i++
				continue
			}
		}
		r, n := utf8.DecodeRune(text[i:end])
		switch {
		case unicode.IsSpace(r):
			i += n
		case r >= '0' && r <= '9':
			j := scanNumber(text, i, end)
			kind := Number
			if k := scanLetters(text, j, end); k > j {
				suf := strings.ToLower(string(text[j:k]))
				if ordinalSuffixes.Has(suf) {
					kind = Ordinal
				} else {
					kind = Word
				}
				j = k
			}
			toks = append(toks, mk(ids, text, i, j, kind))
			i = j
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			// Letters, and digits other than 0-9 (٣, ३), read as a word.
			toks, i = appendWord(toks, ids, text, i, end)
		default:
			toks = append(toks, mk(ids, text, i, i+n, Punct))
			i += n
		}
	}
	markQuotes(toks[first:])
	return toks
}

// appendWord appends the word at i, and its possessive if one follows, and
// returns where they end.
func appendWord(toks []Token, ids map[string]lang.Word, text []byte, i, end int) ([]Token, int) {
	j := scanWord(text, i, end)
	toks = append(toks, mk(ids, text, i, j, Word))
	if p := possessive(text, j, end); p > j {
		toks = append(toks, mk(ids, text, j, p, Possessive))
		j = p
	}
	return toks, j
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func mk(ids map[string]lang.Word, text []byte, i, j int, k Kind) Token {
	s := unsafe.String(&text[i], j-i) // a view, not a copy: see Tokenize
	var upper bool
	if c := s[0]; c < utf8.RuneSelf {
		upper = c >= 'A' && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(s)
		upper = unicode.IsUpper(r)
	}
	norm := Normalize(s)
	return Token{Start: i, End: j, Kind: k, Text: s, Norm: norm, ID: ids[norm], Upper: upper}
}

// Normalize lower-cases s and writes curly apostrophes as straight ones.
// Lower-case ASCII, most of any text, is returned as it is.
func Normalize(s string) string {
	upper, ascii := false, true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			ascii = false
			break
		} else if c >= 'A' && c <= 'Z' {
			upper = true
		}
	}
	switch {
	case ascii && !upper:
		return s
	case ascii:
		return strings.ToLower(s)
	}
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

// scanWord reads letters and digits, apostrophes inside a word (don't,
// O'Brien, but not a possessive 's), and initialisms such as U.S. whole.
func scanWord(text []byte, i, end int) int {
	// An initialism begins with a letter and a full stop.
	if text[i] >= utf8.RuneSelf || i+1 < end && text[i+1] == '.' {
		if j := scanInitialism(text, i, end); j > i {
			return j
		}
	}
	j := i
	for j < end {
		if c := text[j]; c < utf8.RuneSelf && c != '\'' {
			if isASCIILetter(c) || c >= '0' && c <= '9' {
				j++
				continue
			}
			break
		}
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

// scanInitialism matches two or more "X." pairs: U.S., U.K., E.U.
func scanInitialism(text []byte, i, end int) int {
	j, pairs := i, 0
	for j < end {
		r, n := utf8.DecodeRune(text[j:end])
		if !unicode.IsLetter(r) || j+n >= end || text[j+n] != '.' {
			break
		}
		j += n + 1
		pairs++
	}
	if pairs < 2 {
		return i
	}
	if j < end {
		if r, _ := utf8.DecodeRune(text[j:end]); unicode.IsLetter(r) {
			return i
		}
	}
	return j
}

// possessive returns the end of an 's or ’s at i, or i when there is none.
func possessive(text []byte, i, end int) int {
	if i >= end {
		return i
	}
	r, n := utf8.DecodeRune(text[i:end])
	if !isApos(r) || i+n >= end || (text[i+n] != 's' && text[i+n] != 'S') {
		return i
	}
	k := i + n + 1
	if k < end {
		if r2, _ := utf8.DecodeRune(text[k:end]); unicode.IsLetter(r2) || unicode.IsDigit(r2) {
			return i
		}
	}
	return k
}

func scanNumber(text []byte, i, end int) int {
	j := i
	for j < end {
		c := text[j]
		if c >= '0' && c <= '9' {
			j++
			continue
		}
		if (c == ',' || c == '.') && j+1 < end && text[j+1] >= '0' && text[j+1] <= '9' && j > i {
			j++
			continue
		}
		break
	}
	return j
}

func scanLetters(text []byte, i, end int) int {
	j := i
	for j < end {
		r, n := utf8.DecodeRune(text[j:end])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return j
}

// markQuotes marks the tokens between quotation marks. A quotation left
// open runs to the end of the tokens (the end of the paragraph).
func markQuotes(toks []Token) {
	double, single := false, false
	for i := range toks {
		t := &toks[i]
		if t.Kind == Punct {
			switch t.Text {
			case "“":
				double = true
				continue
			case "”":
				double = false
				continue
			case "\"":
				double = !double
				continue
			case "‘":
				single = true
				continue
			case "’":
				if single {
					single = false
					continue
				}
			}
		}
		t.Quoted = double || single
	}
}

// Range is a half-open range of token indexes.
type Range struct{ Lo, Hi int }

// abbreviations end in a full stop that ends no sentence.
var abbreviations = lang.English.Text.Abbreviations

// ordinalSuffixes after a number make an ordinal: 3rd, 70th.
var ordinalSuffixes = lang.English.Text.OrdinalSuffixes

// Sentences splits tokens into sentences: after ., ! or ? (and any closing
// quotes or brackets) when the next token starts a sentence, unless the
// period ends an abbreviation such as "Mr." or "Feb.".
func Sentences(toks []Token) []Range {
	var out []Range
	lo := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != Punct || (t.Text != "." && t.Text != "!" && t.Text != "?" && t.Text != "…") {
			continue
		}
		if t.Text == "." && i > 0 {
			prev := toks[i-1]
			if prev.End == t.Start && prev.Kind == Word && (prev.In(abbreviations) || utf8.RuneCountInString(prev.Text) == 1) {
				continue
			}
		}
		j := i + 1
		for j < len(toks) && toks[j].Kind == Punct && strings.Contains(`"”’')]`, toks[j].Text) {
			j++
		}
		if j < len(toks) && !startsSentence(toks[j]) {
			continue
		}
		out = append(out, Range{lo, j})
		lo = j
		i = j - 1
	}
	if lo < len(toks) {
		out = append(out, Range{lo, len(toks)})
	}
	return out
}

func startsSentence(t Token) bool {
	switch t.Kind {
	case Word:
		return t.Upper
	case Number, Ordinal:
		return true
	case Punct:
		return strings.Contains(`"“‘'(`, t.Text)
	}
	return false
}

// clauseWords start a new clause after a comma.
var clauseWords = lang.English.Text.ClauseWords

// listAnd ends a list of names ("A, B, and C"), and listArticles may
// stand before its last name ("and the United States").
var (
	listAnd      = lang.English.Text.ListAnd
	listArticles = lang.English.Text.ListArticles
)

// Clauses splits a sentence at semicolons, colons, dashes and brackets, and
// at commas followed by a conjunction or relative pronoun ("…, which …").
// serialComma reports whether the comma at i, before "and", ends a list of
// names rather than a clause: "Russia, Ukraine, and the United States".
// A name must stand before the comma and after "and" (or "and the"), and
// another comma of the list earlier in the clause must stand between names.
func serialComma(toks []Token, lo, i, hi int) bool {
	if i == 0 || i <= lo || !toks[i+1].In(listAnd) || !toks[i-1].Upper {
		return false
	}
	j := i + 2
	if j < hi && toks[j].In(listArticles) {
		j++
	}
	if j >= hi || !toks[j].Upper {
		return false
	}
	for k := i - 2; k > lo; k-- {
		if toks[k].Text == "," && toks[k-1].Upper && k+1 < i && toks[k+1].Upper {
			return true
		}
	}
	return false
}

// positionMarks are a caption's marks of where a person stands: "(L)".
var positionMarks = lang.English.Text.PositionMarks

// positionInParens returns the index of the ")" that closes a caption's
// mark of position at i ("(R)", "(2nd L)", "(centre)"), or 0.
func positionInParens(toks []Token, i, hi int) int {
	n := 0
	for j := i + 1; j < hi && j <= i+4; j++ {
		switch t := toks[j]; {
		case t.Text == ")":
			if n > 0 {
				return j
			}
			return 0
		case t.In(positionMarks), t.Kind == Ordinal:
			n++
		default:
			return 0
		}
	}
	return 0
}

// numberInParens returns the index of the ")" that closes a short
// parenthesis at i holding a number ("(11)", "(Sep 3)", "(Nov. 24)"), or 0.
func numberInParens(toks []Token, i, hi int) int {
	num := false
	for j := i + 1; j < hi && j <= i+5; j++ {
		switch {
		case toks[j].Text == ")":
			if num {
				return j
			}
			return 0
		case toks[j].Kind == Number:
			num = true
		case toks[j].Kind == Punct && toks[j].Text != "." && toks[j].Text != ",":
			return 0
		}
	}
	return 0
}

func Clauses(toks []Token, s Range) []Range {
	var out []Range
	lo := s.Lo
	cut := func(at, next int) {
		if at > lo {
			out = append(out, Range{lo, at})
		}
		lo = next
	}
	for i := s.Lo; i < s.Hi; i++ {
		t := toks[i]
		if t.Kind != Punct {
			continue
		}
		switch t.Text {
		case "(":
			// A number in parentheses is part of the clause: "Wednesday
			// (Sep 3)", "Sunday night (11)".
			if end := numberInParens(toks, i, s.Hi); end > 0 {
				i = end
				continue
			}
			// A caption's mark of position is part of the clause:
			// "President X (R) meets Y in Z on May 3, 2019".
			if end := positionInParens(toks, i, s.Hi); end > 0 {
				i = end
				continue
			}
			cut(i, i+1)
		case ";", ":", "—", ")":
			cut(i, i+1)
		case "-", "–":
			// A spaced hyphen is a dash; an unspaced one joins words. So
			// does an en dash between words ("the Strelsau–Ostgrad war"); one
			// with a space on either side is a dash.
			inside := i > s.Lo && i+1 < s.Hi
			if inside && toks[i-1].End == t.Start && t.End == toks[i+1].Start {
				continue
			}
			if t.Text == "–" || inside && toks[i-1].End < t.Start && t.End < toks[i+1].Start {
				cut(i, i+1)
			}
		case ",":
			if i+1 < s.Hi && toks[i+1].In(clauseWords) && !serialComma(toks, lo, i, s.Hi) {
				cut(i, i+1)
			}
		}
	}
	cut(s.Hi, s.Hi)
	return out
}
