package wikidata

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/ledger"
)

// The entities below are made up, in Wikidata's documented JSON format.

func itemValue(q string) map[string]any {
	return map[string]any{"snaktype": "value", "datavalue": map[string]any{
		"type": "wikibase-entityid", "value": map[string]any{"entity-type": "item", "id": q},
	}}
}

func timeValue(t string, prec int) map[string]any {
	return map[string]any{"snaktype": "value", "datavalue": map[string]any{
		"type": "time", "value": map[string]any{"time": t, "precision": prec, "calendarmodel": gregorian},
	}}
}

type stmt struct {
	value string // the item
	rank  string
	quals map[string][]map[string]any
	refs  []map[string][]map[string]any
}

func entity(q, label string, claims map[string][]stmt) map[string]any {
	cl := map[string]any{}
	for p, ss := range claims {
		var out []any
		for i, s := range ss {
			j := map[string]any{"id": fmt.Sprintf("%s$%d", q, i), "rank": "normal", "mainsnak": itemValue(s.value)}
			if s.rank != "" {
				j["rank"] = s.rank
			}
			if s.quals != nil {
				j["qualifiers"] = s.quals
			}
			var refs []any
			for _, r := range s.refs {
				refs = append(refs, map[string]any{"snaks": r})
			}
			if refs != nil {
				j["references"] = refs
			}
			out = append(out, j)
		}
		cl[p] = out
	}
	e := map[string]any{"type": "item", "id": q, "claims": cl, "labels": map[string]any{}}
	if label != "" {
		e["labels"] = map[string]any{"en": map[string]any{"language": "en", "value": label}}
	}
	return e
}

func dumpOf(t *testing.T, ents ...map[string]any) string {
	var lines []string
	for _, e := range ents {
		b, err := json.Marshal(e)
		require.NoError(t, err)
		lines = append(lines, string(b))
	}
	return "[\n" + strings.Join(lines, ",\n") + "\n]\n"
}

func readAll(t *testing.T, name, text string) []*Item {
	t.Helper()
	var out []*Item
	require.NoError(t, Read(name, strings.NewReader(text), []string{"en"}, func(it *Item) error {
		out = append(out, it)
		return nil
	}))
	return out
}

// held is a statement of a position held from and to days (2010-05-07 or
// Wikidata's +2010-05-07T00:00:00Z), either empty for none.
func held(pos, from, to string) stmt {
	wd := func(d string) string {
		if strings.HasPrefix(d, "+") {
			return d
		}
		return "+" + d + "T00:00:00Z"
	}
	q := map[string][]map[string]any{}
	if from != "" {
		q[propStart] = []map[string]any{timeValue(wd(from), precDay)}
	}
	if to != "" {
		q[propEnd] = []map[string]any{timeValue(wd(to), precDay)}
	}
	return stmt{value: pos, quals: q}
}

func build(t *testing.T, old *File, text string) (*File, []string) {
	t.Helper()
	f, reports, err := Build(readAll(t, "d.json", text), Options{Langs: []string{"en"}, Old: old})
	require.NoError(t, err)
	var msgs []string
	for _, r := range reports {
		msgs = append(msgs, r.String())
	}
	return f, msgs
}

func TestDates(t *testing.T) {
	tests := []struct {
		time string
		prec int
		cal  string
		want string
		err  string
	}{
		{"+2024-05-07T00:00:00Z", precDay, gregorian, "2024-05-07", ""},
		{"+2024-05-00T00:00:00Z", precMonth, gregorian, "2024-05", ""},
		{"+2024-00-00T00:00:00Z", precYear, "", "2024", ""},
		{"+2024-05-07T13:00:00Z", 13, gregorian, "2024-05-07", ""},
		{"+2020-00-00T00:00:00Z", 8, gregorian, "", "is given to a decade"},
		{"+1700-03-01T00:00:00Z", precDay, julian, "", "Julian calendar"},
		{"-0044-03-15T00:00:00Z", precDay, gregorian, "", "not a year of the common era"},
		{"+0950-01-01T00:00:00Z", precDay, gregorian, "", "years 1000 to 9999"},
		{"+2020-00-00T00:00:00Z", precMonth, gregorian, "", "no date a rule file can hold"},
		{"+2021-04-31T00:00:00Z", precDay, gregorian, "", "no date a rule file can hold"},
	}
	for _, tc := range tests {
		s := timeValue(tc.time, tc.prec)
		s["datavalue"].(map[string]any)["value"].(map[string]any)["calendarmodel"] = tc.cal
		b, _ := json.Marshal(s)
		var sn Snak
		require.NoError(t, json.Unmarshal(b, &sn))
		got, err := sn.date()
		if tc.err != "" {
			assert.ErrorContains(t, err, tc.err, tc.time)
			continue
		}
		assert.NoError(t, err, tc.time)
		assert.Equal(t, tc.want, got, tc.time)
	}
	_, err := Snak{Snaktype: "somevalue"}.date()
	assert.EqualError(t, err, "unknown value")
}

