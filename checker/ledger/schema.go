package ledger

import (
	"encoding/json"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v4"
)

// Schema returns a JSON Schema (draft 2020-12) for rule files, generated
// from the very types the loader decodes, so that the two cannot drift:
// every key the loader knows is in it, and no other.
func Schema() []byte {
	root := objectSchema(reflect.TypeOf(ruleFile{}))
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://github.com/claimlint/claimlint/schema/rules.schema.json"
	root["title"] = "claimlint rule file"
	root["description"] = "Entities, offices, events, coverage, wording rules and tests that claimlint checks articles against."
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err) // maps of plain values always marshal
	}
	return append(b, '\n')
}

var (
	strType   = reflect.TypeOf(str{})
	strsType  = reflect.TypeOf(strs{})
	moreType  = reflect.TypeOf(oneOrMore{})
	nodeType  = reflect.TypeOf(yaml.Node{})
	datePat   = `^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`
	dateShape = map[string]any{"type": []string{"string", "integer"}, "pattern": datePat,
		"description": "YYYY, YYYY-MM or YYYY-MM-DD"}
)

// fieldDocs describe keys, and give enums and formats, by type.key.
var fieldDocs = map[string]map[string]any{
	"entityY.id":        {"description": "a unique id: lower-case letters, digits, - and _", "pattern": "^[a-z0-9][a-z0-9_-]*$"},
	"entityY.kind":      {"enum": entityKinds},
	"entityY.name":      {"description": "the canonical name"},
	"entityY.short":     {"description": "how messages name it (a surname)"},
	"entityY.aliases":   {"description": "other names articles use"},
	"entityY.demonyms":  {"description": "for a country: the adjectives (Russian, U.S.)"},
	"entityY.country":   {"description": "for a person: the id of the country they act for"},
	"entityY.in":        {"description": "for a place: the id of the place or country that contains it"},
	"entityY.tz":        {"description": "an IANA time zone, such as Europe/Moscow"},
	"entityY.wikidata":  {"description": "the Wikidata item it was imported from", "pattern": "^Q[1-9][0-9]*$"},
	"officeY.wikidata":  {"description": "the Wikidata item of the position", "pattern": "^Q[1-9][0-9]*$"},
	"officeY.id":        {"pattern": "^[a-z0-9][a-z0-9_-]*$"},
	"officeY.phrasings": {"description": "how articles write the title before a name"},
	"officeY.multiple":  {"description": "several holders at once (spokespeople)"},
	"officeY.body":      {"description": "the id of the organisation the office belongs to"},
	"termY.who":         {"description": "the holder's entity id"},
	"termY.from":        dateShape,
	"termY.to":          dateShape,
	"termY.in-office-on": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
		"description": "instead of from, when the term's start is unknown: YYYY-MM-DD, a day the holder held the office"},
	"sourceY.date":    dateShape,
	"eventY.id":       {"pattern": "^[a-z0-9][a-z0-9_-]*$"},
	"wordingY.except": {"description": "regular expressions of text where a match is right: a match inside one is not reported (chicken Kiev)"},
	"eventY.kind":     {"enum": EventKinds},
	"eventY.date":     dateShape,
	"eventY.end":      dateShape,
	"eventY.time":     {"pattern": "^[0-2][0-9]:[0-5][0-9]$", "description": "HH:MM, in tz"},
	"eventY.daypart":  {"enum": Dayparts, "description": "the time of day, when no exact time is known: read in tz, or the zone of the venues or participants"},
	"eventY.status":   {"enum": Statuses, "description": "held (the default), planned, unconfirmed or cancelled: only held events are matched to claims that an event took place"},
	"eventY.part-of":  {"description": "the id of the event this one is a session of (a day of talks during a visit)"},
	"eventY.visitor":  {"description": "the participants who visit"},
	"eventY.host":     {"description": "the participants who host"},
	"eventY.medium":   {"enum": []string{Phone, Video, InPerson}, "description": "one medium, or a list of the accepted ones"},
	"eventY.venue":    {"description": "a place or country id, or a list of the accepted ones"},
	"eventY.duration": {"pattern": "^([0-9]+h)?([0-9]+m)?([.][.]([0-9]+h)?([0-9]+m)?)?$",
		"description": "such as 1h25m or 40m, or a range such as 2h..2h30m"},
	"eventY.aliases":    {"description": "for an anchor event: how articles name it"},
	"coverY.kinds":      {"items": map[string]any{"enum": []string{Call, Meeting, Talks, Summit, Visit}}},
	"coverY.from":       dateShape,
	"coverY.to":         dateShape,
	"wordingY.id":       {"pattern": "^[a-z0-9][a-z0-9_-]*$"},
	"wordingY.pattern":  {"description": "an RE2 regular expression"},
	"wordingY.after":    dateShape,
	"wordingY.before":   dateShape,
	"wordingY.severity": {"enum": []string{"error", "warning", "info"}},
	"wordingY.quoted":   {"description": "true: match inside quotation marks too (by default quoted text is left alone)"},
	"specY.published":   dateShape,
}

