package report

import (
	"strings"
	"testing"
)

func TestCleanLine(t *testing.T) {
	for in, want := range map[string]string{
		"plain/path.md":                "plain/path.md",
		"ünïcode – fine":               "ünïcode – fine",
		"a\n::stop-commands::x":        `a\n::stop-commands::x`,
		"red\x1b[31m\r\tbell\a":        `red\x1b[31m\r\tbell\x07`,
		"c1\u0085 rlo\u202e sep\u2028": `c1\u0085 rlo\u202e sep\u2028`,
		"bad\xffbyte":                  `bad\xffbyte`,
	} {
		if got := CleanLine(in); got != want {
			t.Errorf("CleanLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSafeWriter(t *testing.T) {
	var b strings.Builder
	w := &SafeWriter{W: &b}
	for _, s := range []string{"claimlint: 2 problems:\n", "  ::stop-commands::x\tok\x1b\n", "part", "::not a start\n", "::start\n"} {
		if n, err := w.Write([]byte(s)); n != len(s) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", s, n, err)
		}
	}
	want := "claimlint: 2 problems:\nclaimlint:   ::stop-commands::x\tok\\x1b\npart::not a start\nclaimlint: ::start\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