// TestReadForms: the dump with and without brackets, with CRLF line ends,
// and a pretty-printed Special:EntityData document, each give the same
// entities, at their lines.
func TestReadForms(t *testing.T) {
	a, b := entity("Q901", "Ada Example", nil), entity("Q902", "Bo Sample", nil)
	dump := dumpOf(t, a, b)
	ids := func(items []*Item) (out []string) {
		for _, it := range items {
			out = append(out, fmt.Sprintf("%s %s:%d %s", it.ID, it.File, it.Line, it.Labels["en"]))
		}
		return out
	}
	want := []string{"Q901 d.json:2 Ada Example", "Q902 d.json:3 Bo Sample"}
	assert.Equal(t, want, ids(readAll(t, "d.json", dump)))
	assert.Equal(t, want, ids(readAll(t, "d.json", strings.ReplaceAll(dump, "\n", "\r\n"))))
	lines := strings.Split(strings.TrimSpace(dump), "\n")
	bare := strings.TrimSuffix(lines[1], ",") + "\n" + lines[2] + "\n"
	assert.Equal(t, []string{"Q901 d.json:1 Ada Example", "Q902 d.json:2 Bo Sample"}, ids(readAll(t, "d.json", bare)))

	doc, err := json.MarshalIndent(map[string]any{"entities": map[string]any{"Q902": b, "Q901": a}}, "", "  ")
	require.NoError(t, err)
	assert.Equal(t, []string{"Q901 d.json:1 Ada Example", "Q902 d.json:1 Bo Sample"}, ids(readAll(t, "d.json", string(doc))), "by number")
}

// failAfter yields text, then fails: a stream that breaks.
type failAfter struct{ r io.Reader }

func (f *failAfter) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if errors.Is(err, io.EOF) {
		return n, errors.New("connection reset")
	}
	return n, err
}

// TestReadStreams: each entity of a dump is handed on as its line is read,
// before the rest of the file.
func TestReadStreams(t *testing.T) {
	dump := dumpOf(t, entity("Q901", "Ada Example", nil))
	dump = strings.TrimSuffix(dump, "]\n") // a stream cut before its end
	var got []string
	err := Read("s.json", &failAfter{strings.NewReader(dump)}, []string{"en"}, func(it *Item) error {
		got = append(got, it.ID)
		return nil
	})
	assert.Equal(t, []string{"Q901"}, got)
	assert.EqualError(t, err, "s.json:3: connection reset")
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"empty", "\n\n", "x.json: empty: want Wikidata entity JSON"},
		{"no closing bracket", "[\n" + `{"type":"item","id":"Q1","labels":{}}` + ",\n", `x.json:2: the dump ends without its closing "]": is it cut short?`},
		{"after the bracket", "[\n]\nmore\n", `x.json:3:1: text after the dump's closing "]"`},
		{"a property", "[\n" + `{"type":"property","id":"P39"}` + "\n]\n", "x.json:2: P39 is not an item (Q and digits): claimlint imports items"},
		{"missing", `{"entities":{"Q999999999":{"id":"Q999999999","missing":""}}}`, "x.json:1: Q999999999: Wikidata has no such entity"},
		{"two documents", `{"entities":{}}` + "\n" + `{"entities":{}}`, "x.json:2:1: text after the entity document"},
		{"labels not an object", "[\n" + `{"type":"item","id":"Q1","labels":[1]}` + "\n]\n", "x.json:2:"},
	}
	for _, tc := range tests {
		err := Read("x.json", strings.NewReader(tc.text), []string{"en"}, func(*Item) error { return nil })
		require.Error(t, err, tc.name)
		assert.Contains(t, err.Error(), tc.want, tc.name)
	}
}

