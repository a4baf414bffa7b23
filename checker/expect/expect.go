// Package expect reads expectations written inside example articles, in the
// style of go/analysis's `// want`:
//
//	<!-- want event-date "Monday 2025-02-24" -->
//	A called B on Friday.
//
// An annotation expects a finding of that rule, whose message matches the
// regular expression, on the next line that is not blank and not itself an
// annotation. One comment may hold several: `<!-- want a "x" want b "y" -->`.
// Compare reports every unmet expectation and every unexpected finding.
package expect

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/claimlint/claimlint/checker"
)

// Want is one expectation.
type Want struct {
	Line    int // the line the finding must start on
	Rule    string
	Pattern *regexp.Regexp
	At      int // line of the annotation itself
	Col     int
}

// Failure is an unmet expectation or an unexpected finding.
type Failure struct {
	Path      string
	Line, Col int
	Msg       string
}

func (f Failure) String() string { return fmt.Sprintf("%s:%d:%d: %s", f.Path, f.Line, f.Col, f.Msg) }

var (
	comment = regexp.MustCompile(`^\s*<!--\s*(want\b.*?)\s*-->\s*$`)
	hash    = regexp.MustCompile(`^\s*#\s*(want\b.*?)\s*$`)
	item    = regexp.MustCompile(`^want\s+([a-z][a-z0-9-]*)\s+("(?:[^"\\]|\\.)*")\s*`)
)

// Parse reads the annotations in an article's source. A malformed
// annotation is an error naming its line and column.
func Parse(path string, src []byte) ([]Want, error) { return parse(path, src, comment) }

// ParseHash reads annotations written as YAML comments, `# want RULE
// "regexp"`, in a rule file: each expects a finding on the next line that
// is neither blank nor a comment.
func ParseHash(path string, src []byte) ([]Want, error) { return parse(path, src, hash) }

func parse(path string, src []byte, comment *regexp.Regexp) ([]Want, error) {
	lines := bytes.Split(src, []byte("\n"))
	var out []Want
	var pending []Want
	for i, raw := range lines {
		line := strings.TrimRight(string(raw), "\r")
		m := comment.FindStringSubmatchIndex(line)
		if m == nil {
			if strings.TrimSpace(line) == "" || comment == hash && strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue
			}
			for _, w := range pending {
				w.Line = i + 1
				out = append(out, w)
			}
			pending = nil
			continue
		}
		body := line[m[2]:m[3]]
		col := m[2] + 1
		for body != "" {
			im := item.FindStringSubmatch(body)
			if im == nil {
				return nil, fmt.Errorf("%s:%d:%d: malformed annotation %q: want RULE \"regexp\"", path, i+1, col, body)
			}
			pat, err := strconv.Unquote(im[2])
			if err != nil {
				return nil, fmt.Errorf("%s:%d:%d: %v", path, i+1, col, err)
			}
			re, err := regexp.Compile(pat)
			if err != nil {
				return nil, fmt.Errorf("%s:%d:%d: bad regexp %s: %v", path, i+1, col, im[2], err)
			}
			pending = append(pending, Want{Rule: im[1], Pattern: re, At: i + 1, Col: col})
			col += len(im[0])
			body = body[len(im[0]):]
		}
	}
	for _, w := range pending {
		return nil, fmt.Errorf("%s:%d:%d: annotation has no line after it", path, w.At, w.Col)
	}
	return out, nil
}

// Compare matches findings to expectations. Info-level notices are held to
// the same rule as the rest: an unannotated one is unexpected.
func Compare(path string, wants []Want, findings []checker.Finding) []Failure {
	used := make([]bool, len(wants))
	var fails []Failure
	for _, f := range findings {
		ok := false
		for i, w := range wants {
			if !used[i] && w.Line == f.Line && w.Rule == f.Rule && w.Pattern.MatchString(f.Message) {
				used[i], ok = true, true
				break
			}
		}
		if !ok {
			fails = append(fails, Failure{path, f.Line, f.Column, fmt.Sprintf("unexpected finding: %s [%s]", f.Message, f.Rule)})
		}
	}
	for i, w := range wants {
		if !used[i] {
			fails = append(fails, Failure{path, w.At, w.Col, fmt.Sprintf("no %s finding on line %d matching %q", w.Rule, w.Line, w.Pattern)})
		}
	}
	sort.SliceStable(fails, func(i, j int) bool {
		if fails[i].Line != fails[j].Line {
			return fails[i].Line < fails[j].Line
		}
		return fails[i].Col < fails[j].Col
	})
	return fails
}
