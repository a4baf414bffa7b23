package lang

import (
	"iter"
	"maps"
	"reflect"
	"sync"
	"sync/atomic"
)

// Word is a word's number in the lexicon: every word of a Set that a
// language was loaded with has one, the same in every Lang, for the life of
// the process. 0 is the number of every other word. The tokenizer gives
// each token its word's number (lex.Token.ID), so that asking whether a
// token is in a set is a test of a bit, not a lookup by string.
type Word uint32

// lexicon numbers words. It only grows: a set's bits stay right whatever
// is added later. Readers load the map without a lock; a writer copies it.
var lexicon struct {
	mu  sync.Mutex
	ids atomic.Pointer[map[string]Word]
}

// Lexicon returns the numbers of the words known now: a map that never
// changes (a later word makes a new one), shared by every caller, which
// must not write to it.
func Lexicon() map[string]Word {
	if m := lexicon.ids.Load(); m != nil {
		return *m
	}
	return nil
}

// intern numbers every word of words that has no number yet, at one copy of
// the lexicon.
func intern(words []string) {
	lexicon.mu.Lock()
	defer lexicon.mu.Unlock()
	old := Lexicon()
	var m map[string]Word
	for _, w := range words {
		if _, ok := old[w]; ok {
			continue
		}
		if m == nil {
			m = maps.Clone(old)
			if m == nil {
				m = map[string]Word{}
			}
		}
		if _, ok := m[w]; !ok {
			m[w] = Word(len(m) + 1)
		}
	}
	if m != nil {
		lexicon.ids.Store(&m)
	}
}

// Set is a set of words, in lower case. The zero Set is empty.
type Set struct {
	words map[string]bool
	bits  []uint64 // bit n for each word numbered n (see Word)
}

// NewSet returns the set of words.
func NewSet(words ...string) Set {
	var s Set
	for _, w := range words {
		s.add(w)
	}
	s.seal()
	return s
}

// Has reports whether w is in the set.
func (s Set) Has(w string) bool { return s.words[w] }

// HasWord reports whether the word numbered w is in the set: w is 0, in
// none, for a word no set had when it was numbered.
func (s Set) HasWord(w Word) bool {
	i := int(w >> 6)
	return w != 0 && i < len(s.bits) && s.bits[i]&(1<<(w&63)) != 0
}

// Len is the number of words in the set.
func (s Set) Len() int { return len(s.words) }

// All yields the words of the set, in no order.
func (s Set) All() iter.Seq[string] { return maps.Keys(s.words) }

func (s *Set) add(w string) {
	if s.words == nil {
		s.words = map[string]bool{}
	}
	s.words[w] = true
}

// seal numbers the set's words and sets its bits.
func (s *Set) seal() {
	words := make([]string, 0, len(s.words))
	for w := range s.words {
		words = append(words, w)
	}
	intern(words)
	ids := Lexicon()
	s.bits = nil
	for _, w := range words {
		n := ids[w]
		for int(n>>6) >= len(s.bits) {
			s.bits = append(s.bits, 0)
		}
		s.bits[n>>6] |= 1 << (n & 63)
	}
}

// sealAll seals every Set in v, a Lang or a part of one, after the words
// of all of them are numbered together.
func sealAll(v reflect.Value) {
	var words []string
	eachSet(v, func(s *Set) {
		for w := range s.words {
			words = append(words, w)
		}
	})
	intern(words)
	eachSet(v, func(s *Set) { s.seal() })
}

// eachSet calls f with each Set in v: in fields, lists and map values.
func eachSet(v reflect.Value, f func(*Set)) {
	switch {
	case v.Type() == setType:
		if v.CanAddr() {
			f(v.Addr().Interface().(*Set))
			return
		}
		s := v.Interface().(Set)
		f(&s)
		v.Set(reflect.ValueOf(s))
	case v.Kind() == reflect.Pointer:
		if !v.IsNil() {
			eachSet(v.Elem(), f)
		}
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				eachSet(v.Field(i), f)
			}
		}
	case v.Kind() == reflect.Map && v.Type().Elem() == setType:
		it := v.MapRange()
		for it.Next() {
			s := it.Value().Interface().(Set)
			f(&s)
			v.SetMapIndex(it.Key(), reflect.ValueOf(s))
		}
	}
}
