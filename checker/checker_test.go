package checker

import (
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/rules"
)

// testChecker is a checker over the default rules plus testdata/extra.yaml.
func testChecker(t testing.TB) *Checker {
	t.Helper()
	files, err := ledger.ReadFS(rules.FS, ".", "rules")
	require.NoError(t, err)
	extra, err := os.ReadFile("testdata/extra.yaml")
	require.NoError(t, err)
	files = append(files, ledger.File{Name: "testdata/extra.yaml", Data: extra})
	l, err := ledger.Load(files)
	require.NoError(t, err)
	return New(l)
}

// run checks text as a Markdown article published on pub.
func run(t *testing.T, c *Checker, pub, outlet, text string) []Finding {
	t.Helper()
	src := "---\npublished: " + pub + "\noutlet: " + outlet + "\n---\n" + text + "\n"
	if pub == "" {
		src = text + "\n"
	}
	a, err := article.Parse("t.md", []byte(src), article.Options{})
	require.NoError(t, err)
	return c.Check(a)
}

type want struct {
	rule string
	msg  string // regexp
}

type checkCase struct {
	name   string
	pub    string
	outlet string
	text   string
	want   []want // nil: no finding at all
}

func runCases(t *testing.T, cases []checkCase) {
	c := testChecker(t)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, c, tt.pub, tt.outlet, tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(tt.want), dump(got))
			}
			for i, w := range tt.want {
				assert.Equal(t, w.rule, got[i].Rule, dump(got))
				assert.Regexp(t, regexp.MustCompile(w.msg), got[i].Message)
			}
		})
	}
}

func dump(fs []Finding) string {
	var s string
	for _, f := range fs {
		s += f.Path + ":" + itoa(f.Line) + ":" + itoa(f.Column) + ": " + f.Message + " [" + f.Rule + "]\n"
	}
	return s
}

func itoa(n int) string {
	const digits = "0123456789"
	if n < 10 {
		return digits[n : n+1]
	}
	return itoa(n/10) + digits[n%10:n%10+1]
}

func TestOfficeHolderFix(t *testing.T) {
	c := testChecker(t)
	got := run(t, c, "2026-02-04", "", "He met Russian Security Council Chairman Sergei Shoigu.")
	require.Len(t, got, 1)
	require.NotNil(t, got[0].Fix)
	assert.Equal(t, "Secretary", got[0].Fix.Replacement)
	assert.Equal(t, "Russian Security Council Secretary Sergei Shoigu", got[0].Expected)
	assert.Equal(t, "Russian Security Council Chairman Sergei Shoigu", got[0].Found)
}

func TestEventDateFix(t *testing.T) {
	c := testChecker(t)
	src := "Putin called Xi on Friday afternoon."
	got := run(t, c, "2025-02-24", "", src)
	require.Len(t, got, 1)
	require.NotNil(t, got[0].Fix)
	assert.Equal(t, "Monday", got[0].Fix.Replacement)
	assert.Equal(t, "Friday", got[0].Found)
	header := len("---\npublished: 2025-02-24\noutlet: \n---\n")
	assert.Equal(t, header+len("Putin called Xi on "), got[0].Fix.Offset)
	assert.Equal(t, got[0].Fix.Offset+len("Friday"), got[0].Fix.EndOffset)
}

func TestFindingsAreSortedAndPositioned(t *testing.T) {
	c := testChecker(t)
	text := "Xi also spoke with former U.S. President Donald Trump.\n\nPutin called Xi on Friday, according to a readout."
	got := run(t, c, "2026-02-09", "", text)
	require.Len(t, got, 2, dump(got))
	assert.Equal(t, "title-at-date", got[0].Rule)
	assert.Equal(t, []int{5, 20, 5, 54}, []int{got[0].Line, got[0].Column, got[0].EndLine, got[0].EndColumn})
	assert.Equal(t, "former U.S. President Donald Trump", got[0].Found)
	assert.Equal(t, "U.S. President Donald Trump", got[0].Expected)
	assert.Equal(t, "president-us", got[0].Evidence.ID)
	assert.Equal(t, "rules/offices.yaml", got[0].Evidence.Pos.File)
	assert.Positive(t, got[0].Evidence.Pos.Line)
	assert.Equal(t, "event-date", got[1].Rule)
	assert.Equal(t, 7, got[1].Line)
	assert.Less(t, got[0].Offset, got[1].Offset)
}

