package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/corpus"
)

// Run is what a format writes: the findings of one run, and where paths
// should be made relative to for formats read by code hosts.
type Run struct {
	Findings []checker.Finding
	Files    int
	// Root is the repository root (absolute). SARIF, GitHub and
	// fingerprints write paths relative to it, with forward slashes.
	Root    string
	Version string
	// Unchecked are the messages of the files that could not be checked,
	// as written to standard error; the JSON format carries them, so that
	// merge fails as the run would have.
	Unchecked []string
	// Stmts, when set, are written by the JSON format, so that merge can
	// compare the articles of several shards.
	Stmts []corpus.Stmt
	// RulesHash identifies the rules of a shard's run, written with Stmts.
	RulesHash string
	// View holds what the corpus formats (html, claimreview) show besides
	// findings; nil for the others.
	View *View
	// RelPathsUnique says that findings of different paths never have the
	// same path relative to Root: a streamed SARIF log then forgets the
	// fingerprints of a file once the next one starts.
	RelPathsUnique bool
}

// Format is an output format.
type Format struct {
	Name  string
	Doc   string
	Write func(io.Writer, *Run) error
	// Stream starts writing the format finding by finding (see Stream);
	// nil for the formats that show the articles (html, claimreview),
	// which need the whole run.
	Stream func(io.Writer, *Run) Stream
}

func newTextStream(w io.Writer, _ *Run) Stream { return textStream{w} }

// Formats lists every output format, in the order documented.
var Formats = []Format{
	{"text", "one finding a line: path:line:col: severity: message [rule]", func(w io.Writer, r *Run) error { return Text(w, r.Findings) }, newTextStream},
	{"json", `{"findings": [...], "summary": {...}}`, func(w io.Writer, r *Run) error { return JSON(w, r) }, newJSONStream},
	{"sarif", "SARIF 2.1.0, for code scanning", SARIF, newSARIFStream},
	{"github", "GitHub workflow commands (annotations), and a step summary when GITHUB_STEP_SUMMARY is set", GitHub, newGitHubStream},
	{"rdjsonl", "reviewdog diagnostics, one JSON object a line", RDJSONL, newRDJSONLStream},
	{"checkstyle", "checkstyle XML", Checkstyle, newCheckstyleStream},
	{"html", "one self-contained HTML page: summary, articles with findings highlighted, event matrix, timeline", HTML, nil},
	{"claimreview", "schema.org ClaimReview JSON-LD, one review per contradicted claim", ClaimReview, nil},
}

// LookupFormat returns the format with the given name.
func LookupFormat(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// RelPath writes a finding's path relative to root with forward slashes,
// or as it is when it lies outside root.
func RelPath(root, path string) string {
	if root != "" {
		if abs, err := filepath.Abs(path); err == nil {
			// "..dotdot.md" is in root: only ".." itself, or a first
			// element "..", leads out.
			if rel, err := filepath.Rel(root, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return filepath.ToSlash(rel)
			}
		}
	}
	return filepath.ToSlash(path)
}

// ArtifactURI is a SARIF artifact location for path: the path relative to
// root as a percent-encoded URI reference ("issue#3.md" is "issue%233.md",
// never a fragment), or a file: URI for a path outside root.
func ArtifactURI(root, path string) string {
	rel := RelPath(root, path)
	if filepath.IsAbs(filepath.FromSlash(rel)) || strings.HasPrefix(rel, "../") || rel == ".." {
		abs, err := filepath.Abs(path)
		if err != nil {
			abs = path
		}
		p := filepath.ToSlash(abs)
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x is file:///C:/x
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	u := (&url.URL{Path: rel}).EscapedPath()
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u // not a scheme
	}
	return u
}

// Fingerprints returns a fingerprint for each finding, derived from the
// rule, the root-relative path and the claim's text, and the count of
// earlier findings with the same three. It never uses line numbers, so
// lines moving above a finding do not change it.
func Fingerprints(root string, fs []checker.Finding) []string {
	seen := map[string]int{}
	out := make([]string, len(fs))
	for i := range fs {
		key := fingerprintKey(root, &fs[i])
		out[i] = fingerprint(key, seen[key])
		seen[key]++
	}
	return out
}

// fingerprintKey is what a fingerprint is made of: the rule, the
// root-relative path and the claim's text.
func fingerprintKey(root string, f *checker.Finding) string {
	return f.Rule + "\x00" + RelPath(root, f.Path) + "\x00" + strings.Join(strings.Fields(f.Found), " ")
}

// fingerprint is the fingerprint of the n-th earlier finding (0-based) with
// the same key.
func fingerprint(key string, n int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, n)))
	return hex.EncodeToString(sum[:16])
}

