package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/claimlint/claimlint/checker"
)

// A Stream writes one format's output finding by finding, in the order the
// findings come (sorted, as a run that held them all would write them),
// and holds no finding it has written: a run over an archive writes its
// outputs in flat memory. What the formats put after the findings (JSON's
// summary, SARIF's closing brackets) is written by Close, with the totals
// known only then. The byte-for-byte output is that of Format.Write.
type Stream interface {
	// Write writes the next findings.
	Write(fs []checker.Finding) error
	// Close writes what follows the findings, from end's Files and
	// Unchecked (and, for JSON, Stmts and RulesHash); end's Findings are
	// not read.
	Close(end *Run) error
}

// writeAll writes a whole run through a stream.
func writeAll(start func(io.Writer, *Run) Stream) func(io.Writer, *Run) error {
	return func(w io.Writer, r *Run) error {
		s := start(w, r)
		if err := s.Write(r.Findings); err != nil {
			return err
		}
		return s.Close(r)
	}
}

// errWriter keeps the first error of a run of writes.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) write(parts ...[]byte) {
	for _, p := range parts {
		if e.err == nil {
			_, e.err = e.w.Write(p)
		}
	}
}

func (e *errWriter) str(s string) { e.write([]byte(s)) }

// element writes b as an element of an array indented by indent, as
// encoding/json's MarshalIndent lays it out: first says whether it is the
// array's first element, which takes no comma before it.
func (e *errWriter) element(b []byte, indent string, first bool) {
	if first {
		e.str("\n" + indent)
	} else {
		e.str(",\n" + indent)
	}
	e.write(b)
}

type textStream struct{ w io.Writer }

func (s textStream) Write(fs []checker.Finding) error { return Text(s.w, fs) }
func (s textStream) Close(*Run) error                 { return nil }

// jsonStream writes the document of JSON (Document) as encoding/json
// indents it: each finding is an element of "findings", and the summary
// and the rest follow it.
type jsonStream struct {
	ew  errWriter
	n   int
	sum Summary
}

func newJSONStream(w io.Writer, _ *Run) Stream {
	s := &jsonStream{ew: errWriter{w: w}, sum: Summary{ByRule: map[string]int{}}}
	s.ew.str("{\n  \"findings\": [")
	return s
}

func (s *jsonStream) Write(fs []checker.Finding) error {
	for i := range fs {
		b, err := json.MarshalIndent(&fs[i], "    ", "  ")
		if err != nil {
			return err
		}
		s.ew.element(b, "    ", s.n == 0)
		s.sum.Add(fs[i])
		s.n++
	}
	return s.ew.err
}

func (s *jsonStream) Close(end *Run) error {
	if s.n > 0 {
		s.ew.str("\n  ]")
	} else {
		s.ew.str("]")
	}
	s.sum.Files = end.Files
	field := func(name string, v any) {
		b, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil && s.ew.err == nil {
			s.ew.err = err
		}
		s.ew.str(",\n  \"" + name + "\": ")
		s.ew.write(b)
	}
	field("summary", s.sum)
	if len(end.Unchecked) > 0 {
		field("unchecked", end.Unchecked)
	}
	if len(end.Stmts) > 0 {
		field("claims", end.Stmts)
	}
	if end.RulesHash != "" {
		field("rules", end.RulesHash)
	}
	s.ew.str("\n}\n")
	return s.ew.err
}

// sarifStream writes the SARIF log that SARIF builds whole: the log with
// no results, cut where its results go, and each result indented as it
// would be there.
type sarifStream struct {
	ew    errWriter
	root  string
	index map[string]uint
	tail  []byte
	n     int
	// Fingerprint counts; forgotten at each new path when the run's
	// relative paths are unique.
	seen     map[string]int
	lastPath string
	unique   bool
}

// sarifResultsKey is where the results go in the log.
const sarifResultsKey = `"results": [`

