package corpus

import (
	"encoding/gob"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/rec"
)

// testLedger is testdata/ledger.yaml, which the report's tests share.
var testLedger = func() string {
	b, err := os.ReadFile("testdata/ledger.yaml")
	if err != nil {
		panic(err)
	}
	return string(b)
}()

func testLedgerT(t *testing.T) *ledger.Ledger {
	t.Helper()
	l, err := ledger.Load([]ledger.File{{Name: "testdata/ledger.yaml", Data: []byte(testLedger)}})
	require.NoError(t, err)
	return l
}

type doc struct{ path, pub, text string }

// run checks the articles, in the order given, and compares them: it returns
// every finding and the events.
func run(t *testing.T, docs ...doc) ([]checker.Finding, []*Event) {
	t.Helper()
	l := testLedgerT(t)
	c := checker.New(l)
	var stmts []Stmt
	var findings []checker.Finding
	for _, d := range docs {
		a, err := article.Parse(d.path, []byte("---\npublished: "+d.pub+"\n---\n"+d.text+"\n"), article.Options{})
		require.NoError(t, err)
		ss, fs := Statements(c, a)
		stmts = append(stmts, ss...)
		findings = append(findings, fs...)
	}
	events := Cluster(l, stmts)
	findings = append(findings, Check(l, events, findings)...)
	checker.SortFindings(findings)
	return findings, events
}

func lines(fs []checker.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s:%d:%d: %s [%s]\n", f.Path, f.Line, f.Column, f.Message, f.Rule)
		for _, r := range f.Related {
			fmt.Fprintf(&b, "\trelated %s:%d:%d: %s\n", r.Path, r.Line, r.Column, r.Message)
		}
	}
	return b.String()
}

