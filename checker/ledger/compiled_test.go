package ledger

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/rules"
)

// roundTrip writes l compiled, reads it back, and fails unless the two
// ledgers are the same and the one read back writes the same bytes.
func roundTrip(t *testing.T, l *Ledger) *Ledger {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, l.WriteCompiled(&b))
	got, err := ReadCompiled(b.String())
	require.NoError(t, err)
	if diff := cmp.Diff(l, got, ledgerOpts); diff != "" {
		t.Fatalf("the ledger read back differs (-loaded +read):\n%s", diff)
	}
	var again bytes.Buffer
	require.NoError(t, got.WriteCompiled(&again))
	require.True(t, bytes.Equal(b.Bytes(), again.Bytes()), "written again, the ledger read back differs")
	return got
}

// wordsFile is a rule file with words: of its own, so that the ledger has
// a language of its own.
var wordsFile = File{Name: "desk/words.yaml", Data: []byte(`words:
  hedges: [supposedly, "in all likelihood"]
  events:
    powwow: [meeting]
`)}

func TestCompiledLedgerIsTheLoadedOne(t *testing.T) {
	files, err := ReadFS(rules.FS, ".", "rules")
	require.NoError(t, err)
	n := 20000
	if testing.Short() {
		n = 2000
	}
	files = append(files, File{Name: "desk/big.yaml", Data: genLedger(n, false)}, wordsFile)
	l, err := Load(files)
	require.NoError(t, err)
	require.NotNil(t, l.Lang)
	got := roundTrip(t, l)
	// The language made again has the desk's words.
	require.True(t, got.Lang.Hedges.Has("supposedly"))
	require.Equal(t, "p4", got.Entity("p4").ID)
	require.Equal(t, "e7", got.Event("e7").ID)
	require.NotNil(t, got.Office("office-3"))
}

// TestCompiledLargeLedger round-trips the ledger that bench/gen writes,
// named by CLAIMLINT_BENCH_LEDGER, beside the embedded rules.
func TestCompiledLargeLedger(t *testing.T) {
	path := os.Getenv("CLAIMLINT_BENCH_LEDGER")
	if path == "" {
		t.Skip("set CLAIMLINT_BENCH_LEDGER to a ledger written by go run ./bench/gen -ledger N")
	}
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	files, err := ReadFS(rules.FS, ".", "rules")
	require.NoError(t, err)
	l, err := Load(append(files, File{Name: path, Data: data}))
	require.NoError(t, err)
	roundTrip(t, l)
}

// TestCompiledEveryField fills every exported field of a ledger at random
// and reads it back: a field the compiled form forgets fails it.
func TestCompiledEveryField(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 7))
		f := filler{r: r}
		for _, name := range []string{"Europe/Paris", "Asia/Tokyo", "UTC"} {
			z, err := time.LoadLocation(name)
			require.NoError(t, err)
			f.zones = append(f.zones, z)
		}
		for _, p := range []string{`(?i)\bfoo\b`, `x+`, `Ruritania`} {
			f.res = append(f.res, regexp.MustCompile(p))
		}
		l := &Ledger{}
		f.fill(reflect.ValueOf(l).Elem())
		// Ids are unique, as Load makes them.
		for i, e := range l.Entities {
			e.ID = fmt.Sprint("n", i)
		}
		for i, o := range l.Offices {
			o.ID = fmt.Sprint("o", i)
		}
		for i, e := range l.Events {
			e.ID = fmt.Sprint("v", i)
		}
		l.Lang = nil
		l.index()
		roundTrip(t, l)
	}
}

// index makes the ledger's maps of its entities, offices and events.
func (l *Ledger) index() {
	l.entities, l.offices, l.events = map[string]*Entity{}, map[string]*Office{}, map[string]*Event{}
	for _, e := range l.Entities {
		l.entities[e.ID] = e
	}
	for _, o := range l.Offices {
		l.offices[o.ID] = o
	}
	for _, e := range l.Events {
		l.events[e.ID] = e
	}
}

// filler sets values at random, by type.
type filler struct {
	r     *rand.Rand
	zones []*time.Location
	res   []*regexp.Regexp
	depth int
}

