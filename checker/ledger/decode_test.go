package ledger

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v4"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/rules"
)

// decodeMode is one way of decoding rule files.
type decodeMode struct {
	name       string
	fast       bool // the hand-written node decoder, else reflection only
	chunkMin   int
	chunkBytes int
}

var (
	byReflection = decodeMode{"reflection", false, math.MaxInt, 1}
	wholeFile    = decodeMode{"whole file", true, math.MaxInt, 1}
	// Every item that may start a chunk starts one.
	everyItem  = decodeMode{"chunk at every item", true, 0, 1}
	someChunks = decodeMode{"chunks of 64 bytes", true, 0, 64}
	fewChunks  = decodeMode{"chunks of 300 bytes", true, 0, 300}
	decodeWays = []decodeMode{wholeFile, everyItem, someChunks, fewChunks}
)

// use sets the package's knobs to m until the test ends.
func (m decodeMode) use(t testing.TB) {
	fast, min, bytes := fastDecoding, chunkMin, chunkBytes
	fastDecoding, chunkMin, chunkBytes = m.fast, m.chunkMin, m.chunkBytes
	t.Cleanup(func() { fastDecoding, chunkMin, chunkBytes = fast, min, bytes })
}

func loadAs(t *testing.T, m decodeMode, files []File) (*Ledger, ErrorList) {
	t.Helper()
	m.use(t)
	return load(t, files...)
}

var ledgerOpts = cmp.Options{
	cmp.Exporter(func(reflect.Type) bool { return true }),
	cmp.Comparer(func(a, b *regexp.Regexp) bool {
		return a == nil && b == nil || a != nil && b != nil && a.String() == b.String()
	}),
	cmp.Comparer(func(a, b *time.Location) bool {
		return a == nil && b == nil || a != nil && b != nil && a.String() == b.String()
	}),
}

// shapeOpts compare decoded shapes. Comments in a copied node depend on
// where a chunk starts, and nothing reads them.
var shapeOpts = cmp.Options{
	cmp.Exporter(func(reflect.Type) bool { return true }),
	cmpopts.EquateEmpty(),
	cmpopts.IgnoreFields(yaml.Node{}, "HeadComment", "LineComment", "FootComment"),
}

// sameAsReflection loads files by reflection and in every other way, and
// fails unless all give the same ledger or the same errors.
func sameAsReflection(t *testing.T, files []File) (*Ledger, ErrorList) {
	t.Helper()
	want, wantErrs := loadAs(t, byReflection, files)
	for _, m := range decodeWays {
		got, gotErrs := loadAs(t, m, files)
		if diff := cmp.Diff(wantErrs, gotErrs); diff != "" {
			t.Errorf("%s: errors differ from reflection's (-want +got):\n%s", m.name, diff)
		}
		if diff := cmp.Diff(want, got, ledgerOpts); diff != "" {
			t.Errorf("%s: ledger differs from reflection's (-want +got):\n%s", m.name, diff)
		}
	}
	return want, wantErrs
}

// chunksDecode reports whether data decodes in chunks, and if it does,
// checks that the shapes are those reflection decodes.
func chunksDecode(t *testing.T, m decodeMode, data []byte) bool {
	t.Helper()
	m.use(t)
	parts, ok := decodeChunked(data, nil)
	if !ok {
		return false
	}
	got := merge(parts)
	want, err := decodeReflect(data)
	require.NoError(t, err, "chunks decoded a file reflection fails on")
	if diff := cmp.Diff(want, got, shapeOpts); diff != "" {
		t.Errorf("%s: shapes differ from reflection's (-want +got):\n%s", m.name, diff)
	}
	return true
}

func TestDefaultRulesDecodeAlike(t *testing.T) {
	files, err := ReadFS(rules.FS, ".", "rules")
	require.NoError(t, err)
	l, errs := sameAsReflection(t, files)
	require.Empty(t, errs)
	require.NotEmpty(t, l.Entities)
	for _, f := range files {
		var whole ruleFile
		var doc yaml.Node
		require.NoError(t, yaml.Load(f.Data, &doc))
		require.True(t, (&nodeDecoder{}).file(&doc, &whole), "%s: the node decoder refuses it", f.Name)
		want, err := decodeReflect(f.Data)
		require.NoError(t, err)
		if diff := cmp.Diff(want, whole, shapeOpts); diff != "" {
			t.Errorf("%s: shapes differ from reflection's (-want +got):\n%s", f.Name, diff)
		}
		for _, m := range []decodeMode{everyItem, fewChunks} {
			require.True(t, chunksDecode(t, m, f.Data), "%s: %s: not decoded in chunks", f.Name, m.name)
		}
	}
}