// TestBuildTerms: each statement of a position held is a term, at
// Wikidata's precision; what a rule file cannot say is reported, not
// guessed.
func TestBuildTerms(t *testing.T) {
	monthEnd := held("Q951", "2021-03-01", "")
	monthEnd.quals[propEnd] = []map[string]any{timeValue("+2022-06-00T00:00:00Z", precMonth)}
	pit := stmt{value: "Q951", quals: map[string][]map[string]any{"P585": {timeValue("+2019-02-03T00:00:00Z", precDay)}}}
	unknownEnd := held("Q951", "+2015-01-01T00:00:00Z", "")
	unknownEnd.quals[propEnd] = []map[string]any{{"snaktype": "somevalue"}}
	stillIn := held("Q952", "+2023-01-01T00:00:00Z", "")
	stillIn.quals[propEnd] = []map[string]any{{"snaktype": "novalue"}}
	twoStarts := held("Q951", "+2001-01-01T00:00:00Z", "")
	twoStarts.quals[propStart] = append(twoStarts.quals[propStart], timeValue("+2002-01-01T00:00:00Z", precDay))
	narrowed := held("Q951", "+2003-01-01T00:00:00Z", "")
	narrowed.quals["P642"] = []map[string]any{itemValue("Q960")}
	described := held("Q952", "+1990-01-01T00:00:00Z", "+1994-01-01T00:00:00Z")
	described.quals["P1365"] = []map[string]any{itemValue("Q903")}
	wrong := held("Q951", "+2010-01-01T00:00:00Z", "+2009-01-01T00:00:00Z")
	gone := held("Q951", "+1980-01-01T00:00:00Z", "")
	gone.rank = "deprecated"
	ada := entity("Q901", "Ada Example", map[string][]stmt{propPositionHeld: {
		held("Q951", "+2010-05-07T00:00:00Z", "+2018-05-07T00:00:00Z"), monthEnd, pit, unknownEnd, stillIn,
		twoStarts, narrowed, described, wrong, gone, held("Q999", "+2000-01-01T00:00:00Z", ""),
		{value: ""}, // a position held whose value is not an item
	}})
	f, reports := build(t, nil, dumpOf(t, ada, entity("Q951", "Chair of Ruritania", nil), entity("Q952", "Ruritanian Envoy", nil)))
	require.Len(t, f.Offices, 2)
	chair, envoy := f.Offices[0], f.Offices[1]
	assert.Equal(t, "chair-of-ruritania", chair.ID)
	src := []Source{{URL: "https://www.wikidata.org/wiki/Q901", Outlet: "Wikidata"}}
	assert.Equal(t, []Term{
		{Who: "ada-example", From: "2010-05-07", To: "2018-05-07", Sources: src},
		{Who: "ada-example", From: "2021-03-01", To: "2022-06", Sources: src},
	}, chair.Holders)
	assert.Equal(t, []Term{
		{Who: "ada-example", From: "1990-01-01", To: "1994-01-01", Sources: src},
		{Who: "ada-example", From: "2023-01-01", Sources: src},
	}, envoy.Holders)
	assert.Equal(t, []string{
		"d.json:2: Q901: position held Q951: no start time (P580): not imported",
		"d.json:2: Q901: position held Q951: end time (P582): unknown value: not imported",
		"d.json:2: Q901: position held Q951: 2 start times: not imported",
		"d.json:2: Q901: position held Q951: qualifier P642, which claimlint does not read and may narrow the term: not imported",
		"d.json:2: Q901: position held Q951: ends (2009-01-01) before it starts (2010-01-01): not imported",
		"d.json:2: Q901: position held Q999: Q999 is not among the entities read: fetch it to import the term",
		"d.json:2: Q901: a position held with a value that is not an item: not imported",
	}, reports)
}

// TestBuildIDs: ids are made from labels; two alike labels are told apart
// by Q-id, the lower number keeping the plain id whatever the order read.
func TestBuildIDs(t *testing.T) {
	a, b := entity("Q905", "Zoë Ōta", map[string][]stmt{propInstanceOf: {{value: itemHuman}}}), entity("Q1000", "Zoe Ota", map[string][]stmt{propInstanceOf: {{value: itemHuman}}})
	c := entity("Q906", "Ἀθῆναι", map[string][]stmt{propInstanceOf: {{value: itemCountry}}})
	for _, text := range []string{dumpOf(t, a, b, c), dumpOf(t, c, b, a)} {
		f, _ := build(t, nil, text)
		var got []string
		for _, e := range f.Entities {
			got = append(got, e.ID+" "+e.Wikidata)
		}
		assert.Equal(t, []string{"q906 Q906", "zoe-ota Q905", "zoe-ota-q1000 Q1000"}, got)
	}
}

