package report

// The formats as they were written whole, before they were streamed
// (revision 8296080): the reference the streams are held to, byte for
// byte, in TestStreamsWriteWhatTheWholeRunWrote.

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/claimlint/claimlint/checker"
)

func refJSON(w io.Writer, r *Run) error {
	fs := r.Findings
	if fs == nil {
		fs = []checker.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(Document{fs, Summarize(r.Files, fs), r.Unchecked, r.Stmts, r.RulesHash})
}

func refSARIF(w io.Writer, r *Run) error {
	rep, err := sarif.New(sarif.Version210, true)
	if err != nil {
		return err
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
	run := &sarif.Run{Tool: sarif.Tool{Driver: driver}, Results: []*sarif.Result{}, ColumnKind: "unicodeCodePoints"}
	fps := Fingerprints(r.Root, r.Findings)
	for i, f := range r.Findings {
		uri := ArtifactURI(r.Root, f.Path)
		region := &sarif.Region{StartLine: ptr(f.Line), StartColumn: ptr(f.Column), EndLine: ptr(f.EndLine), EndColumn: ptr(f.EndColumn)}
		res := &sarif.Result{
			RuleID:  ptr(f.Rule),
			Level:   ptr(sarifLevel[f.Severity]),
			Message: sarif.Message{Text: ptr(f.Message)},
			Locations: []*sarif.Location{{PhysicalLocation: &sarif.PhysicalLocation{
				ArtifactLocation: &sarif.ArtifactLocation{URI: ptr(uri)},
				Region:           region,
			}}},
			PartialFingerprints: map[string]interface{}{"claimlint/v1": fps[i]},
		}
		if ix, ok := index[f.Rule]; ok {
			res.RuleIndex = ptr(ix)
		}
		if f.Evidence != nil && !f.Evidence.Pos.IsZero() {
			res.RelatedLocations = append(res.RelatedLocations, evidenceLocation(r.Root, f.Evidence))
		}
		for _, rel := range f.Related {
			res.RelatedLocations = append(res.RelatedLocations, &sarif.Location{
				PhysicalLocation: &sarif.PhysicalLocation{
					ArtifactLocation: &sarif.ArtifactLocation{URI: ptr(ArtifactURI(r.Root, rel.Path))},
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
		run.Results = append(run.Results, res)
	}
	rep.AddRun(run)
	return rep.PrettyWrite(w)
}

func refGitHub(w io.Writer, r *Run) error {
	for _, f := range r.Findings {
		_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			ghLevel[f.Severity], escapeProperty(RelPath(r.Root, f.Path)), f.Line, f.Column, f.EndLine, f.EndColumn,
			escapeProperty("claimlint "+f.Rule), escapeData(f.Message))
		if err != nil {
			return err
		}
	}
	if path := os.Getenv("GITHUB_STEP_SUMMARY"); path != "" {
		sf, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return fmt.Errorf("step summary: %w", err)
		}
		defer sf.Close()
		return refStepSummary(sf, r, 20)
	}
	return nil
}

// StepSummary writes a Markdown summary: counts by rule and by file, then the
// first findings.
func refStepSummary(w io.Writer, r *Run, first int) error {
	s := Summarize(r.Files, r.Findings)
	var b strings.Builder
	fmt.Fprintf(&b, "## claimlint\n\n%s.\n\n", s.Line()) // "1 file checked: 1 error, …", as on stderr
	if len(r.Findings) == 0 {
		b.WriteString("No findings.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString("| rule | findings |\n| --- | ---: |\n")
	for _, k := range sortedKeys(s.ByRule) {
		fmt.Fprintf(&b, "| `%s` | %d |\n", k, s.ByRule[k])
	}
	byFile := map[string]int{}
	for _, f := range r.Findings {
		byFile[RelPath(r.Root, f.Path)]++
	}
	b.WriteString("\n| file | findings |\n| --- | ---: |\n")
	for _, k := range sortedKeys(byFile) {
		fmt.Fprintf(&b, "| %s | %d |\n", mdCell(k), byFile[k])
	}
	fmt.Fprintf(&b, "\n### First findings\n\n| where | rule | message |\n| --- | --- | --- |\n")
	for i, f := range r.Findings {
		if i == first {
			fmt.Fprintf(&b, "\n… and %d more.\n", len(r.Findings)-first)
			break
		}
		fmt.Fprintf(&b, "| %s:%d:%d | `%s` | %s |\n", mdCell(RelPath(r.Root, f.Path)), f.Line, f.Column, f.Rule, mdCell(f.Message))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell writes s as the text of a Markdown table cell: control
// characters escaped (CleanLine), and what Markdown or HTML would read as

func refRDJSONL(w io.Writer, r *Run) error {
	enc := json.NewEncoder(w)
	for _, f := range r.Findings {
		var d rdDiagnostic
		d.Message = f.Message
		d.Location.Path = RelPath(r.Root, f.Path)
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
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	return nil
}

func refCheckstyle(w io.Writer, r *Run) error {
	doc := struct {
		XMLName xml.Name `xml:"checkstyle"`
		Version string   `xml:"version,attr"`
		Files   []csFile `xml:"file"`
	}{Version: "4.3"}
	for _, f := range r.Findings {
		if len(doc.Files) == 0 || doc.Files[len(doc.Files)-1].Name != f.Path {
			doc.Files = append(doc.Files, csFile{Name: f.Path})
		}
		last := &doc.Files[len(doc.Files)-1]
		last.Errors = append(last.Errors, csError{f.Line, f.Column, f.Severity, f.Message, "claimlint." + f.Rule})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
