// Package config reads .claimlint.yaml, the project file that says what to
// check, with which rules, how strictly, and how to report it.
package config

import (
	"encoding/json"
	"errors"
	"fmt"
	neturl "net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v4"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/civil"
)

// FileName is the name claimlint looks for, from the working directory up.
const FileName = ".claimlint.yaml"

// Config is a parsed .claimlint.yaml. Paths and globs in it are relative to
// the folder that holds it.
type Config struct {
	Path string // the file read
	Dir  string // its folder

	Paths []string
	// Tests are the annotated examples `claimlint test` reads when given
	// no PATH (paths: when there is no tests:).
	Tests     []string
	Rules     []string
	Include   []string
	Exclude   []string
	FailLevel string
	// Severity overrides a rule's severity: error, warning, info or off.
	Severity map[string]string
	// Published gives a publication date to files, by glob, that have none
	// in their front matter. The first matching glob wins.
	Published []DateGlob
	Formats   []string
	// Author is who publishes the ClaimReview export: name and url.
	Author Author
	// BaseURL makes an article's URL, for the ClaimReview export, from its
	// path relative to the config file, when its front matter has no url:.
	BaseURL string
}

// Author is the organisation or person behind a ClaimReview.
type Author struct {
	Name string
	URL  string
}

// DateGlob is one entry of published:.
type DateGlob struct {
	Glob string
	Date civil.Date
}

// Keys lists the keys a config file may hold.
var Keys = []string{"paths", "tests", "rules", "include", "exclude", "fail-level", "severity", "published", "formats", "author", "base-url"}

// Find looks for FileName in dir and its parents. It returns "" when there
// is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads a config file. Unknown keys and bad values are errors with
// their line and column; every problem is reported at once. rules is the
// list of known rule ids, for severity:.
func Load(path string, rules []string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c := &Config{Path: path, Dir: filepath.Dir(path), Severity: map[string]string{}}
	var doc yaml.Node
	if err := yaml.Load(data, &doc); err != nil {
		return nil, positioned(path, err)
	}
	l := &loader{path: path}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return c, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		l.errorf(root, "want a mapping of keys to values")
		return nil, l.err()
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "paths":
			c.Paths = l.strings(v)
		case "tests":
			c.Tests = l.strings(v)
		case "rules":
			c.Rules = l.strings(v)
		case "include":
			c.Include = l.globs(v)
		case "exclude":
			c.Exclude = l.globs(v)
		case "formats":
			c.Formats = l.strings(v)
		case "fail-level":
			c.FailLevel = v.Value
			if v.Kind != yaml.ScalarNode || !slices.Contains([]string{"error", "warning", "info"}, v.Value) {
				l.errorf(v, "fail-level %q: want error, warning or info", v.Value)
			}
		case "severity":
			l.mapping(v, func(k, v *yaml.Node) {
				if !slices.Contains(rules, k.Value) {
					l.errorf(k, "severity: unknown rule %q (claimlint rules lists them)", k.Value)
				}
				if !slices.Contains([]string{"error", "warning", "info", "off"}, v.Value) {
					l.errorf(v, "severity of %s: %q: want error, warning, info or off", k.Value, v.Value)
				}
				c.Severity[k.Value] = v.Value
			})
		case "published":
			l.mapping(v, func(k, v *yaml.Node) {
				if !doublestar.ValidatePattern(k.Value) {
					l.errorf(k, "published: bad glob %q", k.Value)
				}
				d, err := civil.ParseDate(v.Value)
				if err != nil || d.Prec != civil.Day {
					l.errorf(v, "published for %s: want a date YYYY-MM-DD, not %q", k.Value, v.Value)
				}
				c.Published = append(c.Published, DateGlob{k.Value, d})
			})
		case "author":
			l.mapping(v, func(k, v *yaml.Node) {
				if v.Kind != yaml.ScalarNode {
					l.errorf(v, "author %s: want a single value", k.Value)
				}
				switch k.Value {
				case "name":
					c.Author.Name = v.Value
				case "url":
					c.Author.URL = l.url(v)
				default:
					l.errorf(k, "author: unknown key %q (known: name, url)", k.Value)
				}
			})
		case "base-url":
			c.BaseURL = l.url(v)
		default:
			l.errorf(k, "unknown key %q (known: %s)", k.Value, strings.Join(Keys, ", "))
		}
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	return c, nil
}

