package wikidata

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/claimlint/claimlint/checker/ledger"
)

// FuzzRead: whatever the bytes, reading and building never panic, every
// error is an *Error naming the file, and what is built is written as a
// rule file that loads and that Parse reads back.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`{"entities":{"Q1":{"type":"item","id":"Q1","labels":{"en":{"language":"en","value":"Ada Example"}},"claims":{"P31":[{"mainsnak":{"snaktype":"value","datavalue":{"type":"wikibase-entityid","value":{"id":"Q5"}}},"rank":"normal"}]}}}}`))
	f.Add([]byte("[\n" + `{"type":"item","id":"Q2","labels":{"en":{"language":"en","value":"Bo"}},"claims":{"P39":[{"mainsnak":{"snaktype":"value","datavalue":{"type":"wikibase-entityid","value":{"numeric-id":3}}},"rank":"normal","qualifiers":{"P580":[{"snaktype":"value","datavalue":{"type":"time","value":{"time":"+2020-05-00T00:00:00Z","precision":10}}}]}}]}}` + ",\n" +
		`{"type":"item","id":"Q3","labels":{"en":{"language":"en","value":"Chair: #1"}},"claims":{"P17":[{"mainsnak":{"snaktype":"value","datavalue":{"type":"wikibase-entityid","value":{"id":"Q4"}}}}]}}` + "\n]\n"))
	f.Add([]byte("[\n{\"type\":\"item\",\"id\":\"Q9\",\"labels\":{\"en\""))
	f.Fuzz(func(t *testing.T, data []byte) {
		var items []*Item
		err := Read("f.json", bytes.NewReader(data), []string{"en"}, func(it *Item) error {
			items = append(items, it)
			return nil
		})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != "f.json" || !strings.HasPrefix(err.Error(), "f.json") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		out, _, err := Build(items, Options{Langs: []string{"en"}})
		if err != nil {
			return
		}
		text, err := out.Marshal([]string{"en"}, []string{"f.json"})
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if _, err := ledger.Load([]ledger.File{{Name: "g.yaml", Data: text}}); err != nil {
			t.Fatalf("the rule file made does not load: %v\n%s", err, text)
		}
		if _, err := Parse("g.yaml", text); err != nil {
			t.Fatalf("the rule file made does not read back: %v", err)
		}
	})
}
