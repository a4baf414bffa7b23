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