// genLedger writes a valid rule file of n people, n/10 offices and n
// events, in every style a rule file is written in, and with errors that
// validation finds (not the decoder) when withErrors.
func genLedger(n int, withErrors bool) []byte {
	var b strings.Builder
	b.WriteString("$schema: ../schema/rules.schema.json\n# generated\nentities:\n")
	countries := max(n/100, 1)
	for c := 0; c < countries; c++ {
		fmt.Fprintf(&b, "  - {id: country-%d, kind: country, name: Land %d, demonyms: [Landish%d], tz: Europe/Paris}\n", c, c, c)
	}
	b.WriteString("  - id: city\n    kind: place\n    name: 'The City'\n    in: country-0\n")
	for i := 0; i < n; i++ {
		switch i % 4 {
		case 0:
			name := fmt.Sprintf("Person %d", i)
			if i%8 == 0 {
				name = fmt.Sprintf("'Person %d'", i) // refused by the hand reader
			}
			fmt.Fprintf(&b, "  - {id: p%d, kind: person, name: %s, short: P%d, aliases: [P %d, P%d], country: country-%d}\n",
				i, name, i, i, i, i%countries)
		case 1:
			fmt.Fprintf(&b, "  # person %d\n  - id: p%d\n    kind: person\n    name: \"Person\n    - %d\"\n    aliases:\n      - Alias %d\n    country: country-%d # acts for\n",
				i, i, i, i, i%countries)
		case 2:
			fmt.Fprintf(&b, "  -\n    id: p%d\n    kind: person\n    name: >-\n      Person\n      %d\n    country: country-%d\n\n", i, i, i%countries)
		case 3:
			fmt.Fprintf(&b, "  - id: p%d\n    kind: person\n    name: Person %d\n    aliases: [\n      'P %d',\n      P%d]\n    country: country-%d\n",
				i, i, i, i, i%countries)
		}
		if withErrors && i%97 == 5 {
			fmt.Fprintf(&b, "  - id: p%d\n    kind: person\n    name: Twin\n", i) // a duplicate id
			// A duplicate id on a line read by hand, and an item with no id:
			// nothing else is said of either.
			fmt.Fprintf(&b, "  - {id: p%d, kind: robot, name: Twin, country: nowhere}\n", i)
			b.WriteString("  - {kind: robot, name: Nobody, country: nowhere}\n")
		}
	}
	b.WriteString("offices:\n")
	for o := 0; o < max(n/10, 1); o++ {
		fmt.Fprintf(&b, "- id: office-%d\n  title: Minister %d\n  country: country-%d\n  phrasings: [Minister %d]\n  multiple: %v\n  holders:\n  - who: p%d\n    from: 2020-01-01\n    to: 2021-01-01\n    sources:\n      - {url: 'https://example.org/%d', date: 2020-01-02}\n  - {who: p%d, from: 2021-01-01}\n",
			o, o, o%countries, o, o%2 == 0, o, o, (o+1)%n)
	}
	b.WriteString("events:   # the calls\n")
	for e := 0; e < n; e++ {
		a, c := e%n, (e*7+1)%n
		if a == c {
			c = (c + 1) % n
		}
		date := fmt.Sprintf("2025-%02d-%02d", 1+e%12, 1+e%28)
		if withErrors && e%89 == 3 {
			date = "2025-02-30"
		}
		switch e % 3 {
		case 0:
			fmt.Fprintf(&b, "  - {id: e%d, kind: call, date: %s, participants: [p%d, p%d], medium: phone, sources: [{outlet: gen}]}\n",
				e, date, a, c)
		case 1:
			fmt.Fprintf(&b, "  - id: e%d\n    kind: meeting\n    date: %s\n    participants:\n    - p%d\n    - p%d\n    venue: city\n    round: %d\n    series: s\n    note: |\n      - id: not-an-item\n      events:\n    sources:\n      - outlet: gen\n",
				e, date, a, c, 1+e%5)
		case 2:
			fmt.Fprintf(&b, "  - id: e%d\n    kind: call\n    date: %s\n    time: \"10:30\"\n    tz: Europe/Paris\n    participants: [p%d, p%d]\n    initiator: p%d\n    title: 'a ''quoted''\n   - title'\n",
				e, date, a, c, a)
		}
		if withErrors && e%101 == 7 {
			fmt.Fprintf(&b, "  - {id: x%d, kind: call, date: 2025-01-01, participants: [nobody]}\n", e)
			fmt.Fprintf(&b, "  - {id: e%d, kind: party, date: 2025-13-01, participants: [nobody], tz: Mars/Base}\n", e)
		}
	}
	b.WriteString("coverage:\n  - kinds: [call]\n    participants: [p0, p1]\n    from: 2025-01\n    to: 2025-12\n")
	b.WriteString("wording:\n  - id: w1\n    pattern: '(?i)\\bfoo\\b'\n    message: say bar\n    replacement: bar\n")
	b.WriteString("tests:\n")
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "  - name: t%d\n    published: 2025-03-0%d\n    text: |\n      Foo said.\n    want:\n      - rule: w1\n        message: bar\n", i, i+1)
	}
	b.WriteString("  - {name: none, published: 2025-03-09, text: Nothing., want: none}\n")
	return []byte(b.String())
}