func only(fs []checker.Finding, rule string) []checker.Finding {
	var out []checker.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestAgreeingArticlesStaySilent(t *testing.T) {
	fs, events := run(t,
		doc{"a.md", "2025-03-05", "Ada Example called Bo Sample on Tuesday."},
		doc{"b.md", "2025-03-06", "Example called Sample on March 4, officials said."},
		doc{"c.md", "2025-04-11", "Ada Example and Bo Sample met in Belgrove on Thursday."},
		doc{"d.md", "2025-04-12", "Ada Example and Bo Sample met in Borvia on April 10."}, // the country holds the city
	)
	assert.Empty(t, fs, lines(fs))
	require.Len(t, events, 2)
	assert.Equal(t, "call-0304", events[0].Key)
	assert.Len(t, events[0].Claims, 2)
	assert.Equal(t, "meeting-0410", events[1].Key)
	for _, ev := range events {
		for i := range ev.Claims {
			for _, attr := range Attrs {
				assert.False(t, ev.Conflicted(i, attr), "%s %s of claim %d", ev.Key, attr, i)
			}
		}
	}
}

func TestInitiatorTheLedgerDoesNotHold(t *testing.T) {
	a := doc{"a.md", "2025-03-05", "Ada Example called Bo Sample on Tuesday."}
	b := doc{"b.md", "2025-03-05", "Bo Sample called Ada Example on Tuesday."}
	fs, events := run(t, a, b)
	got := only(fs, checker.CrossSource)
	require.Len(t, got, 2, lines(fs))
	assert.Len(t, fs, 2, "no other finding: the ledger holds no initiator")

	assert.Equal(t, "a.md", got[0].Path)
	assert.Equal(t, checker.Warning, got[0].Severity)
	assert.Equal(t, "Ada Example", got[0].Found)
	assert.Equal(t, "Sample", got[0].Expected)
	assert.Equal(t, 4, got[0].Line)
	assert.Equal(t, 1, got[0].Column)
	assert.Contains(t, got[0].Message, "articles disagree on who initiated the Example–Sample call on Tuesday 2025-03-04 (the ledger does not say): this one says Example; b.md:4 says Sample")
	require.Len(t, got[0].Related, 1)
	assert.Equal(t, checker.Related{Path: "b.md", Line: 4, Column: 1, EndLine: 4, EndColumn: 10, Message: "b.md says Sample"}, got[0].Related[0])
	require.NotNil(t, got[0].Evidence)
	assert.Equal(t, "call-0304", got[0].Evidence.ID)

	assert.Equal(t, "b.md", got[1].Path)
	assert.Equal(t, "a.md", got[1].Related[0].Path)

	require.Len(t, events, 1)
	assert.True(t, events[0].Conflicted(0, "initiator"))
	assert.True(t, events[0].Conflicted(1, "initiator"))
	assert.False(t, events[0].Conflicted(0, "date"))
	ids, n := events[0].Against(0, "initiator", 10)
	assert.Equal(t, []int{1}, ids)
	assert.Equal(t, 1, n)

	// The order of the files changes nothing.
	fs2, _ := run(t, b, a)
	assert.Equal(t, lines(fs), lines(fs2))
}

func TestLedgerFactsGetContextNotCrossSource(t *testing.T) {
	fs, _ := run(t,
		doc{"a.md", "2025-03-05", "Ada Example and Bo Sample spoke by phone on Tuesday."},
		doc{"b.md", "2025-03-08", "Ada Example and Bo Sample spoke by phone on Friday."},
		doc{"c.md", "2025-03-08", "Ada Example and Bo Sample spoke by video on March 4."},
	)
	assert.Empty(t, only(fs, checker.CrossSource), lines(fs))
	dates := only(fs, "event-date")
	require.Len(t, dates, 1, lines(fs))
	assert.Equal(t, "b.md", dates[0].Path)
	require.Len(t, dates[0].Related, 2, lines(fs))
	// A weekday shows as its day; a date written otherwise, quoted beside it.
	assert.Equal(t, "a.md says Tuesday 2025-03-04", dates[0].Related[0].Message)
	assert.Equal(t, `c.md says "March 4" (Tuesday 2025-03-04)`, dates[0].Related[1].Message)
	media := only(fs, "event-medium")
	require.Len(t, media, 1, lines(fs))
	assert.Equal(t, "c.md", media[0].Path)
	// b.md, which the ledger dates otherwise, may tell of another call: it
	// is not context for the medium.
	require.Len(t, media[0].Related, 1, lines(fs))
	assert.Equal(t, "a.md says by phone", media[0].Related[0].Message)
}

func TestUnledgeredEvent(t *testing.T) {
	// A call the ledger does not hold, dated two days apart by two articles.
	a := doc{"a.md", "2025-05-14", "Ada Example and Bo Sample spoke by phone on Tuesday."}  // 2025-05-13
	b := doc{"b.md", "2025-05-16", "Ada Example and Bo Sample spoke by phone on Thursday."} // 2025-05-15
	fs, events := run(t, a, b)
	require.Len(t, events, 1, lines(fs))
	assert.Nil(t, events[0].Ledger)
	assert.Equal(t, "~call:ada-example,bo-sample:2025-05-13", events[0].Key)
	got := only(fs, checker.CrossSource)
	require.Len(t, got, 2, lines(fs))
	assert.Contains(t, got[0].Message, "articles disagree on the date of the Example–Sample call around 2025-05-13 (not in the ledger): this one says Tuesday 2025-05-13; b.md:4 says Thursday 2025-05-15")
	assert.Equal(t, "Tuesday", got[0].Found)
	assert.Nil(t, got[0].Evidence)

	// Agreeing on the day: one event, no finding.
	c := doc{"c.md", "2025-05-15", "Ada Example and Bo Sample spoke by phone on May 13."}
	fs, events = run(t, a, c)
	assert.Empty(t, fs, lines(fs))
	require.Len(t, events, 1)
	assert.Len(t, events[0].Claims, 2)

	// Four days apart: two events, and each told by one article only.
	d := doc{"d.md", "2025-05-18", "Ada Example and Bo Sample spoke by phone on Saturday."} // 2025-05-17
	fs, events = run(t, a, d)
	assert.Empty(t, fs, lines(fs))
	assert.Empty(t, events)

	// A day apart: perhaps one call, dated in two time zones. Silent.
	f := doc{"f.md", "2025-05-15", "Ada Example and Bo Sample spoke by phone on Wednesday."} // 2025-05-14
	fs, events = run(t, a, f)
	assert.Empty(t, fs, lines(fs))
	require.Len(t, events, 1)
	assert.Len(t, events[0].Claims, 2)

	// Other facts are compared only between claims of the same day.
	g := doc{"g.md", "2025-05-14", "Ada Example and Bo Sample spoke by video on Tuesday."}   // 2025-05-13
	h := doc{"h.md", "2025-05-16", "Ada Example and Bo Sample spoke by video on Thursday."}  // 2025-05-15
	i := doc{"i.md", "2025-05-14", "Ada Example and Bo Sample spoke by phone on Wednesday."} // 2025-05-14
	fs, _ = run(t, a, g)
	got = only(fs, checker.CrossSource)
	require.Len(t, got, 2, lines(fs))
	assert.Contains(t, got[0].Message, "whether the Example–Sample call around 2025-05-13 (not in the ledger) was by phone, by video or in person: this one says by phone; g.md:4 says by video")
	fs, _ = run(t, h, i)
	assert.Empty(t, only(fs, checker.CrossSource), lines(fs))

	// One article that itself gives two calls two days apart: two events.
	e := doc{"e.md", "2025-05-16", "Ada Example and Bo Sample spoke by phone on Tuesday. Ada Example and Bo Sample spoke by phone again on Thursday."}
	fs, _ = run(t, a, e)
	assert.Empty(t, only(fs, checker.CrossSource), lines(fs))
}

func TestSilentCases(t *testing.T) {
	for _, tt := range []struct {
		name string
		docs []doc
	}{
		{"one article contradicting itself", []doc{
			{"a.md", "2025-03-05", "Ada Example called Bo Sample on Tuesday.\n\nBo Sample called Ada Example on Tuesday."},
		}},
		{"a plan", []doc{
			{"a.md", "2025-05-10", "Ada Example and Bo Sample will speak by phone on Tuesday."}, // 2025-05-13
			{"b.md", "2025-05-16", "Ada Example and Bo Sample spoke by phone on Thursday."},     // 2025-05-15
		}},
		{"hedged", []doc{
			{"a.md", "2025-03-05", "Ada Example called Bo Sample on Tuesday."},
			{"b.md", "2025-03-05", "Bo Sample reportedly called Ada Example on Tuesday."},
		}},
		{"silenced by a directive", []doc{
			{"a.md", "2025-03-05", "<!-- claimlint-disable-next-line cross-source -- the desk checked who called -->\nAda Example called Bo Sample on Tuesday."},
			{"b.md", "2025-03-05", "<!-- claimlint-disable-next-line cross-source -- the desk checked who called -->\nBo Sample called Ada Example on Tuesday."},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs, _ := run(t, tt.docs...)
			assert.Empty(t, only(fs, checker.CrossSource), lines(fs))
			assert.Empty(t, only(fs, "unused-directive"), lines(fs))
		})
	}
}

func TestAClaimDatedOtherwiseIsComparedOnNothingElse(t *testing.T) {
	// b.md puts the call three days late: it may tell of another call, so
	// its initiator is not set against a.md's.
	fs, _ := run(t,
		doc{"a.md", "2025-03-05", "Ada Example called Bo Sample on Tuesday."},
		doc{"b.md", "2025-03-08", "Bo Sample called Ada Example on Friday."},
	)
	assert.Empty(t, only(fs, checker.CrossSource), lines(fs))
	require.Len(t, only(fs, "event-date"), 1, lines(fs))
}

func TestCoverageRulesOutAnEvent(t *testing.T) {
	// Where the ledger declares it holds every call of the pair, a call it
	// lacks is event-unknown, and articles are not compared on it.
	l, err := ledger.Load([]ledger.File{{Name: "test.yaml", Data: []byte(testLedger + `
coverage:
  - kinds: [call]
    participants: [ada-example, bo-sample]
    from: 2025-01-01
    to: 2025-12-31
`)}})
	require.NoError(t, err)
	c := checker.New(l)
	var stmts []Stmt
	var findings []checker.Finding
	for _, d := range []doc{
		{"a.md", "2025-05-14", "Ada Example called Bo Sample on Tuesday."},
		{"b.md", "2025-05-14", "Bo Sample called Ada Example on Tuesday."},
	} {
		a, err := article.Parse(d.path, []byte("---\npublished: "+d.pub+"\n---\n"+d.text+"\n"), article.Options{})
		require.NoError(t, err)
		ss, fs := Statements(c, a)
		stmts, findings = append(stmts, ss...), append(findings, fs...)
	}
	assert.Len(t, only(findings, "event-unknown"), 2, lines(findings))
	events := Cluster(l, stmts)
	assert.Empty(t, events)
	assert.Empty(t, Check(l, events, findings))
}

func TestVenueDisagreementOnLedgerVenue(t *testing.T) {
	// The ledger holds the venue: the wrong article gets event-venue, with
	// the right one beside it, and no cross-source.
	fs, _ := run(t,
		doc{"a.md", "2025-04-11", "Ada Example and Bo Sample met in Belgrove on Thursday."},
		doc{"b.md", "2025-04-11", "Ada Example and Bo Sample met in Port Ada on Thursday."},
	)
	require.Len(t, fs, 1, lines(fs))
	assert.Equal(t, "event-venue", fs[0].Rule)
	assert.Equal(t, "b.md", fs[0].Path)
	require.Len(t, fs[0].Related, 1)
	assert.Equal(t, "a.md says Belgrove", fs[0].Related[0].Message)
}

// TestManyArticles checks that a finding lists at most MaxRelated other
// articles and counts the rest.
func TestManyArticles(t *testing.T) {
	var docs []doc
	for i := range 30 {
		text := "Ada Example called Bo Sample on Tuesday."
		if i%2 == 1 {
			text = "Bo Sample called Ada Example on Tuesday."
		}
		docs = append(docs, doc{fmt.Sprintf("a%02d.md", i), "2025-03-05", text})
	}
	fs, _ := run(t, docs...)
	got := only(fs, checker.CrossSource)
	require.Len(t, got, 30)
	for _, f := range got {
		assert.Len(t, f.Related, MaxRelated)
		assert.Contains(t, f.Message, "and 5 more claims")
	}
	assert.Equal(t, "a01.md", got[0].Related[0].Path)
	assert.Equal(t, "a00.md", got[1].Related[0].Path)
}

// TestCollectorComparesAsCluster checks that comparing packed statements
// group by group finds what comparing them all at once finds: held in
// memory, and written to disk from the start or part way.
func TestCollectorComparesAsCluster(t *testing.T) {
	l := testLedgerT(t)
	c := checker.New(l)
	var docs []doc
	for i := range 12 {
		texts := []string{
			"Ada Example called Bo Sample on Tuesday.",
			"Bo Sample called Ada Example on Tuesday. Ada Example and Bo Sample met in Port Ada on April 10.",
			"Ada Example and Bo Sample spoke by phone on May 13.",
			"Ada Example and Bo Sample spoke by video on May 13. <!-- x -->",
			"Ada Example and Bo Sample spoke by phone on May 16.",
			"Ada Example and Bo Sample met in Belgrove on April 10.",
		}
		docs = append(docs, doc{fmt.Sprintf("d%02d.md", i), "2025-05-20", texts[i%len(texts)]})
	}
	var per [][]Stmt
	var stmts []Stmt
	for _, d := range docs {
		a, err := article.Parse(d.path, []byte("---\npublished: "+d.pub+"\n---\n"+d.text+"\n"), article.Options{})
		require.NoError(t, err)
		ss, _ := Statements(c, a)
		per = append(per, ss)
		stmts = append(stmts, ss...)
	}
	want := Check(l, Cluster(l, stmts), nil)
	require.NotEmpty(t, want)
	for _, spillAt := range []int{-1, 1, len(stmts) / 2} {
		t.Run(fmt.Sprint("spill at ", spillAt), func(t *testing.T) {
			coll := NewCollector(l)
			coll.SpillAt = spillAt
			for _, ss := range per {
				coll.Add(ss)
			}
			var dir string
			if coll.disk != nil {
				dir = coll.disk.dir
			}
			assert.Equal(t, spillAt > 0, dir != "", "statements on disk")
			var got []checker.Finding
			require.NoError(t, coll.Each(func(f checker.Finding) { got = append(got, f) }))
			// Read back from disk, empty lists are nil.
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("findings differ (-held at once +collected):\n%s", diff)
			}
			require.NoError(t, coll.Close())
			if dir != "" {
				assert.NoDirExists(t, dir, "Close removes the spilled statements")
			}
		})
	}
}

