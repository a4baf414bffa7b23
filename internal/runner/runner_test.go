package runner

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

const rulesYAML = `entities:
  - id: putin
    kind: person
    name: Vladimir Putin
    aliases: [Putin]
offices:
  - id: president-ru
    title: President of Russia
    phrasings: [President]
    holders:
      - who: putin
        from: 2012-05-07
`

func testChecker(t *testing.T) *checker.Checker {
	l, err := ledger.Load([]ledger.File{{Name: "r.yaml", Data: []byte(rulesYAML)}})
	require.NoError(t, err)
	return checker.New(l)
}

func write(t *testing.T, path, content string) {
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.md", "a.txt", "sub/c.markdown", ".hidden/x.md", "sub/.git/y.md", "notes.html"} {
		write(t, filepath.Join(dir, p), "x")
	}
	got, err := Collect([]string{dir, filepath.Join(dir, "b.md"), filepath.Join(dir, "notes.html")})
	require.NoError(t, err)
	var rel []string
	for _, p := range got {
		r, _ := filepath.Rel(dir, p)
		rel = append(rel, r)
	}
	// An explicit file is taken whatever its extension; duplicates are dropped.
	assert.Equal(t, []string{"a.txt", "b.md", "notes.html", "sub/c.markdown"}, rel)
	_, err = Collect([]string{filepath.Join(dir, "missing")})
	assert.Error(t, err)
}

// TestRunIsOrderedAndLosesNothing checks many files on several workers: the
// findings come out sorted whatever the scheduling, and a bad file is
// reported without stopping the others.
func TestRunIsOrderedAndLosesNothing(t *testing.T) {
	dir := t.TempDir()
	var inputs []Input
	for i := 0; i < 40; i++ {
		p := filepath.Join(dir, fmt.Sprintf("a%02d.md", i))
		write(t, p, "---\npublished: 2025-03-01\n---\nFormer President Vladimir Putin spoke.\n")
		inputs = append(inputs, Input{Path: p})
	}
	bad := filepath.Join(dir, "bad.txt")
	write(t, bad, "caf\xe9")
	inputs = append(inputs, Input{Path: bad}, Input{Path: "stdin.md", Data: []byte("President Putin spoke.")})
	res := Run(testChecker(t), inputs, Options{Workers: 4})
	assert.Equal(t, 41, res.Files)
	require.Len(t, res.Errors, 1)
	assert.Contains(t, res.Errors[0].Error(), "bad.txt:1:4: not valid UTF-8")
	// 40 title-at-date errors, and the missing-date notice of stdin.md.
	require.Len(t, res.Findings, 41)
	for i := 1; i < len(res.Findings); i++ {
		assert.LessOrEqual(t, res.Findings[i-1].Path, res.Findings[i].Path)
	}
	assert.Equal(t, "missing-date", res.Findings[40].Rule)
	again := Run(testChecker(t), inputs, Options{Workers: 1})
	assert.Equal(t, res.Findings, again.Findings, "the same findings on one worker as on four")
}

func TestRunRefusesHugeFiles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(article.MaxSize+1))
	require.NoError(t, f.Close())
	res := Run(testChecker(t), []Input{{Path: p}}, Options{})
	require.Len(t, res.Errors, 1)
	assert.Regexp(t, `huge.txt: file is 10485761 bytes, over --max-file-size 10485760: skipped, not checked`, res.Errors[0].Error())
}

// TestCacheNeverChangesResults runs a corpus with and without the cache,
// twice: the findings are the same each time, and the second cached run
// reads them back.
func TestCacheNeverChangesResults(t *testing.T) {
	dir := t.TempDir()
	var inputs []Input
	for i, body := range []string{
		"Former President Vladimir Putin spoke.",
		"President Vladimir Putin spoke.",
		"Nothing here.",
	} {
		p := filepath.Join(dir, fmt.Sprintf("a%d.md", i))
		write(t, p, "---\npublished: 2025-03-01\n---\n"+body+"\n")
		inputs = append(inputs, Input{Path: p})
	}
	c := testChecker(t)
	plain := Run(c, inputs, Options{})
	cache := NewCache(filepath.Join(t.TempDir(), "cache"), []ledger.File{{Name: "r.yaml", Data: []byte(rulesYAML)}}, "test")
	first := Run(c, inputs, Options{Cache: cache})
	second := Run(c, inputs, Options{Cache: cache})
	assert.Equal(t, plain.Findings, first.Findings)
	assert.Equal(t, plain.Findings, second.Findings)
	require.Len(t, plain.Findings, 1)
	assert.Equal(t, 1, second.Findings[0].ByteCol, "byte columns survive the cache")

	// A hit needs the same text: an edit is a miss, and is checked.
	write(t, inputs[1].Path, "---\npublished: 2025-03-01\n---\nFormer President Vladimir Putin spoke.\n")
	third := Run(c, inputs, Options{Cache: cache})
	assert.Len(t, third.Findings, 2)
	// Other rules are other entries.
	other := NewCache(cache.Dir, []ledger.File{{Name: "r.yaml", Data: []byte(rulesYAML + "\n")}}, "test")
	_, hit := other.get(inputs[0].Path, []byte("---\npublished: 2025-03-01\n---\nFormer President Vladimir Putin spoke.\n"), civil.Date{}, checker.DefaultMaxClaims, NoClaims)
	assert.False(t, hit)
}

