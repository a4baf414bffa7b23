package lang

import (
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnglishLoads(t *testing.T) {
	l := English
	assert.Equal(t, []string{"call"}, l.Events["phoned"])
	assert.Equal(t, []string{"call", "meeting", "talks", "summit", "visit"}, l.Events["spoke"], "the contact group is expanded")
	assert.Equal(t, []string{"meeting", "talks", "summit", "visit"}, l.Events["met"])
	assert.True(t, l.Hedges.Has("reportedly"))
	assert.True(t, l.Tense.FutureBefore["set"].Has("to"))
	assert.Equal(t, time.Minute, l.Durations.Units["minutes"])
	assert.Equal(t, 45.0, l.Durations.Counts["forty-five"])
	assert.Equal(t, time.September, l.Dates.MonthAbbreviations["sept"])
	assert.Equal(t, time.Sunday, l.Dates.Weekdays["sunday"])
	assert.Equal(t, "last-week", l.Dates.Relative["last week"])
	assert.Equal(t, Phrase{"took", "office"}, l.Terms.Start[0])
	assert.Contains(t, l.Terms.End, Phrase{"stepped", "down"})
	assert.True(t, l.Text.Abbreviations.Has("no"), `"no" stays a word, not YAML's false`)
	assert.Equal(t, "third", l.OrdinalName(3))
	assert.Equal(t, "11th", l.OrdinalName(11))
	assert.Equal(t, "22nd", l.OrdinalName(22))
	assert.Equal(t, "23rd", l.OrdinalName(23))
	assert.Equal(t, "111th", l.OrdinalName(111))
	assert.Equal(t, "in person", l.MediumNames["in-person"])
}

func TestLoadErrorsNamePositions(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"unknown key", "hedges: [not]\nhedgez: [never]\n", `x.yaml:2:1: unknown key "hedgez"`},
		{"unknown nested key", "tense:\n  futur: [will]\n", `x.yaml:2:3: unknown key "futur" under tense`},
		{"unknown kind", "events:\n  parley: [talk]\n", `x.yaml:2:11: events: unknown kind "talk"`},
		{"upper case", "hedges: [Not]\n", `x.yaml:1:10: hedges: "Not": words are written in lower case`},
		{"not a list", "hedges: not\n", `x.yaml:1:9: hedges: want a list of words`},
		{"bad duration", "durations:\n  units:\n    fortnight: two weeks\n", `x.yaml:3:16: durations: units: fortnight: "two weeks" is not a duration`},
		{"month out of range", "dates:\n  months:\n    smarch: 13\n", `x.yaml:3:13: dates: months: smarch: "13" is not a whole number from 1 to 12`},
		{"empty word", "hedges: ['']\n", `x.yaml:1:10: hedges: want a word`},
		{"syntax", "hedges: [not\n", `x.yaml:`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load("x.yaml", []byte(tt.src))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestAddExtends(t *testing.T) {
	l, err := Load("a.yaml", []byte("events:\n  call: [call]\nhedges: [not]\n"))
	require.NoError(t, err)
	require.NoError(t, l.Add("b.yaml", []byte("events:\n  parley: [talks, meeting]\nhedges: [purportedly]\n")))
	assert.Equal(t, []string{"call"}, l.Events["call"])
	assert.Equal(t, []string{"talks", "meeting"}, l.Events["parley"])
	assert.Equal(t, NewSet("not", "purportedly"), l.Hedges)
}

// TestSetsByNumber: a set answers by a word's number as by the word, for
// the words of the embedded file and for those a rule file adds later; a
// word of no set has number 0, in none.
func TestSetsByNumber(t *testing.T) {
	l := NewEnglish()
	require.NoError(t, l.Add("b.yaml", []byte("hedges: [zzyzx-reportedly]\n")))
	ids := Lexicon()
	for _, w := range []string{"reportedly", "zzyzx-reportedly"} {
		require.NotZero(t, ids[w], w)
		assert.True(t, l.Hedges.HasWord(ids[w]), w)
		assert.True(t, l.Hedges.Has(w), w)
	}
	assert.False(t, English.Hedges.HasWord(ids["zzyzx-reportedly"]), "a word added to one language is not in another's set")
	assert.False(t, l.Hedges.HasWord(ids["the"]))
	assert.Zero(t, ids["qwertyuiop"])
	assert.False(t, l.Hedges.HasWord(0))
	s := NewSet("a", "b")
	assert.Equal(t, 2, s.Len())
	assert.True(t, s.HasWord(Lexicon()["b"]))
}

// TestEverySetIsSealed: sealAll reaches Sets in fields and in maps of
// Sets; a Set anywhere else (a list of them, a map of structs holding one)
// would never be numbered, and answer false for every token.
func TestEverySetIsSealed(t *testing.T) {
	var walk func(rt reflect.Type, path string)
	walk = func(rt reflect.Type, path string) {
		switch {
		case rt == setType:
		case rt.Kind() == reflect.Struct:
			for i := range rt.NumField() {
				if f := rt.Field(i); f.IsExported() {
					walk(f.Type, path+"."+f.Name)
				}
			}
		case rt.Kind() == reflect.Map && rt.Elem() == setType:
		case rt.Kind() == reflect.Map, rt.Kind() == reflect.Slice, rt.Kind() == reflect.Array, rt.Kind() == reflect.Pointer:
			if holdsSet(rt.Elem()) {
				t.Errorf("%s holds Sets where sealAll does not reach them: teach eachSet", path)
			}
		}
	}
	walk(reflect.TypeFor[Lang](), "Lang")
}

func holdsSet(rt reflect.Type) bool {
	switch rt.Kind() {
	case reflect.Struct:
		if rt == setType {
			return true
		}
		for i := range rt.NumField() {
			if holdsSet(rt.Field(i).Type) {
				return true
			}
		}
	case reflect.Map, reflect.Slice, reflect.Array, reflect.Pointer:
		return holdsSet(rt.Elem())
	}
	return false
}