// TestSpilledStatementRoundTrip writes a statement with every field set
// and reads it back; a cut record is an error, never a half statement.
func TestSpilledStatementRoundTrip(t *testing.T) {
	s := Stmt{
		Path: "a/b.md", Line: 3, Column: 7, Offset: 40, EndOffset: 90, Ledger: "ev", Kinds: Kinds{"call"},
		Participants: IDs{"x", "y"}, Date: period("2025-05-13"), Medium: "phone", Initiator: "x", Venue: "v",
		Parts:   []Part{{"date", "on Tuesday", 3, 20, 3, 30, 55, 65, 20, 30}, {"medium", "by phone", 3, 8, 3, 16, 43, 51, 8, 16}},
		Wrong:   []string{"date", "medium"},
		Planned: true, Quiet: true,
	}
	var w rec.Writer
	EncodeStmt(&w, s)
	b := w.B
	got, err := decodeStmt(b)
	require.NoError(t, err)
	assert.Equal(t, s, got)
	for n := range len(b) {
		_, err := decodeStmt(b[:n])
		assert.Error(t, err, "cut at %d of %d bytes", n, len(b))
	}
}

// TestMergeSortedRuns merges runs of sorted findings, written as the
// collector writes them, into the order of one stable sort of them all:
// of equal findings, the earlier run's first.
func TestMergeSortedRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var all []checker.Finding
	var runs []*os.File
	for r := range 4 {
		var fs []checker.Finding
		for range 50 {
			fs = append(fs, checker.Finding{
				Path: fmt.Sprintf("a%d.md", rng.IntN(5)), Line: rng.IntN(4), Column: 1 + rng.IntN(2),
				Rule: checker.CrossSource, Message: "m", Found: fmt.Sprint(r), // equal but for the run
			})
		}
		checker.SortFindings(fs)
		all = append(all, fs...)
		f, err := os.Create(filepath.Join(t.TempDir(), "run"))
		require.NoError(t, err)
		t.Cleanup(func() { f.Close() })
		enc := gob.NewEncoder(f)
		for i := range fs {
			require.NoError(t, enc.Encode(&fs[i]))
		}
		runs = append(runs, f)
	}
	checker.SortFindings(all)
	var got []checker.Finding
	require.NoError(t, merge(runs, func(f checker.Finding) { got = append(got, f) }))
	assert.Equal(t, all, got)
}

