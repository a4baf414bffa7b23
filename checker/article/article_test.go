package article

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func prose(a *Article) []string {
	var out []string
	for _, b := range a.Blocks {
		out = append(out, strings.Join(strings.Fields(string(a.Text[b.Start:b.End])), " "))
	}
	return out
}

func TestFrontMatterAndMarkdown(t *testing.T) {
	src := "---\ntitle: Talks\npublished: 2025-02-24\noutlet: TASS\nurl: https://example.org/a\ntags: [x]\n---\n" +
		"# Putin called Xi\n\nFirst *line* with `code Xi` and <!-- want x -->\nsecond line.\n\n" +
		"```\nformer U.S. President Donald Trump\n```\n\n    indented code\n\n<!--\nblock comment\n-->\n- a [linked](https://x.org) item\n"
	a, err := Parse("a.md", []byte(src), Options{})
	require.NoError(t, err)
	assert.Equal(t, civil.Date{Y: 2025, M: 2, D: 24, Prec: civil.Day}, a.Meta.Published)
	assert.Equal(t, "front matter", a.Meta.DateFrom)
	assert.Equal(t, "TASS", a.Meta.Outlet)
	assert.Equal(t, "https://example.org/a", a.Meta.URL)
	assert.Equal(t, "Talks", a.Meta.Title)
	assert.Equal(t, []string{"Putin called Xi", "First line with and second line.", "a linked item"}, prose(a))
	assert.Len(t, a.Text, len(src))
	assert.Equal(t, bytes.Count([]byte(src), []byte("\n")), bytes.Count(a.Text, []byte("\n")), "line ends are kept")
	assert.NotContains(t, string(a.Text), "Trump")
}

func TestPlainTextMasksComments(t *testing.T) {
	src := "Line one.\n<!-- want event-date \"Monday\" -->\nLine two.\n\n"
	a, err := Parse("a.txt", []byte(src), Options{Published: civil.Date{Y: 2025, M: 1, D: 2, Prec: civil.Day}})
	require.NoError(t, err)
	assert.Equal(t, []string{"Line one.", "Line two."}, prose(a))
	assert.Equal(t, "flag", a.Meta.DateFrom)
}

func TestPositionsCountCodePoints(t *testing.T) {
	src := "\uFEFFé “Xi”\r\nsecond"
	a, err := Parse("a.txt", []byte(src), Options{})
	require.NoError(t, err)
	off := strings.Index(src, "Xi")
	line, col := a.Position(off)
	assert.Equal(t, 1, line)
	assert.Equal(t, 5, col) // BOM, é, space, “ come before it
	line, col = a.Position(strings.Index(src, "second"))
	assert.Equal(t, []int{2, 1}, []int{line, col})
}

