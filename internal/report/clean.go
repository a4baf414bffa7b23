package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// CleanLine makes s safe to print within one line of a terminal or a CI
// log: control characters (line breaks, carriage returns, escape, the C1
// controls), Unicode line and paragraph separators, the bidirectional
// overrides and isolates, and bytes that are not UTF-8 are written as Go
// escapes (\n, \x1b, \u202e). A file name that holds a newline and
// "::stop-commands::" then cannot start a line of its own, in a GitHub
// log or anywhere else, and a terminal escape in a message is shown, not
// obeyed. Text without any of them is returned as it is.
func CleanLine(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case unsafeRune(r):
			if r < 0x80 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func clean(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\t' || unsafeRune(r) {
			return false
		}
		i += n
	}
	return true
}

// unsafeRune: a rune that moves the cursor, ends a line, or reorders what
// a terminal or a browser shows.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true // bidirectional controls
	}
	return false
}

// commandStart reports whether a log line would be read by a GitHub runner
// as a workflow command: it starts, after blanks, with "::".
func commandStart(line string) bool {
	return strings.HasPrefix(strings.TrimLeft(line, " \t"), "::")
}

// SafeWriter passes lines to W with what CleanLine escapes escaped, except
// the line breaks themselves and tabs; a line that would start a GitHub
// workflow command ("::") is prefixed with "claimlint: ". It guards
// claimlint's own messages on standard error, whose lines may hold names
// of files that were not written by whoever runs claimlint.
type SafeWriter struct {
	W       io.Writer
	midLine bool // the last write did not end a line
}

func (w *SafeWriter) Write(p []byte) (int, error) {
	n := len(p)
	var b strings.Builder
	for len(p) > 0 {
		line, rest, found := strings.Cut(string(p), "\n")
		if !w.midLine && commandStart(line) {
			b.WriteString("claimlint: ")
		}
		for _, part := range strings.SplitAfter(line, "\t") {
			tab := strings.HasSuffix(part, "\t")
			b.WriteString(CleanLine(strings.TrimSuffix(part, "\t")))
			if tab {
				b.WriteByte('\t')
			}
		}
		if found {
			b.WriteByte('\n')
			w.midLine = false
		} else {
			w.midLine = line != "" || w.midLine
		}
		p = []byte(rest)
	}
	_, err := io.WriteString(w.W, b.String())
	return n, err
}
