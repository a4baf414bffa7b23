package ledger

import (
	"bytes"
	"errors"
	"testing"

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
		// Lines as YAML counts them: CR LF, CR and LF each end one.
		lines := bytes.Count(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n")) +
			bytes.Count(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r")) + 1
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