// TestBuildOverlap: terms that overlap make an office of several holders,
// as the rule file requires, and say so; a term told twice is one term with
// the sources of both.
func TestBuildOverlap(t *testing.T) {
	ref := func(u string) []map[string][]map[string]any {
		return []map[string][]map[string]any{{propRefURL: {{"snaktype": "value", "datavalue": map[string]any{"type": "string", "value": u}}}}}
	}
	s1, s2 := held("Q951", "+2010-01-01T00:00:00Z", ""), held("Q951", "+2010-01-01T00:00:00Z", "")
	s1.refs, s2.refs = ref("https://one.example/"), ref("https://two.example/")
	ada := entity("Q901", "Ada Example", map[string][]stmt{propPositionHeld: {s1, s2}})
	bo := entity("Q902", "Bo Sample", map[string][]stmt{propPositionHeld: {held("Q951", "+2012-01-01T00:00:00Z", "+2014-01-01T00:00:00Z")}})
	f, reports := build(t, nil, dumpOf(t, ada, bo, entity("Q951", "Ruritanian Senator", nil)))
	require.Len(t, f.Offices, 1)
	o := f.Offices[0]
	assert.True(t, o.Multiple)
	require.Len(t, o.Holders, 2)
	assert.Equal(t, []Source{{URL: "https://one.example/"}, {URL: "https://www.wikidata.org/wiki/Q901", Outlet: "Wikidata"}, {URL: "https://two.example/"}}, o.Holders[0].Sources)
	assert.Equal(t, []string{"d.json:4: Q951: terms overlap (ada-example from 2010-01-01, bo-sample from 2012-01-01): written with multiple: true; check them"}, reports)
}

// TestMergeKeepsIDs: a later import keeps the ids of the file it merges
// into, replaces what it reads again, keeps the rest, and attaches terms
// to an office of the old file that it did not read again.
func TestMergeKeepsIDs(t *testing.T) {
	old := &File{
		Entities: []Entity{
			{ID: "ada", Kind: kindPerson, Name: "Ada Example", Wikidata: "Q901"},
			{ID: "bo", Kind: kindPerson, Name: "Bo Sample", Wikidata: "Q902"},
		},
		Offices: []Office{{ID: "chair", Title: "Chair", Wikidata: "Q951", Phrasings: []string{"Chair"}, Holders: []Term{
			{Who: "ada", From: "2001-01-01"}, {Who: "bo", From: "1990-01-01", To: "2001-01-01"},
		}}},
	}
	ada := entity("Q901", "Ada Q. Example", map[string][]stmt{propPositionHeld: {held("Q951", "+2002-02-02T00:00:00Z", "")}})
	cy := entity("Q903", "Ada Example", map[string][]stmt{propInstanceOf: {{value: itemHuman}}})
	f, reports := build(t, old, dumpOf(t, ada, cy))
	assert.Empty(t, reports)
	want := &File{
		Entities: []Entity{
			{ID: "ada", Kind: kindPerson, Name: "Ada Q. Example", Wikidata: "Q901"},
			{ID: "ada-example", Kind: kindPerson, Name: "Ada Example", Wikidata: "Q903"},
			{ID: "bo", Kind: kindPerson, Name: "Bo Sample", Wikidata: "Q902"},
		},
		Offices: []Office{{ID: "chair", Title: "Chair", Wikidata: "Q951", Phrasings: []string{"Chair"}, Holders: []Term{
			{Who: "bo", From: "1990-01-01", To: "2001-01-01"},
			{Who: "ada", From: "2002-02-02", Sources: []Source{{URL: "https://www.wikidata.org/wiki/Q901", Outlet: "Wikidata"}}},
		}}},
	}
	assert.Empty(t, cmp.Diff(want, f))
}

