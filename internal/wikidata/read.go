// Package wikidata turns Wikidata's entity JSON into claimlint rule files:
// people with their aliases, the offices they held (property P39, "position
// held") with dated terms, the countries and bodies those offices belong to,
// and the references behind each term.
//
// It reads both forms Wikidata serves: the document of Special:EntityData
// ({"entities": {"Q42": {…}}}) and the dump, one entity a line between "["
// and "]", plain or gzip-compressed. A dump is streamed: of each entity only
// what an import uses (labels and aliases in the chosen languages, and a few
// properties) is kept.
//
// The JSON format is Wikidata's documented one:
// https://doc.wikimedia.org/Wikibase/master/php/docs_topics_json.html
package wikidata

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimlint/claimlint/checker/ledger"
)

// The properties an import reads.
const (
	propInstanceOf   = "P31"
	propPositionHeld = "P39"
	propCountry      = "P17"
	propJurisdiction = "P1001"
	propCitizenship  = "P27"
	propPartOf       = "P361"
	propDemonym      = "P1549"
	propStart        = "P580"
	propEnd          = "P582"
	propRefURL       = "P854"
	propStatedIn     = "P248"
	propPublished    = "P577"
)

// kept lists the properties whose statements an import keeps of an entity.
var kept = []string{propInstanceOf, propPositionHeld, propCountry, propJurisdiction, propCitizenship, propPartOf, propDemonym}

// Item is what an import keeps of one Wikidata item.
type Item struct {
	ID      string            // Q42
	Labels  map[string]string // by language, the chosen ones only
	Aliases map[string][]string
	Claims  map[string][]Statement // the kept properties only
	// LabelLangs are the languages it has a label in, all of them: for the
	// message when it has none in the chosen ones.
	LabelLangs []string
	// Where it was read: the file, and the line (of the decompressed text).
	File string
	Line int
}

// Statement is one statement of a property.
type Statement struct {
	ID         string
	Rank       string // preferred, normal or deprecated
	Mainsnak   Snak
	Qualifiers map[string][]Snak
	References []Reference
}

// Snak is one value of a property: a value, or somevalue (there is one, not
// known) or novalue (there is none).
type Snak struct {
	Snaktype  string     `json:"snaktype"`
	Property  string     `json:"property"`
	Datavalue *Datavalue `json:"datavalue"`
}

// Datavalue is a snak's value; Value is decoded by its Type.
type Datavalue struct {
	Type  string          `json:"type"`
	Value json.RawMessage `json:"value"`
}

// Reference is one reference of a statement: its snaks by property.
type Reference struct {
	Snaks map[string][]Snak `json:"snaks"`
}

// rawEntity is an entity as the JSON has it.
type rawEntity struct {
	Type    string                    `json:"type"`
	ID      string                    `json:"id"`
	Labels  map[string]monolingual    `json:"labels"`
	Aliases map[string][]monolingual  `json:"aliases"`
	Claims  map[string][]rawStatement `json:"claims"`
	Missing *string                   `json:"missing"`
}

type rawStatement struct {
	ID         string            `json:"id"`
	Rank       string            `json:"rank"`
	Mainsnak   Snak              `json:"mainsnak"`
	Qualifiers map[string][]Snak `json:"qualifiers"`
	References []Reference       `json:"references"`
}

type monolingual struct {
	Language string `json:"language"`
	Value    string `json:"value"`
}

// Error is a problem with an input file, at a line (and column) when known.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// maxLine bounds one line of a dump, and a whole entity document: the
// largest items of Wikidata are a few megabytes.
const maxLine = 256 << 20