var required = map[string][]string{
	"entityY":  {"id", "kind", "name"},
	"officeY":  {"id", "title", "phrasings"},
	"termY":    {"who"},
	"eventY":   {"id", "kind", "date"},
	"coverY":   {"kinds", "participants", "from", "to"},
	"wordingY": {"id", "pattern", "message"},
	"specY":    {"published", "text", "want"},
	"wantY":    {"rule"},
}

// anyOf are alternatives of required keys, by type.
var anyOf = map[string][]any{
	"termY": {map[string]any{"required": []string{"from"}}, map[string]any{"required": []string{"in-office-on"}}},
}

func objectSchema(t reflect.Type) map[string]any {
	props := map[string]any{}
	name := t.Name()
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if key == "" || key == "-" {
			continue
		}
		s := typeSchema(f.Type, key)
		for k, v := range fieldDocs[name+"."+key] {
			switch {
			case k == "items":
				s["items"] = v
			case k == "enum" && f.Type == moreType:
				// One value of the enum, or a list of them.
				for _, alt := range s["oneOf"].([]any) {
					alt := alt.(map[string]any)
					if alt["type"] == "array" {
						alt["items"] = map[string]any{"enum": v}
					} else {
						alt["enum"] = v
					}
				}
			default:
				s[k] = v
			}
		}
		props[key] = s
	}
	out := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if r := required[name]; len(r) > 0 {
		out["required"] = r
	}
	if a := anyOf[name]; len(a) > 0 {
		out["anyOf"] = a
	}
	return out
}

func typeSchema(t reflect.Type, key string) map[string]any {
	switch {
	case t == strType:
		return map[string]any{"type": "string"}
	case t == strsType:
		return map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
	case t == moreType:
		return map[string]any{"oneOf": []any{
			map[string]any{"type": "string"},
			map[string]any{"type": "array", "items": map[string]any{"type": "string"}, "minItems": 1},
		}}
	case t == nodeType && key == "words":
		return map[string]any{
			"type":        "object",
			"description": "words to add to the language file (checker/lang/en.yaml), in its shape: a newsroom's own event words, hedges, units",
		}
	case t == nodeType && key == "want":
		return map[string]any{
			"description": "the findings the snippet must produce, or none",
			"oneOf": []any{
				map[string]any{"const": "none"},
				map[string]any{"type": "array", "items": objectSchema(reflect.TypeOf(wantY{}))},
			},
		}
	case t.Kind() == reflect.Bool:
		return map[string]any{"type": "boolean"}
	case t.Kind() == reflect.Int:
		return map[string]any{"type": "integer", "minimum": 1}
	case t.Kind() == reflect.Slice:
		return map[string]any{"type": "array", "items": typeSchema(t.Elem(), key)}
	case t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "item["):
		return typeSchema(t.Field(0).Type, key)
	case t.Kind() == reflect.Struct:
		return objectSchema(t)
	}
	return map[string]any{}
}
