package civil

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDate(t *testing.T) {
	good := map[string]Date{
		"2025":       {Y: 2025, Prec: Year},
		"2025-02":    {Y: 2025, M: 2, Prec: Month},
		"2024-02-29": {2024, 2, 29, Day},
	}
	for s, want := range good {
		got, err := ParseDate(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
		assert.Equal(t, s, got.String())
	}
	for _, s := range []string{"2025-02-29", "2025-13", "25-02-24", "2025-2-4", "", "2025-02-24T10:00"} {
		_, err := ParseDate(s)
		assert.Error(t, err, s)
	}
}