// TestSilence holds sentences that must never produce a finding: a linter
// that cries wolf gets switched off.
func TestSilence(t *testing.T) {
	sentences := []string{
		"Xi spoke by phone on Thursday.",                 // one party: with whom?
		"Xi met Putin's envoy on Friday.",                // a possessive is not a party
		"Putin called Xi's remarks important on Friday.", // "called" is not a call
		"Zelensky called Putin's bluff on Friday.",       //
		"Putin called Xi a \"dear friend\" on Friday.",   //
		"Putin has not called Xi since Friday.",          // negation
		"Xi could meet Putin on Friday.",                 // modal
		"Analysts said Putin called Xi on Friday, but the ministry denied it.",
		"Putin, who called Xi on Monday, spoke to Trump on Wednesday.",
		"Putin praised Xi on Friday for the call they held on Monday.", // two dates
		"Xi and Putin met in Moscow in 2023.",                          // a year: too coarse
		"The Kremlin said Putin would call Xi on Friday.",              // modal
		"\"Putin called Xi on Friday,\" a diplomat claimed.",           // quoted
		"Did Putin call Xi on Friday?",                                 // a question
		"Xi called for calm, and Putin called on the West to talk on Friday.",
		"Russian dictator Vladimir Putin spoke with Chinese counterpart Xi Jinping.",
		"Moscow consistently ranks first among suppliers of energy to China.",
		"Putin accepted an invitation to visit China in the first half of the year.",
	}
	c := testChecker(t)
	for _, s := range sentences {
		if got := run(t, c, "2025-02-27", "", s); len(got) > 0 {
			t.Errorf("%q:\n%s", s, dump(got))
		}
	}
}

// TestTheCallRefersToTheArticlesEvent: "the call", with one party named,
// is the call the article already established.
func TestTheCallRefersToTheArticlesEvent(t *testing.T) {
	runCases(t, []checkCase{
		{name: "initiator of the established call", pub: "2025-02-24",
			text: "Xi Jinping told Vladimir Putin on Monday, in a phone call, that ties were firm.\n\nBeijing's readout noted that the call was initiated by Xi.",
			want: []want{{"event-initiator", `on Monday 2025-02-24 was initiated by Putin, not Xi`}}},
		{name: "no established call", pub: "2025-02-24",
			text: "Beijing's readout noted that the call was initiated by Xi."},
	})
}

