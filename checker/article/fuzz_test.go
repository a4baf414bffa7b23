package article

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse reads arbitrary bytes as Markdown and as text. Accepted input
// keeps its length and line ends (a lone CR is one, read as LF), blocks lie
// inside it on character boundaries, and positions agree with a count of
// the text.
func FuzzParse(f *testing.F) {
	f.Add([]byte("---\npublished: 2025-02-24\n---\n# Title\n\nText *with* `code`.\n"), true)
	f.Add([]byte("\uFEFFa\r\nb <!-- c\n-->\n"), false)
	f.Add([]byte("```\nfence\n```\n    indented\n<div>\nhtml\n</div>\n[link](http://x) ![img](y)"), true)
	// Nested past MaxNesting: read as plain text.
	f.Add([]byte(strings.Repeat("> ", MaxNesting+1)+"x <!-- c -->\r- a\r\n\t1) b\n"), true)
	f.Fuzz(func(t *testing.T, src []byte, markdown bool) {
		path := "a.txt"
		if markdown {
			path = "a.md"
		}
		a, err := Parse(path, src, Options{})
		if err != nil {
			return
		}
		if len(a.Text) != len(src) {
			t.Fatalf("text is %d bytes, source %d", len(a.Text), len(src))
		}
		// A lone CR ends a line as LF does: the text reads it as LF.
		lf := bytes.Clone(src)
		for i := range lf {
			if lf[i] == '\r' && (i+1 >= len(lf) || lf[i+1] != '\n') {
				lf[i] = '\n'
			}
		}
		if bytes.Count(a.Text, []byte("\n")) != bytes.Count(lf, []byte("\n")) {
			t.Fatal("line ends changed")
		}
		for _, b := range a.Blocks {
			if b.Start < 0 || b.End > len(src) || b.Start > b.End {
				t.Fatalf("block %v outside %d bytes", b, len(src))
			}
		}
		for i := range a.Text {
			if a.Text[i] != lf[i] && a.Text[i] != ' ' {
				t.Fatalf("byte %d is neither kept nor blanked", i)
			}
		}
		// Positions: count lines and code points directly.
		line, col := 1, 1
		for off := 0; off <= len(src); {
			if l, c := a.Position(off); l != line || c != col {
				t.Fatalf("offset %d: %d:%d, counted %d:%d", off, l, c, line, col)
			}
			if off == len(src) {
				break
			}
			r, n := utf8.DecodeRune(lf[off:])
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			off += n
		}
	})
}
