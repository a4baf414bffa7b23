package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/sarifschema"
)

func sample(root string) *Run {
	return &Run{Root: root, Files: 2, Version: "v1.2.3", Findings: []checker.Finding{
		{Path: filepath.Join(root, "seeds", "a,b.md"), Line: 4, Column: 20, EndLine: 4, EndColumn: 26, Offset: 40, EndOffset: 46,
			ByteCol: 20, EndByteCol: 26, Rule: "event-date", Severity: checker.Error,
			Message: "the A–B call was on Monday 2025-02-24, not Friday (2025-02-21)\n100% sure", Found: "Friday",
			Evidence: &checker.Evidence{ID: "call-1", Pos: ledger.Pos{File: "rules/events.yaml", Line: 12, Col: 5}, Sources: []ledger.Source{{Outlet: "x"}}},
			Fix:      &checker.Fix{Offset: 40, EndOffset: 46, Replacement: "Monday", Message: `Replace "Friday" with "Monday"`},
			Related:  []checker.Related{{Path: filepath.Join(root, "seeds", "c.md"), Line: 7, Column: 3, EndLine: 7, EndColumn: 9, Message: "seeds/c.md says Monday 2025-02-24"}}},
		{Path: filepath.Join(root, "seeds", "b.md"), Line: 1, Column: 1, EndLine: 1, EndColumn: 1, ByteCol: 1, EndByteCol: 1,
			Rule: "missing-date", Severity: checker.Info, Message: "no publication date"},
	}}
}

func TestSARIFValidatesAgainstTheSchema(t *testing.T) {
	wd, _ := os.Getwd()
	schema := sarifschema.Path(wd)
	if _, err := os.Stat(schema); err != nil {
		t.Skipf("the SARIF 2.1.0 schema is not at %s (it lives in ../shared/schemas beside the repository)", schema)
	}
	var buf bytes.Buffer
	require.NoError(t, SARIF(&buf, sample("/repo")))
	require.NoError(t, sarifschema.Validate(schema, buf.Bytes()))

	var doc struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID                   string
						ShortDescription     struct{ Text string }
						DefaultConfiguration struct{ Level string }
						Help                 struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID              string
				Level               string
				PartialFingerprints map[string]string
				RelatedLocations    []struct {
					Message          struct{ Text string }
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
				Fixes []struct {
					Description     struct{ Text string }
					ArtifactChanges []struct {
						Replacements []struct {
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	run := doc.Runs[0]
	assert.Equal(t, "unicodeCodePoints", run.ColumnKind)
	assert.Equal(t, "claimlint", run.Tool.Driver.Name)
	assert.Equal(t, "v1.2.3", run.Tool.Driver.Version)
	assert.Len(t, run.Tool.Driver.Rules, len(checker.Rules))
	assert.Equal(t, "event-date", run.Tool.Driver.Rules[2].ID)
	assert.Equal(t, "error", run.Tool.Driver.Rules[2].DefaultConfiguration.Level)
	assert.Contains(t, run.Tool.Driver.Rules[2].Help.Text, "Reported: ")
	r := run.Results[0]
	assert.Equal(t, "seeds/a,b.md", r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, 20, r.Locations[0].PhysicalLocation.Region.StartColumn)
	assert.Equal(t, "Monday", r.Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text)
	assert.Equal(t, `Replace "Friday" with "Monday"`, r.Fixes[0].Description.Text, "the fix's own message")
	assert.Len(t, r.PartialFingerprints["claimlint/v1"], 32)
	// The ledger entry, then what other articles say.
	require.Len(t, r.RelatedLocations, 2)
	assert.Equal(t, "rules/events.yaml", r.RelatedLocations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, "seeds/c.md", r.RelatedLocations[1].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, 7, r.RelatedLocations[1].PhysicalLocation.Region.StartLine)
	assert.Equal(t, "seeds/c.md says Monday 2025-02-24", r.RelatedLocations[1].Message.Text)
	assert.Equal(t, "note", run.Results[1].Level)
}

func TestFingerprintsIgnoreLinesAndFollowText(t *testing.T) {
	a := checker.Finding{Path: "/r/a.md", Rule: "event-date", Found: "Friday", Line: 3}
	b := a
	b.Line = 30
	assert.Equal(t, Fingerprints("/r", []checker.Finding{a}), Fingerprints("/r", []checker.Finding{b}))
	c := a
	c.Found = "Thursday"
	assert.NotEqual(t, Fingerprints("/r", []checker.Finding{a}), Fingerprints("/r", []checker.Finding{c}))
	two := Fingerprints("/r", []checker.Finding{a, b})
	assert.NotEqual(t, two[0], two[1], "a repeated claim gets a second fingerprint")
}

func TestGitHubEscapesAndSummarizes(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	var buf bytes.Buffer
	require.NoError(t, GitHub(&buf, sample("/repo")))
	assert.Equal(t,
		"::error file=seeds/a%2Cb.md,line=4,col=20,endLine=4,endColumn=26,title=claimlint event-date::the A–B call was on Monday 2025-02-24, not Friday (2025-02-21)%0A100%25 sure\n"+
			"::notice file=seeds/b.md,line=1,col=1,endLine=1,endColumn=1,title=claimlint missing-date::no publication date\n",
		buf.String())
	md, err := os.ReadFile(summary)
	require.NoError(t, err)
	assert.Contains(t, string(md), "## claimlint\n\n2 files checked: 1 error, 0 warnings, 1 info.")
	assert.Contains(t, string(md), "| `event-date` | 1 |")
	assert.Contains(t, string(md), "| seeds/a,b.md:4:20 | `event-date` | the A–B call was on Monday 2025-02-24, not Friday (2025-02-21) 100% sure |")
}

func TestRDJSONL(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, RDJSONL(&buf, sample("/repo")))
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 2)
	var d map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &d))
	assert.Equal(t, "ERROR", d["severity"])
	assert.Equal(t, "seeds/a,b.md", d["location"].(map[string]any)["path"])
	assert.Equal(t, map[string]any{"value": "event-date", "url": RuleURI("event-date")}, d["code"])
	sugg := d["suggestions"].([]any)[0].(map[string]any)
	assert.Equal(t, "Monday", sugg["text"])
	assert.Equal(t, map[string]any{"start": map[string]any{"line": 4.0, "column": 20.0}, "end": map[string]any{"line": 4.0, "column": 26.0}}, sugg["range"])
}