// randomStmts makes the statements of n articles about the test ledger's
// two events and an event it does not hold, with every kind of value,
// planned, quiet and misdated claims, several to an article.
func randomStmts(rng *rand.Rand, n int) [][]Stmt {
	pick := func(vs ...string) string { return vs[rng.IntN(len(vs))] }
	kinds := func(s string) Kinds { return strings.Split(s, "|") }
	ids := func(s string) IDs { return strings.Split(s, ",") }
	var arts [][]Stmt
	for a := range n {
		var ss []Stmt
		n := 1 + rng.IntN(3)
		backwards := rng.IntN(3) == 0 // claims not in the order of the text
		for k := range n {
			at := k
			if backwards {
				at = n - 1 - k
			}
			s := Stmt{
				Path: fmt.Sprintf("a%04d.md", a), Line: 1 + at, Column: 1, Offset: 100 * at, EndOffset: 100*at + 50,
				Participants: ids("ada-example,bo-sample"), Planned: rng.IntN(10) == 0, Quiet: rng.IntN(20) == 0,
			}
			switch rng.IntN(3) {
			case 0:
				s.Ledger, s.Kinds, s.Date = "call-0304", kinds("call"), period("2025-03-04")
			case 1:
				s.Ledger, s.Kinds, s.Date = "meeting-0410", kinds("meeting|talks"), period("2025-04-10")
			default: // an event the ledger does not hold
				s.Kinds = kinds(pick("call", "call", "meeting|talks"))
				// Every set of two or more of the four parties: several
				// share a bucket on disk.
				s.Participants = ids(pick("ada-example,bo-sample", "bo-sample,ada-example", "ada-example,borvia", "ada-example,arland,bo-sample",
					"ada-example,arland", "arland,borvia", "bo-sample,borvia", "arland,bo-sample", "ada-example,arland,borvia",
					"ada-example,bo-sample,borvia", "arland,bo-sample,borvia", "ada-example,arland,bo-sample,borvia"))
				// The same day in most of an article's claims, so that not
				// every article splits its event in two.
				s.Date = period(pick("2025-05-01", "2025-05-02", "2025-05-05", "2025-05-09"))
				if k > 0 && rng.IntN(4) > 0 {
					s.Date = ss[0].Date
				}
			}
			if s.Ledger != "" && rng.IntN(8) == 0 {
				s.Date, s.Wrong = period("2025-01-01"), []string{"date"}
			}
			s.Medium = pick("", "phone", "video", "in-person")
			s.Initiator = pick("", "", "ada-example", "bo-sample")
			s.Venue = pick("", "", "port-ada", "belgrove", "arland", "borvia")
			for i, attr := range Attrs {
				if v := s.Value(attr); v != "" {
					off := int32(s.Offset + 10*i)
					s.Parts = append(s.Parts, Part{attr, attr + " " + v, int32(s.Line), int32(1 + 10*i), int32(s.Line), int32(9 + 10*i), off, off + 8, int32(1 + 10*i), int32(9 + 10*i)})
				}
			}
			ss = append(ss, s)
		}
		arts = append(arts, ss)
	}
	return arts
}

