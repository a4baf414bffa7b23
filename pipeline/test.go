package pipeline

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/expect"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/internal/runner"
)

// TestOptions say what Test checks and how strictly.
type TestOptions struct {
	// Paths are the annotated articles and folders; with none, the
	// config's tests:, else its paths:, else the working directory.
	Paths []string
	// Rules are the rule files; nil: LoadRules(nil, Config).
	Rules *Rules
	// Config is .claimlint.yaml; nil: none. Only its tests:, paths:
	// and published: are read: expectations are met against the findings as
	// the checks make them, without the config's severities.
	Config *config.Config
	// Published is the publication date of articles whose front matter
	// and config give none.
	Published civil.Date
	// AllowMissed measures instead of requiring: an unmet expectation is
	// reported and counted but does not fail the run, and an annotation
	// naming a rule this claimlint does not have (one still to come) is an
	// unmet expectation rather than an error. Unexpected findings still
	// fail the run.
	AllowMissed bool
}

// TestResult is what Test found.
type TestResult struct {
	Files int // files found under the paths
	Wants int // expectations read (without those Errors reports)
	// Failures are the unmet expectations and the unexpected findings,
	// file by file in the order the files were found, each file's sorted
	// by position, as expect.Compare gives them.
	Failures []expect.Failure
	// Unexpected are the findings no expectation asked for, in the same
	// order; Missed the expectations no finding met.
	Unexpected []checker.Finding
	Missed     []Missed
	// Scores count, per check, the expectations met and missed and the
	// unexpected findings: in the order of checker.Rules, then rules this
	// claimlint does not have (AllowMissed), by name; only checks with an
	// expectation or an unexpected finding.
	Scores []Score
	// RuleTests is how many tests the rule files hold; Specs are those
	// that failed.
	RuleTests int
	Specs     []checker.SpecFailure
	// Errors are the files that could not be read or parsed, malformed
	// annotations, and (without AllowMissed) annotations naming an unknown
	// rule.
	Errors []error

	allowMissed bool
}

// Missed is an expectation that no finding met.
type Missed struct {
	Path string
	expect.Want
}

// Score is one check's row of the table claimlint test prints.
type Score struct {
	Rule string
	// Known is false for a rule this claimlint does not have: every
	// expectation of it is missed.
	Known                          bool
	Wants, Met, Missed, Unexpected int
}

// Failed reports whether the run fails: an unexpected finding or a failed
// rule-file test, or, without AllowMissed, an unmet expectation.
func (r *TestResult) Failed() bool {
	return len(r.Unexpected) > 0 || len(r.Specs) > 0 || len(r.Missed) > 0 && !r.allowMissed
}

// Exit is claimlint test's exit status: 2 when a file or an annotation
// could not be read, else 1 when the run failed, else 0.
func (r *TestResult) Exit() int {
	switch {
	case len(r.Errors) > 0:
		return 2
	case r.Failed():
		return 1
	}
	return 0
}

// Total is the sum of the Scores, under the rule "total".
func (r *TestResult) Total() Score {
	t := Score{Rule: "total", Known: true}
	for _, s := range r.Scores {
		t.Wants += s.Wants
		t.Met += s.Met
		t.Missed += s.Missed
		t.Unexpected += s.Unexpected
	}
	return t
}

