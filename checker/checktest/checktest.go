// Package checktest runs a check's annotated example articles, as
// go/analysis's analysistest runs `// want` comments: every article under a
// check's testdata folder is checked against the rule files there, and the
// findings of that check are held to the articles' want annotations. An
// unmet annotation and an unexpected finding both fail the test. Findings of
// other checks are not compared: each check's folder tests that check.
//
//	func TestEventDate(t *testing.T) { checktest.Run(t, "testdata", eventdate.Check) }
package checktest

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/expect"
	"github.com/claimlint/claimlint/checker/ledger"
)

// Ledger loads every .yaml file of dir (not of folders below it) as one
// ledger.
func Ledger(t testing.TB, dir string) *ledger.Ledger {
	t.Helper()
	all, err := ledger.ReadFS(os.DirFS(dir), ".", dir)
	if err != nil {
		t.Fatalf("read the rule files of %s: %v", dir, err)
	}
	// The rule files of dir itself: a folder below it is a case set of
	// its own, with its own ledger.
	var files []ledger.File
	for _, f := range all {
		if filepath.Dir(f.Name) == filepath.Clean(dir) {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		t.Fatalf("%s has no rule file (.yaml)", dir)
	}
	l, err := ledger.Load(files)
	if err != nil {
		t.Fatalf("load the rule files of %s: %v", dir, err)
	}
	return l
}

// Run checks every article (.md, .txt) in dir with the ledger of dir's rule
// files, and compares the findings of check c with the want annotations.
// Every annotation must name c: a folder tests its own check.
func Run(t *testing.T, dir string, c *analysis.Check) {
	t.Helper()
	l := Ledger(t, dir)
	ck := checker.New(l)
	paths, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var stmts []corpus.Stmt
	var all []checker.Finding
	wants := map[string][]expect.Want{}
	var articles []string
	for _, path := range paths {
		if ext := filepath.Ext(path); ext != ".md" && ext != ".txt" {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.Parse(path, src, article.Options{})
		if err != nil {
			t.Fatalf("%v", err)
		}
		ws, err := expect.Parse(path, src)
		if err != nil {
			t.Fatalf("%v", err)
		}
		for _, w := range ws {
			if w.Rule != c.ID {
				t.Errorf("%s:%d:%d: the annotation names %s, but this folder tests %s", path, w.At, w.Col, w.Rule, c.ID)
			}
		}
		wants[path] = ws
		articles = append(articles, path)
		ss, fs := corpus.Statements(ck, a)
		stmts = append(stmts, ss...)
		all = append(all, fs...)
	}
	if len(articles) == 0 {
		t.Fatalf("%s has no example article", dir)
	}
	if c.ID == checker.CrossSource {
		all = append(all, corpus.Check(l, corpus.Cluster(l, stmts), all)...)
	}
	byPath := map[string][]checker.Finding{}
	for _, f := range all {
		if f.Rule == c.ID {
			byPath[f.Path] = append(byPath[f.Path], f)
		}
	}
	met := 0
	for _, path := range articles {
		fs := byPath[path]
		checker.SortFindings(fs)
		fails := expect.Compare(path, wants[path], fs)
		for _, f := range fails {
			t.Error(f.String())
		}
		met += len(wants[path]) - countMissed(fails)
	}
	t.Logf("%s: %d articles, %d expected findings met", c.ID, len(articles), met)
}

func countMissed(fails []expect.Failure) int {
	n := 0
	for _, f := range fails {
		if strings.HasPrefix(f.Msg, "no ") {
			n++
		}
	}
	return n
}

// RunLedger checks the rule files of dir with the ledger checks and holds
// check c's findings to the `# want RULE "regexp"` comments in them: a
// comment expects a finding on the next line that is not blank and not
// itself a comment.
func RunLedger(t *testing.T, dir string, c *analysis.Check) {
	t.Helper()
	l := Ledger(t, dir)
	byPath := map[string][]checker.Finding{}
	for _, f := range checker.LintLedger(l) {
		if f.Rule == c.ID {
			byPath[f.Path] = append(byPath[f.Path], f)
		}
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	sort.Strings(paths)
	total := 0
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ws, err := expect.ParseHash(path, src)
		if err != nil {
			t.Fatalf("%v", err)
		}
		total += len(ws)
		for _, f := range expect.Compare(path, ws, byPath[path]) {
			t.Error(f.String())
		}
		delete(byPath, path)
	}
	if total == 0 {
		t.Errorf("%s: no want comment: a ledger check's folder needs a case it reports", dir)
	}
	for _, path := range slices.Sorted(maps.Keys(byPath)) {
		t.Errorf("%s: findings in a file that is not in %s", path, dir)
	}
}
