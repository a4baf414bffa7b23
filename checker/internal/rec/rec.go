// Package rec writes and reads the compact records claimlint keeps in files
// of its own: statements spilled to disk while comparing articles, and
// cached results. A record is a sequence of numbers (varints) and strings
// (length-prefixed) in an order that writer and reader agree on; it carries
// no field names, which is what makes it small and fast to read back.
//
// A Reader never panics and never allocates more than its input can hold:
// damaged input makes it return zero values from then on, and Err says so.
package rec

import (
	"encoding/binary"
	"errors"
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

// Count appends how many elements a slice or map has, keeping nil apart
// from empty: JSON writes one as null and the other as [] or {}.
func (w *Writer) Count(n int, isNil bool) {
	if isNil {
		w.B = binary.AppendUvarint(w.B, 0)
		return
	}
	w.B = binary.AppendUvarint(w.B, uint64(n)+1)
}

// ErrDamaged is what Err returns for input that is not a whole record.
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

// Int reads a number.
func (r *Reader) Int() int {
	v, k := binary.Varint(r.b)
	if k <= 0 || int64(int(v)) != v {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return int(v)
}

// Str reads a string.
func (r *Reader) Str() string {
	n, k := binary.Uvarint(r.b)
	if k <= 0 || uint64(len(r.b)-k) < n {
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

// Count reads what Count wrote: the number of elements, and whether the
// slice or map was nil. A count larger than the bytes left (every element
// takes at least one) is damage, so a damaged count never makes the caller
// allocate much.
func (r *Reader) Count() (n int, isNil bool) {
	v, k := binary.Uvarint(r.b)
	if k <= 0 || v > uint64(len(r.b)-k)+1 {
		r.fail()
		return 0, true
	}
	r.b = r.b[k:]
	if v == 0 {
		return 0, true
	}
	return int(v - 1), false
}

// Err reports whether everything read so far was whole. Done also requires
// that nothing is left over.
func (r *Reader) Err() error {
	if r.bad {
		return ErrDamaged
	}
	return nil
}

// Done reports an error unless the record was read whole and to its end.
func (r *Reader) Done() error {
	if r.bad || len(r.b) != 0 {
		return ErrDamaged
	}
	return nil
}