func TestGeneratedLedgerDecodesAlike(t *testing.T) {
	for _, withErrors := range []bool{false, true} {
		t.Run(fmt.Sprint("errors=", withErrors), func(t *testing.T) {
			data := genLedger(400, withErrors)
			for _, m := range []decodeMode{everyItem, fewChunks} {
				require.True(t, chunksDecode(t, m, data), "%s: not decoded in chunks", m.name)
			}
			l, errs := sameAsReflection(t, []File{{Name: "big.yaml", Data: data}})
			if withErrors {
				require.NotEmpty(t, errs)
				require.Contains(t, strings.Join(messages(errs), "\n"), `duplicate id "p5"`)
				require.Contains(t, strings.Join(messages(errs), "\n"), `unknown participant id "nobody"`)
				require.Contains(t, strings.Join(messages(errs), "\n"), `duplicate id "e7"`)
				require.Contains(t, strings.Join(messages(errs), "\n"), `entity has no id`)
				for _, unsaid := range []string{"robot", "nowhere", "party", "2025-13", "Mars"} {
					require.NotContains(t, strings.Join(messages(errs), "\n"), unsaid, "said of an item whose id is refused")
				}
			} else {
				require.Empty(t, errs)
				require.Len(t, l.Events, 400)
				require.Len(t, l.Tests, 4)
			}
		})
	}
}

