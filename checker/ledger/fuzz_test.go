package ledger

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/claimlint/claimlint/rules"
)

// FuzzLoad loads arbitrary rule files. Every error names the file and a
// line inside it (or none), and loading twice gives the same result.
func FuzzLoad(f *testing.F) {
	files, _ := ReadFS(rules.FS, ".", "rules")
	for _, file := range files {
		f.Add(file.Data)
	}
	f.Add([]byte("entities:\n  - id: x\n    kind: person\n    name: X\n    aliases: [a, *b]\n"))
	f.Add([]byte("events:\n  - {id: e, kind: call, date: 2025-02-30, participants: [x], time: '25:99'}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Lines as YAML counts them: CR LF, CR, LF, NEL, LS and PS each
		// end one.
		lf := bytes.ReplaceAll(asYAMLReads(data), []byte("\r\n"), []byte("\n"))
		lines := 1
		for _, br := range []string{"\n", "\r", "\u0085", "\u2028", "\u2029"} {
			lines += bytes.Count(lf, []byte(br))
		}
		_, err := Load([]File{{Name: "f.yaml", Data: data}})
		_, again := Load([]File{{Name: "f.yaml", Data: data}})
		if (err == nil) != (again == nil) || err != nil && err.Error() != again.Error() {
			t.Fatalf("two loads differ:\n%v\n%v", err, again)
		}
		var list ErrorList
		if err != nil && !errors.As(err, &list) {
			t.Fatalf("not an ErrorList: %v", err)
		}
		for _, e := range list {
			if e.Pos.File != "f.yaml" || e.Pos.Line < 0 || e.Pos.Line > lines+1 {
				t.Fatalf("error at %v, outside a file of %d lines: %s", e.Pos, lines, e.Msg)
			}
		}
	})
}

// FuzzDecodeAlike loads arbitrary rule files by reflection and in chunks,
// cut at every item, with one-line items read by hand: both must give the
// same ledger or the same errors.
func FuzzDecodeAlike(f *testing.F) {
	files, _ := ReadFS(rules.FS, ".", "rules")
	for _, file := range files {
		f.Add(file.Data)
	}
	for _, tt := range trickyFiles {
		f.Add([]byte(tt.yaml))
	}
	f.Add(genLedger(12, true))
	f.Fuzz(func(t *testing.T, data []byte) {
		files := []File{{Name: "f.yaml", Data: data}}
		want, wantErrs := loadAs(t, byReflection, files)
		got, gotErrs := loadAs(t, everyItem, files)
		if diff := cmp.Diff(wantErrs, gotErrs); diff != "" {
			t.Fatalf("errors differ from reflection's (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want, got, ledgerOpts); diff != "" {
			t.Fatalf("ledger differs from reflection's (-want +got):\n%s", diff)
		}
	})
}

// asYAMLReads returns the text YAML reads in data: data, or what it decodes
// to when it starts with a UTF-16 byte-order mark (a trailing odd byte is
// dropped).
func asYAMLReads(data []byte) []byte {
	if len(data) < 2 || !(data[0] == 0xFE && data[1] == 0xFF || data[0] == 0xFF && data[1] == 0xFE) {
		return data
	}
	u := make([]uint16, 0, len(data)/2)
	for i := 2; i+1 < len(data); i += 2 {
		if data[0] == 0xFE {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	return []byte(string(utf16.Decode(u)))
}