// TestCorpusFindings pins engine behaviour found while writing the demo
// corpus: each case failed once.
func TestCorpusFindings(t *testing.T) {
	runCases(t, []checkCase{
		{name: "a title between two terms", pub: "2024-04-03",
			text: "The tariffs date back to a trade war launched by President Donald Trump.",
			want: []want{{"title-at-date", `term as President of the United States ended on 2021-01-20`}}},
		{name: "'the US' in a list of countries", pub: "2026-02-05",
			text: "Ukraine, the US and Russia held a third round of talks in Riyadh on Wednesday.",
			want: []want{{"ordinal", `round 2 of the series, not the third`}, {"event-venue", `held in Abu Dhabi, not Riyadh`}}},
		{name: "a name as a modifier is no party", pub: "2025-02-24",
			text: "Putin called Xi Jinping on Friday, briefing him on contacts with the Trump administration.",
			want: []want{{"event-date", `not Friday`}}},
		{name: "had last met counts back from another event", pub: "2023-11-16",
			text: "Biden and Xi had last met in person in November 2022, in Bali."},
		{name: "a reporting verb does not set the tense", pub: "2025-02-25",
			text: "Russian and U.S. diplomats will meet in Riyadh on Thursday for a second round of talks, officials said, this time focused on embassies.",
			want: []want{{"event-venue", `held in Istanbul, not Riyadh`}}},
		{name: "'no breakthrough' is not a negated event", pub: "2026-02-05",
			text: "The 40-minute call between Xi and Putin on Wednesday produced no breakthrough.",
			want: []want{{"event-duration", `lasted 1h25m, not 40m`}}},
		{name: "a since-date bounds a period, it does not date the event", pub: "2021-11-16", outlet: "Xinhua",
			text: "Xi Jinping held a virtual meeting with Joe Biden on Tuesday morning, the first since Biden took office in January.",
		},
		{name: "a dated clause long after the term", pub: "2026-02-05",
			text: "Wang Yi met Russia's Defence Minister Sergei Shoigu in Beijing on Sunday.",
			want: []want{{"title-at-date", `Minister of Defence of Russia ended on 2024-05-14`}}},
		{name: "the anchor named after 'anniversary of'", pub: "2026-02-04",
			text: "The call came as the war in Ukraine neared its third anniversary, a day before New START expires.",
			want: []want{{"anniversary", `the next anniversary is the fourth`}}},
		{name: "office-term with a successor named", pub: "2025-10-22",
			text: "Shigeru Ishiba took office as Prime Minister in October 2023, succeeding Fumio Kishida.",
			want: []want{{"office-term", `began on 2024-10-01, not October 2023`}}},
	})
}

func TestSuppressions(t *testing.T) {
	runCases(t, []checkCase{
		{name: "next line, with a reason", pub: "2025-02-24",
			text: "<!-- claimlint-disable-next-line event-date -- the desk confirmed it -->\n\nPutin called Xi on Friday afternoon."},
		{name: "a block", pub: "2025-02-24",
			text: "<!-- claimlint-disable event-date,event-medium -- quoting a wire -->\nPutin called Xi on Friday afternoon.\n<!-- claimlint-enable event-date,event-medium -->\n\nPutin called Xi on Friday, again.",
			want: []want{{"event-date", `not Friday`}}},
		{name: "no reason: reported and not applied", pub: "2025-02-24",
			text: "<!-- claimlint-disable-next-line event-date -->\nPutin called Xi on Friday afternoon.",
			want: []want{{"bad-directive", `has no reason`}, {"event-date", `not Friday`}}},
		{name: "unknown rule", pub: "2025-02-24",
			text: "<!-- claimlint-disable-next-line event-dates -- typo -->\nPutin called Xi on Friday afternoon.",
			want: []want{{"bad-directive", `unknown rule "event-dates"`}, {"event-date", `not Friday`}}},
		{name: "silences nothing", pub: "2025-02-24",
			text: "<!-- claimlint-disable-next-line event-medium -- just in case -->\nPutin called Xi on Friday afternoon.",
			want: []want{{"unused-directive", `silences nothing`}, {"event-date", `not Friday`}}},
		{name: "enable without disable", pub: "2025-02-24",
			text: "<!-- claimlint-enable event-date -->\nText.",
			want: []want{{"bad-directive", `has no claimlint-disable event-date before it`}}},
	})
}