// Files that must decode alike; chunks says whether they can be cut.
var trickyFiles = []struct {
	name   string
	yaml   string
	chunks bool
}{
	{"quoted string over item-like lines", `entities:
  - id: a
    kind: person
    name: "First
  - id: fake
    kind: person"
  - id: b
    kind: person
    name: B
`, false},
	{"quoted string over a key-like line", `entities:
  - id: a
    kind: person
    name: 'x
events:
  - id: b'
  - id: c
    kind: person
    name: C
events:
  - id: e
`, false},
	{"quoted string over a key-like line, keys once", `entities:
  - id: a
    kind: person
    name: 'x
events:
  - id: b'
  - id: c
    kind: person
    name: C
`, false},
	{"block scalars and comments", `# head
entities:
  # first
  - id: a
    kind: person
    name: A

# between, at column 0
  - id: b # trailing
    kind: person
    name: B
events:
  - id: e1
    kind: call
    date: 2025-01-02
    participants: [a, b]
    note: |
      - id: looks like an item
    title: >
      folded
      - text
  - id: e2
    kind: call
    date: 2025-01-03
    participants: [a, b]
`, true},
	{"flow collections over lines", `entities:
  - {id: a, kind: person,
     name: A}
  - id: b
    kind: person
    name: B
    aliases: [
      Bee,
      Bea]
  - {id: c, kind: person, name: C}
`, true},
	{"compact sequences at column 0", `entities:
- id: a
  kind: person
  name: A
- id: b
  kind: person
  name: B
  aliases:
  - Bee
- {id: c, kind: person, name: C}
events:
- id: e
  kind: call
  date: 2025-01-02
  participants: [a, b]
`, true},
	{"item on the line after its dash", `entities:
  -
    id: a
    kind: person
    name: A
  -
    id: b
    kind: person
    name: B
`, true},
	{"anchor and alias across items", `entities:
  - &a {id: a, kind: person, name: A}
  - id: b
    kind: person
    name: B
  - *a
`, false},
	{"alias to an anchor in an earlier item's value", `entities:
  - id: a
    kind: person
    name: &n A
  - id: b
    kind: person
    name: *n
`, false},
	{"duplicated top-level key", `entities:
  - {id: a, kind: person, name: A}
  - {id: b, kind: person, name: B}
entities:
  - {id: c, kind: person, name: C}
  - {id: d, kind: person, name: D}
`, false},
	{"bad key deep in the file", `entities:
  - {id: a, kind: person, name: A}
  - {id: b, kind: person, name: B}
events:
  - {id: e1, kind: call, date: 2025-01-02, participants: [a, b]}
  - {id: e2, kind: call, date: 2025-01-03, participants: [a, b]}
  - id: e3
    kind: call
    date: 2025-01-04
    participants: [a, b]
    nickname: three
    mood: fine
`, false},
	{"syntax error deep in the file", `entities:
  - {id: a, kind: person, name: A}
  - {id: b, kind: person, name: B}
  - {id: c, kind: person, name: [C}
  - {id: d, kind: person, name: D}
`, false},
	{"wrong kinds of values", `entities:
  - {id: a, kind: person, name: A}
  - {id: b, kind: person, name: {first: B}}
  - just a name
  -
  - ~
offices:
  - id: o
    title: T
    phrasings: [T]
    multiple: perhaps
    holders: [{who: a, from: 2020}]
events:
  - {id: e, kind: call, date: 2025-01-02, participants: [a, b], round: x, series: s}
`, false},
	{"tags, quoted keys, merge keys", `entities:
  - {id: a, kind: person, name: !!str 12}
  - {"id": b, 'kind': person, name: B}
  - {id: c, kind: person, name: C, <<: {short: See}}
`, false},
	{"repeated key in an item", `entities:
  - {id: a, kind: person, name: A}
  - {id: b, kind: person, name: B, name: Bee}
`, false},
	{"nulls", `entities:
  - {id: a, kind: person, name: A, short: ~, aliases: null}
  - {id: b, kind: person, name: B, country: }
offices:
events: []
coverage:
`, true},
	{"document markers", `---
entities:
  - {id: a, kind: person, name: A}
  - {id: b, kind: person, name: B}
...
`, false},
	{"directive", `%YAML 1.2
---
entities:
  - {id: a, kind: person, name: A}
  - {id: b, kind: person, name: B}
`, false},
	{"CR LF", "entities:\r\n  - {id: a, kind: person, name: A}\r\n  - {id: b, kind: person, name: B}\r\n", false},
	{"line separator", "entities:\n  - {id: a, kind: person, name: \"A\u2028B\"}\n  - {id: b, kind: person, name: \"B\u0085\"}\n  - id: c\n    kind: person\n    name: C\n", false},
	{"aliases repeated, few and many", "entities:\n  - {id: a, kind: person, name: A, aliases: [A, ' B', B, A2, B]}\n  - {id: b, kind: person, name: B, aliases: [" + strings.Repeat("x, y, A, ", 10) + "z]}\n", true},
	{"one-line items the hand reader refuses", `entities:
  - {id: a, kind: person, name: A}
  - {id: b, kind: person, name: "B}
  - {id: c, kind: person, name: C}"}
  - {id: d, kind: person, name: 'D', aliases: [Dee]}
  - {id: e, kind: person, name: E}
  - {id: f, kind: person, name: F, aliases: [Ef, "F f"]}
`, false}, // cut at every item, a cut falls in b's name
	{"a quoted string over one-line items", `entities:
  - {id: a, kind: person, name: A}
  - {id: b, kind: person, name: "B}
  - {id: c, kind: person, name: C}
  - {id: d, kind: person, name: D"}
  - {id: e, kind: person, name: E}
`, false},
	{"tab", "entities:\n  - {id: a, kind: person, name: A}\n\t- {id: b, kind: person, name: B}\n", false},
	{"tests with wants", `entities:
  - {id: a, kind: person, name: A}
wording:
  - {id: w, pattern: 'foo', message: say bar}
tests:
  - name: one
    published: 2025-01-02
    text: foo
    want:
      - rule: w
        message: bar
      - rule: w
        message: '(bad'
  - name: two
    published: 2025-01-02
    text: foo
    want: nothing
  - name: three
    published: 2025-01
    text: foo
    want:
      - {rule: w, message: ok, extra: key}
`, true},
	{"validation errors after cuts", `entities:
  - {id: a, kind: person, name: A}
  - {id: A, kind: planet, name: A}
  - {id: b, kind: person, name: B, demonyms: [Bish]}
offices:
  - id: o
    title: T
    phrasings: [T]
    holders:
      - {who: a, from: 2020-01-01}
      - {who: b, from: 2021-01-01, to: 2019-01-01}
      - {who: b, from: 2022-01-01}
events:
  - {id: e, kind: call, date: 2025-01-02, participants: [a, zz], time: '25:00', venue: a}
  - {id: e, kind: call, date: 2025-01-02, participants: [a]}
`, true},
	{"fields of one value or several, and keys with dashes", `entities:
  - {id: a, kind: person, name: A}
  - {id: b, kind: person, name: B}
  - {id: port, kind: place, name: Port, tz: Europe/Paris}
  - {id: capital, kind: place, name: Capital}
offices:
  - id: o
    title: T
    phrasings: [T]
    holders:
      - {who: a, in-office-on: 2019-03-01, to: 2021-01-01}
      - who: b
        in-office-on: 2021-06-01
      - {who: b, from: 2020-01-01, in-office-on: 2020-02-01}
events:
  - {id: v, kind: visit, date: 2025-03-01, end: 2025-03-04, participants: [a, b], visitor: [a], host: [b], venue: [port, capital]}
  - {id: s, kind: talks, date: 2025-03-02, part-of: v, participants: [a, b], venue: port, daypart: evening, medium: [in-person]}
  - id: t
    kind: call
    date: 2025-03-05
    participants: [a, b]
    medium:
      - phone
      - video
    venue:
    duration: 1h..1h30m
    status: cancelled
  - {id: u, kind: call, date: 2025-03-06, participants: [a, b], medium: [], venue: [port, ''], duration: 2h..1h}
  - {id: w, kind: talks, date: 2025-03-07, participants: [a, b], part-of: nothing, daypart: dusk, status: maybe, medium: [fax, phone]}
wording:
  - {id: w1, pattern: 'x', message: m, quoted: true}
  - id: w2
    pattern: 'y'
    message: m
    quoted: no
`, true},
	{"a venue that is a mapping, or a list holding one", `entities:
  - {id: a, kind: person, name: A}
  - {id: port, kind: place, name: Port}
events:
  - id: x
    kind: talks
    date: 2025-03-08
    participants: [a]
    venue: {place: port}
  - {id: y, kind: talks, date: 2025-03-08, participants: [a], venue: [port, {x: y}], medium: [[phone]]}
`, false},
	// The words: section is copied whole; its problems are at its lines in
	// the file, not in the chunk that holds it.
	{"words after a cut, with a problem", `entities:
  - {id: a, kind: person, name: Ada Example}
  - {id: b, kind: person, name: Bo Example}
words:
  hedges: [Maybe]
`, true},
}

