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

func TestTitleAtDate(t *testing.T) {
	runCases(t, []checkCase{
		{name: "former for a sitting president", pub: "2026-02-05",
			text: "Xi also spoke with former U.S. President Donald Trump.",
			want: []want{{"title-at-date", `^Donald Trump holds the office of President of the United States on 2026-02-05 \(term from 2025-01-20\)`}}},
		{name: "sitting president, right", pub: "2026-02-05",
			text: "Xi also spoke with U.S. President Donald Trump."},
		{name: "former between his terms, right", pub: "2023-06-01",
			text: "Former U.S. President Donald Trump held a rally."},
		{name: "current title after the term ended", pub: "2026-03-01",
			text: "President Biden hosted a dinner.",
			want: []want{{"title-at-date", `Joe Biden's term as President of the United States ended on 2025-01-20`}}},
		{name: "current title in a dated sentence is not judged", pub: "2026-03-01",
			text: "In 2023, President Biden hosted a dinner."},
		{name: "then- is not judged", pub: "2026-03-01",
			text: "It was signed by then-President Joe Biden."},
		{name: "a longer title is another office", pub: "2026-03-01",
			text: "Vice President Biden spoke."},
	})
}

func TestOfficeHolder(t *testing.T) {
	runCases(t, []checkCase{
		{name: "chairman is the president", pub: "2026-02-04",
			text: "He met Russian Security Council Chairman Sergei Shoigu.",
			want: []want{{"office-holder", `Sergei Shoigu is not Chairman of the Security Council of Russia on 2026-02-04: Vladimir Putin is; Sergei Shoigu is Secretary of the Security Council of Russia`}}},
		{name: "secretary, right", pub: "2026-02-04",
			text: "He met Russian Security Council Secretary Sergei Shoigu."},
		{name: "security chief, right", pub: "2026-02-04",
			text: "He met Russia's security chief Sergei Shoigu."},
		{name: "a title the ledger does not know", pub: "2026-02-04",
			text: "Russian dictator Vladimir Putin spoke. Chairman Xi agreed."},
		{name: "a name that continues is someone else", pub: "2026-02-04",
			text: "Chinese Foreign Minister Wang Yi Ming spoke."},
	})
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

func TestEventDate(t *testing.T) {
	runCases(t, []checkCase{
		{name: "weekday, wrong", pub: "2025-02-24",
			text: "Putin called Xi on Friday afternoon.",
			want: []want{{"event-date", `^the Putin–Xi call was on Monday 2025-02-24, not Friday \(2025-02-21\)$`}}},
		{name: "weekday, right", pub: "2025-02-24",
			text: "Putin called Xi on Monday afternoon."},
		{name: "month and day, right", pub: "2025-02-24",
			text: "Putin and Xi also spoke in a video call on January 21."},
		{name: "month and day, wrong", pub: "2025-02-24",
			text: "Putin and Xi also spoke in a video call on January 22.",
			want: []want{{"event-date", `was on Tuesday 2025-01-21, not January 22`}}},
		{name: "future weekday resolves forward", pub: "2025-02-24",
			text: "U.S. and Russian officials are set to meet again on Thursday for a second round of talks."},
		{name: "bare weekday with no tense is not judged", pub: "2025-02-24",
			text: "Putin and Xi in a phone call on Friday."},
		{name: "two dates in a clause are not judged", pub: "2025-02-24",
			text: "Putin called Xi on Friday after talks on Tuesday."},
		{name: "separate talks are not judged", pub: "2026-02-04",
			text: "In separate talks in Beijing on Tuesday, China and Russia pledged to uphold treaties."},
		{name: "month precision, right", pub: "2026-02-05",
			text: "Xi visited Moscow in May."},
		{name: "month precision, wrong", pub: "2026-02-05",
			text: "Xi visited Moscow in June.",
			want: []want{{"event-date", `from 2025-05-07 to 2025-05-10, not June \(2025-06\)`}}},
		{name: "a day inside a range", pub: "2025-04-10",
			text: "Lavrov and Wang Yi met at the forum in Beijing on April 2."},
		{name: "opened on, against the first day", pub: "2025-04-10",
			text: "The forum where Lavrov and Wang Yi met opened on April 2.",
			want: []want{{"event-date", `began on Tuesday 2025-04-01, not April 2`}}},
		{name: "ended on, against the last day", pub: "2025-04-10",
			text: "The forum where Lavrov and Wang Yi met ended on April 3."},
		{name: "the date in a participant's time zone", pub: "2025-03-12",
			text: "Wang Yi spoke with Lavrov by phone on Tuesday."},
		{name: "the date in neither zone", pub: "2025-03-12",
			text: "Wang Yi spoke with Lavrov by phone on Wednesday.",
			want: []want{{"event-date", `not Wednesday \(2025-03-12\)`}}},
		{name: "the date in the outlet's zone", pub: "2025-03-12", outlet: "Test Beijing Daily",
			text: "Lavrov spoke with Wang Yi by phone on Tuesday."},
	})
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

func TestEventMediumInitiatorVenueDuration(t *testing.T) {
	runCases(t, []checkCase{
		{name: "medium, wrong", pub: "2026-02-05",
			text: "Xi Jinping and Vladimir Putin held a phone call on Wednesday.",
			want: []want{{"event-medium", `^the Xi–Putin call on Wednesday 2026-02-04 was by video, not by phone$`}}},
		{name: "medium, right", pub: "2026-02-05",
			text: "Xi Jinping and Vladimir Putin held a video call on Wednesday."},
		{name: "initiator, wrong", pub: "2025-02-24",
			text: "Xi called Putin on Monday.",
			want: []want{{"event-initiator", `initiated by Putin, not Xi`}}},
		{name: "initiator, right", pub: "2025-02-24",
			text: "Beijing's readout noted that the call was initiated by Putin."},
		{name: "called for is not a call", pub: "2025-02-24",
			text: "Xi called for calm on Friday. Putin called on Xi to help on Friday."},
		{name: "venue contains the venue", pub: "2025-02-24",
			text: "Last week, Russian Foreign Minister Sergey Lavrov met with U.S. Secretary of State Marco Rubio in Saudi Arabia."},
		{name: "venue elsewhere", pub: "2025-02-24",
			text: "U.S. and Russian officials are set to meet again in the Saudi capital of Riyadh for a second round of bilateral talks.",
			want: []want{{"event-venue", `held in Istanbul, not Riyadh`}}},
		{name: "war in a place is not a venue", pub: "2025-02-24",
			text: "Last week, Lavrov met with Rubio to discuss the war in Ukraine."},
		{name: "a place's possessive is not a venue", pub: "2025-02-24",
			text: "Last week, Lavrov met with Rubio at Moscow's request."},
		{name: "a place in a relative clause is not a venue", pub: "2025-02-24",
			text: "Last week, Lavrov met with Rubio for talks that officials described as a reset of ties in Moscow."},
		{name: "a venue after the people is still read", pub: "2025-02-24",
			text: "Lavrov met with Rubio on February 18 in Istanbul.",
			want: []want{{"event-venue", `held in Riyadh, not Istanbul`}}},
		{name: "duration rounded is fine", pub: "2026-02-05",
			text: "Xi and Putin held an hour-and-a-half video call on Wednesday."},
		{name: "duration far off", pub: "2026-02-05",
			text: "Xi and Putin held a 30-minute video call on Wednesday.",
			want: []want{{"event-duration", `lasted 1h25m, not 30m`}}},
	})
}

func TestOrdinal(t *testing.T) {
	runCases(t, []checkCase{
		{name: "first this year, refuted", pub: "2025-02-25",
			text: "Xi and Putin held a phone call on Monday, the first call between the two this year.",
			want: []want{{"ordinal", `was not the first this year: the ledger holds 1 earlier, the first on Tuesday 2025-01-21`}}},
		{name: "first this year, confirmed by coverage", pub: "2026-02-04",
			text: "This was the first conversation between Putin and Xi Jinping this year."},
		{name: "second this year, refuted by coverage", pub: "2026-02-04",
			text: "This was the second conversation between Putin and Xi Jinping this year.",
			want: []want{{"ordinal", `was the first this year, not the second`}}},
		{name: "first phone call counts phone calls only", pub: "2025-02-25",
			text: "Xi and Putin held a phone call on Monday, their first phone call this year."},
		{name: "first since an event is not judged", pub: "2025-02-24",
			text: "Xi told Putin on Monday, in their first phone call since Trump upended American policy."},
		{name: "first without an event noun", pub: "2026-02-04",
			text: "Moscow ranks first among suppliers. Putin will visit China in the first half of the year."},
		{name: "round, right", pub: "2025-02-24",
			text: "Last week, Lavrov met with Rubio in Riyadh for an initial round of talks."},
		{name: "round, wrong", pub: "2025-02-24",
			text: "Last week, Lavrov met with Rubio in Riyadh for a second round of talks.",
			want: []want{{"ordinal", `round 1 of the series, not the second`}}},
		{name: "last met, right", pub: "2026-02-05",
			text: "Xi and Putin last met in person in September."},
		{name: "last met, refuted by a later meeting", pub: "2026-02-05",
			text: "Xi and Putin last met in person in May.",
			want: []want{{"ordinal", `Xi and Putin last met on Wednesday 2025-09-03 \(beijing-parade-2025\), not May`}}},
	})
}

func TestEventUnknown(t *testing.T) {
	runCases(t, []checkCase{
		{name: "a covered pair, no such call", pub: "2025-03-20",
			text: "Xi and Putin spoke by phone on March 14.",
			want: []want{{"event-unknown", `holds every Xi–Putin call, meeting, talks, summit, visit from 2025-01-01 to 2026-02-05 and none on 2025-03-14; nearest: call Monday 2025-02-24; visit from 2025-05-07 to 2025-05-10`}}},
		{name: "outside the covered period", pub: "2024-03-20",
			text: "Xi and Putin spoke by phone on March 14."},
		{name: "a pair with no coverage", pub: "2025-03-20",
			text: "Trump and Putin spoke by phone on March 14."},
	})
}

func TestOfficeTerm(t *testing.T) {
	runCases(t, []checkCase{
		{name: "stepped down, wrong year", pub: "2025-06-01",
			text: "Nikolai Patrushev stepped down as Security Council Secretary in 2023.",
			want: []want{{"office-term", `Nikolai Patrushev's term as Secretary of the Security Council of Russia ended on 2024-05-12, not 2023`}}},
		{name: "stepped down, right", pub: "2025-06-01",
			text: "Nikolai Patrushev stepped down as Security Council Secretary in May 2024."},
		{name: "took over, right", pub: "2025-06-01",
			text: "Sergei Shoigu took over as Security Council Secretary in 2024."},
		{name: "no office named is not judged", pub: "2025-06-01",
			text: "Sergei Shoigu stepped down in 2023."},
	})
}

func TestAnniversary(t *testing.T) {
	runCases(t, []checkCase{
		{name: "marked, right", pub: "2025-02-24",
			text: "The call took place as Kyiv marked the third anniversary of Russia's brutal invasion."},
		{name: "marked, wrong", pub: "2026-02-24",
			text: "Kyiv marked the third anniversary of Russia's invasion.",
			want: []want{{"anniversary", `on 2026-02-24 it is the fourth anniversary, not the third`}}},
		{name: "approaches, right", pub: "2026-02-04",
			text: "They spoke as the war in Ukraine approaches its fourth anniversary."},
		{name: "approaches, wrong", pub: "2026-02-04",
			text: "They spoke as the war in Ukraine approaches its third anniversary.",
			want: []want{{"anniversary", `the next anniversary is the fourth \(2026-02-24\), not the third`}}},
		{name: "no cue is not judged", pub: "2026-02-04",
			text: "The third anniversary of the invasion was grim."},
	})
}

func TestWordingAndMissingDate(t *testing.T) {
	runCases(t, []checkCase{
		{name: "wording in its window", pub: "2025-01-01",
			text: "Officials in Kiev said so.",
			want: []want{{"wording", `write "Kyiv"`}}},
		{name: "wording before its window", pub: "2015-01-01",
			text: "Officials in Kiev said so."},
		{name: "no date: one notice, and the checks that need none", pub: "",
			text: "Officials met. Putin called Xi on Friday.",
			want: []want{{"missing-date", `no publication date`}}},
	})
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
	assert.Equal(t, "rules/offices.yaml", got[0].Evidence.Pos[:len("rules/offices.yaml")])
	assert.Equal(t, "event-date", got[1].Rule)
	assert.Equal(t, 7, got[1].Line)
	assert.Less(t, got[0].Offset, got[1].Offset)
}

func TestEveryRuleIsDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		assert.False(t, seen[r.ID], "duplicate rule %s", r.ID)
		seen[r.ID] = true
		assert.NotZero(t, SeverityRank(r.Severity), r.ID)
		for name, v := range map[string]string{"title": r.Title, "doc": r.Doc, "bad": r.Bad, "good": r.Good, "fields": r.Fields} {
			assert.NotEmpty(t, v, "%s has no %s", r.ID, name)
		}
	}
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
			want: []want{{"title-at-date", `Minister of Defence of Russia ended on 2024-05-12`}}},
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

// TestREADMEDocumentsEveryRule: SARIF and rdjsonl link to README#rule-ID.
func TestREADMEDocumentsEveryRule(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	for _, r := range Rules {
		assert.Contains(t, string(readme), `<a name="rule-`+r.ID+`"></a>`, "README has no anchor for %s", r.ID)
	}
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
