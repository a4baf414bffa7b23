package article

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const nestHeader = "---\npublished: 2025-07-07\n---\n\n"

// nestedList is a Markdown list nested depth levels deep, each level two
// columns further in, then a paragraph.
func nestedList(depth int, after string) string {
	var b strings.Builder
	b.WriteString(nestHeader)
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	b.WriteString("\n" + after + "\n")
	return b.String()
}

// Markdown nested deeper than MaxNesting is read as plain text, not parsed:
// parsing it took time growing with the cube of the depth (3,000 levels, 9
// MB: 40 s). The prose after it is still read, at its exact offsets, and
// the list markers are blanked.
func TestDeepNestingIsReadAsPlainText(t *testing.T) {
	claim := "Example called Sample on Friday by video."
	src := nestedList(MaxNesting+1, claim)
	a, err := Parse("a.md", []byte(src), Options{})
	require.NoError(t, err)
	require.True(t, a.TooDeep)
	// The first line past the cap, at its first byte.
	deep := strings.Index(src, strings.Repeat("  ", MaxNesting)+"- item")
	assert.Equal(t, deep, a.DeepAt)
	l, c := a.Position(a.DeepAt)
	assert.Equal(t, []int{5 + MaxNesting, 1}, []int{l, c})

	off := strings.Index(src, claim)
	last := a.Blocks[len(a.Blocks)-1]
	assert.Equal(t, Block{off, off + len(claim)}, last)
	assert.Equal(t, claim, string(a.Text[last.Start:last.End]))
	l, c = a.Position(off)
	assert.Equal(t, []int{5 + MaxNesting + 2, 1}, []int{l, c})
	// Every item is a block of its own, its marker blanked.
	require.Len(t, a.Blocks, MaxNesting+2)
	for _, b := range a.Blocks[:MaxNesting+1] {
		assert.Equal(t, "item", string(a.Text[b.Start:b.End]))
	}
	assert.NotContains(t, string(a.Text), "-")
	assert.Len(t, a.Text, len(src))
	assert.Equal(t, strings.Count(src, "\n"), strings.Count(string(a.Text), "\n"))
}

// Up to MaxNesting levels, Markdown is parsed as ever.
func TestNestingUpToTheCapIsMarkdown(t *testing.T) {
	for name, src := range map[string]string{
		"a list":           nestedList(MaxNesting, "After *it*."),
		"block quotes":     nestHeader + strings.Repeat("> ", MaxNesting) + "quoted\n\nAfter *it*.\n",
		"a thematic break": nestHeader + strings.Repeat("- ", 3*MaxNesting) + "\n\nAfter *it*.\n",
	} {
		t.Run(name, func(t *testing.T) {
			a, err := Parse("a.md", []byte(src), Options{})
			require.NoError(t, err)
			assert.False(t, a.TooDeep)
			p := prose(a)
			assert.Equal(t, "After it .", p[len(p)-1], "the emphasis is markup")
		})
	}
}

// Block quotes and lists count alike, however they are written: on one
// line, on lines of their own, with tabs.
func TestNestingCounts(t *testing.T) {
	for name, src := range map[string]string{
		"quotes on one line":   strings.Repeat("> ", MaxNesting+1) + "quoted",
		"quotes without space": strings.Repeat(">", MaxNesting+1) + " quoted",
		"lists on one line":    strings.Repeat("- ", MaxNesting+1) + "item",
		"ordered lists":        strings.Repeat("1. ", MaxNesting+1) + "item",
		"mixed":                strings.Repeat("> * ", MaxNesting/2+1) + "item",
		"indented by tabs":     strings.Repeat("\t", MaxNesting/2+1) + "- item",
	} {
		t.Run(name, func(t *testing.T) {
			a, err := Parse("a.md", []byte(nestHeader+"First.\n\n"+src+"\n"), Options{})
			require.NoError(t, err)
			assert.True(t, a.TooDeep)
			assert.Equal(t, len(nestHeader)+len("First.\n\n"), a.DeepAt)
			p := prose(a)
			assert.Equal(t, "First.", p[0])
			assert.NotContains(t, p[len(p)-1], ">")
		})
	}
}

// Plain text has no nesting to cap.
func TestPlainTextIsNeverTooDeep(t *testing.T) {
	a, err := Parse("a.txt", []byte(strings.Repeat("> ", 3*MaxNesting)+"x\n"), Options{})
	require.NoError(t, err)
	assert.False(t, a.TooDeep)
}