func TestTrickyFilesDecodeAlike(t *testing.T) {
	for _, tt := range trickyFiles {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.yaml)
			chunked := chunksDecode(t, everyItem, data)
			if chunked != tt.chunks {
				t.Errorf("decoded in chunks: %v, want %v", chunked, tt.chunks)
			}
			sameAsReflection(t, []File{{Name: "t.yaml", Data: data}})
		})
	}
}

// TestChunkChecksAreNeeded shows that a cut the line scan gets wrong
// would decode wrongly, were the chunks not checked: the scan takes a line
// inside a string for the key "events", and each chunk parses.
func TestChunkChecksAreNeeded(t *testing.T) {
	data := []byte(trickyFiles[2].yaml)
	chunks, ok := plan(data, 1)
	require.True(t, ok)
	require.Len(t, chunks, 2)
	require.Equal(t, "events", chunks[1].head, "the scan is fooled")
	for _, c := range chunks {
		text, _, _ := c.document(data)
		var doc yaml.Node
		require.NoError(t, yaml.Load(text, &doc), "chunk parses:\n%s", text)
	}
	var first ruleFile
	require.False(t, chunks[0].decode(data, &first), "the first chunk's keys are not those the scan found")
}

func TestPlan(t *testing.T) {
	data := []byte(`$schema: x
entities: # c
  - {id: a}
  - {id: b}
  # note
  - {id: c}
  -
    id: d
  - {id: e}
tests:
- {name: t}
- {name: u}
events:
- {id: e1}
- {id: e2}
  extra: x
wording: {}
`)
	chunks, ok := plan(data, 1)
	require.True(t, ok)
	type summary struct {
		First      int
		Head       string
		Hand       bool
		Keys       []topKey
		Next       string
		NextIndent int
	}
	var got []summary
	for _, c := range chunks {
		got = append(got, summary{c.first, c.head, c.hand, c.keys, c.next, c.nextIndent})
	}
	want := []summary{
		{First: 1, Keys: []topKey{{"$schema", 1}, {"entities", 2}}, Next: "entities", NextIndent: 2},
		{First: 4, Head: "entities", Hand: true},
		{First: 6, Head: "entities", Hand: true},
		{First: 7, Head: "entities", Next: "entities", NextIndent: 2},
		{First: 9, Head: "entities", Hand: true},
		{First: 10, Keys: []topKey{{"tests", 10}}, Next: "tests"},
		{First: 12, Head: "tests", Keys: []topKey{{"events", 13}}, Next: "events"},
		{First: 15, Head: "events", Keys: []topKey{{"wording", 17}}},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(topKey{})); diff != "" {
		t.Errorf("chunks (-want +got):\n%s", diff)
	}
	for i := 1; i < len(chunks); i++ {
		require.Equal(t, chunks[i-1].to, chunks[i].from)
	}
	require.Equal(t, len(data), chunks[len(chunks)-1].to)
	for _, bad := range []string{"---\na: 1\n", "a:\n  - x\na:\n", "\"a\": 1\n", "? a\n", "a: 1\r\n", "%YAML 1.2\n", "a:\n  - x\n- y\n", "a: \"\u2028\"\n"} {
		_, ok := plan([]byte(bad), 1)
		require.False(t, ok, "%q", bad)
	}
}

func TestValidIDMatchesPattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	for _, id := range []string{"", "a", "0", "-", "_", "a-b_c9", "-a", "_a", "A", "aB", "a b", "a.b", "é", "a\n", "abc-", "9_"} {
		require.Equal(t, pattern.MatchString(id), validID(id), "%q", id)
	}
}

// merge joins the chunks' lists in file order.
func merge(parts []ruleFile) ruleFile {
	var out ruleFile
	for _, p := range parts {
		if p.Schema.set {
			out.Schema = p.Schema
		}
		if p.Words.Kind != 0 {
			out.Words = p.Words
		}
	}
	out.Entities = join(parts, func(p *ruleFile) []item[entityY] { return p.Entities })
	out.Offices = join(parts, func(p *ruleFile) []item[officeY] { return p.Offices })
	out.Events = join(parts, func(p *ruleFile) []item[eventY] { return p.Events })
	out.Coverage = join(parts, func(p *ruleFile) []item[coverY] { return p.Coverage })
	out.Wording = join(parts, func(p *ruleFile) []item[wordingY] { return p.Wording })
	out.Tests = join(parts, func(p *ruleFile) []item[specY] { return p.Tests })
	return out
}

func join[T any](parts []ruleFile, list func(*ruleFile) []T) []T {
	n := 0
	for i := range parts {
		n += len(list(&parts[i]))
	}
	if n == 0 {
		return nil
	}
	out := make([]T, 0, n)
	for i := range parts {
		out = append(out, list(&parts[i])...)
	}
	return out
}