// Read reads the entities of one file, in either form, gzip-compressed or
// not, and calls fn with each, keeping of it the labels and aliases in langs
// and the kept properties. name is the file's name in errors.
func Read(name string, r io.Reader, langs []string, fn func(*Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return &Error{File: name, Msg: "gzip: " + err.Error()}
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	rd := &reader{name: name, br: br, langs: langs, fn: fn}
	return rd.run()
}

type reader struct {
	name  string
	br    *bufio.Reader
	langs []string
	fn    func(*Item) error
	line  int // of the last line read
}

// next returns the next line, without its end, and whether there was one.
func (rd *reader) next() ([]byte, bool, error) {
	var buf []byte
	for {
		chunk, err := rd.br.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > maxLine {
			return nil, false, &Error{File: rd.name, Line: rd.line + 1, Msg: fmt.Sprintf("a line of more than %d MB: not Wikidata entity JSON", maxLine>>20)}
		}
		switch {
		case err == nil:
			rd.line++
			return bytes.TrimRight(buf, "\r\n"), true, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(buf) == 0 {
				return nil, false, nil
			}
			rd.line++
			return buf, true, nil
		default:
			return nil, false, &Error{File: rd.name, Line: rd.line + 1, Msg: readErr(err)}
		}
	}
}

func readErr(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "the compressed file ends early: is it cut short?"
	}
	return err.Error()
}

func (rd *reader) run() error {
	// The first line that is not blank tells the form.
	var first []byte
	for {
		l, ok, err := rd.next()
		if err != nil {
			return err
		}
		if !ok {
			return &Error{File: rd.name, Msg: "empty: want Wikidata entity JSON"}
		}
		if t := bytes.TrimSpace(l); len(t) > 0 {
			first = t
			break
		}
	}
	switch {
	case bytes.Equal(first, []byte("[")):
		return rd.dump(true)
	case first[0] == '{':
		var probe map[string]json.RawMessage
		if json.Unmarshal(first, &probe) == nil {
			_, doc := probe["entities"]
			_, id := probe["id"]
			switch {
			case doc:
			case id:
				// A dump without its brackets: one entity a line.
				if err := rd.entityLine(first, rd.line); err != nil {
					return err
				}
				return rd.dump(false)
			default:
				return &Error{File: rd.name, Line: rd.line, Col: 1, Msg: notEntityJSON}
			}
		}
		return rd.document(first)
	}
	return &Error{File: rd.name, Line: rd.line, Col: 1, Msg: notEntityJSON}
}

const notEntityJSON = "not Wikidata entity JSON: want {\"entities\": {…}} as Special:EntityData serves it, or a dump, one entity a line"

// dump reads the rest of a dump, one entity a line; bracketed says whether
// it opened with "[", and so must close with "]".
func (rd *reader) dump(bracketed bool) error {
	for {
		l, ok, err := rd.next()
		if err != nil {
			return err
		}
		if !ok {
			if bracketed {
				return &Error{File: rd.name, Line: rd.line, Msg: "the dump ends without its closing \"]\": is it cut short?"}
			}
			return nil
		}
		t := bytes.TrimSpace(l)
		switch {
		case len(t) == 0:
			continue
		case bracketed && bytes.Equal(t, []byte("]")):
			for {
				l, ok, err := rd.next()
				if err != nil {
					return err
				}
				if !ok {
					return nil
				}
				if len(bytes.TrimSpace(l)) > 0 {
					return &Error{File: rd.name, Line: rd.line, Col: 1, Msg: "text after the dump's closing \"]\""}
				}
			}
		}
		t = bytes.TrimSuffix(t, []byte(","))
		if err := rd.entityLine(t, rd.line); err != nil {
			return err
		}
	}
}

// entityLine decodes one line of a dump.
func (rd *reader) entityLine(b []byte, line int) error {
	var e rawEntity
	if err := json.Unmarshal(b, &e); err != nil {
		return rd.jsonErr(err, b, line, "not a whole entity (is the dump cut short?)")
	}
	return rd.take(&e, line)
}

