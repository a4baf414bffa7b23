package config

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSchemaMatchesKeys(t *testing.T) {
	var doc map[string]any
	require.NoError(t, json.Unmarshal(Schema([]string{"event-date"}), &doc))
	var keys []string
	for k := range doc["properties"].(map[string]any) {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := slices.Clone(Keys)
	slices.Sort(want)
	assert.Equal(t, want, keys, "every key Load accepts, and no other")
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	require.NoError(t, os.WriteFile(p, []byte("paths: seeds\ninclude: ['**/*.md']\nseverity: {event-date: \"off\"}\npublished: {'old/**': 2024-01-02}\n"), 0o644))
	c, err := Load(p, []string{"event-date"})
	require.NoError(t, err)
	assert.Equal(t, []string{"seeds"}, c.Paths, "a single value is a list of one")
	assert.True(t, c.Selected(filepath.Join(dir, "a", "b.md")))
	assert.False(t, c.Selected(filepath.Join(dir, "a", "b.txt")))
	assert.Equal(t, "2024-01-02", c.PublishedFor(filepath.Join(dir, "old", "x.md")).String())
	assert.True(t, c.PublishedFor(filepath.Join(dir, "new", "x.md")).IsZero())
	found, err := Find(filepath.Join(dir, "a"))
	require.NoError(t, err)
	assert.Equal(t, p, found)
}

// TestBadGlobAsPlainValue: one bad glob written as a plain value is an error
// with its position, not a panic (found in review).
func TestBadGlobAsPlainValue(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	require.NoError(t, os.WriteFile(p, []byte("include: \"[bad\"\n"), 0o644))
	_, err := Load(p, nil)
	assert.ErrorContains(t, err, `:1:10: bad glob "[bad"`)
}

func TestAuthorAndBaseURL(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	require.NoError(t, os.WriteFile(p, []byte("author:\n  name: Fact Desk\n  url: https://example.org/desk\nbase-url: https://example.org/news/\n"), 0o644))
	c, err := Load(p, nil)
	require.NoError(t, err)
	assert.Equal(t, Author{Name: "Fact Desk", URL: "https://example.org/desk"}, c.Author)
	assert.Equal(t, "https://example.org/news/2025/a%20b%23c.md", c.ArticleURL(filepath.Join(dir, "2025", "a b#c.md")))
	var none *Config
	assert.Equal(t, "", none.ArticleURL("a.md"))

	require.NoError(t, os.WriteFile(p, []byte("author:\n  name: X\n  email: x@example.org\nbase-url: example.org/news\n"), 0o644))
	_, err = Load(p, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `:3:3: author: unknown key "email" (known: name, url)`)
	assert.Contains(t, err.Error(), `:4:11: want an absolute http(s) URL, not "example.org/news"`)
}