// Test checks annotated example articles, as claimlint test does, and
// holds the findings to the `<!-- want RULE "regexp" -->` annotations in
// them (package expect): every expectation must be met by a finding of
// its rule on its line whose message matches, and every finding must be
// expected. The articles are compared with each other (cross-source) as a
// run compares them; no other processor applies. The rule files' tests
// run too. An error is a run that could not start (rule files, paths).
func Test(opt TestOptions) (*TestResult, error) {
	cfg := opt.Config
	if opt.Rules == nil {
		r, err := LoadRules(nil, cfg)
		if err != nil {
			return nil, err
		}
		opt.Rules = r
	}
	l := opt.Rules.Ledger
	files, err := runner.Collect(TestPaths(opt.Paths, cfg))
	if err != nil {
		return nil, err
	}
	c := checker.New(l)
	res := &TestResult{Files: len(files), RuleTests: len(l.Tests), allowMissed: opt.AllowMissed}
	// Every file is checked first: cross-source compares them all.
	type checked struct {
		path string
		ws   []expect.Want
	}
	var done []checked
	set := &Set{}
	for a, err := range Articles(files, cfg, article.Options{Published: opt.Published}) {
		if err == nil {
			var ws []expect.Want
			ws, err = expect.Parse(a.Path, a.Src)
			if err == nil {
				ws = res.knownRules(a.Path, ws, opt.AllowMissed)
				res.Wants += len(ws)
				ss, fs := corpus.Statements(c, a)
				set.Stmts = append(set.Stmts, ss...)
				set.Findings = append(set.Findings, fs...)
				done = append(done, checked{a.Path, ws})
			}
		}
		if err != nil {
			res.Errors = append(res.Errors, err)
		}
	}
	set.Articles = len(done)
	if err := Process([]Processor{CrossSource(l, cfg)}, set); err != nil {
		return nil, err
	}
	byPath := map[string][]checker.Finding{}
	for _, f := range set.Findings {
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	scores := map[string]*Score{}
	score := func(rule string) *Score {
		s := scores[rule]
		if s == nil {
			_, known := checker.RuleByID(rule)
			s = &Score{Rule: rule, Known: known}
			scores[rule] = s
		}
		return s
	}
	for _, d := range done {
		fs := byPath[d.path]
		checker.SortFindings(fs)
		fails := expect.Compare(d.path, d.ws, fs)
		res.Failures = append(res.Failures, fails...)
		// Compare matches a finding only to an expectation of its own
		// rule, so comparing rule by rule gives the same matches, and
		// tells which check each failure belongs to.
		n := 0
		var missedHere []Missed
		var unexpectedHere []checker.Finding
		for _, rule := range rulesOf(d.ws, fs) {
			var ws []expect.Want
			for _, w := range d.ws {
				if w.Rule == rule {
					ws = append(ws, w)
				}
			}
			var rfs []checker.Finding
			for _, f := range fs {
				if f.Rule == rule {
					rfs = append(rfs, f)
				}
			}
			rfails := expect.Compare(d.path, ws, rfs)
			n += len(rfails)
			missed, unexpected, ok := split(ws, rfs, rfails)
			if !ok {
				return nil, fmt.Errorf("%s: the failures of rule %s cannot be told apart: expect.Compare no longer reports them as claimlint test counts them", d.path, rule)
			}
			s := score(rule)
			s.Wants += len(ws)
			s.Met += len(ws) - len(missed)
			s.Missed += len(missed)
			s.Unexpected += len(unexpected)
			for _, w := range missed {
				missedHere = append(missedHere, Missed{d.path, w})
			}
			unexpectedHere = append(unexpectedHere, unexpected...)
		}
		slices.SortStableFunc(missedHere, func(a, b Missed) int { return cmp.Or(cmp.Compare(a.At, b.At), cmp.Compare(a.Col, b.Col)) })
		checker.SortFindings(unexpectedHere)
		res.Missed = append(res.Missed, missedHere...)
		res.Unexpected = append(res.Unexpected, unexpectedHere...)
		if n != len(fails) {
			return nil, fmt.Errorf("%s: %d failures compared rule by rule, %d at once: expect.Compare no longer matches findings to expectations of their own rule only", d.path, n, len(fails))
		}
	}
	for _, id := range RuleIDs() {
		if s := scores[id]; s != nil {
			res.Scores = append(res.Scores, *s)
			delete(scores, id)
		}
	}
	for _, rule := range slices.Sorted(maps.Keys(scores)) {
		res.Scores = append(res.Scores, *scores[rule])
	}
	res.Specs = c.RunSpecs()
	return res, nil
}

// knownRules returns the expectations of ws whose rule claimlint has.
// Those naming another rule are errors, unless allowMissed keeps them:
// then no finding can meet them, and they count as missed.
func (r *TestResult) knownRules(path string, ws []expect.Want, allowMissed bool) []expect.Want {
	if allowMissed {
		return ws
	}
	out := ws[:0:0]
	for _, w := range ws {
		if _, ok := checker.RuleByID(w.Rule); !ok {
			r.Errors = append(r.Errors, fmt.Errorf("%s:%d:%d: the annotation names unknown rule %q (claimlint rules lists them; --allow-missed counts it as missed)", path, w.At, w.Col, w.Rule))
			continue
		}
		out = append(out, w)
	}
	return out
}

// rulesOf lists the rules of ws and fs, each once.
func rulesOf(ws []expect.Want, fs []checker.Finding) []string {
	var rules []string
	for _, w := range ws {
		if !slices.Contains(rules, w.Rule) {
			rules = append(rules, w.Rule)
		}
	}
	for _, f := range fs {
		if !slices.Contains(rules, f.Rule) {
			rules = append(rules, f.Rule)
		}
	}
	return rules
}

// split sorts out fails, from comparing ws and fs of one rule: the
// expectations left unmet (a failure at an annotation's position: each
// annotation has its own) and the findings reported unexpected (a failure
// at a finding's position with its message), each in order. ok is false
// when the failures are not all accounted for so, or when the counts do not
// say that each match took one expectation and one finding.
func split(ws []expect.Want, fs []checker.Finding, fails []expect.Failure) (missed []expect.Want, unexpected []checker.Finding, ok bool) {
	usedF := make([]bool, len(fs))
	for _, fl := range fails {
		found := false
		if strings.HasPrefix(fl.Msg, "unexpected finding: ") {
			for i, f := range fs {
				if !usedF[i] && fl.Line == f.Line && fl.Col == f.Column && strings.Contains(fl.Msg, f.Message) {
					usedF[i], found = true, true
					unexpected = append(unexpected, f)
					break
				}
			}
		} else {
			for _, w := range ws {
				if fl.Line == w.At && fl.Col == w.Col {
					found = true
					missed = append(missed, w)
					break
				}
			}
		}
		if !found {
			return nil, nil, false
		}
	}
	return missed, unexpected, len(ws)-len(missed) == len(fs)-len(unexpected)
}