func newSARIFStream(w io.Writer, r *Run) Stream {
	s := &sarifStream{ew: errWriter{w: w}, root: r.Root, seen: map[string]int{}, unique: r.RelPathsUnique}
	rep, index, err := sarifLog(r)
	if err != nil {
		s.ew.err = err
		return s
	}
	s.index = index
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		s.ew.err = err
		return s
	}
	at := bytes.Index(b, []byte(sarifResultsKey+"]"))
	if at < 0 || bytes.Count(b, []byte(sarifResultsKey)) != 1 {
		s.ew.err = fmt.Errorf("the SARIF log has no single place for its results")
		return s
	}
	cut := at + len(sarifResultsKey)
	s.ew.write(b[:cut])
	s.tail = b[cut:]
	return s
}

func (s *sarifStream) Write(fs []checker.Finding) error {
	for i := range fs {
		f := &fs[i]
		if s.unique && f.Path != s.lastPath {
			clear(s.seen)
		}
		s.lastPath = f.Path
		key := fingerprintKey(s.root, f)
		fp := fingerprint(key, s.seen[key])
		s.seen[key]++
		b, err := json.MarshalIndent(sarifResult(s.root, s.index, f, fp), "        ", "  ")
		if err != nil {
			return err
		}
		s.ew.element(b, "        ", s.n == 0)
		s.n++
	}
	return s.ew.err
}

func (s *sarifStream) Close(*Run) error {
	if s.n > 0 {
		s.ew.str("\n      ")
	}
	s.ew.write(s.tail)
	return s.ew.err
}

// sarifLog is the SARIF log of a run, with the tool's rules and no
// results, and the index of each rule.
func sarifLog(r *Run) (*sarif.Report, map[string]uint, error) {
	rep, err := sarif.New(sarif.Version210, true)
	if err != nil {
		return nil, nil, err
	}
	driver := &sarif.ToolComponent{
		Name: "claimlint", InformationURI: ptr(InformationURI), Rules: []*sarif.ReportingDescriptor{},
	}
	if r.Version != "" {
		driver.Version = ptr(r.Version)
		if strings.HasPrefix(r.Version, "v") { // a module version; "devel-…" is not semantic
			driver.SemanticVersion = ptr(strings.TrimPrefix(r.Version, "v"))
		}
	}
	index := map[string]uint{}
	for _, rule := range checker.Rules {
		index[rule.ID] = uint(len(driver.Rules))
		help := fmt.Sprintf("%s\n\nReported: %s\nRight: %s\nLedger fields: %s", rule.Doc, rule.Bad, rule.Good, rule.Fields)
		driver.Rules = append(driver.Rules, &sarif.ReportingDescriptor{
			ID:                   rule.ID,
			Name:                 ptr(rule.ID),
			ShortDescription:     text(rule.Title),
			FullDescription:      text(strings.Join(strings.Fields(rule.Doc), " ")),
			Help:                 text(help),
			HelpURI:              ptr(RuleURI(rule.ID)),
			DefaultConfiguration: &sarif.ReportingConfiguration{Level: sarifLevel[rule.Severity]},
		})
	}
	rep.AddRun(&sarif.Run{Tool: sarif.Tool{Driver: driver}, Results: []*sarif.Result{}, ColumnKind: "unicodeCodePoints"})
	return rep, index, nil
}