// TestPositionsOnALongLine checks the columns of a line far longer than the
// blocks positions are counted in, against a plain count, at every offset
// where a code point starts.
func TestPositionsOnALongLine(t *testing.T) {
	src := "first line\n" + strings.Repeat("Xi “é” 習近平 ", 2000) + "\nlast"
	a, err := Parse("a.txt", []byte(src), Options{})
	require.NoError(t, err)
	lineStart := strings.Index(src, "\n") + 1
	for off := lineStart; off < len(src); off++ {
		if !utf8.RuneStart(src[off]) {
			continue
		}
		line, col := a.Position(off)
		wantLine, wantCol := 2, utf8.RuneCountInString(src[lineStart:off])+1
		if off > strings.LastIndex(src, "\n") {
			wantLine, wantCol = 3, utf8.RuneCountInString(src[strings.LastIndex(src, "\n")+1:off])+1
		}
		if line != wantLine || col != wantCol {
			t.Fatalf("Position(%d) = %d:%d, want %d:%d", off, line, col, wantLine, wantCol)
		}
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, path, src, want string
	}{
		{"invalid UTF-8", "bad.txt", "ok\nno\xff here", "bad.txt:2:3: not valid UTF-8 text (byte 0xff); save the file as UTF-8"},
		{"binary", "bin.md", "PK\x03\x04\x00\x00", "bin.md:1:5: binary file (NUL byte): not an article"},
		// UTF-16 is text in another encoding, not a binary file.
		{"UTF-16LE with a BOM", "u.md", "\xff\xfeP\x00u\x00t\x00i\x00n\x00\n\x00", "u.md: UTF-16 text (little-endian): claimlint reads UTF-8; save the file as UTF-8"},
		{"UTF-16BE with a BOM", "u.md", "\xfe\xff\x00P\x00u\x00t\x00i\x00n", "u.md: UTF-16 text (big-endian): claimlint reads UTF-8; save the file as UTF-8"},
		{"UTF-16LE without a BOM", "u.txt", "P\x00u\x00t\x00i\x00n\x00 \x00\x14\x20", "u.txt: UTF-16 text (little-endian): claimlint reads UTF-8; save the file as UTF-8"},
		{"UTF-16BE without a BOM", "u.txt", "\x00P\x00u\x00t\x00i\x00n", "u.txt: UTF-16 text (big-endian): claimlint reads UTF-8; save the file as UTF-8"},
		{"a NUL after text", "n.md", "Putin\x00 spoke", "n.md:1:6: binary file (NUL byte): not an article"},
		{"unclosed front matter", "f.md", "---\npublished: 2025-01-01\n", "f.md:1:1: front matter opened with --- is never closed"},
		{"impossible date", "d.md", "---\ntitle: x\npublished: 2025-02-30\n---\nbody\n", `d.md:3:12: front matter: published: date "2025-02-30" does not exist: February 2025 has 28 days`},
		{"partial date", "d.md", "---\npublished: 2025-02\n---\n", `d.md:2:12: front matter: published "2025-02" must be a full date, YYYY-MM-DD`},
		{"broken yaml", "y.md", "---\ntitle: [x\n---\n", "y.md:3:1: front matter: did not find expected ',' or ']'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.path, []byte(tt.src), Options{})
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

func TestTooLarge(t *testing.T) {
	_, err := Parse("big.txt", bytes.Repeat([]byte("a"), MaxSize+1), Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "big.txt: file is")
}

// TestLoneCRLineEnds reads the same article with LF, CRLF and lone-CR line
// ends (old Mac files): the front matter, the blocks and every position
// are the same, a lone CR being a line end as CRLF and LF are.
func TestLoneCRLineEnds(t *testing.T) {
	for _, path := range []string{"a.md", "a.txt"} {
		lf := "---\ntitle: \"Talks\"\npublished: 2025-02-24\n---\n# Putin called Xi\n\nFirst line é\nsecond line.\n\nLast <!-- c\nd --> one.\n"
		var want []string
		for _, eol := range []string{"\n", "\r\n", "\r"} {
			src := strings.ReplaceAll(lf, "\n", eol)
			a, err := Parse(path, []byte(src), Options{})
			require.NoError(t, err, "%s %q", path, eol)
			assert.Equal(t, civil.Date{Y: 2025, M: 2, D: 24, Prec: civil.Day}, a.Meta.Published, "%s %q", path, eol)
			assert.Equal(t, "Talks", a.Meta.Title, "%s %q", path, eol)
			assert.NotContains(t, string(a.Text), "Talks", "%s %q: front matter is not prose", path, eol)
			assert.Equal(t, src, string(a.Src), "the source is kept as read")
			var got []string
			for _, w := range []string{"Putin", "First", "second", "Last", "one"} {
				line, col := a.Position(strings.Index(src, w))
				got = append(got, fmt.Sprintf("%s %d:%d %d", w, line, col, a.ByteColumn(strings.Index(src, w))))
			}
			got = append(got, prose(a)...)
			if eol == "\n" {
				want = got
				continue
			}
			assert.Equal(t, want, got, "%s %q", path, eol)
		}
	}
	// An error in front matter is at its line.
	_, err := Parse("d.md", []byte("---\rtitle: x\rpublished: 2025-02-30\r---\rbody\r"), Options{})
	require.Error(t, err)
	assert.Equal(t, `d.md:3:12: front matter: published: date "2025-02-30" does not exist: February 2025 has 28 days`, err.Error())
	_, err = Parse("y.md", []byte("---\rtitle: [x\r---\r"), Options{})
	require.Error(t, err)
	assert.Equal(t, "y.md:3:1: front matter: did not find expected ',' or ']'", err.Error())
}

func TestBodyAndMarkdownSource(t *testing.T) {
	src := "\uFEFF---\npublished: 2025-03-05\n---\rAda Example spoke.\r\n"
	a, err := Parse("a.md", []byte(src), Options{})
	require.NoError(t, err)
	assert.True(t, a.Markdown)
	assert.Equal(t, strings.Index(src, "---\r")+4, a.Body, "the body starts after the closing --- and its line end")
	md := a.MarkdownSource()
	assert.Len(t, md, len(src), "offsets are Src's")
	assert.Equal(t, strings.Repeat(" ", 6)+"\n"+strings.Repeat(" ", 21)+"\n"+"   \nAda Example spoke.\r\n", string(md),
		"the front matter blanked, line ends kept, the lone CR made a LF")

	p, err := Parse("a.txt", []byte("Ada Example spoke.\n"), Options{})
	require.NoError(t, err)
	assert.False(t, p.Markdown)
	assert.Zero(t, p.Body)
}
