// Package sarifschema validates SARIF output against the official SARIF
// 2.1.0 JSON Schema, for tests. The schema lives outside the repository, in
// ../shared/schemas beside it; tests skip with a message when it is absent.
package sarifschema

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Path returns where the schema should be: ../shared/schemas beside the
// module root above dir.
func Path(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "schemas", "sarif-schema-2.1.0.json")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

var (
	mu       sync.Mutex
	compiled = map[string]*jsonschema.Schema{}
)

// Validate checks a SARIF document against the schema at path.
func Validate(path string, doc []byte) error {
	mu.Lock()
	sch := compiled[path]
	if sch == nil {
		c := jsonschema.NewCompiler()
		s, err := c.Compile(path)
		if err != nil {
			mu.Unlock()
			return fmt.Errorf("compile %s: %w", path, err)
		}
		compiled[path], sch = s, s
	}
	mu.Unlock()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return sch.Validate(inst)
}
