package ledgercache

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/rules"
)

var ledgerOpts = cmp.Options{
	cmp.Exporter(func(reflect.Type) bool { return true }),
	cmp.Comparer(func(a, b *regexp.Regexp) bool {
		return a == nil && b == nil || a != nil && b != nil && a.String() == b.String()
	}),
	cmp.Comparer(func(a, b *time.Location) bool {
		return a == nil && b == nil || a != nil && b != nil && a.String() == b.String()
	}),
}

// bigLedger writes a rule file of n people, n/10 offices and n calls, one
// item a line (Ada Example and the like, in Ruritania and beside it).
func bigLedger(n int) []byte {
	var b strings.Builder
	b.WriteString("entities:\n")
	for c := range 10 {
		fmt.Fprintf(&b, "  - {id: land-%d, kind: country, name: Ruritania %d, demonyms: [Ruritanian%d], tz: Europe/Paris}\n", c, c, c)
	}
	for i := range n {
		fmt.Fprintf(&b, "  - {id: p%d, kind: person, name: Ada Example %d, short: Example%d, aliases: [A. Example %d], country: land-%d}\n", i, i, i, i, i%10)
	}
	b.WriteString("offices:\n")
	for o := range n / 10 {
		fmt.Fprintf(&b, "  - id: office-%d\n    title: Minister %d\n    country: land-%d\n    phrasings: [Minister %d]\n    holders:\n      - {who: p%d, from: 2020-01-01}\n", o, o, o%10, o, o)
	}
	b.WriteString("events:\n")
	for e := range n {
		fmt.Fprintf(&b, "  - {id: e%d, kind: call, date: 2025-%02d-%02d, participants: [p%d, p%d], medium: phone, sources: [{outlet: Harbour Ledger}]}\n",
			e, 1+e%12, 1+e%28, e, (e+1)%n)
	}
	return []byte(b.String())
}

// deskFiles are the embedded rules and a large ledger beside them, with
// words of the desk's own.
func deskFiles(t *testing.T) []ledger.File {
	files, err := ledger.ReadFS(rules.FS, ".", "rules")
	require.NoError(t, err)
	files = append(files,
		ledger.File{Name: "desk/people.yaml", Data: bigLedger(8000)},
		ledger.File{Name: "desk/words.yaml", Data: []byte("words:\n  hedges: [supposedly]\n")})
	size := 0
	for _, f := range files {
		size += len(f.Data)
	}
	require.GreaterOrEqual(t, size, MinBytes, "the test needs rule files large enough to be cached")
	return files
}

func program() string { return "test program" }

// compiledFiles lists the compiled ledgers in dir.
func compiledFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, strings.Repeat("?", 64)))
	require.NoError(t, err)
	return m
}

func TestCachedLedgerIsTheLoadedOne(t *testing.T) {
	dir := t.TempDir()
	files := deskFiles(t)
	want, err := ledger.Load(files)
	require.NoError(t, err)

	first, err := Load(dir, files, program)
	require.NoError(t, err)
	require.Len(t, compiledFiles(t, dir), 1, "the first load writes the ledger compiled")
	second, err := Load(dir, files, program)
	require.NoError(t, err)
	for _, got := range []*ledger.Ledger{first, second} {
		if diff := cmp.Diff(want, got, ledgerOpts); diff != "" {
			t.Fatalf("the ledger differs from a fresh load (-fresh +cached):\n%s", diff)
		}
	}
	require.True(t, second.Lang.Hedges.Has("supposedly"))
	// The second was read from the file: a file read back is the one
	// written, and reading it does not write it again.
	path := compiledFiles(t, dir)[0]
	l, ok := read(path, Key(files, program()))
	require.True(t, ok)
	require.Empty(t, cmp.Diff(want, l, ledgerOpts))
}

// TestDamagedCacheIsAMiss damages a compiled ledger in every way a crash or
// a full disk could, and more: each is a miss, loaded afresh and written
// again whole.
func TestDamagedCacheIsAMiss(t *testing.T) {
	files := deskFiles(t)
	want, err := ledger.Load(files)
	require.NoError(t, err)
	dir := t.TempDir()
	_, err = Load(dir, files, program)
	require.NoError(t, err)
	path := compiledFiles(t, dir)[0]
	whole, err := os.ReadFile(path)
	require.NoError(t, err)
	damages := map[string]func([]byte) []byte{
		"empty":           func(b []byte) []byte { return nil },
		"cut in its head": func(b []byte) []byte { return b[:headSize/2] },
		"cut short":       func(b []byte) []byte { return b[:len(b)/2] },
		"a byte changed":  func(b []byte) []byte { b[len(b)*2/3] ^= 0x20; return b },
		"a string's letter": func(b []byte) []byte {
			return []byte(strings.Replace(string(b), "Ada Example 77", "Ada Exbmple 77", 1))
		},
		"zeroed at the end": func(b []byte) []byte { clear(b[len(b)-4096:]); return b },
		"a byte added":      func(b []byte) []byte { return append(b, 0) },
		"another key":       func(b []byte) []byte { b[len(magic)] ^= 1; return b },
		"another magic":     func(b []byte) []byte { b[0] = 'C'; return b },
		"checksum changed":  func(b []byte) []byte { b[headSize-1] ^= 1; return b },
	}
	for name, damage := range damages {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, os.WriteFile(path, damage(append([]byte(nil), whole...)), 0o644))
			_, ok := read(path, Key(files, program()))
			require.False(t, ok, "a damaged file is read")
			got, err := Load(dir, files, program)
			require.NoError(t, err)
			require.Empty(t, cmp.Diff(want, got, ledgerOpts))
			again, err := os.ReadFile(path)
			require.NoError(t, err)
			require.Equal(t, whole, again, "written again whole")
		})
	}
}

