// Package rec writes and reads the compact records claimlint keeps in files
// of its own: statements spilled to disk while comparing articles, and
// cached results. A record is a sequence of numbers (varints) and strings
// (length-prefixed) in an order that writer and reader agree on; it carries
// no field names, which is what makes it small and fast to read back.
//
// A Reader never panics: damaged input makes it return zero values from
// then on, and Done says so. ReadSlice and ReadMap allocate in proportion
// to the bytes they read, not to the counts they are told, so a damaged
// count costs nothing. Records carry no checksum: a file that may be
// damaged (a cache entry) needs one of its own.
package rec

import (
	"encoding/binary"
	"errors"
	"io"
	"maps"
	"slices"
	"time"
)

// Writer appends values to B.
type Writer struct {
	B []byte
}

// Int appends a number.
func (w *Writer) Int(v int) { w.B = binary.AppendVarint(w.B, int64(v)) }

// Str appends a string.
func (w *Writer) Str(s string) {
	w.B = binary.AppendUvarint(w.B, uint64(len(s)))
	w.B = append(w.B, s...)
}

// Bool appends a truth value.
func (w *Writer) Bool(v bool) {
	if v {
		w.B = append(w.B, 1)
	} else {
		w.B = append(w.B, 0)
	}
}

// Time appends an instant to the second, as Unix time: the days of a
// civil.Span, which are midnights UTC.
func (w *Writer) Time(t time.Time) { w.Int(int(t.Unix())) }

// Count appends how many elements a slice or map has, keeping nil apart
// from empty: JSON writes one as null and the other as [] or {}.
func (w *Writer) Count(n int, isNil bool) {
	if isNil {
		w.B = binary.AppendUvarint(w.B, 0)
		return
	}
	w.B = binary.AppendUvarint(w.B, uint64(n)+1)
}

// ErrDamaged is what Done returns for input that is not a whole record.
var ErrDamaged = errors.New("damaged record")

// Reader reads values back in the order they were written.
type Reader struct {
	b   []byte
	bad bool
}

// NewReader reads b.
func NewReader(b []byte) *Reader { return &Reader{b: b} }

func (r *Reader) fail() {
	r.bad, r.b = true, nil
}

// overlong reports whether the k bytes of a varint at the start of b could
// have been fewer: a record has one way to be written, so that what is
// read is what would be written.
func overlong(b []byte, k int) bool { return k > 1 && b[k-1] == 0 }

// Int reads a number.
func (r *Reader) Int() int {
	v, k := binary.Varint(r.b)
	if k <= 0 || overlong(r.b, k) || int64(int(v)) != v {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return int(v)
}

// Int32 reads a number that must fit in 32 bits: a larger one is damage
// (it would write back as another number).
func (r *Reader) Int32() int32 {
	v := r.Int()
	if int(int32(v)) != v {
		r.fail()
		return 0
	}
	return int32(v)
}

// Str reads a string.
func (r *Reader) Str() string {
	n, k := binary.Uvarint(r.b)
	if k <= 0 || overlong(r.b, k) || uint64(len(r.b)-k) < n {
		r.fail()
		return ""
	}
	s := string(r.b[k : k+int(n)])
	r.b = r.b[k+int(n):]
	return s
}

// Bool reads a truth value.
func (r *Reader) Bool() bool {
	if len(r.b) == 0 || r.b[0] > 1 {
		r.fail()
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

// Time reads what Time wrote, in UTC.
func (r *Reader) Time() time.Time { return time.Unix(int64(r.Int()), 0).UTC() }

// Count reads what Count wrote: the number of elements, and whether the
// slice or map was nil. A count larger than the bytes left (every element
// takes at least one) is damage, read as a nil of no elements.
func (r *Reader) Count() (n int, isNil bool) {
	v, k := binary.Uvarint(r.b)
	if k <= 0 || overlong(r.b, k) || v > uint64(len(r.b)-k)+1 {
		r.fail()
		return 0, true
	}
	r.b = r.b[k:]
	if v == 0 {
		return 0, true
	}
	return int(v - 1), false
}

// Done reports an error unless the record was read whole and to its end.
func (r *Reader) Done() error {
	if r.bad || len(r.b) != 0 {
		return ErrDamaged
	}
	return nil
}

// WriteSlice writes s as a Count and each element by write.
func WriteSlice[T any](w *Writer, s []T, write func(*Writer, T)) {
	w.Count(len(s), s == nil)
	for _, v := range s {
		write(w, v)
	}
}

// ReadSlice reads what WriteSlice wrote, each element by read. It grows the
// slice as elements are read, so a damaged count allocates nothing; on
// damage it stops and returns nil.
func ReadSlice[T any](r *Reader, read func(*Reader) T) []T {
	n, isNil := r.Count()
	if isNil {
		return nil
	}
	out := make([]T, 0, min(n, 16))
	for range n {
		v := read(r)
		if r.bad {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// WriteMap writes m as a Count and each key (in order) and value by write.
func WriteMap[V any](w *Writer, m map[string]V, write func(*Writer, V)) {
	w.Count(len(m), m == nil)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		w.Str(k)
		write(w, m[k])
	}
}

// ReadMap reads what WriteMap wrote, each value by read; like ReadSlice, it
// allocates as it reads. Keys out of order, or twice, are damage.
func ReadMap[V any](r *Reader, read func(*Reader) V) map[string]V {
	n, isNil := r.Count()
	if isNil {
		return nil
	}
	out := make(map[string]V, min(n, 16))
	last := ""
	for i := range n {
		k := r.Str()
		if i > 0 && k <= last {
			r.fail()
		}
		v := read(r)
		if r.bad {
			return nil
		}
		out[k], last = v, k
	}
	return out
}

// WriteFrame writes record b to w after its length, so that ReadFrames
// finds where it ends in a file of many (a spill file).
func WriteFrame(w io.Writer, b []byte) error {
	var n [binary.MaxVarintLen64]byte
	if _, err := w.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))]); err != nil {
		return err
	}
	_, err := w.Write(b)
	return err
}

// ReadFrames calls each with every record r holds, as WriteFrame wrote
// them, in order, until the end of r or an error of r or of each. The
// slice each is given is reused for the next record.
func ReadFrames(r interface {
	io.Reader
	io.ByteReader
}, each func([]byte) error) error {
	var buf []byte
	for {
		n, err := binary.ReadUvarint(r)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		buf = slices.Grow(buf[:0], int(n))[:n]
		if _, err := io.ReadFull(r, buf); err != nil {
			return err
		}
		if err := each(buf); err != nil {
			return err
		}
	}
}
