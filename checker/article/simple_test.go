package article

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzSimple holds the reading of plain paragraphs without goldmark to
// goldmark's: wherever simple takes a body, the text kept and the blocks
// are those goldmark gives.
func FuzzSimple(f *testing.F) {
	for _, s := range []string{
		"---\npublished: 2025-02-24\n---\n\nAda Example met Bo Sample.\nIt rained.  \n\n<!-- want x -->\nThe “talks” (in Ruritania) ended.   \n",
		"\uFEFFOne line\n \n  \nTwo: lines, 3 (of 4)!\n<!-- a --> after\nmore\n",
		"Équipe naïve\u00a0text\n<!-- b -->\n\n“Quoted” ‘single’ 'plain' \"double\"\n",
		"a\n<!-->\nb -->\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		a, err := Parse("a.txt", []byte(src), Options{}) // the front matter, offsets
		if err != nil {
			return
		}
		if !a.simple(a.Body) {
			return
		}
		text, blocks := string(a.Text), a.Blocks
		a.Blocks = nil
		a.goldmark(a.Body)
		assert.Equal(t, string(a.Text), text, "text kept")
		if d := cmp.Diff(a.Blocks, blocks, cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("blocks differ (-goldmark +simple):\n%s", d)
		}
	})
}

// TestSimpleTakesPlainArticles: paragraphs and comments, as the demo
// corpus's articles are, are read without goldmark, and an article with
// any other Markdown is not.
func TestSimpleTakesPlainArticles(t *testing.T) {
	for _, src := range []string{
		"Ada Example met Bo Sample.\n\n<!-- want event-date \"x\" -->\nThey spoke on Monday.\n",
		"“Quoted,” she said.\n(Aside.)\n",
	} {
		a, err := Parse("a.md", []byte(src), Options{})
		assert.NoError(t, err)
		assert.True(t, a.simple(a.Body), "%q", src)
	}
	for _, src := range []string{
		"# Heading\n\nText.\n",
		"Text with *emphasis*.\n",
		"Text\n===\n",
		"- item\n",
		"1. item\n",
		"    code\n",
		"<!-- open\ncomment -->\n",
		"A [link](x).\n",
		"A\tb\n",
		strings.Repeat("a", 10) + " & b\n",
	} {
		a, err := Parse("a.md", []byte(src), Options{})
		assert.NoError(t, err)
		assert.False(t, a.simple(a.Body), "%q", src)
	}
}

// TestSimpleAgreesOnTheRepository compares simple with goldmark on every
// article of the repository simple takes: the demo corpus, the real-news
// cases (in our own words) and the checks' examples.
func TestSimpleAgreesOnTheRepository(t *testing.T) {
	var paths []string
	for _, dir := range []string{"../../seeds", "../../testdata", "../checks"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
				paths = append(paths, path)
			}
			return err
		})
		require.NoError(t, err)
	}
	took := 0
	for _, path := range paths {
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		a, err := Parse(path, src, Options{})
		if err != nil || !a.simple(a.Body) {
			continue
		}
		took++
		text, blocks := string(a.Text), a.Blocks
		a.Blocks = nil
		a.goldmark(a.Body)
		assert.Equal(t, string(a.Text), text, path)
		assert.Equal(t, a.Blocks, blocks, path)
	}
	t.Logf("simple read %d of %d articles", took, len(paths))
	assert.Greater(t, took, len(paths)/2, "most of the repository's articles are plain paragraphs")
}