// InformationURI is where claimlint is explained.
const InformationURI = "https://github.com/claimlint/claimlint"

// RuleURI is where one rule is explained.
func RuleURI(id string) string { return InformationURI + "#rule-" + id }

var sarifLevel = map[string]string{checker.Error: "error", checker.Warning: "warning", checker.Info: "note"}

func ptr[T any](v T) *T { return &v }

func text(s string) *sarif.MultiformatMessageString {
	return &sarif.MultiformatMessageString{Text: ptr(s)}
}

// SARIF writes a SARIF 2.1.0 log with the tool's rules, the results,
// fixes where a replacement is certain, and line-independent fingerprints.
var SARIF = writeAll(newSARIFStream)

// evidenceLocation points at the ledger entry behind a finding.
func evidenceLocation(root string, e *checker.Evidence) *sarif.Location {
	loc := &sarif.PhysicalLocation{ArtifactLocation: &sarif.ArtifactLocation{URI: ptr(ArtifactURI(root, e.Pos.File))}}
	if e.Pos.Line > 0 {
		loc.Region = &sarif.Region{StartLine: ptr(e.Pos.Line), StartColumn: ptr(max(e.Pos.Col, 1))}
	}
	return &sarif.Location{PhysicalLocation: loc, Message: &sarif.Message{Text: ptr("ledger: " + e.ID)}}
}

var ghLevel = map[string]string{checker.Error: "error", checker.Warning: "warning", checker.Info: "notice"}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return CleanLine(strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s))
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return CleanLine(strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s))
}

// GitHub writes one workflow command per finding, which GitHub shows as an
// annotation on the line, and appends a Markdown summary to the file named
// by GITHUB_STEP_SUMMARY when it is set.
var GitHub = writeAll(newGitHubStream)

// StepSummary writes a Markdown summary: counts by rule and by file, then the
// first findings.
func StepSummary(w io.Writer, r *Run, first int) error {
	s := newStepSummary(r.Root, first)
	for _, f := range r.Findings {
		s.add(f)
	}
	return s.write(w, r.Files)
}

// mdCell writes s as the text of a Markdown table cell: control
// characters escaped (CleanLine), and what Markdown or HTML would read as
// markup shown as text.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\\", `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
		"<", "&lt;", ">", "&gt;", "&", "&amp;").Replace(CleanLine(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)))
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdDiagnostic struct {
	Message  string `json:"message"`
	Location struct {
		Path  string  `json:"path"`
		Range rdRange `json:"range"`
	} `json:"location"`
	Severity string `json:"severity"`
	Source   struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	} `json:"source"`
	Code struct {
		Value string `json:"value"`
		URL   string `json:"url"`
	} `json:"code"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

var rdSeverity = map[string]string{checker.Error: "ERROR", checker.Warning: "WARNING", checker.Info: "INFO"}

// RDJSONL writes reviewdog's rdjsonl: one Diagnostic a line, with the fix
// as a suggestion. Columns are in bytes, as reviewdog counts them.
var RDJSONL = writeAll(newRDJSONLStream)

// rdDiagnosticOf is a finding as a reviewdog diagnostic.
func rdDiagnosticOf(root string, f checker.Finding) rdDiagnostic {
	var d rdDiagnostic
	d.Message = f.Message
	d.Location.Path = RelPath(root, f.Path)
	d.Location.Range = rdRange{rdPosition{f.Line, f.ByteCol}, rdPosition{f.EndLine, f.EndByteCol}}
	d.Severity = rdSeverity[f.Severity]
	d.Source.Name, d.Source.URL = "claimlint", InformationURI
	d.Code.Value, d.Code.URL = f.Rule, RuleURI(f.Rule)
	if f.Fix != nil && f.Fix.Offset == f.Offset {
		// The fix starts where the finding does: its range is known in
		// lines and byte columns.
		end := rdPosition{f.Line, f.ByteCol + (f.Fix.EndOffset - f.Fix.Offset)}
		d.Suggestions = []rdSuggestion{{Range: rdRange{rdPosition{f.Line, f.ByteCol}, end}, Text: f.Fix.Replacement}}
	} else if f.Fix != nil && f.Line == f.EndLine {
		start := rdPosition{f.Line, f.ByteCol + (f.Fix.Offset - f.Offset)}
		end := rdPosition{f.Line, start.Column + (f.Fix.EndOffset - f.Fix.Offset)}
		d.Suggestions = []rdSuggestion{{Range: rdRange{start, end}, Text: f.Fix.Replacement}}
	}
	return d
}

type csError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

type csFile struct {
	Name   string    `xml:"name,attr"`
	Errors []csError `xml:"error"`
}

// Checkstyle writes checkstyle XML, one <file> per article with findings.
var Checkstyle = writeAll(newCheckstyleStream)