type loader struct {
	path string
	errs []error
}

func (l *loader) errorf(n *yaml.Node, format string, args ...any) {
	l.errs = append(l.errs, fmt.Errorf("%s:%d:%d: %s", l.path, n.Line, n.Column, fmt.Sprintf(format, args...)))
}

func (l *loader) err() error { return errors.Join(l.errs...) }

func (l *loader) strings(n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode && n.Value != "" {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "want a list")
		return nil
	}
	var out []string
	for _, it := range n.Content {
		if it.Kind != yaml.ScalarNode {
			l.errorf(it, "want a single value")
			continue
		}
		out = append(out, it.Value)
	}
	return out
}

// url reads an absolute http or https URL.
func (l *loader) url(n *yaml.Node) string {
	u, err := neturl.Parse(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		l.errorf(n, "want an absolute http(s) URL, not %q", n.Value)
		return ""
	}
	return n.Value
}

// AuthorOrZero is the author:, or none for a nil config.
func (c *Config) AuthorOrZero() Author {
	if c == nil {
		return Author{}
	}
	return c.Author
}

// ArticleURL is the URL of an article at path under BaseURL, or "" when
// there is no base-url:.
func (c *Config) ArticleURL(path string) string {
	if c == nil || c.BaseURL == "" {
		return ""
	}
	segs := strings.Split(c.rel(path), "/")
	for i, s := range segs {
		segs[i] = neturl.PathEscape(s)
	}
	return strings.TrimSuffix(c.BaseURL, "/") + "/" + strings.Join(segs, "/")
}

func (l *loader) globs(n *yaml.Node) []string {
	gs := l.strings(n)
	for i, g := range gs {
		if !doublestar.ValidatePattern(g) {
			at := n // a single glob written as a plain value
			if n.Kind == yaml.SequenceNode && i < len(n.Content) {
				at = n.Content[i]
			}
			l.errorf(at, "bad glob %q", g)
		}
	}
	return gs
}

func (l *loader) mapping(n *yaml.Node, each func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "want a mapping")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		each(n.Content[i], n.Content[i+1])
	}
}

// Resolve makes p, written in the config file, relative to the working
// directory when it can, absolute otherwise.
func (c *Config) Resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	full := filepath.Join(c.Dir, p)
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, full); err == nil {
			return rel
		}
	}
	return full
}

// rel writes path relative to the config's folder, with forward slashes.
func (c *Config) rel(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	r, err := filepath.Rel(c.Dir, abs)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(r)
}