// sameFinding is equality of findings, but for an empty list read back
// from disk as nil.
func sameFinding(a, b checker.Finding) bool {
	if a.Evidence != nil && b.Evidence != nil && len(a.Evidence.Sources) == 0 && len(b.Evidence.Sources) == 0 {
		ea, eb := *a.Evidence, *b.Evidence
		ea.Sources, eb.Sources = nil, nil
		a.Evidence, b.Evidence = &ea, &eb
	}
	return reflect.DeepEqual(a, b)
}

// TestCollectorStreamsEvents compares many articles' statements about the
// same events, written to disk and compared event by event without holding
// them, with comparing them all at once; in order, and out of order (which
// falls back to memory).
func TestCollectorStreamsEvents(t *testing.T) {
	l := testLedgerT(t)
	for seed := range uint64(4) {
		rng := rand.New(rand.NewPCG(seed, 7))
		arts := randomStmts(rng, 400)
		var all []Stmt
		for _, ss := range arts {
			all = append(all, ss...)
		}
		want := Check(l, Cluster(l, slices.Clone(all)), nil)
		ledgered := 0
		for _, f := range want {
			if f.Evidence != nil {
				ledgered++
			}
		}
		require.Greater(t, ledgered, 0, "findings on ledger events")
		require.Greater(t, len(want)-ledgered, 0, "findings on events the ledger does not hold")
		shuffled := slices.Clone(arts)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		variants := []struct {
			name     string
			order    [][]Stmt
			spillAt  int
			runs     bool // findings sorted in many small runs
			inMemory bool // out of order: compared in memory
		}{
			{"in order", arts, 1, false, false},
			{"in order, half held before the spill", arts, len(all) / 2, false, false},
			{"in order, sorted in runs", arts, 1, true, false},
			{"shuffled", shuffled, 1, false, true},
		}
		for _, v := range variants {
			name := v.name
			batch := sortBatch
			if v.runs {
				sortBatch = 7
			}
			defer func() { sortBatch = batch }()
			coll := NewCollector(l)
			coll.SpillAt = v.spillAt
			for _, ss := range v.order {
				coll.Add(slices.Clone(ss))
			}
			require.NotNil(t, coll.disk)
			var got []checker.Finding
			require.NoError(t, coll.Each(func(f checker.Finding) { got = append(got, f) }))
			assert.Equal(t, v.inMemory, coll.disk.inMemory > 0, "%s: compared in memory", name)
			require.NoError(t, coll.Close())
			sortBatch = batch
			if !slices.EqualFunc(want, got, sameFinding) {
				t.Fatalf("seed %d, %s: findings differ (-held at once +streamed):\n%s", seed, name, cmp.Diff(want, got, cmpopts.EquateEmpty()))
			}
		}
	}
}