func TestLintLedger(t *testing.T) {
	files, err := ledger.ReadFS(rules.FS, ".", "rules")
	require.NoError(t, err)
	l, err := ledger.Load(files)
	require.NoError(t, err)
	assert.Empty(t, dump(LintLedger(l)), "the default rules lint clean")

	bad := `entities:
  - id: a
    kind: person
    name: Ann Example
    aliases: [Example]
  - id: b
    kind: person
    name: Bob Example
    aliases: [Example]
  - id: c
    kind: country
    name: Examplia
offices:
  - id: fm
    title: Foreign Minister
    country: c
    phrasings: [Minister]
    holders:
      - who: a
        from: 2024-01-01
  - id: dm
    title: Defence Minister
    country: c
    phrasings: [Minister]
events:
  - id: e1
    kind: call
    date: 2023-05-01
    participants: [a, b]
    sources: [{outlet: x, date: 2023-04-01}]
  - id: e2
    kind: call
    date: 2023-05-01
    participants: [b, a]
`
	l, err = ledger.Load([]ledger.File{{Name: "bad.yaml", Data: []byte(bad)}})
	require.NoError(t, err)
	got := LintLedger(l)
	var lines []string
	for _, f := range got {
		lines = append(lines, f.Path+":"+itoa(f.Line)+":"+itoa(f.Column)+": "+f.Message+" ["+f.Rule+"]")
	}
	assert.Equal(t, []string{
		`bad.yaml:6:5: alias "Example" of b is also a name of a (bad.yaml:2:5): a mention of it names neither [ledger-alias]`,
		`bad.yaml:21:5: phrasing "Minister" of dm is also a phrasing of fm (bad.yaml:14:5) in the same country: a title written so names neither [ledger-phrasing]`,
		`bad.yaml:26:5: event e1 on 2023-05-01: Ann Example held none of their offices in the ledger that day [ledger-participant]`,
		`bad.yaml:26:5: event e1 is dated 2023-05-01, after every source that backs it (the latest is 2023-04-01) [ledger-source-date]`,
		`bad.yaml:31:5: event e2 repeats e1 (bad.yaml:26:5): the same kind, participants and day [ledger-duplicate-event]`,
		`bad.yaml:31:5: event e2 on 2023-05-01: Ann Example held none of their offices in the ledger that day [ledger-participant]`,
	}, lines)
}

// TestReviewFindings pins bugs a review found.
func TestReviewFindings(t *testing.T) {
	runCases(t, []checkCase{
		{name: "enabling one rule ends only that rule's disable", pub: "2025-02-24",
			text: "<!-- claimlint-disable event-date,title-at-date -- a quoted wire -->\nPutin called Xi on Friday.\n<!-- claimlint-enable title-at-date -->\nPutin called Xi on Friday, again."},
		{name: "an anniversary counted before its anchor", pub: "2025-02-24",
			text: "Officials marked the 4th anniversary of the invasion in 2019."},
	})
	c := testChecker(t)
	got := run(t, c, "2026-02-05", "", "In May, Xi and Putin last met in person.")
	require.Len(t, got, 1, dump(got))
	assert.Less(t, got[0].Offset, got[0].EndOffset, "a span never ends before it starts")
	assert.NotEmpty(t, got[0].Found)
}

// TestCandidatesUseTheIndex checks that finding the events of a set of
// participants through the index of events by participant gives what
// looking at every event gives, for every pair and single participant of
// the default rules and every kind.
func TestCandidatesUseTheIndex(t *testing.T) {
	c := testChecker(t)
	all := func(parts []*ledger.Entity, kinds []string) []*ledger.Event {
		var out []*ledger.Event
		for _, e := range c.L.Events {
			if e.Kind == ledger.Anchor || !slices.Contains(kinds, e.Kind) {
				continue
			}
			if !slices.ContainsFunc(parts, func(x *ledger.Entity) bool { return !slices.Contains(e.Participants, x.ID) }) {
				out = append(out, e)
			}
		}
		return out
	}
	var ents []*ledger.Entity
	for _, e := range c.L.Entities {
		if slices.ContainsFunc(c.L.Events, func(ev *ledger.Event) bool { return slices.Contains(ev.Participants, e.ID) }) {
			ents = append(ents, e)
		}
	}
	require.Greater(t, len(ents), 3)
	found := 0
	for _, kinds := range [][]string{ledger.EventKinds, {"call"}, {"meeting", "talks"}} {
		for _, a := range ents {
			for _, b := range append([]*ledger.Entity{nil}, ents...) {
				parts := []*ledger.Entity{a}
				if b != nil {
					parts = append(parts, b)
				}
				want := all(parts, kinds)
				found += len(want)
				assert.Equal(t, want, c.index.Candidates(parts, kinds), "%v %v", parts, kinds)
			}
		}
	}
	assert.Greater(t, found, 0)
}
