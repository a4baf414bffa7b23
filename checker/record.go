package checker

import (
	"maps"
	"slices"

	"github.com/claimlint/claimlint/checker/internal/rec"
	"github.com/claimlint/claimlint/checker/ledger"
)

// The records of findings and claims, for the result cache: every exported
// field, in a fixed order. The cache's TestEntryKeepsEveryField fills each
// field at random and reads it back, so that a field added later cannot be
// dropped unnoticed.

// EncodeFinding writes f as a record.
func EncodeFinding(w *rec.Writer, f *Finding) {
	w.Str(f.Path)
	for _, v := range []int{f.Line, f.Column, f.EndLine, f.EndColumn, f.Offset, f.EndOffset, f.ByteCol, f.EndByteCol} {
		w.Int(v)
	}
	for _, v := range []string{f.Rule, f.Severity, f.Message, f.Found, f.Expected} {
		w.Str(v)
	}
	w.Bool(f.Evidence != nil)
	if e := f.Evidence; e != nil {
		w.Str(e.ID)
		w.Str(e.Pos)
		w.Count(len(e.Sources), e.Sources == nil)
		for _, s := range e.Sources {
			w.Str(s.URL)
			w.Str(s.Outlet)
			encodeDate(w, s.Date)
			w.Str(s.Pos.File)
			w.Int(s.Pos.Line)
			w.Int(s.Pos.Col)
		}
	}
	w.Bool(f.Fix != nil)
	if x := f.Fix; x != nil {
		w.Int(x.Offset)
		w.Int(x.EndOffset)
		w.Str(x.Replacement)
	}
	w.Count(len(f.Related), f.Related == nil)
	for _, r := range f.Related {
		w.Str(r.Path)
		for _, v := range []int{r.Line, r.Column, r.EndLine, r.EndColumn} {
			w.Int(v)
		}
		w.Str(r.Message)
	}
}

// DecodeFinding reads what EncodeFinding wrote; r.Err says whether it was
// whole.
func DecodeFinding(r *rec.Reader) Finding {
	var f Finding
	f.Path = r.Str()
	for _, p := range []*int{&f.Line, &f.Column, &f.EndLine, &f.EndColumn, &f.Offset, &f.EndOffset, &f.ByteCol, &f.EndByteCol} {
		*p = r.Int()
	}
	for _, p := range []*string{&f.Rule, &f.Severity, &f.Message, &f.Found, &f.Expected} {
		*p = r.Str()
	}
	if r.Bool() {
		e := &Evidence{ID: r.Str(), Pos: r.Str()}
		if n, isNil := r.Count(); !isNil {
			e.Sources = make([]ledger.Source, n)
			for i := range e.Sources {
				s := &e.Sources[i]
				s.URL, s.Outlet = r.Str(), r.Str()
				s.Date = decodeDate(r)
				s.Pos.File, s.Pos.Line, s.Pos.Col = r.Str(), r.Int(), r.Int()
			}
		}
		f.Evidence = e
	}
	if r.Bool() {
		f.Fix = &Fix{Offset: r.Int(), EndOffset: r.Int(), Replacement: r.Str()}
	}
	if n, isNil := r.Count(); !isNil {
		f.Related = make([]Related, n)
		for i := range f.Related {
			x := &f.Related[i]
			x.Path = r.Str()
			for _, p := range []*int{&x.Line, &x.Column, &x.EndLine, &x.EndColumn} {
				*p = r.Int()
			}
			x.Message = r.Str()
		}
	}
	return f
}

func encodeDate(w *rec.Writer, d ledger.Date) {
	for _, v := range []int{d.Y, d.M, d.D, int(d.Prec)} {
		w.Int(v)
	}
}

func decodeDate(r *rec.Reader) ledger.Date {
	return ledger.Date{Y: r.Int(), M: r.Int(), D: r.Int(), Prec: ledger.Precision(r.Int())}
}

// EncodeClaim writes c as a record.
func EncodeClaim(w *rec.Writer, c *Claim) {
	w.Str(c.Kind)
	w.Str(c.Path)
	for _, v := range []int{c.Line, c.Column, c.EndLine, c.EndColumn, c.Offset, c.EndOffset} {
		w.Int(v)
	}
	w.Str(c.Text)
	w.Count(len(c.Values), c.Values == nil)
	for _, k := range slices.Sorted(maps.Keys(c.Values)) {
		w.Str(k)
		w.Str(c.Values[k])
	}
	for _, v := range []string{c.Verdict, c.Ledger, c.Reason} {
		w.Str(v)
	}
	w.Count(len(c.Findings), c.Findings == nil)
	for _, v := range c.Findings {
		w.Str(v)
	}
	w.Count(len(c.Parts), c.Parts == nil)
	for _, k := range slices.Sorted(maps.Keys(c.Parts)) {
		p := c.Parts[k]
		w.Str(k)
		w.Str(p.Text)
		for _, v := range []int{p.Line, p.Column, p.EndLine, p.EndColumn, p.Offset, p.EndOffset, p.ByteCol, p.EndByteCol} {
			w.Int(v)
		}
	}
	w.Bool(c.Quiet)
}

// DecodeClaim reads what EncodeClaim wrote; r.Err says whether it was whole.
func DecodeClaim(r *rec.Reader) Claim {
	var c Claim
	c.Kind, c.Path = r.Str(), r.Str()
	for _, p := range []*int{&c.Line, &c.Column, &c.EndLine, &c.EndColumn, &c.Offset, &c.EndOffset} {
		*p = r.Int()
	}
	c.Text = r.Str()
	if n, isNil := r.Count(); !isNil {
		c.Values = make(map[string]string, n)
		for range n {
			k := r.Str()
			c.Values[k] = r.Str()
		}
	}
	for _, p := range []*string{&c.Verdict, &c.Ledger, &c.Reason} {
		*p = r.Str()
	}
	if n, isNil := r.Count(); !isNil {
		c.Findings = make([]string, n)
		for i := range c.Findings {
			c.Findings[i] = r.Str()
		}
	}
	if n, isNil := r.Count(); !isNil {
		c.Parts = make(map[string]Part, n)
		for range n {
			k := r.Str()
			var p Part
			p.Text = r.Str()
			for _, v := range []*int{&p.Line, &p.Column, &p.EndLine, &p.EndColumn, &p.Offset, &p.EndOffset, &p.ByteCol, &p.EndByteCol} {
				*v = r.Int()
			}
			c.Parts[k] = p
		}
	}
	c.Quiet = r.Bool()
	return c
}
