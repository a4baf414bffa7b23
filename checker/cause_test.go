package checker

import (
	"testing"

	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCauseNoEvent: an event claim no event of the ledger fits is not
// covered with CauseNoEvent, which cross-source and ledger suggest read; a
// claim not covered for another reason has CauseOther.
func TestCauseNoEvent(t *testing.T) {
	l, err := ledger.Load([]ledger.File{{Name: "l.yaml", Data: []byte(`
entities:
- {id: ada-example, kind: person, name: Ada Example, aliases: [Example]}
- {id: bo-sample, kind: person, name: Bo Sample, aliases: [Sample]}
`)}})
	require.NoError(t, err)
	a, err := article.Parse("a.md", []byte("---\npublished: 2025-03-10\n---\n"+
		"Example and Sample spoke by phone on Friday.\n\n"+
		"Example and Sample may speak by phone on Friday.\n"), article.Options{})
	require.NoError(t, err)
	claims, _ := New(l).Claims(a)
	require.Len(t, claims, 2)
	assert.Equal(t, NotCovered, claims[0].Verdict)
	assert.Equal(t, ReasonNoEvent, claims[0].Reason)
	assert.Equal(t, CauseNoEvent, claims[0].Cause)
	assert.Equal(t, NotCovered, claims[1].Verdict)
	assert.NotEqual(t, ReasonNoEvent, claims[1].Reason)
	assert.Equal(t, CauseOther, claims[1].Cause)
}

// TestAnniversaryCountIsNoOrdinal: "on the fifth anniversary of …" counts
// the anniversary, not the call: the event claim has no ordinal.
func TestAnniversaryCountIsNoOrdinal(t *testing.T) {
	l, err := ledger.Load([]ledger.File{{Name: "l.yaml", Data: []byte(`
entities:
- {id: ada-example, kind: person, name: Ada Example, aliases: [Example]}
- {id: bo-sample, kind: person, name: Bo Sample, aliases: [Sample]}
events:
- {id: call, kind: call, date: 2025-03-07, participants: [ada-example, bo-sample], medium: phone, sources: [{outlet: test}]}
`)}})
	require.NoError(t, err)
	a, err := article.Parse("a.md", []byte("---\npublished: 2025-03-10\n---\n"+
		"Example and Sample spoke by phone on Friday, on the fifth anniversary of the treaty.\n\n"+
		"Example and Sample held their fifth call on Friday.\n"), article.Options{})
	require.NoError(t, err)
	claims, _ := New(l).Claims(a)
	var ordinals []string
	for _, c := range claims {
		if c.Kind == "event" {
			ordinals = append(ordinals, c.Values["ordinal"])
		}
	}
	assert.Equal(t, []string{"", "fifth"}, ordinals)
}