// InPaths reports whether path is one of paths: or below one; true when
// there is no paths:.
func (c *Config) InPaths(path string) bool {
	if c == nil || len(c.Paths) == 0 {
		return true
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return true
	}
	for _, p := range c.Paths {
		full := p
		if !filepath.IsAbs(p) {
			full = filepath.Join(c.Dir, p)
		}
		if full, err = filepath.Abs(full); err != nil {
			continue
		}
		if rel, err := filepath.Rel(full, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// Selected reports whether a file passes include: and exclude:.
func (c *Config) Selected(path string) bool {
	if c == nil {
		return true
	}
	r := c.rel(path)
	if len(c.Include) > 0 && !slices.ContainsFunc(c.Include, func(g string) bool { ok, _ := doublestar.Match(g, r); return ok }) {
		return false
	}
	return !slices.ContainsFunc(c.Exclude, func(g string) bool { ok, _ := doublestar.Match(g, r); return ok })
}

// Apply gives findings the severities of severity:, dropping rules set to
// off. A nil config changes nothing.
func (c *Config) Apply(fs []checker.Finding) []checker.Finding {
	if c == nil || len(c.Severity) == 0 {
		return fs
	}
	out := fs[:0:0]
	for _, f := range fs {
		if s, ok := c.Severity[f.Rule]; ok {
			if s == "off" {
				continue
			}
			f.Severity = s
		}
		out = append(out, f)
	}
	return out
}

// PublishedFor returns the date published: gives a file, if any.
func (c *Config) PublishedFor(path string) civil.Date {
	if c == nil {
		return civil.Date{}
	}
	r := c.rel(path)
	for _, dg := range c.Published {
		if ok, _ := doublestar.Match(dg.Glob, r); ok {
			return dg.Date
		}
	}
	return civil.Date{}
}

func positioned(path string, err error) error {
	var many *yaml.LoadErrors
	var one *yaml.LoadError
	switch {
	case errors.As(err, &many):
		var errs []error
		for _, e := range many.Errors {
			errs = append(errs, fmt.Errorf("%s:%d:%d: %s", path, e.Mark.Line, e.Mark.Column, e.Message))
		}
		return errors.Join(errs...)
	case errors.As(err, &one):
		return fmt.Errorf("%s:%d:%d: %s", path, one.Mark.Line, one.Mark.Column, one.Message)
	}
	return fmt.Errorf("%s: %w", path, err)
}

// Schema returns a JSON Schema (draft 2020-12) for .claimlint.yaml. Its
// properties are Keys; rules are the known rule ids, for severity:.
func Schema(rules []string) []byte {
	list := map[string]any{"oneOf": []any{
		map[string]any{"type": "string"},
		map[string]any{"type": "array", "items": map[string]any{"type": "string"}},
	}}
	props := map[string]any{
		"paths":      withDoc(list, "files and folders to check when no PATH is given"),
		"tests":      withDoc(list, "annotated example articles (fixtures) and folders that claimlint test reads when no PATH is given; default: paths:"),
		"rules":      withDoc(list, "rule files or folders, and embedded for the embedded rules; default: the embedded rules alone"),
		"include":    withDoc(list, "globs (doublestar) a checked file must match"),
		"exclude":    withDoc(list, "globs (doublestar) a checked file must not match"),
		"formats":    withDoc(list, "output formats NAME[:PATH] used when no --format is given"),
		"fail-level": map[string]any{"enum": []string{"error", "warning", "info"}},
		"severity": map[string]any{
			"type":                 "object",
			"propertyNames":        map[string]any{"enum": rules},
			"additionalProperties": map[string]any{"enum": []string{"error", "warning", "info", "off"}},
			"description":          "a severity per rule, or off",
		},
		"author": map[string]any{
			"type": "object", "additionalProperties": false,
			"properties":  map[string]any{"name": map[string]any{"type": "string"}, "url": map[string]any{"type": "string", "format": "uri"}},
			"description": "who publishes the ClaimReview export (--format claimreview)",
		},
		"base-url": map[string]any{"type": "string", "format": "uri",
			"description": "makes an article's URL from its path, for ClaimReview, when its front matter has no url:"},
		"published": map[string]any{
			"type":                 "object",
			"additionalProperties": map[string]any{"type": "string", "pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`},
			"description":          "publication dates, by glob, for files whose front matter has none",
		},
	}
	doc := map[string]any{
		"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://github.com/claimlint/claimlint/schema/config.schema.json",
		"title": "claimlint configuration (.claimlint.yaml)", "type": "object",
		"properties": props, "additionalProperties": false,
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err) // maps of plain values always marshal
	}
	return append(b, '\n')
}

func withDoc(m map[string]any, doc string) map[string]any {
	out := map[string]any{"description": doc}
	for k, v := range m {
		out[k] = v
	}
	return out
}
