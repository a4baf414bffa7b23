package pipeline

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/rec"
	"github.com/claimlint/claimlint/internal/report"
	"github.com/claimlint/claimlint/internal/runner"
)

// streamsSorted reports whether a run writes its outputs in flat memory,
// with the very bytes of a run that holds every finding: when every output
// can be streamed (all but html and claimreview), every processor is
// cross-source, ledger-lint or severities, and it reads no standard input.
// A shard that compares articles holds them (its JSON carries its
// statements, sorted), and so does a SARIF log when two paths of the run
// could be the same file relative to the root (its fingerprints count
// findings per relative path).
func streamsSorted(opt Options, ps []Processor, paths []string, root func() string) bool {
	if opt.Stdin != nil || opt.Diff || len(opt.Outputs) == 0 {
		return false
	}
	sarif := false
	for _, out := range opt.Outputs {
		f, ok := report.LookupFormat(out.Format)
		if !ok || f.Stream == nil {
			return false
		}
		sarif = sarif || out.Format == "sarif"
	}
	for _, p := range ps {
		switch p.(type) {
		case *crossSource, ledgerLint, severities:
		default:
			return false
		}
	}
	if opt.Shards > 1 && crossSourceOn(opt.Config) {
		return false
	}
	if sarif {
		if opt.LintRules {
			// A rule file's findings share a relative path with an
			// article's only when the file is checked as an article too:
			// found in a folder (an article's name), or named.
			named := map[string]bool{}
			for _, p := range paths {
				named[filepath.Base(p)] = true
			}
			for _, f := range opt.Rules.Files {
				if runner.IsArticle(f.Name) || named[filepath.Base(f.Name)] {
					paths = append(paths, f.Name)
				}
			}
		}
		if !relPathsUnique(paths, root()) {
			return false
		}
	}
	return true
}

// relPathsUnique reports whether the files found under paths, which are
// the paths joined with names, have paths relative to root that no two of
// them share: when every path is absolute, or every one relative, not out
// of the working directory (no leading ".."), with the working directory
// within root. (A file named both ways, or through "..", is two paths of
// one relative path.)
func relPathsUnique(paths []string, root string) bool {
	abs, rel := 0, 0
	for _, p := range paths {
		p = filepath.Clean(p)
		switch {
		case filepath.IsAbs(p):
			abs++
		case p == ".." || strings.HasPrefix(p, ".."+string(filepath.Separator)):
			return false
		default:
			rel++
		}
	}
	if rel == 0 {
		return true
	}
	if abs > 0 {
		return false
	}
	wd, err := os.Getwd()
	if err != nil {
		return false
	}
	r, err := filepath.Rel(root, wd)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}

// outStream is one output of a streamed run: its format's stream, written
// to standard output directly (the first output there) or to an unlinked
// temporary file, copied to its place once the run is done.
type outStream struct {
	out    Output
	format report.Format
	s      report.Stream
	bw     *bufio.Writer
	tmp    *os.File
	err    error
}

// openOutputs starts a stream for each output.
func openOutputs(outs []Output, stdout io.Writer, run *report.Run) ([]*outStream, error) {
	var streams []*outStream
	direct := false
	for _, out := range outs {
		format, _ := report.LookupFormat(out.Format)
		o := &outStream{out: out, format: format}
		if out.Path == "" && !direct {
			direct = true
			o.bw = bufio.NewWriterSize(stdout, 64<<10)
		} else {
			tmp, err := tempFile("claimlint-out-")
			if err != nil {
				closeOutputs(streams)
				return nil, fmt.Errorf("write %s: %v", format.Name, err)
			}
			o.tmp = tmp
			o.bw = bufio.NewWriterSize(tmp, 64<<10)
		}
		o.s = format.Stream(o.bw, run)
		streams = append(streams, o)
	}
	return streams, nil
}

func closeOutputs(streams []*outStream) {
	for _, o := range streams {
		if o.tmp != nil {
			o.tmp.Close()
			os.Remove(o.tmp.Name())
		}
	}
}

// tempFile makes a temporary file and, where the system allows, unlinks it
// at once: it is gone when it is closed, or when the process ends however
// it ends. Closing it removes it where it could not be unlinked.
func tempFile(pattern string) (*os.File, error) {
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name())
	return f, nil
}

// write writes findings to every output.
func writeStreams(streams []*outStream, fs []checker.Finding) {
	for _, o := range streams {
		if o.err == nil {
			o.err = o.s.Write(fs)
		}
	}
}

