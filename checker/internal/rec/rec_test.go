package rec

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func record() []byte {
	var w Writer
	w.Int(0)
	w.Int(-7)
	w.Int(math.MaxInt64)
	w.Str("")
	w.Str("Xi–Putin") // not ASCII
	w.Bool(true)
	w.Bool(false)
	w.Count(0, true)
	w.Count(0, false)
	w.Count(2, false)
	w.Str("a")
	w.Str("b")
	return w.B
}

func TestRoundTrip(t *testing.T) {
	r := NewReader(record())
	assert.Equal(t, 0, r.Int())
	assert.Equal(t, -7, r.Int())
	assert.Equal(t, math.MaxInt64, r.Int())
	assert.Equal(t, "", r.Str())
	assert.Equal(t, "Xi–Putin", r.Str())
	assert.True(t, r.Bool())
	assert.False(t, r.Bool())
	n, isNil := r.Count()
	assert.Equal(t, 0, n)
	assert.True(t, isNil, "nil stays nil")
	n, isNil = r.Count()
	assert.Equal(t, 0, n)
	assert.False(t, isNil, "empty stays empty")
	n, isNil = r.Count()
	assert.Equal(t, 2, n)
	assert.False(t, isNil)
	assert.Equal(t, "a", r.Str())
	assert.Equal(t, "b", r.Str())
	require.NoError(t, r.Err())
	require.NoError(t, r.Done())
}

// readAll reads the record of record() with a reader of b.
func readAll(b []byte) *Reader {
	r := NewReader(b)
	r.Int()
	r.Int()
	r.Int()
	r.Str()
	r.Str()
	r.Bool()
	r.Bool()
	r.Count()
	r.Count()
	n, _ := r.Count()
	for range n {
		r.Str()
	}
	return r
}

func TestCutRecordIsDamaged(t *testing.T) {
	b := record()
	for n := range len(b) {
		assert.ErrorIs(t, readAll(b[:n]).Done(), ErrDamaged, "cut at %d of %d", n, len(b))
	}
	assert.ErrorIs(t, readAll(append(b, 0)).Done(), ErrDamaged, "a byte left over")
	assert.NoError(t, readAll(b).Done())
}

func TestDamagedCountAllocatesNothing(t *testing.T) {
	var w Writer
	w.Count(1<<40, false)
	r := NewReader(w.B)
	n, _ := r.Count()
	assert.Zero(t, n, "a count past the bytes left is refused")
	assert.ErrorIs(t, r.Err(), ErrDamaged)
}

func TestBadBoolIsDamaged(t *testing.T) {
	r := NewReader([]byte{2})
	r.Bool()
	assert.ErrorIs(t, r.Err(), ErrDamaged)
}

func TestAfterDamageEverythingIsZero(t *testing.T) {
	r := NewReader([]byte{0x80}) // a varint that never ends
	assert.Equal(t, 0, r.Int())
	assert.Equal(t, "", r.Str())
	assert.False(t, r.Bool())
	assert.ErrorIs(t, r.Done(), ErrDamaged)
}
