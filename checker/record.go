package checker

import (
	"time"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/rec"
)

// The records of findings and claims, for the result cache: every exported
// field, in a fixed order. The cache's TestEntryKeepsEveryField fills each
// field at random and reads it back, so that a field added later cannot be
// dropped unnoticed.

// EncodeFinding writes f as a record.
func EncodeFinding(w *rec.Writer, f Finding) {
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
		encodePos(w, e.Pos)
		rec.WriteSlice(w, e.Sources, encodeSource)
	}
	w.Bool(f.Fix != nil)
	if x := f.Fix; x != nil {
		w.Int(x.Offset)
		w.Int(x.EndOffset)
		w.Str(x.Replacement)
		w.Str(x.Message)
	}
	rec.WriteSlice(w, f.Related, func(w *rec.Writer, r Related) {
		w.Str(r.Path)
		for _, v := range []int{r.Line, r.Column, r.EndLine, r.EndColumn} {
			w.Int(v)
		}
		w.Str(r.Message)
	})
}

// DecodeFinding reads what EncodeFinding wrote; check r.Done after the last
// record.
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
		f.Evidence = &Evidence{ID: r.Str(), Pos: decodePos(r)}
		f.Evidence.Sources = rec.ReadSlice(r, decodeSource)
	}
	if r.Bool() {
		f.Fix = &Fix{Offset: r.Int(), EndOffset: r.Int(), Replacement: r.Str(), Message: r.Str()}
	}
	f.Related = rec.ReadSlice(r, func(r *rec.Reader) Related {
		x := Related{Path: r.Str()}
		for _, p := range []*int{&x.Line, &x.Column, &x.EndLine, &x.EndColumn} {
			*p = r.Int()
		}
		x.Message = r.Str()
		return x
	})
	return f
}

func encodeSource(w *rec.Writer, s ledger.Source) {
	w.Str(s.URL)
	w.Str(s.Outlet)
	for _, v := range []int{s.Date.Y, s.Date.M, s.Date.D, int(s.Date.Prec)} {
		w.Int(v)
	}
	encodePos(w, s.Pos)
}

func decodeSource(r *rec.Reader) ledger.Source {
	var s ledger.Source
	s.URL, s.Outlet = r.Str(), r.Str()
	s.Date = civil.Date{Y: r.Int(), M: r.Int(), D: r.Int(), Prec: civil.Precision(r.Int())}
	s.Pos = decodePos(r)
	return s
}

func encodePos(w *rec.Writer, p ledger.Pos) {
	w.Str(p.File)
	w.Int(p.Line)
	w.Int(p.Col)
}

func decodePos(r *rec.Reader) ledger.Pos {
	return ledger.Pos{File: r.Str(), Line: r.Int(), Col: r.Int()}
}

// EncodeClaim writes c as a record.
func EncodeClaim(w *rec.Writer, c Claim) {
	w.Str(c.Kind)
	w.Str(c.Path)
	for _, v := range []int{c.Line, c.Column, c.EndLine, c.EndColumn, c.Offset, c.EndOffset} {
		w.Int(v)
	}
	w.Str(c.Text)
	rec.WriteMap(w, c.Values, (*rec.Writer).Str)
	w.Int(int(c.Verdict))
	w.Str(c.Ledger)
	w.Str(c.Reason)
	w.Int(int(c.Cause))
	rec.WriteSlice(w, c.Findings, func(w *rec.Writer, f FindingRef) {
		w.Str(f.Rule)
		w.Str(f.Message)
	})
	rec.WriteMap(w, c.Parts, func(w *rec.Writer, p Part) {
		w.Str(p.Text)
		for _, v := range []int{p.Line, p.Column, p.EndLine, p.EndColumn, p.Offset, p.EndOffset, p.ByteCol, p.EndByteCol} {
			w.Int(v)
		}
	})
	w.Bool(c.Quiet)
	EncodePeriod(w, c.Date)
	w.Bool(c.Event != nil)
	if v := c.Event; v != nil {
		rec.WriteSlice(w, v.Kinds, (*rec.Writer).Str)
		rec.WriteSlice(w, v.Participants, (*rec.Writer).Str)
		for _, s := range []string{v.Medium, v.Initiator, v.Venue, v.RefersTo} {
			w.Str(s)
		}
		w.Int(int(v.Duration))
		w.Int(v.DurBound)
		w.Int(v.Ordinal)
		for _, b := range []bool{v.Round, v.LastMet, v.Future} {
			w.Bool(b)
		}
	}
}

// DecodeClaim reads what EncodeClaim wrote; check r.Done after the last
// record.
func DecodeClaim(r *rec.Reader) Claim {
	var c Claim
	c.Kind, c.Path = r.Str(), r.Str()
	for _, p := range []*int{&c.Line, &c.Column, &c.EndLine, &c.EndColumn, &c.Offset, &c.EndOffset} {
		*p = r.Int()
	}
	c.Text = r.Str()
	c.Values = rec.ReadMap(r, (*rec.Reader).Str)
	c.Verdict = Verdict(r.Int())
	c.Ledger, c.Reason = r.Str(), r.Str()
	c.Cause = Cause(r.Int())
	c.Findings = rec.ReadSlice(r, func(r *rec.Reader) FindingRef { return FindingRef{Rule: r.Str(), Message: r.Str()} })
	c.Parts = rec.ReadMap(r, func(r *rec.Reader) Part {
		p := Part{Text: r.Str()}
		for _, v := range []*int{&p.Line, &p.Column, &p.EndLine, &p.EndColumn, &p.Offset, &p.EndOffset, &p.ByteCol, &p.EndByteCol} {
			*v = r.Int()
		}
		return p
	})
	c.Quiet = r.Bool()
	c.Date = DecodePeriod(r)
	if r.Bool() {
		v := &EventValues{}
		v.Kinds = rec.ReadSlice(r, (*rec.Reader).Str)
		v.Participants = rec.ReadSlice(r, (*rec.Reader).Str)
		for _, p := range []*string{&v.Medium, &v.Initiator, &v.Venue, &v.RefersTo} {
			*p = r.Str()
		}
		v.Duration = time.Duration(r.Int())
		v.DurBound = r.Int()
		v.Ordinal = r.Int()
		for _, p := range []*bool{&v.Round, &v.LastMet, &v.Future} {
			*p = r.Bool()
		}
		c.Event = v
	}
	return c
}

// EncodePeriod writes a claimed period as a record.
func EncodePeriod(w *rec.Writer, p civil.Period) {
	w.Time(p.Span.First)
	w.Time(p.Span.Last)
	w.Int(int(p.Prec))
}

// DecodePeriod reads what EncodePeriod wrote.
func DecodePeriod(r *rec.Reader) civil.Period {
	return civil.Period{Span: civil.Span{First: r.Time(), Last: r.Time()}, Prec: civil.Precision(r.Int())}
}