func TestKeyedByFilesAndProgram(t *testing.T) {
	files := deskFiles(t)
	key := Key(files, program())
	renamed := append([]ledger.File(nil), files...)
	renamed[len(renamed)-1].Name = "desk/other.yaml"
	edited := append([]ledger.File(nil), files...)
	edited[len(edited)-1].Data = []byte("words:\n  hedges: [reputedly]\n")
	// The same bytes cut between two files elsewhere.
	moved := append([]ledger.File(nil), files...)
	moved[len(moved)-1].Data = append([]byte(moved[len(moved)-1].Name), moved[len(moved)-1].Data...)
	moved[len(moved)-1].Name = ""
	for name, other := range map[string][sha256Size]byte{
		"renamed": Key(renamed, program()), "edited": Key(edited, program()), "moved": Key(moved, program()),
		"another program": Key(files, "another"), "fewer files": Key(files[1:], program()),
	} {
		require.NotEqual(t, key, other, name)
	}
	require.Equal(t, key, Key(append([]ledger.File(nil), files...), program()))

	// An edited file is a miss, and its ledger is the edited one.
	dir := t.TempDir()
	_, err := Load(dir, files, program)
	require.NoError(t, err)
	got, err := Load(dir, edited, program)
	require.NoError(t, err)
	require.True(t, got.Lang.Hedges.Has("reputedly"))
	require.False(t, got.Lang.Hedges.Has("supposedly"))
	require.Len(t, compiledFiles(t, dir), 2)
}

const sha256Size = 32

func TestSmallRulesAndProblemsAreNotCached(t *testing.T) {
	dir := t.TempDir()
	files, err := ledger.ReadFS(rules.FS, ".", "rules")
	require.NoError(t, err)
	calls := 0
	counted := func() string { calls++; return program() }
	_, err = Load(dir, files, counted)
	require.NoError(t, err)
	require.Empty(t, compiledFiles(t, dir), "small rules are loaded as they are")
	require.Zero(t, calls, "nor is the program's identity asked for")

	bad := append(deskFiles(t), ledger.File{Name: "desk/bad.yaml", Data: []byte("entities:\n  - {id: p5, kind: person, name: Twin}\n")})
	_, want := ledger.Load(bad)
	require.Error(t, want)
	for range 2 {
		_, err := Load(dir, bad, program)
		require.Equal(t, want.Error(), err.Error(), "problems are those of a load")
	}
	require.Empty(t, compiledFiles(t, dir), "a ledger with problems is not kept")
}

// TestUnknownProgramKeepsNothing: a claimlint that cannot tell which
// build it is (its executable unreadable) neither reads nor writes a
// compiled ledger, which another build might have written.
func TestUnknownProgramKeepsNothing(t *testing.T) {
	dir := t.TempDir()
	files := deskFiles(t)
	want, err := ledger.Load(files)
	require.NoError(t, err)
	got, err := Load(dir, files, func() string { return "" })
	require.NoError(t, err)
	require.Empty(t, cmp.Diff(want, got, ledgerOpts))
	require.Empty(t, compiledFiles(t, dir))
}

func TestPruneKeepsThoseUsedLast(t *testing.T) {
	dir := t.TempDir()
	files := deskFiles(t)
	version := func(words string) []ledger.File {
		v := append([]ledger.File(nil), files...)
		v[len(v)-1].Data = []byte("words:\n  hedges: [" + words + "]\n")
		return v
	}
	path := func(files []ledger.File) string { return filepath.Join(dir, fmt.Sprintf("%x", Key(files, program()))) }
	base := time.Now().Add(-time.Hour)
	for i := range Keep {
		v := version(fmt.Sprint("supposedly", i))
		_, err := Load(dir, v, program)
		require.NoError(t, err)
		// A second apart, oldest first: file times may count only seconds.
		at := base.Add(time.Duration(i) * time.Second)
		require.NoError(t, os.Chtimes(path(v), at, at))
	}
	require.Len(t, compiledFiles(t, dir), Keep)
	// The oldest is used again, read from its file: now it is the one
	// used last.
	_, err := Load(dir, version("supposedly0"), program)
	require.NoError(t, err)
	require.Len(t, compiledFiles(t, dir), Keep)
	// A new one is written, and the one used longest ago removed.
	_, err = Load(dir, version("lastly"), program)
	require.NoError(t, err)
	left := compiledFiles(t, dir)
	require.Len(t, left, Keep)
	require.Contains(t, left, path(version("lastly")))
	require.Contains(t, left, path(version("supposedly0")))
	require.NotContains(t, left, path(version("supposedly1")))
}