// sarifResult is a finding as a SARIF result.
func sarifResult(root string, index map[string]uint, f *checker.Finding, fingerprint string) *sarif.Result {
	uri := ArtifactURI(root, f.Path)
	region := &sarif.Region{StartLine: ptr(f.Line), StartColumn: ptr(f.Column), EndLine: ptr(f.EndLine), EndColumn: ptr(f.EndColumn)}
	res := &sarif.Result{
		RuleID:  ptr(f.Rule),
		Level:   ptr(sarifLevel[f.Severity]),
		Message: sarif.Message{Text: ptr(f.Message)},
		Locations: []*sarif.Location{{PhysicalLocation: &sarif.PhysicalLocation{
			ArtifactLocation: &sarif.ArtifactLocation{URI: ptr(uri)},
			Region:           region,
		}}},
		PartialFingerprints: map[string]interface{}{"claimlint/v1": fingerprint},
	}
	if ix, ok := index[f.Rule]; ok {
		res.RuleIndex = ptr(ix)
	}
	if f.Evidence != nil && !f.Evidence.Pos.IsZero() {
		res.RelatedLocations = append(res.RelatedLocations, evidenceLocation(root, f.Evidence))
	}
	for _, rel := range f.Related {
		res.RelatedLocations = append(res.RelatedLocations, &sarif.Location{
			PhysicalLocation: &sarif.PhysicalLocation{
				ArtifactLocation: &sarif.ArtifactLocation{URI: ptr(ArtifactURI(root, rel.Path))},
				Region:           &sarif.Region{StartLine: ptr(rel.Line), StartColumn: ptr(rel.Column), EndLine: ptr(rel.EndLine), EndColumn: ptr(rel.EndColumn)},
			},
			Message: &sarif.Message{Text: ptr(rel.Message)},
		})
	}
	if f.Fix != nil {
		res.Fixes = append(res.Fixes, &sarif.Fix{
			Description: &sarif.Message{Text: ptr(f.Fix.Describe())},
			ArtifactChanges: []*sarif.ArtifactChange{{
				ArtifactLocation: sarif.ArtifactLocation{URI: ptr(uri)},
				Replacements: []*sarif.Replacement{{
					DeletedRegion:   sarif.Region{ByteOffset: ptr(f.Fix.Offset), ByteLength: ptr(f.Fix.EndOffset - f.Fix.Offset)},
					InsertedContent: &sarif.ArtifactContent{Text: ptr(f.Fix.Replacement)},
				}},
			}},
		})
	}
	return res
}

// githubStream writes a workflow command a finding, and at Close the step
// summary when GITHUB_STEP_SUMMARY names a file.
type githubStream struct {
	w       io.Writer
	root    string
	summary *stepSummary // nil: no step summary
}

func newGitHubStream(w io.Writer, r *Run) Stream {
	s := &githubStream{w: w, root: r.Root}
	if os.Getenv("GITHUB_STEP_SUMMARY") != "" {
		s.summary = newStepSummary(r.Root, 20)
	}
	return s
}

func (s *githubStream) Write(fs []checker.Finding) error {
	for _, f := range fs {
		_, err := fmt.Fprintf(s.w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			ghLevel[f.Severity], escapeProperty(RelPath(s.root, f.Path)), f.Line, f.Column, f.EndLine, f.EndColumn,
			escapeProperty("claimlint "+f.Rule), escapeData(f.Message))
		if err != nil {
			return err
		}
		if s.summary != nil {
			s.summary.add(f)
		}
	}
	return nil
}

func (s *githubStream) Close(end *Run) error {
	path := os.Getenv("GITHUB_STEP_SUMMARY")
	if s.summary == nil || path == "" {
		return nil
	}
	sf, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("step summary: %w", err)
	}
	defer sf.Close()
	return s.summary.write(sf, end.Files)
}

// stepSummary gathers what StepSummary writes: counts by rule and by file,
// and the first findings. The counts by file are a path and a number a
// file, in the order of the paths relative to the root; when the findings
// come in another order (paths given both absolute and relative), they are
// sorted at the end.
type stepSummary struct {
	root   string
	first  int
	sum    Summary
	files  []fileCount
	sorted bool
	head   []checker.Finding
	total  int
}

type fileCount struct {
	rel string
	n   int
}

func newStepSummary(root string, first int) *stepSummary {
	return &stepSummary{root: root, first: first, sum: Summary{ByRule: map[string]int{}}, sorted: true}
}

func (s *stepSummary) add(f checker.Finding) {
	s.sum.Add(f)
	rel := RelPath(s.root, f.Path)
	switch n := len(s.files); {
	case n > 0 && s.files[n-1].rel == rel:
		s.files[n-1].n++
	default:
		if n > 0 && rel < s.files[n-1].rel {
			s.sorted = false
		}
		s.files = append(s.files, fileCount{rel, 1})
	}
	if len(s.head) < s.first {
		s.head = append(s.head, f)
	}
	s.total++
}