// period reads a date as claims output writes it.
func period(s string) civil.Period {
	var p civil.Period
	if err := p.UnmarshalText([]byte(s)); err != nil {
		panic(err)
	}
	return p
}

// TestContextAddsWhatCheckAdds: the related locations a streamed run adds
// to the ledger's findings, article by article, from what Context learnt,
// are those Check adds holding every statement and finding, in the same
// order; with few articles and with many more than a finding lists.
func TestContextAddsWhatCheckAdds(t *testing.T) {
	l := testLedgerT(t)
	for seed := range uint64(12) {
		rng := rand.New(rand.NewPCG(seed, 9))
		arts := randomStmts(rng, []int{2, 5, 14, 60, 400}[seed%5])
		// Findings on the claims the ledger contradicts, and others.
		var per [][]checker.Finding
		for _, ss := range arts {
			var fs []checker.Finding
			for i := range ss {
				s := &ss[i]
				if s.Ledger != "" && rng.IntN(3) == 0 {
					s.Wrong = append(s.Wrong, Attrs[1+rng.IntN(3)])
				}
				for _, attr := range s.Wrong {
					fs = append(fs, checker.Finding{Path: s.Path, Line: s.Line, Offset: s.Offset + rng.IntN(s.EndOffset-s.Offset), Rule: RuleOf[attr], Message: attr})
				}
				if rng.IntN(2) == 0 {
					fs = append(fs, checker.Finding{Path: s.Path, Line: s.Line, Offset: s.Offset, Rule: "title-at-date"})
				}
			}
			checker.SortFindings(fs)
			per = append(per, fs)
		}
		var all []Stmt
		var want []checker.Finding
		for i, ss := range arts {
			all = append(all, ss...)
			want = append(want, per[i]...)
		}
		want = slices.Clone(want)
		Check(l, Cluster(l, slices.Clone(all)), want)
		withRelated := 0
		for _, f := range want {
			if len(f.Related) > 0 {
				withRelated++
			}
		}
		if len(arts) >= 60 {
			require.Greater(t, withRelated, 0, "seed %d: findings with related locations", seed)
		}

		ctx := NewContext(l)
		for _, ss := range arts {
			ctx.Learn(ss)
		}
		var got []checker.Finding
		for i := len(arts) - 1; i >= 0; i-- { // Apply in any order
			fs := slices.Clone(per[i])
			ctx.Apply(arts[i], fs)
			got = append(fs, got...)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("seed %d (%d articles): related locations differ (-Check +Context):\n%s", seed, len(arts), diff)
		}
	}
}
