package ledger

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/rules"
)

const base = `entities:
  - id: russia
    kind: country
    name: Russia
    demonyms: [Russian]
  - id: moscow
    kind: place
    name: Moscow
    in: russia
  - id: putin
    kind: person
    name: Vladimir Putin
    country: russia
  - id: shoigu
    kind: person
    name: Sergei Shoigu
    country: russia
`

func load(t *testing.T, files ...File) (*Ledger, ErrorList) {
	t.Helper()
	l, err := Load(files)
	if err == nil {
		return l, nil
	}
	var list ErrorList
	require.True(t, errors.As(err, &list), "error is not an ErrorList: %v", err)
	return nil, list
}

func messages(list ErrorList) []string {
	var out []string
	for _, e := range list {
		out = append(out, e.Error())
	}
	return out
}

func TestLoadErrorsCarryPositions(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{
			name: "unknown key",
			yaml: base + "    nickname: Vova\n",
			want: []string{`r.yaml:18:5: unknown key "nickname"`},
		},
		{
			name: "unknown id and wrong kind",
			yaml: base + `events:
  - id: call-1
    kind: call
    date: 2025-02-24
    participants: [putin, xi]
    venue: putin
`,
			want: []string{
				`r.yaml:22:27: unknown participant id "xi"`,
				`r.yaml:23:12: venue "putin" is a person; want a place or country`,
			},
		},
		{
			name: "impossible and malformed dates",
			yaml: base + `events:
  - id: call-1
    kind: call
    date: 2025-02-30
    participants: [putin]
  - id: call-2
    kind: call
    date: 24/02/2025
    participants: [putin]
`,
			want: []string{
				`r.yaml:21:11: date: date "2025-02-30" does not exist: February 2025 has 28 days`,
				`r.yaml:25:11: date: date "24/02/2025" is not YYYY, YYYY-MM or YYYY-MM-DD`,
			},
		},
		{
			name: "to before from, and overlapping holders",
			yaml: base + `offices:
  - id: defence
    title: Minister of Defence
    phrasings: [Defence Minister]
    holders:
      - who: shoigu
        from: 2012-11-06
        to: 2010-01-01
      - who: putin
        from: 2020-01-01
      - who: shoigu
        from: 2021-01-01
`,
			want: []string{
				`r.yaml:25:13: to 2010-01-01 is before from 2012-11-06`,
				`r.yaml:28:9: office "defence" has one holder at a time, but this term (shoigu from 2021-01-01) overlaps the term at r.yaml:26:9 (putin from 2020-01-01)`,
			},
		},
		{
			name: "invalid pattern",
			yaml: base + `wording:
  - id: bad
    pattern: '(Kiev'
    message: spell it Kyiv
`,
			want: []string{"r.yaml:20:14: invalid pattern: missing closing ): `(Kiev`"},
		},
		{
			name: "invalid except patterns",
			yaml: base + `wording:
  - id: kyiv
    pattern: 'Kiev'
    message: spell it Kyiv
    except: ['chicken (Kiev', 'x*']
`,
			want: []string{
				"r.yaml:22:14: invalid except pattern: missing closing ): `chicken (Kiev`",
				`r.yaml:22:31: except pattern "x*" matches empty text`,
			},
		},
		{
			name: "duplicate id",
			yaml: base + `  - id: putin
    kind: person
    name: Someone Else
`,
			want: []string{`r.yaml:18:9: duplicate id "putin": already declared at r.yaml:10:9; rename one of them (and every reference to it) or delete one`},
		},
		{
			name: "bad medium, time without tz, initiator not a participant",
			yaml: base + `events:
  - id: call-1
    kind: call
    date: 2025-02-24
    time: "15:00"
    participants: [putin]
    medium: fax
    initiator: shoigu
`,
			want: []string{
				`r.yaml:22:11: event "call-1" has a time but no tz to read it in`,
				`r.yaml:24:13: unknown medium "fax" (want one of phone, video, in-person)`,
				`r.yaml:25:16: initiator "shoigu" is not one of the participants`,
			},
		},
		{
			name: "sessions: part-of, visitor and host",
			yaml: base + `events:
  - id: visit
    kind: visit
    date: 2025-03-01
    end: 2025-03-03
    participants: [putin, shoigu]
    visitor: [putin]
    host: [putin, russia]
  - id: talks
    kind: talks
    date: 2025-03-04
    participants: [putin, shoigu]
    part-of: visit
  - {id: loop-a, kind: talks, date: 2025-03-02, participants: [putin], part-of: loop-b}
  - {id: loop-b, kind: talks, date: 2025-03-02, participants: [putin], part-of: loop-a}
  - {id: self, kind: talks, date: 2025-03-02, participants: [putin], part-of: self}
  - {id: odd, kind: talks, date: 2025-03-02, participants: [putin], part-of: moscow}
  - {id: rang, kind: call, date: 2025-03-02, participants: [putin, shoigu], host: [shoigu]}
`,
			want: []string{
				`r.yaml:25:12: "putin" is both a visitor and a host`,
				`r.yaml:25:19: host "russia" is not one of the participants`,
				`r.yaml:30:14: event "talks" (2025-03-04) is not within the dates of "visit", which it is part of (from 2025-03-01 to 2025-03-03)`,
				`r.yaml:31:81: event "loop-a": part-of comes back to it (a cycle)`,
				`r.yaml:32:81: event "loop-b": part-of comes back to it (a cycle)`,
				`r.yaml:33:79: event "self" is part of itself`,
				`r.yaml:34:78: part-of "moscow" is not an event`,
				`r.yaml:35:84: event "rang": a call has no visitor or host`,
			},
		},
		{
			name: "dayparts, statuses, lists and ranges",
			yaml: base + `  - {id: nowhere, kind: person, name: No Where}
events:
  - {id: a, kind: call, date: 2025-03-02, participants: [putin, nowhere], daypart: morning}
  - {id: b, kind: call, date: 2025-03-02, participants: [putin], daypart: noon, status: postponed}
  - {id: c, kind: call, date: 2025-03-02, time: "09:00", tz: Europe/Moscow, participants: [putin], daypart: morning}
  - {id: d, kind: call, date: 2025-03, participants: [putin], daypart: night}
  - {id: e, kind: talks, date: 2025-03-02, participants: [putin], venue: [moscow, putin], medium: [phone, telegram]}
  - {id: f, kind: talks, date: 2025-03-02, participants: [putin], duration: 2h..90x}
  - {id: g, kind: talks, date: 2025-03-02, participants: [putin], duration: 2h..1h}
  - {id: h, kind: talks, date: 2025-03-02, participants: [putin], venue: []}
`,
			want: []string{
				`r.yaml:20:84: event "a" has a daypart but no zone to read it in: give a tz, or venues or participants that share one`,
				`r.yaml:21:75: unknown daypart "noon" (want one of morning, afternoon, evening, night)`,
				`r.yaml:21:89: unknown status "postponed" (want one of held, planned, unconfirmed, cancelled)`,
				`r.yaml:22:109: event "c" has both a time and a daypart: give one`,
				`r.yaml:23:72: event "d": a daypart needs a single, exact date`,
				`r.yaml:24:83: venue "putin" is a person; want a place or country`,
				`r.yaml:24:107: unknown medium "telegram" (want one of phone, video, in-person)`,
				`r.yaml:25:77: duration "2h..90x" is not a length such as 1h25m or 40m, or a range such as 2h..2h30m`,
				`r.yaml:26:77: duration "2h..1h": the range ends before it starts`,
				`r.yaml:27:74: venue: an empty list; give a value, or leave the key out`,
			},
		},
		{
			name: "a holder whose start is unknown",
			yaml: base + `offices:
  - id: defence
    title: Minister of Defence
    phrasings: [Defence Minister]
    holders:
      - {who: shoigu, from: 2012-11-06, in-office-on: 2013-01-01}
      - {who: shoigu, in-office-on: 2014-05}
      - {who: putin, in-office-on: 2020-01-01, to: 2020-01-01}
      - {who: putin, in-office-on: 2016-06-01, to: 2018-01-01}
      - {who: shoigu, from: 2017-01-01, to: 2019-01-01}
`,
			want: []string{
				`r.yaml:23:55: office "defence" holder "shoigu" has both from and in-office-on: in-office-on is for a term whose start is unknown`,
				`r.yaml:24:37: in-office-on 2014-05: give a full date, YYYY-MM-DD, on which the holder held the office`,
				`r.yaml:25:52: to 2020-01-01 is not after in-office-on 2020-01-01`,
				`r.yaml:27:9: office "defence" has one holder at a time, but this term (shoigu from 2017-01-01) overlaps the term at r.yaml:26:9 (putin in office on 2016-06-01)`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, list := load(t, File{Name: "r.yaml", Data: []byte(tt.yaml)})
			if diff := cmp.Diff(tt.want, messages(list)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadReportsEveryFileAndEveryProblem(t *testing.T) {
	a := File{Name: "a.yaml", Data: []byte(base)}
	b := File{Name: "b.yaml", Data: []byte("entities:\n  - id: russia\n    kind: country\n    name: Russia again\n  - id: x\n    kind: planet\n    name: X\n")}
	_, list := load(t, a, b)
	assert.Equal(t, []string{
		`b.yaml:2:9: duplicate id "russia": already declared at a.yaml:2:9; rename one of them (and every reference to it) or delete one`,
		`b.yaml:6:11: unknown entity kind "planet" (want one of person, country, organisation, place, outlet)`,
	}, messages(list))
}

func TestLoadSyntaxError(t *testing.T) {
	_, list := load(t, File{Name: "s.yaml", Data: []byte("entities:\n  - id: a\n   kind: [\n")})
	require.Len(t, list, 1)
	assert.Equal(t, "s.yaml", list[0].Pos.File)
	assert.Positive(t, list[0].Pos.Line)
}

func TestLoadKeepsPositionsAndMerges(t *testing.T) {
	events := File{Name: "e.yaml", Data: []byte(`events:
  - id: call-1
    kind: call
    date: 2025-02-24
    participants: [putin, shoigu]
    medium: phone
    duration: 1h25m
`)}
	l, list := load(t, File{Name: "w.yaml", Data: []byte(base)}, events)
	require.Empty(t, list)
	e := l.Event("call-1")
	require.NotNil(t, e)
	assert.Equal(t, Pos{File: "e.yaml", Line: 2, Col: 5}, e.Pos)
	assert.Equal(t, 85*time.Minute, e.Duration)
	assert.Equal(t, "russia", l.CountryOf("moscow"))
	assert.True(t, l.Within("moscow", "russia"))
	assert.False(t, l.Within("russia", "moscow"))
}

// TestWikidataIDs: entities and offices carry the Wikidata item they were
// imported from; a value that is no item id is an error at its position.
func TestWikidataIDs(t *testing.T) {
	good := File{Name: "g.yaml", Data: []byte(`entities:
  - {id: ada, kind: person, name: Ada Example, wikidata: Q101}
offices:
  - id: chair
    title: Chair of Ruritania
    phrasings: [Chair]
    wikidata: Q202
    holders: [{who: ada, from: 2020-05}]
`)}
	l, list := load(t, good)
	require.Empty(t, list)
	assert.Equal(t, "Q101", l.Entity("ada").Wikidata)
	assert.Equal(t, "Q202", l.Office("chair").Wikidata)

	bad := File{Name: "b.yaml", Data: []byte(`entities:
  - {id: ada, kind: person, name: Ada Example, wikidata: q101}
  - {id: bo, kind: person, name: Bo Sample, wikidata: Q0}
`)}
	_, list = load(t, bad)
	assert.Equal(t, []string{
		`b.yaml:2:58: wikidata "q101": want a Wikidata item id, Q and digits (Q42)`,
		`b.yaml:3:55: wikidata "Q0": want a Wikidata item id, Q and digits (Q42)`,
	}, messages(list))
}

func TestLoadNewEventFields(t *testing.T) {
	events := File{Name: "e.yaml", Data: []byte(`entities:
  - {id: kazan, kind: place, name: Kazan, in: russia, tz: Europe/Moscow}
events:
  - id: visit
    kind: visit
    date: 2025-03-01
    end: 2025-03-03
    participants: [putin, shoigu]
    visitor: [shoigu]
    host: [putin]
    venue: [moscow, russia]
  - {id: talks, kind: talks, date: 2025-03-02, participants: [putin, shoigu], part-of: visit, venue: kazan, daypart: evening, duration: 2h..2h30m, medium: [in-person, video]}
  - {id: call, kind: call, date: 2025-03-05, participants: [putin, shoigu], status: cancelled, medium: phone, duration: 40m}
`)}
	l, list := load(t, File{Name: "w.yaml", Data: []byte(base)}, events)
	require.Empty(t, list)
	v, s, c := l.Event("visit"), l.Event("talks"), l.Event("call")
	assert.Equal(t, []string{"shoigu"}, v.Visitors)
	assert.Equal(t, []string{"putin"}, v.Hosts)
	assert.Equal(t, []string{"moscow", "russia"}, v.Venues)
	assert.Equal(t, "moscow", v.Venue)
	assert.Equal(t, Held, v.Status)
	assert.True(t, v.Held())
	assert.Equal(t, "visit", s.PartOf)
	assert.Equal(t, Evening, s.Daypart)
	assert.Equal(t, "Europe/Moscow", l.LocalZone(s).String(), "the venue's zone")
	assert.Equal(t, []time.Duration{2 * time.Hour, 150 * time.Minute}, []time.Duration{s.Duration, s.DurationMax})
	assert.Equal(t, []string{InPerson, Video}, s.Media)
	assert.Equal(t, InPerson, s.Medium)
	assert.Equal(t, Cancelled, c.Status)
	assert.False(t, c.Held())
	assert.Equal(t, []string{Phone}, c.Media)
	assert.Equal(t, []time.Duration{40 * time.Minute, 40 * time.Minute}, []time.Duration{c.Duration, c.DurationMax})
}

func TestDefaultRulesLoad(t *testing.T) {
	files, err := ReadFS(rules.FS, ".", "rules")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	l, err := Load(files)
	require.NoError(t, err)
	for _, e := range l.Events {
		assert.NotEmpty(t, e.Sources, "event %s at %s has no source", e.ID, e.Pos)
	}
	for _, f := range files {
		assert.True(t, strings.HasPrefix(f.Name, "rules/"), f.Name)
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestHolds(t *testing.T) {
	o := &Office{Terms: []Term{
		{Holder: "a", From: civil.Date{Y: 2017, M: 1, D: 20, Prec: civil.Day}, To: civil.Date{Y: 2021, M: 1, D: 20, Prec: civil.Day}},
		{Holder: "b", From: civil.Date{Y: 2021, M: 1, D: 20, Prec: civil.Day}, To: civil.Date{Y: 2025, M: 1, D: 20, Prec: civil.Day}},
		{Holder: "a", From: civil.Date{Y: 2025, M: 1, D: 20, Prec: civil.Day}},
		{Holder: "c", From: civil.Date{Y: 2022, Prec: civil.Year}},
		{Holder: "d", InOfficeOn: civil.Date{Y: 2019, M: 3, D: 1, Prec: civil.Day}, To: civil.Date{Y: 2020, M: 1, D: 1, Prec: civil.Day}},
	}}
	tests := []struct {
		who, day string
		want     Holding
	}{
		{"a", "2020-06-01", Holds},
		{"a", "2021-01-20", DoesNotHold}, // handover day belongs to the new holder
		{"b", "2021-01-20", Holds},
		{"a", "2023-05-01", DoesNotHold},
		{"a", "2026-02-05", Holds},
		{"c", "2021-12-31", DoesNotHold},
		{"c", "2022-06-01", Unknown}, // from: 2022 is too coarse to tell
		{"c", "2023-01-01", Holds},
		{"d", "2010-01-01", Unknown}, // before in-office-on, the start being unknown
		{"d", "2019-02-28", Unknown},
		{"d", "2019-03-01", Holds},
		{"d", "2019-12-31", Holds},
		{"d", "2020-01-01", DoesNotHold},
	}
	for _, tt := range tests {
		got, _ := o.Holds(tt.who, day(tt.day))
		assert.Equal(t, tt.want, got, "%s on %s", tt.who, tt.day)
	}
}

// TestWordsAddToTheLanguage: a rule file's words: add to the embedded
// English, and a mistake in them is an error at its position.
func TestWordsAddToTheLanguage(t *testing.T) {
	l, err := Load([]File{{Name: "a.yaml", Data: []byte("words:\n  events:\n    parley: [talks]\n")}})
	require.NoError(t, err)
	require.NotNil(t, l.Lang)
	assert.Equal(t, []string{"talks"}, l.Lang.Events["parley"])
	assert.Equal(t, []string{"call"}, l.Lang.Events["phoned"], "the English words stay")

	none, err := Load([]File{{Name: "b.yaml", Data: []byte("entities: []\n")}})
	require.NoError(t, err)
	assert.Nil(t, none.Lang, "no words: the embedded English, shared")

	_, err = Load([]File{{Name: "c.yaml", Data: []byte("words:\n  events:\n    parley: [talk]\n  hedgez: [maybe]\n")}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `c.yaml:3:13: words: events: unknown kind "talk"`)
	assert.Contains(t, err.Error(), `c.yaml:4:3: words: unknown key "hedgez"`)
}