func (s *stepSummary) write(w io.Writer, files int) error {
	s.sum.Files = files
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## claimlint\n\n%s.\n\n", s.sum.Line()) // "1 file checked: 1 error, …", as on stderr
	if s.total == 0 {
		bw.WriteString("No findings.\n")
		return bw.Flush()
	}
	bw.WriteString("| rule | findings |\n| --- | ---: |\n")
	for _, k := range sortedKeys(s.sum.ByRule) {
		fmt.Fprintf(bw, "| `%s` | %d |\n", k, s.sum.ByRule[k])
	}
	bw.WriteString("\n| file | findings |\n| --- | ---: |\n")
	if s.sorted {
		for _, fc := range s.files {
			fmt.Fprintf(bw, "| %s | %d |\n", mdCell(fc.rel), fc.n)
		}
	} else {
		byFile := map[string]int{}
		for _, fc := range s.files {
			byFile[fc.rel] += fc.n
		}
		for _, k := range sortedKeys(byFile) {
			fmt.Fprintf(bw, "| %s | %d |\n", mdCell(k), byFile[k])
		}
	}
	fmt.Fprintf(bw, "\n### First findings\n\n| where | rule | message |\n| --- | --- | --- |\n")
	for _, f := range s.head {
		fmt.Fprintf(bw, "| %s:%d:%d | `%s` | %s |\n", mdCell(RelPath(s.root, f.Path)), f.Line, f.Column, f.Rule, mdCell(f.Message))
	}
	if s.total > s.first {
		fmt.Fprintf(bw, "\n… and %d more.\n", s.total-s.first)
	}
	return bw.Flush()
}

type rdjsonlStream struct {
	enc  *json.Encoder
	root string
}

func newRDJSONLStream(w io.Writer, r *Run) Stream {
	return &rdjsonlStream{enc: json.NewEncoder(w), root: r.Root}
}

func (s *rdjsonlStream) Write(fs []checker.Finding) error {
	for _, f := range fs {
		if err := s.enc.Encode(rdDiagnosticOf(s.root, f)); err != nil {
			return err
		}
	}
	return nil
}

func (s *rdjsonlStream) Close(*Run) error { return nil }

// checkstyleStream writes the checkstyle document a <file> at a time,
// through one XML encoder, as Checkstyle encodes it whole.
type checkstyleStream struct {
	ew   errWriter
	enc  *xml.Encoder
	file *csFile // the file being gathered
}

var checkstyleStart = xml.StartElement{Name: xml.Name{Local: "checkstyle"}, Attr: []xml.Attr{{Name: xml.Name{Local: "version"}, Value: "4.3"}}}

func newCheckstyleStream(w io.Writer, _ *Run) Stream {
	s := &checkstyleStream{ew: errWriter{w: w}}
	s.ew.str(xml.Header)
	s.enc = xml.NewEncoder(w)
	s.enc.Indent("", "  ")
	if s.ew.err == nil {
		s.ew.err = s.enc.EncodeToken(checkstyleStart)
	}
	return s
}

func (s *checkstyleStream) Write(fs []checker.Finding) error {
	for _, f := range fs {
		if s.file != nil && s.file.Name != f.Path {
			s.flush()
		}
		if s.file == nil {
			s.file = &csFile{Name: f.Path}
		}
		s.file.Errors = append(s.file.Errors, csError{f.Line, f.Column, f.Severity, f.Message, "claimlint." + f.Rule})
	}
	return s.ew.err
}

func (s *checkstyleStream) flush() {
	if s.file != nil && s.ew.err == nil {
		s.ew.err = s.enc.EncodeElement(s.file, xml.StartElement{Name: xml.Name{Local: "file"}})
	}
	s.file = nil
}

func (s *checkstyleStream) Close(*Run) error {
	s.flush()
	if s.ew.err == nil {
		s.ew.err = s.enc.EncodeToken(checkstyleStart.End())
	}
	if s.ew.err == nil {
		s.ew.err = s.enc.Flush()
	}
	s.ew.str("\n")
	return s.ew.err
}
