package checker_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/lang"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/fix"
	"github.com/claimlint/claimlint/rules"
)

var fuzzChecker *checker.Checker

func defaultChecker(t testing.TB) *checker.Checker {
	if fuzzChecker == nil {
		files, err := ledger.ReadFS(rules.FS, ".", "rules")
		if err != nil {
			t.Fatal(err)
		}
		l, err := ledger.Load(files)
		if err != nil {
			t.Fatal(err)
		}
		fuzzChecker = checker.New(l)
	}
	return fuzzChecker
}

// seedArticles adds the demo corpus's articles as seeds.
func seedArticles(f *testing.F, add func(string)) {
	paths, _ := filepath.Glob("../seeds/*.md")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			add(string(b))
		}
	}
}

// onBoundary reports whether off is a valid place in src to cut: inside it,
// and at the start of a character.
func onBoundary(src []byte, off int) bool {
	return off >= 0 && off <= len(src) && (off == len(src) || utf8.RuneStart(src[off]))
}

// publish builds an article dated day days after 2020-01-01.
func publish(text string, day uint16) string {
	d := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(day)%3650)
	return "---\npublished: " + d.Format("2006-01-02") + "\n---\n" + text
}

// FuzzCheck checks arbitrary text against the default rules. Findings must
// lie inside the text on character boundaries, with lines and columns that
// agree with their offsets; a second check must give the same findings; and
// every fix must apply cleanly to valid UTF-8.
func FuzzCheck(f *testing.F) {
	f.Add("Putin called Xi on Friday.", uint16(1881))
	f.Add("Former U.S. President Donald Trump spoke with Xi by video on Wednesday.", uint16(2226))
	seedArticles(f, func(s string) { f.Add(s, uint16(0)) })
	c := defaultChecker(f)
	f.Fuzz(func(t *testing.T, text string, day uint16) {
		src := []byte(publish(text, day))
		a, err := article.Parse("fuzz.md", src, article.Options{})
		if err != nil {
			return // refused input is fine; a panic or a bad position is not
		}
		fs := c.Check(a)
		for _, fd := range fs {
			if !onBoundary(src, fd.Offset) || !onBoundary(src, fd.EndOffset) || fd.Offset > fd.EndOffset {
				t.Fatalf("finding outside the text or off a character boundary: %+v", fd)
			}
			if l, col := a.Position(fd.Offset); l != fd.Line || col != fd.Column {
				t.Fatalf("line:col %d:%d, but the offset says %d:%d: %+v", fd.Line, fd.Column, l, col, fd)
			}
			if l, col := a.Position(fd.EndOffset); l != fd.EndLine || col != fd.EndColumn {
				t.Fatalf("end line:col %d:%d, but the offset says %d:%d", fd.EndLine, fd.EndColumn, l, col)
			}
			if fd.Fix != nil && (!onBoundary(src, fd.Fix.Offset) || !onBoundary(src, fd.Fix.EndOffset) || fd.Fix.Offset > fd.Fix.EndOffset) {
				t.Fatalf("fix outside the text or off a character boundary: %+v", fd.Fix)
			}
		}
		again := c.Check(a)
		if !reflect.DeepEqual(fs, again) {
			t.Fatalf("two checks of one text differ:\n%v\n%v", fs, again)
		}
		fixed, _ := fix.Apply(src, fs)
		if utf8.Valid(src) && !utf8.Valid(fixed) {
			t.Fatalf("the fixed text is not valid UTF-8: %q", fixed)
		}
		if _, err := article.Parse("fixed.md", fixed, article.Options{}); err == nil {
			// The fixed text must check without a panic too.
			b, _ := article.Parse("fixed.md", fixed, article.Options{})
			c.Check(b)
		}
	})
}

// FuzzClaims runs the claim extractor: every claim's span lies inside the
// text on character boundaries, and has a verdict.
func FuzzClaims(f *testing.F) {
	f.Add("Xi and Putin last met in person in May.", uint16(2226))
	f.Add("The call was initiated by Putin. Kyiv marked the third anniversary of Russia's invasion.", uint16(1881))
	seedArticles(f, func(s string) { f.Add(s, uint16(0)) })
	c := defaultChecker(f)
	f.Fuzz(func(t *testing.T, text string, day uint16) {
		src := []byte(publish(text, day))
		a, err := article.Parse("fuzz.md", src, article.Options{})
		if err != nil {
			return
		}
		claims, _ := c.Claims(a)
		for _, cl := range claims {
			if !onBoundary(src, cl.Offset) || !onBoundary(src, cl.EndOffset) || cl.Offset >= cl.EndOffset {
				t.Fatalf("claim outside the text: %+v", cl)
			}
			if l, col := a.Position(cl.Offset); l != cl.Line || col != cl.Column {
				t.Fatalf("claim line:col %d:%d, but the offset says %d:%d", cl.Line, cl.Column, l, col)
			}
			switch cl.Verdict {
			case checker.Consistent, checker.Contradicted, checker.NotCovered:
			default:
				t.Fatalf("claim without a verdict: %+v", cl)
			}
			if field, typed, written := typedValues(&cl); typed != written {
				t.Fatalf("claim's typed %s is %q, but its values say %q: %+v", field, typed, written, cl)
			}
		}
	})
}

// typedValues compares a claim's typed values with the values output
// writes, and returns the first that differs: the two are made apart (the
// engine writes Values, the rest of claimlint reads the types), and must
// say the same.
func typedValues(cl *checker.Claim) (field, typed, written string) {
	v := cl.Values
	if cl.Date.String() != v["date"] {
		return "date", cl.Date.String(), v["date"]
	}
	if cl.Kind != "event" {
		if cl.Event != nil {
			return "event", "set", "not an event"
		}
		return "", "", ""
	}
	e := cl.Event
	if e == nil {
		return "event", "nil", fmt.Sprint(v)
	}
	yes := func(b bool, s string) string {
		if b {
			return s
		}
		return ""
	}
	duration := ""
	if e.Duration > 0 {
		duration = analysis.ShortDuration(e.Duration)
	}
	for _, x := range [][3]string{
		{"kinds", strings.Join(e.Kinds, "|"), v["kinds"]},
		{"participants", strings.Join(e.Participants, ","), v["participants"]},
		{"medium", e.Medium, v["medium"]},
		{"initiator", e.Initiator, v["initiator"]},
		{"venue", e.Venue, v["venue"]},
		{"duration", duration, v["duration"]},
		{"refers-to", e.RefersTo, v["refers-to"]},
		{"future", yes(e.Future, "true"), v["future"]},
		{"last met", yes(e.LastMet, "last met"), yes(v["ordinal"] == "last met", "last met")},
		{"round", yes(e.Round && !e.LastMet, fmt.Sprintf("round %d", e.Ordinal)), yes(strings.HasPrefix(v["ordinal"], "round "), v["ordinal"])},
		{"ordinal", yes(e.Ordinal > 0 && !e.Round && !e.LastMet, lang.English.OrdinalName(e.Ordinal)), yes(v["ordinal"] != "last met" && !strings.HasPrefix(v["ordinal"], "round "), v["ordinal"])},
	} {
		if x[1] != x[2] {
			return x[0], x[1], x[2]
		}
	}
	return "", "", ""
}