// finish ends each output with end and puts it in its place, in order; the
// first error stops it.
func finishOutputs(streams []*outStream, stdout io.Writer, end *report.Run) error {
	defer closeOutputs(streams)
	for _, o := range streams {
		if o.err == nil {
			o.err = o.s.Close(end)
		}
		if o.err == nil {
			o.err = o.bw.Flush()
		}
		if o.err == nil && o.tmp != nil {
			if _, o.err = o.tmp.Seek(0, io.SeekStart); o.err == nil {
				if o.out.Path == "" {
					_, o.err = io.Copy(stdout, o.tmp)
				} else {
					o.err = writeFileFrom(o.out.Path, o.tmp)
				}
			}
		}
		if o.err != nil {
			return fmt.Errorf("write %s: %v", o.format.Name, o.err)
		}
	}
	return nil
}

// findingSpill keeps each article's findings, and its statements of ledger
// events, in a temporary file while the articles are compared, and gives
// them back in the same order.
type findingSpill struct {
	f   *os.File
	w   *bufio.Writer
	buf []byte
	err error
}

func newFindingSpill() (*findingSpill, error) {
	f, err := tempFile("claimlint-findings-")
	if err != nil {
		return nil, err
	}
	return &findingSpill{f: f, w: bufio.NewWriterSize(f, 64<<10)}, nil
}

func (s *findingSpill) add(l *ledger.Ledger, fs []checker.Finding, stmts []corpus.Stmt) {
	if s.err != nil {
		return
	}
	var kept []corpus.Stmt
	for _, st := range stmts {
		if l.Event(st.Ledger) != nil {
			kept = append(kept, st)
		}
	}
	w := rec.Writer{B: s.buf[:0]}
	rec.WriteSlice(&w, fs, checker.EncodeFinding)
	rec.WriteSlice(&w, kept, corpus.EncodeStmt)
	s.buf = w.B
	s.err = rec.WriteFrame(s.w, s.buf)
}