// TestCacheKeyedByCap checks that a result cached under one cap on claims
// is not read back under another: the cap changes what an article past it
// reports.
func TestCacheKeyedByCap(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.md")
	write(t, p, "---\npublished: 2025-03-01\n---\nFormer President Putin spoke. Former President Putin spoke.\n")
	inputs := []Input{{Path: p}}
	cache := NewCache(filepath.Join(t.TempDir(), "cache"), []ledger.File{{Name: "r.yaml", Data: []byte(rulesYAML)}}, "test")
	c := testChecker(t)
	wide := Run(c, inputs, Options{Cache: cache})
	require.Len(t, wide.Findings, 2)
	narrow := testChecker(t)
	narrow.MaxClaims = 1
	want := Run(narrow, inputs, Options{})
	require.Len(t, want.Findings, 2)
	assert.Equal(t, "article-limit", want.Findings[1].Rule)
	assert.Equal(t, want.Findings, Run(narrow, inputs, Options{Cache: cache}).Findings)
	assert.Equal(t, wide.Findings, Run(c, inputs, Options{Cache: cache}).Findings)
}

// TestCacheKeepsStatementsTheSame checks that the statements articles are
// compared on are the same whichever claims a run keeps and whether they
// come from the cache: a run for the HTML report (AllClaims) fills the
// cache that a plain run (CorpusClaims) then reads.
func TestCacheKeepsStatementsTheSame(t *testing.T) {
	const rules = `entities:
  - {id: ada, kind: person, name: Ada Example, aliases: [Example]}
  - {id: bo, kind: person, name: Bo Sample, aliases: [Sample]}
events:
  - {id: call-1, kind: call, date: 2025-03-04, participants: [ada, bo]}
`
	l, err := ledger.Load([]ledger.File{{Name: "r.yaml", Data: []byte(rules)}})
	require.NoError(t, err)
	c := checker.New(l)
	dir := t.TempDir()
	var inputs []Input
	for i, body := range []string{
		// The same said twice, the second time under a directive.
		"Ada Example called Bo Sample on Tuesday.\n\n<!-- claimlint-disable-next-line cross-source -- checked -->\nAda Example called Bo Sample on Tuesday.",
		"Bo Sample called Ada Example on Tuesday. Bo Sample called Ada Example by phone on Tuesday.",
	} {
		p := filepath.Join(dir, fmt.Sprintf("a%d.md", i))
		write(t, p, "---\npublished: 2025-03-05\n---\n"+body+"\n")
		inputs = append(inputs, Input{Path: p})
	}
	cold := Run(c, inputs, Options{Claims: CorpusClaims})
	require.NotEmpty(t, cold.Stmts)
	cache := NewCache(filepath.Join(t.TempDir(), "cache"), []ledger.File{{Name: "r.yaml", Data: []byte(rules)}}, "test")
	all := Run(c, inputs, Options{Claims: AllClaims, Cache: cache})
	assert.Equal(t, cold.Stmts, all.Stmts, "AllClaims makes the same statements")
	assert.NotEmpty(t, all.Claims)
	warm := Run(c, inputs, Options{Claims: CorpusClaims, Cache: cache})
	assert.Equal(t, cold.Stmts, warm.Stmts, "from the cache filled by AllClaims")
	assert.Equal(t, cold.Findings, warm.Findings)
	assert.Empty(t, warm.Claims)
	// An entry with fewer claims than wanted is a miss, and is checked.
	cache2 := NewCache(filepath.Join(t.TempDir(), "cache2"), []ledger.File{{Name: "r.yaml", Data: []byte(rules)}}, "test")
	Run(c, inputs, Options{Claims: CorpusClaims, Cache: cache2})
	again := Run(c, inputs, Options{Claims: AllClaims, Cache: cache2})
	assert.Equal(t, all.Claims, again.Claims)
	assert.Equal(t, cold.Stmts, again.Stmts)
}

// TestFilesInSortedOrder walks names whose sorted order differs from a
// folder-by-folder walk ('-' and '.' sort before '/'), from overlapping
// roots given out of order: the walk must give what sorting every path
// gives, once each, with a bad root reported in its place.
func TestFilesInSortedOrder(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a.md", "a-b/x.md", "a/y.md", "a/z/w.md", "a0.md", "A.md", "a b/v.md", "é.md", "a/.h/no.md", "a/skip.html"}
	for _, p := range names {
		write(t, filepath.Join(dir, p), "x")
	}
	var want []string
	for _, p := range names {
		if !strings.Contains(p, ".h/") && !strings.HasSuffix(p, ".html") {
			want = append(want, filepath.Join(dir, p))
		}
	}
	sort.Strings(want)

	roots := []string{filepath.Join(dir, "a"), filepath.Join(dir, "missing"), dir + string(filepath.Separator), filepath.Join(dir, "a.md")}
	var got []string
	var errs []error
	for p, err := range Files(roots) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, p)
	}
	assert.Equal(t, want, got)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], os.ErrNotExist)

	// Stopping early: Go panics if an iterator calls yield again after it
	// said stop.
	assert.NotPanics(t, func() {
		for range Files([]string{dir, filepath.Join(dir, "a.md")}) {
			break
		}
	})
}