func TestCheckstyle(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Checkstyle(&buf, sample("/repo")))
	var doc struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Severity string `xml:"severity,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc))
	require.Len(t, doc.Files, 2)
	assert.Equal(t, "claimlint.event-date", doc.Files[0].Errors[0].Source)
	assert.Equal(t, "info", doc.Files[1].Errors[0].Severity)
}

// TestSARIFURIsArePercentEncoded: an artifact location is a URI reference,
// so "#", "?", "%" and spaces in a file name are percent-encoded (code
// scanning pointed at the wrong file without), and a name that starts with
// ".." is still inside the repository.
func TestSARIFURIsArePercentEncoded(t *testing.T) {
	for name, want := range map[string]string{
		"issue#3.md":     "issue%233.md",
		"rise 50%25.md":  "rise%2050%2525.md",
		"what?.md":       "what%3F.md",
		"..dotdot.md":    "..dotdot.md",
		"a:b.md":         "./a:b.md",
		"sub/é ü.md":     "sub/%C3%A9%20%C3%BC.md",
		"../outside.md":  "file:///outside.md",
		"plain/file.txt": "plain/file.txt",
	} {
		var buf bytes.Buffer
		r := &Run{Root: "/repo", Findings: []checker.Finding{{Path: filepath.Join("/repo", name), Line: 1, Column: 1, EndLine: 1, EndColumn: 2,
			Rule: "missing-date", Severity: checker.Info, Message: "m"}}}
		require.NoError(t, SARIF(&buf, r))
		var doc struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
					}
				}
			}
		}
		require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
		assert.Equal(t, want, doc.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI, name)
	}
}

// TestRelPathDotDotNames: "..dotdot.md" is a file in the root, not a path
// out of it, so its fingerprint does not depend on how it was typed.
func TestRelPathDotDotNames(t *testing.T) {
	assert.Equal(t, "..dotdot.md", RelPath("/r", "/r/..dotdot.md"))
	assert.Equal(t, "..d/x.md", RelPath("/r", "/r/..d/x.md"))
	assert.Equal(t, "/x.md", RelPath("/r", "/x.md"))
	f := checker.Finding{Path: "/r/..dotdot.md", Rule: "event-date", Found: "Friday"}
	g := f
	g.Path = "/r/sub/../..dotdot.md"
	assert.Equal(t, Fingerprints("/r", []checker.Finding{f}), Fingerprints("/r", []checker.Finding{g}))
}
