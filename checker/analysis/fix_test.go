package analysis

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFixMessage(t *testing.T) {
	assert.Equal(t, `Replace "Friday" with "Monday"`, FixMessage("Friday", "Monday"))
	assert.Equal(t, `Remove "former "`, FixMessage("former ", ""))
	assert.Equal(t, `Insert "then-"`, FixMessage("", "then-"))
}

func TestFixDescribe(t *testing.T) {
	assert.Equal(t, `Replace "a" with "b"`, (&Fix{Replacement: "b", Message: `Replace "a" with "b"`}).Describe())
	// A fix read from a shard written before fixes had messages.
	assert.Equal(t, `Replace with "b"`, (&Fix{Replacement: "b"}).Describe())
	assert.Equal(t, "Leave the text as it is", FixMessage("", ""))
}