// each calls fn with every article's findings and statements, in order.
func (s *findingSpill) each(fn func([]checker.Finding, []corpus.Stmt)) error {
	if s.err == nil {
		s.err = s.w.Flush()
	}
	if s.err != nil {
		return s.err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	return rec.ReadFrames(bufio.NewReaderSize(s.f, 64<<10), func(b []byte) error {
		rd := rec.NewReader(b)
		fs := rec.ReadSlice(rd, checker.DecodeFinding)
		stmts := rec.ReadSlice(rd, corpus.DecodeStmt)
		if err := rd.Done(); err != nil {
			return errors.New("a finding written to a temporary file came back damaged")
		}
		fn(fs, stmts)
		return nil
	})
}

func (s *findingSpill) close() {
	s.f.Close()
	os.Remove(s.f.Name())
}

// merged calls emit with the findings of sources, each sorted, in one
// sorted order; of equal findings, the earlier source's first, as a stable
// sort of the sources one after the other would give.
func merged(emit func(checker.Finding), sources ...iter.Seq[checker.Finding]) {
	type head struct {
		next func() (checker.Finding, bool)
		stop func()
		f    checker.Finding
		ok   bool
	}
	heads := make([]*head, len(sources))
	for i, src := range sources {
		next, stop := iter.Pull(src)
		h := &head{next: next, stop: stop}
		h.f, h.ok = next()
		heads[i] = h
	}
	for {
		var min *head
		for _, h := range heads {
			if h.ok && (min == nil || checker.CompareFindings(&h.f, &min.f) < 0) {
				min = h
			}
		}
		if min == nil {
			break
		}
		emit(min.f)
		min.f, min.ok = min.next()
	}
	for _, h := range heads {
		h.stop()
	}
}

// checkInputs is runner.Stream; a test makes it a fake runner.
var checkInputs = runner.Stream

// streamSorted checks inputs and writes every output as a run that holds
// its findings would, byte for byte, without holding them. With nothing to
// compare (cross-source off, one article, a shard), each file's findings
// are written as soon as it and the files before it are checked. When
// the articles are compared, a file's findings can change up to the last
// file (another article's claims become its related locations, and the
// findings of comparing come between them), so they wait in a temporary
// file, with the file's statements of ledger events, until every article
// is read; then they are read back a file at a time and written with the
// findings of comparing, in order.
func streamSorted(opt Options, l *ledger.Ledger, inputs iter.Seq[runner.Input], ropt runner.Options, procs []Processor, failLevel string, run *report.Run) (*Result, error) {
	var cross *crossSource
	var sev []Processor
	var lint []checker.Finding
	for _, p := range procs {
		switch p := p.(type) {
		case *crossSource:
			cross = p
		case ledgerLint:
			lint = checker.LintLedger(p.l)
			checker.SortFindings(lint)
		default:
			sev = append(sev, p)
		}
	}
	compare := cross != nil && cross.on
	if compare {
		ropt.Claims = runner.CorpusClaims
	}
	streams, err := openOutputs(opt.Outputs, opt.stdout(), run)
	if err != nil {
		return nil, err
	}
	var sum report.Summary
	res := &Result{}
	write := func(fs []checker.Finding) {
		s := &Set{Findings: fs}
		for _, p := range sev {
			p.Process(s) // severities: never an error
		}
		for _, f := range s.Findings {
			sum.Add(f)
			res.Failed = res.Failed || checker.SeverityRank(f.Severity) >= checker.SeverityRank(failLevel)
		}
		writeStreams(streams, s.Findings)
	}
	// The ledger's own findings (--lint-rules) go where their paths sort.
	writeWithLint := func(fs []checker.Finding) {
		for len(fs) > 0 {
			if len(lint) > 0 && checker.CompareFindings(&lint[0], &fs[0]) < 0 {
				k := 1
				for k < len(lint) && checker.CompareFindings(&lint[k], &fs[0]) < 0 {
					k++
				}
				write(lint[:k])
				lint = lint[k:]
				continue
			}
			k := 1
			for k < len(fs) && (len(lint) == 0 || checker.CompareFindings(&lint[0], &fs[k]) >= 0) {
				k++
			}
			write(fs[:k])
			fs = fs[k:]
		}
	}

	var spill *findingSpill
	var ctx *corpus.Context
	if compare {
		if spill, err = newFindingSpill(); err != nil {
			closeOutputs(streams)
			return nil, fmt.Errorf("comparing articles: %v", err)
		}
		defer spill.close()
		ctx = corpus.NewContext(l)
	}
	var pathErrs, checkErrs []error
	articles := 0
	checkInputs(checker.New(l), inputs, ropt, func(in runner.Input, out runner.Output) {
		if in.Err == nil {
			articles++
		}
		if out.Err != nil {
			if in.Err != nil {
				pathErrs = append(pathErrs, out.Err)
			} else {
				checkErrs = append(checkErrs, out.Err)
			}
			return
		}
		sum.Files++
		checker.SortFindings(out.Findings)
		if !compare {
			writeWithLint(out.Findings)
			// Out as soon as the file is checked, for a reader of a pipe.
			for _, o := range streams {
				if o.tmp == nil && o.err == nil {
					o.err = o.bw.Flush()
				}
			}
			return
		}
		cross.File(&Set{Stmts: out.Stmts, Articles: 1})
		ctx.Learn(out.Stmts)
		spill.add(l, out.Findings, out.Stmts)
	})
	if compare {
		var crossErr error
		crossFindings := func(yield func(checker.Finding) bool) {
			crossErr = cross.Finish(articles, func(f checker.Finding) { yield(f) })
		}
		var spillErr error
		articleFindings := func(yield func(checker.Finding) bool) {
			spillErr = spill.each(func(fs []checker.Finding, stmts []corpus.Stmt) {
				if articles >= 2 {
					ctx.Apply(stmts, fs)
				}
				for _, f := range fs {
					yield(f)
				}
			})
		}
		lintFindings := func(yield func(checker.Finding) bool) {
			for _, f := range lint {
				yield(f)
			}
		}
		merged(func(f checker.Finding) { write([]checker.Finding{f}) }, articleFindings, crossFindings, lintFindings)
		lint = nil
		if err := cmpErr(spillErr, crossErr); err != nil {
			closeOutputs(streams)
			return nil, err
		}
	}
	write(lint)

	res.Errors = append(pathErrs, checkErrs...)
	for _, e := range res.Errors {
		fmt.Fprintln(opt.stderr(), "claimlint: "+report.CleanLine(e.Error()))
	}
	end := &report.Run{Files: sum.Files}
	for _, e := range res.Errors {
		end.Unchecked = append(end.Unchecked, e.Error())
	}
	if err := finishOutputs(streams, opt.stdout(), end); err != nil {
		return nil, err
	}
	fmt.Fprintln(opt.stderr(), "claimlint: "+sum.Line())
	res.Files = sum.Files
	return res, nil
}

// cmpErr is the first error of the comparison, said as the run says it.
func cmpErr(spillErr, crossErr error) error {
	if spillErr != nil {
		return fmt.Errorf("comparing articles: %v", spillErr)
	}
	return crossErr
}