func (f *filler) fill(v reflect.Value) {
	switch v.Type() {
	case reflect.TypeFor[*time.Location]():
		if f.r.IntN(4) > 0 {
			v.Set(reflect.ValueOf(f.zones[f.r.IntN(len(f.zones))]))
		}
		return
	case reflect.TypeFor[*regexp.Regexp]():
		if f.r.IntN(4) > 0 {
			v.Set(reflect.ValueOf(f.res[f.r.IntN(len(f.res))]))
		}
		return
	case reflect.TypeFor[Pos]():
		v.Set(reflect.ValueOf(Pos{File: []string{"a.yaml", "b/c.yaml", ""}[f.r.IntN(3)], Line: f.r.IntN(1 << 20), Col: f.r.IntN(200)}))
		return
	case reflect.TypeFor[civil.Date]():
		v.Set(reflect.ValueOf(civil.Date{Y: f.r.IntN(3000) - 100, M: f.r.IntN(13), D: f.r.IntN(32), Prec: civil.Precision(f.r.IntN(4))}))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(strings.Repeat("é", f.r.IntN(2)) + fmt.Sprint(f.r.Int64N(1<<40)))
	case reflect.Bool:
		v.SetBool(f.r.IntN(2) == 1)
	case reflect.Int, reflect.Int64:
		v.SetInt(f.r.Int64() - f.r.Int64())
	case reflect.Pointer:
		if v.Type().Elem().Kind() != reflect.Struct || v.Type().Elem().PkgPath() != reflect.TypeFor[Ledger]().PkgPath() {
			return // the language: made of words: sections, tested apart
		}
		v.Set(reflect.New(v.Type().Elem()))
		f.fill(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				f.fill(v.Field(i))
			}
		}
	case reflect.Slice:
		if f.depth > 0 && f.r.IntN(3) == 0 {
			return // nil
		}
		n := f.r.IntN(4)
		if f.depth == 0 {
			n = 1 + f.r.IntN(30)
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		f.depth++
		for i := range n {
			f.fill(s.Index(i))
		}
		f.depth--
		v.Set(s)
	default:
		panic(fmt.Sprintf("the filler does not know %s: teach it, and the compiled form", v.Type()))
	}
}

// TestReadCompiledRefusesDamage cuts and changes a compiled ledger: what is
// read is refused, or is a ledger that writes back the same bytes.
func TestReadCompiledRefusesDamage(t *testing.T) {
	files, err := ReadFS(rules.FS, ".", "rules")
	require.NoError(t, err)
	l, err := Load(append(files, wordsFile))
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, l.WriteCompiled(&b))
	data := b.String()
	for cut := 0; cut < len(data); cut += 1 + cut/50 {
		_, err := ReadCompiled(data[:cut])
		require.ErrorIs(t, err, ErrNotCompiled, "cut at %d of %d", cut, len(data))
	}
	r := rand.New(rand.NewPCG(1, 2))
	refused := 0
	for range 2000 {
		d := []byte(data)
		d[r.IntN(len(d))] ^= byte(1 + r.IntN(255))
		got, err := ReadCompiled(string(d))
		if err != nil {
			require.ErrorIs(t, err, ErrNotCompiled)
			refused++
			continue
		}
		var again bytes.Buffer
		require.NoError(t, got.WriteCompiled(&again))
		require.Equal(t, string(d), again.String())
	}
	require.Greater(t, refused, 0)
}

// FuzzReadCompiled reads arbitrary bytes as a compiled ledger: never a
// panic, and what is read writes back as it was.
func FuzzReadCompiled(f *testing.F) {
	files, _ := ReadFS(rules.FS, ".", "rules")
	if l, err := Load(append(files, wordsFile)); err == nil {
		var b bytes.Buffer
		_ = l.WriteCompiled(&b)
		f.Add(b.Bytes())
	}
	if l, err := Load([]File{{Name: "g.yaml", Data: genLedger(12, false)}}); err == nil {
		var b bytes.Buffer
		_ = l.WriteCompiled(&b)
		f.Add(b.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ReadCompiled(string(data))
		if err != nil {
			return
		}
		var again bytes.Buffer
		if err := l.WriteCompiled(&again); err != nil {
			t.Fatalf("read, but cannot be written: %v", err)
		}
		if !bytes.Equal(data, again.Bytes()) {
			t.Fatalf("written back differently:\n%q\n%q", data, again.Bytes())
		}
	})
}