// document reads a Special:EntityData document, whose first line is first.
func (rd *reader) document(first []byte) error {
	startLine := rd.line
	buf := append([]byte(nil), first...)
	for {
		l, ok, err := rd.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		buf = append(append(buf, '\n'), l...)
		if len(buf) > maxLine {
			return &Error{File: rd.name, Msg: fmt.Sprintf("a document of more than %d MB: fetch entities one by one, or use a dump", maxLine>>20)}
		}
	}
	var doc struct {
		Entities map[string]json.RawMessage `json:"entities"`
	}
	dec := json.NewDecoder(bytes.NewReader(buf))
	if err := dec.Decode(&doc); err != nil {
		return rd.jsonErr(err, buf, startLine, "not Wikidata entity JSON")
	}
	if dec.More() {
		off := int(dec.InputOffset())
		line, col := lineCol(buf, off)
		return &Error{File: rd.name, Line: startLine + line - 1, Col: col, Msg: "text after the entity document"}
	}
	if doc.Entities == nil {
		return &Error{File: rd.name, Line: startLine, Col: 1, Msg: "not Wikidata entity JSON: no \"entities\" object"}
	}
	ids := make([]string, 0, len(doc.Entities))
	for id := range doc.Entities {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, compareIDs)
	for _, id := range ids {
		var e rawEntity
		if err := json.Unmarshal(doc.Entities[id], &e); err != nil {
			return &Error{File: rd.name, Line: startLine, Msg: fmt.Sprintf("entity %s: %v", id, err)}
		}
		if e.ID == "" {
			e.ID = id
		}
		if err := rd.take(&e, startLine); err != nil {
			return err
		}
	}
	return nil
}

// jsonErr is a JSON error at its line and column, counted from line.
func (rd *reader) jsonErr(err error, b []byte, line int, what string) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := -1
	switch {
	case errors.As(err, &se):
		off = int(se.Offset) - 1 // the offset is past the byte at fault
	case errors.As(err, &te):
		off = int(te.Offset)
	}
	if off < 0 {
		return &Error{File: rd.name, Line: line, Msg: fmt.Sprintf("%s: %v", what, err)}
	}
	l, c := lineCol(b, off)
	return &Error{File: rd.name, Line: line + l - 1, Col: c, Msg: fmt.Sprintf("%s: %v", what, err)}
}

// lineCol is the line and column (both from 1, the column in bytes) of the
// byte at off in b.
func lineCol(b []byte, off int) (int, int) {
	off = min(max(off, 0), len(b))
	nl := bytes.LastIndexByte(b[:off], '\n')
	return 1 + bytes.Count(b[:off], []byte("\n")), off - nl
}

// take keeps what an import needs of e.
func (rd *reader) take(e *rawEntity, line int) error {
	if e.Missing != nil || e.Type == "property" || e.Type == "lexeme" || !ledger.ValidQID(e.ID) {
		where := &Error{File: rd.name, Line: line}
		switch {
		case e.Missing != nil:
			where.Msg = fmt.Sprintf("%s: Wikidata has no such entity", e.ID)
		case e.ID == "":
			where.Msg = "an entity with no id: not Wikidata entity JSON"
		default:
			where.Msg = fmt.Sprintf("%s is not an item (Q and digits): claimlint imports items", e.ID)
		}
		return where
	}
	out := &Item{ID: e.ID, Labels: map[string]string{}, Aliases: map[string][]string{}, Claims: map[string][]Statement{}, File: rd.name, Line: line}
	for _, lang := range rd.langs {
		if l, ok := e.Labels[lang]; ok && strings.TrimSpace(l.Value) != "" {
			out.Labels[lang] = strings.TrimSpace(l.Value)
		}
		for _, a := range e.Aliases[lang] {
			if v := strings.TrimSpace(a.Value); v != "" {
				out.Aliases[lang] = append(out.Aliases[lang], v)
			}
		}
	}
	for lang := range e.Labels {
		out.LabelLangs = append(out.LabelLangs, lang)
	}
	slices.Sort(out.LabelLangs)
	for _, p := range kept {
		for _, s := range e.Claims[p] {
			out.Claims[p] = append(out.Claims[p], Statement(s))
		}
	}
	return rd.fn(out)
}

// compareIDs orders item ids by number: Q9 before Q10.
func compareIDs(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}
