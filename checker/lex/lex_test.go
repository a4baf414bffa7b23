package lex

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func texts(toks []Token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"U.S. President Donald Trump’s call", []string{"U.S.", "President", "Donald", "Trump", "’s", "call"}},
		{"Russia's 70th anniversary", []string{"Russia", "'s", "70th", "anniversary"}},
		{"January 23-24, 2026.", []string{"January", "23", "-", "24", ",", "2026", "."}},
		{"an hour-and-a-half discussion", []string{"an", "hour", "-", "and", "-", "a", "-", "half", "discussion"}},
		{"wouldn’t O'Brien", []string{"wouldn’t", "O'Brien"}},
		{"$1,000.50 bn", []string{"$", "1,000.50", "bn"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, texts(Tokenize([]byte(tt.in), 0, len(tt.in))), tt.in)
	}
}

func TestTokenOffsetsAndKinds(t *testing.T) {
	in := "Xi’s 3rd call"
	toks := Tokenize([]byte(in), 0, len(in))
	for _, tok := range toks {
		assert.Equal(t, tok.Text, in[tok.Start:tok.End])
	}
	assert.Equal(t, Possessive, toks[1].Kind)
	assert.Equal(t, Ordinal, toks[2].Kind)
	assert.Equal(t, "xi's", toks[0].Norm+toks[1].Norm)
}

func TestQuotes(t *testing.T) {
	in := `He said “Putin called Xi” and left "quietly" now`
	toks := Tokenize([]byte(in), 0, len(in))
	var quoted []string
	for _, tok := range toks {
		if tok.Quoted {
			quoted = append(quoted, tok.Text)
		}
	}
	assert.Equal(t, []string{"Putin", "called", "Xi", "quietly"}, quoted)
}

func sentences(in string) []string {
	toks := Tokenize([]byte(in), 0, len(in))
	var out []string
	for _, r := range Sentences(toks) {
		out = append(out, in[toks[r.Lo].Start:toks[r.Hi-1].End])
	}
	return out
}

func TestSentences(t *testing.T) {
	assert.Equal(t, []string{
		"Putin met U.S. envoys on Feb. 12 in Riyadh.",
		"It ended in 2022.",
		"China's view is “firm.”",
		"Mr. Xi agreed.",
	}, sentences("Putin met U.S. envoys on Feb. 12 in Riyadh. It ended in 2022. China's view is “firm.” Mr. Xi agreed."))
}

func TestClauses(t *testing.T) {
	in := "Putin called Xi on Friday, during which they spoke; the talks, which ended, were long – very long"
	toks := Tokenize([]byte(in), 0, len(in))
	var got []string
	for _, r := range Clauses(toks, Range{0, len(toks)}) {
		got = append(got, in[toks[r.Lo].Start:toks[r.Hi-1].End])
	}
	assert.Equal(t, []string{"Putin called Xi on Friday", "during which they spoke", "the talks", "which ended, were long", "very long"}, got)

	// A number in parentheses stays in its clause; other parentheses cut.
	in = "They spoke on Wednesday (Sep 3) and again on Sunday night (11) (a rare week) for long"
	toks = Tokenize([]byte(in), 0, len(in))
	got = nil
	for _, r := range Clauses(toks, Range{0, len(toks)}) {
		got = append(got, in[toks[r.Lo].Start:toks[r.Hi-1].End])
	}
	assert.Equal(t, []string{"They spoke on Wednesday (Sep 3) and again on Sunday night (11)", "a rare week", "for long"}, got)

	// A serial comma in a list of names cuts no clause; ", and" after a
	// clause still does.
	for in, want := range map[string][]string{
		"Delegations from Russia, Ukraine, and the United States met in Riyadh": {"Delegations from Russia, Ukraine, and the United States met in Riyadh"},
		"Putin met Xi, and Trump called Zelensky":                               {"Putin met Xi", "and Trump called Zelensky"},
	} {
		toks = Tokenize([]byte(in), 0, len(in))
		got = nil
		for _, r := range Clauses(toks, Range{0, len(toks)}) {
			got = append(got, in[toks[r.Lo].Start:toks[r.Hi-1].End])
		}
		assert.Equal(t, want, got, in)
	}
}

func TestTrieLongestMatchOnWholeWords(t *testing.T) {
	var tr Trie[string]
	tr.Add("Putin", "short")
	tr.Add("Vladimir Putin", "full")
	tr.Add("Security Council", "body")
	tr.Add("Security Council Chairman", "title")
	in := "Vladimir Putin and Security Council Chairman Putinism"
	toks := Tokenize([]byte(in), 0, len(in))
	n, v := tr.Longest(toks, 0)
	assert.Equal(t, 2, n)
	assert.Equal(t, []string{"full"}, v)
	n, v = tr.Longest(toks, 3)
	assert.Equal(t, 3, n)
	assert.Equal(t, []string{"title"}, v)
	n, _ = tr.Longest(toks, 6) // "Putinism" is not "Putin"
	assert.Equal(t, 0, n)
}

// TestTokenizeAlwaysAdvances: found by fuzzing, a digit outside 0-9 (Arabic-
// Indic ٣) made an empty token and the tokenizer never moved on.
func TestTokenizeAlwaysAdvances(t *testing.T) {
	for _, s := range []string{"٣", "x ٣٤ y", "४२nd", "\u0301", "a\u0301b", "\xff\xfe", "𝟘𝟙"} {
		toks := Tokenize([]byte(s), 0, len(s))
		end := 0
		for _, tok := range toks {
			assert.Greater(t, tok.End, tok.Start, "%q: empty token", s)
			assert.GreaterOrEqual(t, tok.Start, end, "%q: tokens overlap", s)
			end = tok.End
		}
	}
}
