package lex

import "unsafe"

// Trie maps phrases, as sequences of normalized tokens, to values.
type Trie[V any] struct {
	root node[V]
	toks []Token // room to tokenize a phrase in, reused
}

type node[V any] struct {
	next map[string]*node[V]
	vals []V
}

// Add files v under the phrase, which is tokenized the way text is.
// It reports false when the phrase has no tokens.
func (t *Trie[V]) Add(phrase string, v V) bool {
	// The tokens view the phrase's bytes, which never change: its words
	// are keys of the trie without a copy. A large ledger adds some 300,000
	// phrases; a copy of each and a new slice of tokens were 150 MB of
	// garbage.
	toks := TokenizeAppend(t.toks[:0], unsafe.Slice(unsafe.StringData(phrase), len(phrase)), 0, len(phrase))
	t.toks = toks
	if len(toks) == 0 {
		return false
	}
	n := &t.root
	for _, tok := range toks {
		if n.next == nil {
			n.next = map[string]*node[V]{}
		}
		c := n.next[tok.Norm]
		if c == nil {
			c = &node[V]{}
			n.next[tok.Norm] = c
		}
		n = c
	}
	n.vals = append(n.vals, v)
	return true
}

// Longest returns the number of tokens in the longest phrase that starts at
// toks[i], and its values; 0 and nil when none does.
func (t *Trie[V]) Longest(toks []Token, i int) (int, []V) {
	n := &t.root
	best, vals := 0, []V(nil)
	for j := i; j < len(toks); j++ {
		c := n.next[toks[j].Norm]
		if c == nil {
			break
		}
		n = c
		if len(n.vals) > 0 {
			best, vals = j-i+1, n.vals
		}
	}
	return best, vals
}
