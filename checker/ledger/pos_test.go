package ledger

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPosText: a position is written file:line:col in JSON, as String
// writes it, and read back whole (merge reads the shards' JSON), whatever
// colons the file's name has.
func TestPosText(t *testing.T) {
	for _, p := range []Pos{
		{File: "rules/events.yaml", Line: 12, Col: 5},
		{File: `C:\rules\events.yaml`, Line: 1, Col: 1},
		{File: "a:b.yaml", Line: 3, Col: 0},
		{File: "rules/events.yaml"},
		{File: `C:\rules\events.yaml`},
		{},
	} {
		b, err := json.Marshal(p)
		require.NoError(t, err)
		want, _ := json.Marshal(p.String())
		assert.Equal(t, string(want), string(b), "JSON writes String")
		var back Pos
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, p, back, "%s", b)
		assert.Equal(t, p.File == "" && p.Line == 0, p.IsZero())
	}
}
