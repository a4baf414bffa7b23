// Package rules holds claimlint's default rule files, embedded in the
// binary. They declare the facts of ../shared/FACTS.md and the ledgers of
// the demo corpus; --rules replaces them, unless it names "embedded" beside
// a desk's own files.
package rules

import "embed"

// FS holds the default rule files, *.yaml at its root.
//
//go:embed *.yaml
var FS embed.FS
