package runner

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

// fill sets every exported field reachable from v to a random value: a
// slice, map or pointer is nil, empty or filled, so that the record must
// keep null apart from [] as JSON output does.
func fill(t testing.TB, v reflect.Value, r *rand.Rand, depth int) {
	t.Helper()
	if v.Type() == reflect.TypeFor[time.Time]() {
		// A day of a civil.Span, midnight UTC; or none.
		var day time.Time
		if r.IntN(4) > 0 {
			day = time.Date(1900+r.IntN(300), time.January, 1+r.IntN(400), 0, 0, 0, 0, time.UTC)
		}
		v.Set(reflect.ValueOf(day))
		return
	}
	switch v.Kind() {
	case reflect.String:
		b := make([]rune, r.IntN(6))
		for i := range b {
			b[i] = []rune("aé–\x00z ")[r.IntN(6)]
		}
		v.SetString(string(b))
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(r.Int64N(1<<31) - 1<<30)
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 1)
	case reflect.Struct:
		filled := 0
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(t, v.Field(i), r, depth)
				filled++
			}
		}
		if filled == 0 {
			t.Fatalf("fill found no exported field in %s: teach it to fill one, so that it is tested", v.Type())
		}
	case reflect.Pointer, reflect.Slice, reflect.Map:
		if depth > 5 {
			t.Fatalf("fill went deeper than any result type does, at %s", v.Type())
		}
		switch k := r.IntN(4); {
		case k == 0:
			v.SetZero()
		case v.Kind() == reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
			fill(t, v.Elem(), r, depth+1)
		case v.Kind() == reflect.Slice:
			n := k - 1 // empty, one or two
			v.Set(reflect.MakeSlice(v.Type(), n, n))
			for i := range n {
				fill(t, v.Index(i), r, depth+1)
			}
		default:
			v.Set(reflect.MakeMap(v.Type()))
			for range k - 1 {
				key, val := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
				fill(t, key, r, depth+1)
				fill(t, val, r, depth+1)
				v.SetMapIndex(key, val)
			}
		}
	default:
		t.Fatalf("fill does not know %s (%s): teach it, so that the field is tested", v.Type(), v.Kind())
	}
}

// TestEntryKeepsEveryField writes entries with every field of every
// finding, claim and statement set at random, and reads them back equal: a
// field the record forgot would come back empty, and the cache would
// change a result.
func TestEntryKeepsEveryField(t *testing.T) {
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 1))
		var e entry
		fill(t, reflect.ValueOf(&e).Elem(), r, 0)
		got, err := decodeEntry(e.encode())
		require.NoError(t, err, "seed %d", seed)
		if diff := cmp.Diff(e, got, cmpopts.IgnoreUnexported(checker.Claim{})); diff != "" {
			t.Fatalf("seed %d: the entry read back differs (-written +read):\n%s", seed, diff)
		}
	}
}

// TestDamagedEntryIsAMiss damages stored entries every way a crash or a
// full disk could (cut short, emptied, zeroed, a bit flipped, another
// format's bytes): each is a miss, the article is checked again, and the
// findings are the same.
func TestDamagedEntryIsAMiss(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	write(t, p, "---\npublished: 2025-03-01\n---\nFormer President Vladimir Putin spoke.\n")
	c := testChecker(t)
	cache := NewCache(filepath.Join(dir, "cache"), []ledger.File{{Name: "r.yaml", Data: []byte(rulesYAML)}}, "test")
	want := Run(c, []Input{{Path: p}}, Options{Cache: cache}).Findings
	require.Len(t, want, 1)
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	stored := cache.file(cache.key(p, data, civil.Date{}, checker.DefaultMaxClaims))
	whole, err := os.ReadFile(stored)
	require.NoError(t, err)
	_, hit := cache.get(p, data, civil.Date{}, checker.DefaultMaxClaims, NoClaims)
	require.True(t, hit, "the whole entry is a hit")

	damaged := map[string][]byte{
		"cut short":    whole[:len(whole)-1],
		"only a magic": []byte(entryMagic),
		"empty":        nil,
		"JSON":         []byte(`{"findings": []}`),
		"a byte more":  append(append([]byte{}, whole...), 0),
	}
	for at := len(entryMagic); at < len(whole); at += 7 {
		zeroed := append([]byte{}, whole...)
		clear(zeroed[at:min(at+16, len(zeroed))])
		if !bytes.Equal(zeroed, whole) {
			damaged[fmt.Sprintf("zeroed at %d", at)] = zeroed
		}
		flipped := append([]byte{}, whole...)
		flipped[at] ^= 1 << (at % 8)
		damaged[fmt.Sprintf("a bit flipped at %d", at)] = flipped
	}
	for name, b := range damaged {
		require.NoError(t, os.WriteFile(stored, b, 0o600))
		_, hit := cache.get(p, data, civil.Date{}, checker.DefaultMaxClaims, NoClaims)
		assert.False(t, hit, name)
		assert.Equal(t, want, Run(c, []Input{{Path: p}}, Options{Cache: cache}).Findings, name)
	}
}

// FuzzReadEntry reads any bytes as the record of a cache entry (the
// checksum aside, which random bytes never pass): it never panics, and
// what it accepts writes back to the same bytes.
func FuzzReadEntry(f *testing.F) {
	for seed := range uint64(8) {
		var e entry
		fill(f, reflect.ValueOf(&e).Elem(), rand.New(rand.NewPCG(seed, 2)), 0)
		f.Add(e.record(nil))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := readEntry(b)
		if err != nil {
			return
		}
		if again := e.record(nil); !bytes.Equal(again, b) {
			t.Fatalf("accepted %q, which writes back as %q", b, again)
		}
	})
}