// randomItemLine writes a one-line flow mapping item, mostly of what the
// hand reader takes, sometimes of what it must refuse or read alike.
func randomItemLine(r *rand.Rand, keys []string) string {
	pieces := strings.Split("a b c x y z A B Z 0 1 8 9 - - - . . / / _ _ ' ' ( ) @ + : # \" , ~ * & ! [ ] { } ? % | > \\ é 𝄞 \u00a0 \ufeff \u0080 \u2028 \x7f \xff", " ")
	pieces = append(pieces, " ", " ")
	random := func(n int) string {
		var b strings.Builder
		for ; n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	scalar := func() string {
		switch r.IntN(14) {
		case 0:
			return []string{"null", "Null", "~", "", "yes", "2025-01-02", "1e3", ".inf", "-1", "012", "true", "a: b", "a #b", "'q'", "\"q\"", "- x", "x -y", "O'Brien", "''", "\"\"", "'it''s'", "' x '", "\"a\\\"b\"", "\"a\\nb\"", "'a\\b'", "Erdoğan", "'null'"}[r.IntN(27)]
		case 1, 2, 3:
			return random(1 + r.IntN(10))
		case 4:
			return "'" + strings.ReplaceAll(random(r.IntN(8)), "'", "''") + "'"
		case 5:
			return "\"" + strings.ReplaceAll(random(r.IntN(8)), "\"", "") + "\""
		}
		var b strings.Builder
		for n := 1 + r.IntN(3); n > 0; n-- {
			if b.Len() > 0 {
				b.WriteString(strings.Repeat(" ", 1+r.IntN(2)))
			}
			b.WriteString([]string{"Ann", "p12", "country-3", "A.B.", "x/y", "a_b", "Mc(1)", "a+b", "e@x"}[r.IntN(9)])
		}
		return b.String()
	}
	sp := func() string { return strings.Repeat(" ", r.IntN(3)) }
	var b strings.Builder
	b.WriteString("  -" + strings.Repeat(" ", 1+r.IntN(2)) + "{" + sp())
	for i, n := 0, 1+r.IntN(5); i < n; i++ {
		if i > 0 {
			b.WriteString(sp() + "," + sp())
		}
		k := keys[r.IntN(len(keys))]
		b.WriteString(k + ":" + strings.Repeat(" ", 1+r.IntN(2)))
		switch {
		case k == "sources":
			b.WriteString("[{outlet: " + scalar() + "}, {url: " + scalar() + "," + sp() + "date: 2025}]")
		case r.IntN(3) == 0:
			b.WriteString("[" + sp())
			for j, m := 0, r.IntN(4); j < m; j++ {
				if j > 0 {
					b.WriteString(sp() + "," + sp())
				}
				b.WriteString(scalar())
			}
			b.WriteString(sp() + "]")
		default:
			b.WriteString(scalar())
		}
	}
	b.WriteString(sp() + "}" + sp())
	return b.String()
}

// handAlike reads an item line of list by hand and, if the hand reader
// takes it, fails unless reflection decodes it the same.
func handAlike(t *testing.T, p *lineParser, list, line string) bool {
	t.Helper()
	item, ok := p.item([]byte(line), 2, 2)
	if !ok {
		return false
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item}}
	top := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: list}, seq}}
	var got ruleFile
	if !(&nodeDecoder{}).file(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{top}}, &got) {
		return false
	}
	want, err := decodeReflect([]byte(list + ":\n" + line + "\n"))
	require.NoError(t, err, "%s", line)
	if diff := cmp.Diff(want, got, shapeOpts); diff != "" {
		t.Fatalf("%s\nshapes differ from reflection's (-want +got):\n%s", line, diff)
	}
	return true
}

// TestLineParserMatchesParser reads random item lines by hand and by
// reflection: whatever the hand reader takes must decode the same.
func TestLineParserMatchesParser(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	lists := []struct {
		key  string
		keys []string
	}{
		{"entities", []string{"id", "kind", "name", "short", "aliases", "demonyms", "country", "in", "tz", "wikidata", "nick"}},
		{"events", []string{"id", "kind", "date", "participants", "medium", "sources", "venue", "round", "title", "part-of", "status", "daypart"}},
	}
	p := newLineParser()
	taken, quoted, wide := 0, 0, 0
	const n = 40000
	for i := 0; i < n; i++ {
		list := lists[i%2]
		line := randomItemLine(r, list.keys)
		if handAlike(t, p, list.key, line) {
			taken++
			if strings.ContainsAny(line, "'\"") {
				quoted++
			}
			if strings.ContainsFunc(line, func(r rune) bool { return r >= utf8.RuneSelf }) {
				wide++
			}
		}
	}
	t.Logf("%d of %d lines read by hand, %d with quotes, %d with characters outside ASCII", taken, n, quoted, wide)
	require.Greater(t, taken, n/20, "too few lines read by hand")
	require.Greater(t, quoted, n/200, "too few lines with quotes read by hand")
	require.Greater(t, wide, n/200, "too few lines with characters outside ASCII read by hand")

	// These are read by hand: the lines bench/gen writes, and others.
	for _, c := range []struct{ list, line string }{
		{"entities", "  - {id: country-0, kind: country, name: Kakakado land 0, demonyms: [Kakakadoian0]}"},
		{"entities", "  - {id: p9, kind: person, name: Ulzen Tatovtovsha 9, short: Tatovtovsha9, aliases: [Tatovtovsha 9, Tatovtovsha9], country: country-9}"},
		{"events", "  - {id: e7, kind: call, date: 2025-08-08, participants: [p7, p50], medium: phone, sources: [{outlet: gen}]}"},
		{"entities", "  - {id: 'x', kind: \"person\", name: 'It''s é', aliases: ['', \" a \", 𝄞 b, 'null'], tz: Europe/Paris}"},
		{"events", "  - {id: e8, kind: talks, date: 2025-08-09, part-of: v1, participants: [p7, p50], venue: [port, capital], medium: [phone, video], duration: 2h..2h30m, daypart: evening, status: planned}"},
		{"offices", "  - {id: o1, title: T, phrasings: [T], holders: [{who: p7, in-office-on: 2019-03-01, to: 2021-01-01}]}"},
	} {
		require.True(t, handAlike(t, p, c.list, c.line), c.line)
	}
}

