package analysis

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/claimlint/claimlint/checker/ledger"
)

// Finding is one contradicted claim (or a notice such as missing-date), with
// positions taken from the article as it was read.
type Finding struct {
	Path      string    `json:"path"`
	Line      int       `json:"line"`
	Column    int       `json:"column"`
	EndLine   int       `json:"endLine"`
	EndColumn int       `json:"endColumn"`
	Offset    int       `json:"offset"`
	EndOffset int       `json:"endOffset"`
	Rule      string    `json:"rule"`
	Severity  string    `json:"severity"`
	Message   string    `json:"message"`
	Found     string    `json:"found"`
	Expected  string    `json:"expected"`
	Evidence  *Evidence `json:"evidence"`
	Fix       *Fix      `json:"fix"`

	// ByteCol and EndByteCol are the 1-based columns in bytes, for formats
	// that count them (reviewdog).
	ByteCol    int `json:"byteColumn"`
	EndByteCol int `json:"endByteColumn"`

	// Related are other places that bear on the finding: what other
	// articles say of the same event.
	Related []Related `json:"related,omitempty"`
}

// Related is a place elsewhere in the checked set, and what it says.
type Related struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Message   string `json:"message"`
}

// Evidence is the ledger entry that contradicts the text.
type Evidence struct {
	ID      string          `json:"id"`
	Pos     ledger.Pos      `json:"pos"` // where the entry is written; JSON writes it file:line:col
	Sources []ledger.Source `json:"sources"`
}

// Fix is a replacement of bytes [Offset, EndOffset) of the article, with
// a message that says what it does (an editor's quick fix is titled by
// it). A check may write its own message; Pass.Report writes one for a
// fix that has none (FixMessage).
type Fix struct {
	Offset      int    `json:"offset"`
	EndOffset   int    `json:"endOffset"`
	Replacement string `json:"replacement"`
	Message     string `json:"message"`
}

// Describe returns the fix's message, or for a fix recorded without one (a
// shard's JSON written before fixes had messages) what it writes.
func (f *Fix) Describe() string {
	if f.Message != "" {
		return f.Message
	}
	return fmt.Sprintf("Replace with %q", f.Replacement)
}

// FixMessage says what replacing old by new does: Replace "Friday" with
// "Monday", Remove "former ", Insert "then-".
func FixMessage(old, new string) string {
	switch {
	case old == new:
		return "Leave the text as it is"
	case old == "":
		return fmt.Sprintf("Insert %q", new)
	case new == "":
		return fmt.Sprintf("Remove %q", old)
	}
	return fmt.Sprintf("Replace %q with %q", old, new)
}

// SortFindings orders findings by path, position and rule, so that output is
// the same on every run; equal findings keep their order.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int { return CompareFindings(&a, &b) })
}

// CompareFindings is the order of SortFindings: path, line, column,
// offset, rule, message.
func CompareFindings(a, b *Finding) int {
	// Line and column before offset: findings on rule files carry no offsets.
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Offset, b.Offset),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
	)
}

// EventEvidence is the evidence of a ledger event: its entry and sources.
func EventEvidence(e *ledger.Event) *Evidence { return EvidenceOf(e.ID, e.Pos, e.Sources) }

// EvidenceOf is the evidence of a ledger entry: its id, where it is written
// and the sources behind it (never nil, so that JSON shows an empty list).
func EvidenceOf(id string, pos ledger.Pos, sources []ledger.Source) *Evidence {
	if sources == nil {
		sources = []ledger.Source{}
	}
	return &Evidence{ID: id, Pos: pos, Sources: sources}
}