// TestMarshalRoundTrip: what Marshal writes, Parse reads back the same, and
// it loads as a rule file; a file without the header is refused.
func TestMarshalRoundTrip(t *testing.T) {
	ada := entity("Q901", "Ada: \"the\" Example", map[string][]stmt{propPositionHeld: {held("Q951", "+2010-05-07T00:00:00Z", "")}})
	f, _ := build(t, nil, dumpOf(t, ada, entity("Q951", "Chair #1", nil)))
	data, err := f.Marshal([]string{"en"}, []string{"d.json"})
	require.NoError(t, err)
	back, err := Parse("g.yaml", data)
	require.NoError(t, err)
	assert.Empty(t, cmp.Diff(f, back))
	l, err := ledger.Load([]ledger.File{{Name: "g.yaml", Data: data}})
	require.NoError(t, err)
	assert.Equal(t, "Q951", l.Office("chair-1").Wikidata)
	assert.Equal(t, "Ada: \"the\" Example", l.Entity("ada-the-example").Name)

	_, err = Parse("hand.yaml", []byte("entities: []\n"))
	assert.ErrorContains(t, err, "hand.yaml:1:1: not generated by claimlint ledger import wikidata")
}

func TestBuildNeedsALabel(t *testing.T) {
	_, _, err := Build(readAll(t, "d.json", dumpOf(t, entity("Q901", "", map[string][]stmt{propInstanceOf: {{value: itemHuman}}}))), Options{Langs: []string{"en"}})
	assert.EqualError(t, err, "d.json:2: Q901 has no label in en (it has labels in: none): name the language with --lang")
	// An entity that would not be imported needs none.
	f, reports := build(t, nil, dumpOf(t, entity("Q902", "", nil)))
	assert.Empty(t, f.Entities)
	assert.Equal(t, []string{"d.json:2: Q902: not a person, a position a person holds, a country or a body a position is part of: not imported"}, reports)
}

// TestDeskIDsAreTaken: a new id never clashes with one of the desk's.
func TestDeskIDsAreTaken(t *testing.T) {
	desk, err := ledger.Load([]ledger.File{{Name: "desk.yaml", Data: []byte("entities:\n  - {id: ruritania, kind: country, name: Ruritania}\n")}})
	require.NoError(t, err)
	items := readAll(t, "d.json", dumpOf(t, entity("Q901", "Ruritania", map[string][]stmt{propInstanceOf: {{value: itemHuman}}})))
	f, _, err := Build(items, Options{Langs: []string{"en"}, Ledger: desk})
	require.NoError(t, err)
	require.Len(t, f.Entities, 1)
	assert.Equal(t, "ruritania-q901", f.Entities[0].ID)
}

// TestReportsInOneOrder: what is reported of items read on one line (a
// Special:EntityData document) comes in the same order every time.
func TestReportsInOneOrder(t *testing.T) {
	var positions []map[string]any
	var people []stmt
	for i := range 12 {
		q := fmt.Sprintf("Q95%d", i)
		positions = append(positions, entity(q, fmt.Sprintf("Chair %d", i), nil))
		people = append(people, stmt{value: q}) // no start: not imported, so each office is left out
	}
	ents := map[string]any{"Q901": entity("Q901", "Ada Example", map[string][]stmt{propPositionHeld: people})}
	for _, p := range positions {
		ents[p["id"].(string)] = p
	}
	doc, err := json.Marshal(map[string]any{"entities": ents})
	require.NoError(t, err)
	var first []string
	for range 20 {
		f, reports, err := Build(readAll(t, "d.json", string(doc)), Options{Langs: []string{"en"}})
		require.NoError(t, err)
		require.Empty(t, f.Offices)
		var got []string
		for _, r := range reports {
			got = append(got, r.String())
		}
		if first == nil {
			first = got
			continue
		}
		require.Equal(t, first, got)
	}
}

// TestLinkedNeedsNoLabel: an item the desk holds by its Q-id is referred
// to, not written, so it needs no label in the chosen language.
func TestLinkedNeedsNoLabel(t *testing.T) {
	desk, err := ledger.Load([]ledger.File{{Name: "desk.yaml", Data: []byte("entities:\n  - {id: ruritania, kind: country, name: Ruritania, wikidata: Q906}\n")}})
	require.NoError(t, err)
	country := entity("Q906", "", map[string][]stmt{propInstanceOf: {{value: itemCountry}}})
	ada := entity("Q901", "Ada Example", map[string][]stmt{propCitizenship: {{value: "Q906"}}, propInstanceOf: {{value: itemHuman}}})
	f, _, err := Build(readAll(t, "d.json", dumpOf(t, country, ada)), Options{Langs: []string{"en"}, Ledger: desk})
	require.NoError(t, err)
	require.Len(t, f.Entities, 1)
	assert.Equal(t, "ruritania", f.Entities[0].Country)
}