// parseDateSplit is ParseDate as it was, by strings.Split.
func parseDateSplit(s string) (civil.Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) < 1 || len(parts) > 3 {
		return civil.Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	widths := []int{4, 2, 2}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if len(p) != widths[i] {
			return civil.Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return civil.Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		nums[i] = n
	}
	d := civil.Date{Y: nums[0], Prec: civil.Precision(len(parts))}
	if len(nums) > 1 {
		d.M = nums[1]
		if d.M < 1 || d.M > 12 {
			return civil.Date{}, fmt.Errorf("date %q has no month %d", s, d.M)
		}
	}
	if len(nums) > 2 {
		d.D = nums[2]
		if d.D < 1 || d.D > civil.DaysIn(d.Y, time.Month(d.M)) {
			return civil.Date{}, fmt.Errorf("date %q does not exist: %s %d has %d days", s, time.Month(d.M), d.Y, civil.DaysIn(d.Y, time.Month(d.M)))
		}
	}
	return d, nil
}

func TestParseDateAsBySplit(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const chars = "0123456789-+ x"
	inputs := []string{"", "-", "--", "2025", "2025-", "2025-02", "2025-02-29", "2024-02-29", "+202-01-01", "2025-13", "2025-00-01",
		"2025-01-32", "2025-01-01-01", "2025-1-01-01", "0000-01-01", "20 5-01", "2025-+1-01", "2025-01-+1"}
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for n := r.IntN(14); n > 0; n-- {
			if r.IntN(3) == 0 {
				b.WriteByte(chars[r.IntN(len(chars))])
			} else {
				b.WriteByte('0' + byte(r.IntN(10)))
			}
		}
		inputs = append(inputs, b.String())
	}
	for _, s := range inputs {
		want, wantErr := parseDateSplit(s)
		got, gotErr := civil.ParseDate(s)
		require.Equal(t, want, got, "%q", s)
		require.Equal(t, fmt.Sprint(wantErr), fmt.Sprint(gotErr), "%q", s)
	}
}

// TestNodeDecoderKnowsEveryKey writes, for each shape of a rule file, a
// mapping with every key its yaml tags name, and decodes it by hand: a key
// added to a shape but not to the node decoder would send every file that
// uses it to the slow decoder, and nothing else would notice.
func TestNodeDecoderKnowsEveryKey(t *testing.T) {
	d := &nodeDecoder{}
	cases := []struct {
		shape  any
		decode func(*yaml.Node) bool
	}{
		{entityY{}, func(n *yaml.Node) bool { var y entityY; return d.entity(n, &y) }},
		{officeY{}, func(n *yaml.Node) bool { var y officeY; return d.office(n, &y) }},
		{termY{}, func(n *yaml.Node) bool { var y termY; return d.term(n, &y) }},
		{eventY{}, func(n *yaml.Node) bool { var y eventY; return d.event(n, &y) }},
		{coverY{}, func(n *yaml.Node) bool { var y coverY; return d.cover(n, &y) }},
		{wordingY{}, func(n *yaml.Node) bool { var y wordingY; return d.wording(n, &y) }},
		{specY{}, func(n *yaml.Node) bool { var y specY; return d.spec(n, &y) }},
		{sourceY{}, func(n *yaml.Node) bool {
			var y []sourceY
			return d.sources(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{n}}, &y)
		}},
	}
	for _, c := range cases {
		typ := reflect.TypeOf(c.shape)
		var b strings.Builder
		for i := range typ.NumField() {
			key := strings.Split(typ.Field(i).Tag.Get("yaml"), ",")[0]
			value := "x"
			switch ft := typ.Field(i).Type; {
			case ft == reflect.TypeOf(strs{}):
				value = "[x]"
			case ft.Kind() == reflect.Slice:
				value = "[]"
			case ft.Kind() == reflect.Bool:
				value = "true"
			case ft.Kind() == reflect.Int:
				value = "1"
			}
			fmt.Fprintf(&b, "%s: %s\n", key, value)
		}
		var doc yaml.Node
		require.NoError(t, yaml.Load([]byte(b.String()), &doc), "%s", b.String())
		require.True(t, c.decode(doc.Content[0]), "%s: the node decoder refuses\n%s", typ.Name(), b.String())
	}
}
