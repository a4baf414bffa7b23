package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/internal/report"
)

// Shards are the JSON outputs of several runs, such as the shards of one
// run, read for Merge.
type Shards struct {
	findings  []checker.Finding
	files     int
	unchecked []string // why each file a shard could not check was not
	stmts     []corpus.Stmt
	carried   bool
	hashes    map[string]string // rules hash → a file that has it
}

// ReadShards reads the --format json outputs at paths.
func ReadShards(paths []string) (*Shards, error) {
	s := &Shards{hashes: map[string]string{}}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var doc report.Document
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&doc); err != nil {
			return nil, fmt.Errorf("%s: not the --format json output of claimlint: %v", path, err)
		}
		s.findings = append(s.findings, doc.Findings...)
		s.files += doc.Summary.Files
		s.unchecked = append(s.unchecked, doc.Unchecked...)
		s.stmts = append(s.stmts, doc.Stmts...)
		s.carried = s.carried || doc.Stmts != nil
		if doc.Rules != "" {
			s.hashes[doc.Rules] = path
		}
	}
	return s, nil
}

// Compare reports whether the shards carry the event claims of their
// articles, which Merge compares across them: then it needs the rules (and
// config) the shards were checked with.
func (s *Shards) Compare() bool { return s.carried }

// Merge writes the shards as one run, in opt's Outputs on opt.Stdout: their
// findings sorted as a single run sorts them, counts added up. When the
// shards carry their event claims, it compares them across all the shards
// as a single run would, with opt.Rules and opt.Config, which must be those
// the shards used: it runs the cross-source processor, and the findings it
// makes through the processors after it that a shard's run had (the
// shards' findings have been through them already). The files a shard
// could not check are written to Stderr and are the Result's Errors, and
// Failed says whether a finding reached opt.FailLevel (or the config's),
// so the Result's Exit is the exit status of one run over all the files.
func Merge(s *Shards, opt Options) (*Result, error) {
	if err := CanMerge(opt.Outputs); err != nil {
		return nil, err
	}
	failLevel := opt.FailLevel
	if failLevel == "" && opt.Config != nil {
		failLevel = opt.Config.FailLevel
	}
	if failLevel == "" {
		failLevel = checker.Error
	}
	if checker.SeverityRank(failLevel) == 0 {
		return nil, fmt.Errorf("unknown fail level %q: want error, warning or info", failLevel)
	}
	var errs []error
	for _, msg := range s.unchecked {
		fmt.Fprintln(opt.stderr(), "claimlint: "+report.CleanLine(msg))
		errs = append(errs, errors.New(msg))
	}
	set := &Set{Findings: s.findings, Articles: s.files, Stmts: s.stmts}
	if s.carried {
		if opt.Rules == nil {
			r, err := LoadRules(nil, opt.Config)
			if err != nil {
				return nil, err
			}
			opt.Rules = r
		}
		hash := opt.Rules.Hash()
		for h, path := range s.hashes {
			if h != hash {
				return nil, fmt.Errorf("%s was checked with other rules than these: give merge the shards' --rules and --config", path)
			}
		}
		// Compare the articles of all the shards, as one run does
		// (shards compare nothing themselves).
		x := CrossSource(opt.Rules.Ledger, opt.Config).(*crossSource)
		made := &Set{Findings: x.compare(set)}
		if err := Severities(opt.Config).Process(made); err != nil {
			return nil, err
		}
		set.Findings = append(set.Findings, made.Findings...)
	}
	checker.SortFindings(set.Findings)
	run := &report.Run{Findings: set.Findings, Files: s.files, Root: opt.root(), Version: Version(), Unchecked: s.unchecked}
	if err := writeOutputs(opt.stdout(), opt.Outputs, run); err != nil {
		return nil, err
	}
	r := &Result{Findings: set.Findings, Files: s.files, Errors: errs}
	for _, f := range set.Findings {
		r.Failed = r.Failed || checker.SeverityRank(f.Severity) >= checker.SeverityRank(failLevel)
	}
	return r, nil
}
