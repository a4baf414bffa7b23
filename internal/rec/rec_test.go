package rec

import (
	"bufio"
	"bytes"
	"io"
	"math"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func record() []byte {
	var w Writer
	w.Int(0)
	w.Int(-7)
	w.Int(math.MaxInt)
	w.Str("")
	w.Str("Xi–Putin") // not ASCII
	w.Bool(true)
	w.Bool(false)
	w.Count(0, true)
	w.Count(0, false)
	w.Count(2, false)
	w.Str("a")
	w.Str("b")
	w.Time(time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC))
	w.Time(time.Time{})
	return w.B
}

func TestRoundTrip(t *testing.T) {
	r := NewReader(record())
	assert.Equal(t, 0, r.Int())
	assert.Equal(t, -7, r.Int())
	assert.Equal(t, math.MaxInt, r.Int())
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
	assert.Equal(t, time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC), r.Time())
	assert.Equal(t, time.Time{}, r.Time(), "the zero time stays zero")
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
	r.Time()
	r.Time()
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
	assert.ErrorIs(t, r.Done(), ErrDamaged)
}

func TestBadBoolIsDamaged(t *testing.T) {
	r := NewReader([]byte{2})
	r.Bool()
	assert.ErrorIs(t, r.Done(), ErrDamaged)
}

func TestAfterDamageEverythingIsZero(t *testing.T) {
	r := NewReader([]byte{0x80}) // a varint that never ends
	assert.Equal(t, 0, r.Int())
	assert.Equal(t, "", r.Str())
	assert.False(t, r.Bool())
	assert.ErrorIs(t, r.Done(), ErrDamaged)
}

func TestSlicesAndMaps(t *testing.T) {
	var w Writer
	WriteSlice(&w, []string{"a", ""}, (*Writer).Str)
	WriteSlice(&w, []string{}, (*Writer).Str)
	WriteSlice(&w, nil, (*Writer).Str)
	WriteMap(&w, map[string]int{"b": 2, "a": 1}, (*Writer).Int)
	WriteMap(&w, map[string]int{}, (*Writer).Int)
	WriteMap[int](&w, nil, (*Writer).Int)
	r := NewReader(w.B)
	assert.Equal(t, []string{"a", ""}, ReadSlice(r, (*Reader).Str))
	assert.Equal(t, []string{}, ReadSlice(r, (*Reader).Str))
	assert.Nil(t, ReadSlice(r, (*Reader).Str))
	assert.Equal(t, map[string]int{"a": 1, "b": 2}, ReadMap(r, (*Reader).Int))
	assert.Equal(t, map[string]int{}, ReadMap(r, (*Reader).Int))
	assert.Nil(t, ReadMap(r, (*Reader).Int))
	require.NoError(t, r.Done())

	// Keys are written in order, so that equal maps make equal records.
	var w2 Writer
	WriteMap(&w2, map[string]int{"a": 1, "b": 2}, (*Writer).Int)
	assert.Equal(t, w.B[len(w.B)-len(w2.B)-2:len(w.B)-2], w2.B)
}

// TestDamagedSliceStops: a count that promises more elements than follow
// gives nil and a damaged reader, having grown the slice only as far as it
// read.
func TestDamagedSliceStops(t *testing.T) {
	var w Writer
	w.Count(5, false)
	w.Str("a")
	w.Str("b")
	w.B = append(w.B, 0, 0) // two more, empty; the fifth is missing
	r := NewReader(w.B)
	assert.Nil(t, ReadSlice(r, (*Reader).Str))
	assert.ErrorIs(t, r.Done(), ErrDamaged)

	r = NewReader(w.B)
	assert.Nil(t, ReadMap(r, (*Reader).Str))
	assert.ErrorIs(t, r.Done(), ErrDamaged)
}

// TestDamagedCountAllocatesLittle reads a count as large as the bytes that
// follow allow, over elements that are all damaged: the memory allocated
// does not grow with the count (making the whole slice first would take
// 64 MB here).
func TestDamagedCountAllocatesLittle(t *testing.T) {
	var w Writer
	w.Count(1<<20, false)
	w.B = append(w.B, make([]byte, 1<<20)...) // room for the count, but...
	w.B[len(w.B)-(1<<20)] = 0xff              // ...the first element is damaged
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	r := NewReader(w.B)
	got := ReadSlice(r, func(r *Reader) [64]byte { r.Bool(); return [64]byte{} })
	runtime.ReadMemStats(&after)
	assert.Nil(t, got)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<10), "bytes allocated")
}

// TestOneWayToWrite: a number written in more bytes than it needs, or map
// keys out of order or twice, are damage, so that every record read is
// the one that would be written.
func TestOneWayToWrite(t *testing.T) {
	for name, b := range map[string][]byte{
		"overlong number": {0x9c, 0x00},
		"overlong string": {0x81, 0x00, 'a'},
		"overlong count":  {0x81, 0x00},
	} {
		r := NewReader(b)
		switch name {
		case "overlong number":
			r.Int()
		case "overlong string":
			r.Str()
		default:
			r.Count()
		}
		assert.ErrorIs(t, r.Done(), ErrDamaged, name)
	}
	for name, keys := range map[string][]string{"out of order": {"b", "a"}, "twice": {"a", "a"}} {
		var w Writer
		w.Count(len(keys), false)
		for _, k := range keys {
			w.Str(k)
			w.Int(1)
		}
		r := NewReader(w.B)
		assert.Nil(t, ReadMap(r, (*Reader).Int), name)
		assert.ErrorIs(t, r.Done(), ErrDamaged, name)
	}
}

// TestNumbersThatWouldWriteBackOtherwise: a number too large for 32 bits
// read as Int32 is damage (found by FuzzReadEntry: it was accepted and
// wrote back as other bytes).
func TestNumbersThatWouldWriteBackOtherwise(t *testing.T) {
	var w Writer
	w.Int(1 << 40)
	r := NewReader(w.B)
	r.Int32()
	if r.Done() == nil {
		t.Error("a 41-bit number read as Int32 was accepted")
	}
	w = Writer{}
	w.Int(1 << 30)
	r = NewReader(w.B)
	if v := r.Int32(); v != 1<<30 || r.Done() != nil {
		t.Errorf("Int32 read %d, %v", v, r.Done())
	}
}

// TestFrames: records written with WriteFrame come back whole and in order
// from ReadFrames, an empty one too; a file cut inside a record is an
// error, not a short record.
func TestFrames(t *testing.T) {
	var b bytes.Buffer
	want := [][]byte{[]byte("one"), {}, bytes.Repeat([]byte("x"), 300)}
	for _, f := range want {
		require.NoError(t, WriteFrame(&b, f))
	}
	var got [][]byte
	require.NoError(t, ReadFrames(bufio.NewReader(bytes.NewReader(b.Bytes())), func(f []byte) error {
		got = append(got, bytes.Clone(f))
		return nil
	}))
	assert.Equal(t, want, got)
	cut := b.Bytes()[:b.Len()-1]
	err := ReadFrames(bufio.NewReader(bytes.NewReader(cut)), func([]byte) error { return nil })
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
}
