package ledger

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v4"

	"github.com/claimlint/claimlint/rules"
)

// plain turns a YAML node into the values a JSON Schema validator sees, the
// way an editor's YAML language server reads the file: dates stay strings.
func plain(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return plain(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plain(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			out = append(out, plain(c))
		}
		return out
	case yaml.AliasNode:
		return plain(n.Alias)
	}
	switch n.Tag {
	case "!!int":
		i, _ := strconv.Atoi(n.Value)
		return i
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value
}

func compile(t *testing.T, schema []byte) *jsonschema.Schema {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("rules.schema.json", doc))
	s, err := c.Compile("rules.schema.json")
	require.NoError(t, err)
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, src []byte) error {
	var n yaml.Node
	require.NoError(t, yaml.Load(src, &n))
	v := plain(&n)
	b, _ := json.Marshal(v)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	return s.Validate(inst)
}

// TestSchemaIsFresh: schema/rules.schema.json is what `claimlint schema`
// prints, generated from the loader's types.
func TestSchemaIsFresh(t *testing.T) {
	committed, err := os.ReadFile("../../schema/rules.schema.json")
	require.NoError(t, err)
	assert.Equal(t, string(Schema()), string(committed),
		"schema/rules.schema.json is stale: go run ./cmd/claimlint schema rules > schema/rules.schema.json")
}

func TestRuleFilesValidateAgainstTheSchema(t *testing.T) {
	s := compile(t, Schema())
	files, err := ReadFS(rules.FS, ".", "rules")
	require.NoError(t, err)
	for _, f := range files {
		assert.NoError(t, validate(t, s, f.Data), f.Name)
	}
	bad := []byte("entities:\n  - id: x\n    kind: person\n    name: X\n    nickname: Y\n")
	assert.Error(t, validate(t, s, bad), "an unknown key fails the schema")
	_, err = Load([]File{{Name: "bad.yaml", Data: bad}})
	assert.Error(t, err, "and the loader")
	wrongKind := []byte("events:\n  - id: e\n    kind: party\n    date: 2025-01-01\n    participants: [x]\n")
	assert.Error(t, validate(t, s, wrongKind), "an unknown event kind fails the schema")
	fields := []byte(`offices:
  - id: o
    title: T
    phrasings: [T]
    holders:
      - {who: a, in-office-on: 2019-03-01}
events:
  - {id: v, kind: visit, date: 2025-03-01, end: 2025-03-03, participants: [a, b], visitor: [a], host: [b], venue: [p, q]}
  - {id: s, kind: talks, date: 2025-03-02, part-of: v, participants: [a, b], venue: p, daypart: night, medium: [in-person, video], duration: 2h..2h30m}
  - {id: c, kind: call, date: 2025-03-05, participants: [a, b], status: cancelled, medium: phone, duration: 40m}
wording:
  - {id: w, pattern: x, message: m, quoted: true}
`)
	assert.NoError(t, validate(t, s, fields), "the fields of one value or several, ranges and sessions")
	for what, bad := range map[string]string{
		"a medium of a list":    "events:\n  - {id: e, kind: call, date: 2025-01-01, participants: [x], medium: [phone, fax]}\n",
		"an empty venue list":   "events:\n  - {id: e, kind: call, date: 2025-01-01, participants: [x], venue: []}\n",
		"an unknown daypart":    "events:\n  - {id: e, kind: call, date: 2025-01-01, participants: [x], daypart: noon}\n",
		"a range of words":      "events:\n  - {id: e, kind: call, date: 2025-01-01, participants: [x], duration: 2h..long}\n",
		"a holder with no date": "offices:\n  - {id: o, title: T, phrasings: [T], holders: [{who: a, to: 2020-01-01}]}\n",
	} {
		assert.Error(t, validate(t, s, []byte(bad)), what)
	}
}

// TestSchemaKnowsEveryKey: the keys of each object in the schema are the
// YAML keys of the type the loader decodes it into.
func TestSchemaKnowsEveryKey(t *testing.T) {
	var doc map[string]any
	require.NoError(t, json.Unmarshal(Schema(), &doc))
	keys := func(m any) []string {
		var out []string
		for k := range m.(map[string]any)["properties"].(map[string]any) {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	props := doc["properties"].(map[string]any)
	assert.Equal(t, []string{"$schema", "coverage", "entities", "events", "offices", "tests", "wording", "words"}, keys(doc))
	assert.Equal(t, []string{"aliases", "country", "demonyms", "id", "in", "kind", "name", "short", "tz", "wikidata"}, keys(props["entities"].(map[string]any)["items"]))
	assert.Equal(t, []string{"aliases", "date", "daypart", "duration", "end", "host", "id", "initiator", "kind", "medium", "note", "part-of", "participants", "round", "series", "sources", "status", "time", "title", "tz", "venue", "visitor"},
		keys(props["events"].(map[string]any)["items"]))
}