// loadsBeside builds, marshals, and loads the result beside the desk's
// rule file: what the command requires before it writes.
func loadsBeside(t *testing.T, f *File, desk []byte) {
	t.Helper()
	data, err := f.Marshal([]string{"en"}, []string{"d.json"})
	require.NoError(t, err)
	files := []ledger.File{{Name: "g.yaml", Data: data}}
	if desk != nil {
		files = append(files, ledger.File{Name: "desk.yaml", Data: desk})
	}
	_, err = ledger.Load(files)
	require.NoError(t, err, "%s", data)
}

// TestReimportAfterTheDeskLinks: once the desk holds an item of the
// generated file by its Q-id, a later import refers to the desk's id
// everywhere the old file referred to its own.
func TestReimportAfterTheDeskLinks(t *testing.T) {
	country := entity("Q906", "Ruritania", map[string][]stmt{propInstanceOf: {{value: itemCountry}}})
	chair := entity("Q951", "Chair of Ruritania", map[string][]stmt{propCountry: {{value: "Q906"}}})
	ada := entity("Q901", "Ada Example", map[string][]stmt{propCitizenship: {{value: "Q906"}}, propPositionHeld: {held("Q951", "2010-01-01", "")}})
	old, _ := build(t, nil, dumpOf(t, country, chair, ada))
	loadsBeside(t, old, nil)

	// The desk now writes Ruritania and Ada Example by hand, with their
	// Q-ids; a later import reads only Bo Sample.
	desk := []byte("entities:\n  - {id: rur, kind: country, name: Ruritania, wikidata: Q906}\n  - {id: ada, kind: person, name: Ada Example, wikidata: Q901}\n")
	l, err := ledger.Load([]ledger.File{{Name: "desk.yaml", Data: desk}})
	require.NoError(t, err)
	bo := entity("Q902", "Bo Sample", map[string][]stmt{propInstanceOf: {{value: itemHuman}}})
	f, _, err := Build(readAll(t, "d.json", dumpOf(t, bo)), Options{Langs: []string{"en"}, Old: old, Ledger: l})
	require.NoError(t, err)
	loadsBeside(t, f, desk)
	require.Len(t, f.Offices, 1)
	assert.Equal(t, "rur", f.Offices[0].Country)
	assert.Equal(t, "ada", f.Offices[0].Holders[0].Who)
}

// TestReferencesKeepTheirKind: a position's country must be a country and
// its body an organisation; an item of another kind is reported and left
// out, so that what is written loads.
func TestReferencesKeepTheirKind(t *testing.T) {
	union := entity("Q960", "Union of Ruritania", map[string][]stmt{propInstanceOf: {{value: itemCountry}}})
	a := entity("Q951", "Chair of the Union", map[string][]stmt{propCountry: {{value: "Q960"}}})
	b := entity("Q952", "Clerk of the Union", map[string][]stmt{propPartOf: {{value: "Q960"}}})
	ada := entity("Q901", "Ada Example", map[string][]stmt{propPositionHeld: {held("Q951", "2010-01-01", ""), held("Q952", "2011-01-01", "")}})
	f, reports := build(t, nil, dumpOf(t, union, a, b, ada))
	loadsBeside(t, f, nil)
	assert.Contains(t, reports, "d.json:4: Q952: the body it is part of: Q960 was read as a country, not an organisation; the office is imported without one")

	desk := []byte("entities:\n  - {id: union, kind: organisation, name: Union, wikidata: Q970}\n")
	l, err := ledger.Load([]ledger.File{{Name: "desk.yaml", Data: desk}})
	require.NoError(t, err)
	c := entity("Q953", "Envoy of the Union", map[string][]stmt{propJurisdiction: {{value: "Q970"}}})
	bo := entity("Q902", "Bo Sample", map[string][]stmt{propPositionHeld: {held("Q953", "2012-01-01", "")}})
	f, reportsDesk, err := Build(readAll(t, "d.json", dumpOf(t, c, bo)), Options{Langs: []string{"en"}, Ledger: l})
	require.NoError(t, err)
	loadsBeside(t, f, desk)
	var msgs []string
	for _, r := range reportsDesk {
		msgs = append(msgs, r.String())
	}
	assert.Contains(t, msgs, "d.json:2: Q953: its country: Q970 is union in the desk's rules, an organisation, not a country; the office is imported without one")
}
