// Package lsp is claimlint's language server: it checks the articles an
// editor has open (saved or not) and publishes the findings as diagnostics,
// offers each certain replacement as a quick fix, and treats rule files as
// documents too: an invalid one gets its errors as diagnostics, and a
// changed one re-checks every open article.
//
// The transport is JSON-RPC 2.0 with LSP framing (github.com/sourcegraph/jsonrpc2);
// the messages are the small part of the protocol written in protocol.go.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/internal/report"
	"github.com/claimlint/claimlint/internal/runner"
)

// Options configure a server.
type Options struct {
	// DefaultRules are the rule files used when the workspace's config names
	// none (the embedded rules).
	DefaultRules []ledger.File
	// EmbeddedRules are the embedded rule files named embedded/NAME.yaml,
	// for a config whose rules: names embedded beside its own files.
	EmbeddedRules []ledger.File
	Version       string
	Log           io.Writer
	// Delay, for tests, holds back the check of a document version.
	Delay func(uri string, version int) time.Duration
	// Done, for tests, is told of each check's end: err is the context's
	// when a newer edit stopped it.
	Done func(uri string, version int, err error)
	// Debounce is how long an edit waits for the next before its document
	// is checked; 0: DefaultDebounce, negative: none.
	Debounce time.Duration
	// Process passes a document's findings through the processors that
	// follow the checks, with the workspace's config (the command gives
	// pipeline.ForEditor: the config's severities); nil: the findings as
	// the checks made them.
	Process func(cfg *config.Config, findings []checker.Finding) ([]checker.Finding, error)
}

// embeddedName stands, in the config's rules:, for the embedded rule files.
const embeddedName = "embedded"

// DefaultDebounce is Options.Debounce's default: a burst of keystrokes is
// checked once, when it pauses this long.
const DefaultDebounce = 100 * time.Millisecond

// Server is one editor session.
type Server struct {
	opt  Options
	conn *jsonrpc2.Conn // set by handle, under mu
	log  *log.Logger

	mu        sync.Mutex
	encoding  string // utf-8, utf-16 or utf-32
	root      string
	cfg       *config.Config
	ruleDirs  []string // absolute rule files and folders from the config; none: the defaults
	rules     *ruleSet // the last valid rules; replaced at each reload
	docs      map[string]*document
	ruleDiags map[string]bool // rule files that have diagnostics published
	checking  map[string]*checkState
	shutdown  bool
	exited    chan struct{}
	exitOnce  sync.Once
}

// ruleSet is one load of the rules. It is never changed once made, so a
// check in the background uses it without a lock.
type ruleSet struct {
	chk *checker.Checker
	// sources are the rule files the ledger was loaded from that are on
	// disk, by their name in evidence positions, with the text the
	// positions are about: an evidence link needs no read of the file.
	sources map[string]ruleSource
}

type ruleSource struct {
	path  string   // on disk
	lines []string // of the text loaded, each with its "\n"
}

// newRuleSet keeps, of files, those on disk; a relative name (the embedded
// rules') is looked for under root, as in claimlint's own repository.
func newRuleSet(chk *checker.Checker, files []ledger.File, root string) *ruleSet {
	rs := &ruleSet{chk: chk, sources: map[string]ruleSource{}}
	for _, f := range files {
		path := filepath.FromSlash(f.Name)
		if !filepath.IsAbs(path) {
			path = filepath.Join(root, path)
		}
		if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
			continue
		}
		rs.sources[f.Name] = ruleSource{path: path, lines: strings.SplitAfter(string(f.Data), "\n")}
	}
	return rs
}

type document struct {
	uri      string
	path     string
	text     string
	version  int
	findings []checker.Finding // of the last published check
	diags    []Diagnostic      // as published: diags[i] is findings[i]
	src      string            // the text those findings are about
}

// Serve runs a server on a stream until the client says exit or the
// stream closes. It returns nil after shutdown and exit, an error otherwise.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opt Options) error {
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	s := &Server{opt: opt, log: log.New(opt.Log, "claimlint lsp: ", 0), encoding: "utf-16",
		docs: map[string]*document{}, ruleDiags: map[string]bool{}, checking: map[string]*checkState{}, exited: make(chan struct{})}
	// The read loop may call the handler before NewConn returns: the
	// handler takes the connection from its argument (see handle).
	cd := &codec{log: s.log}
	cd.stream = jsonrpc2.NewBufferedStream(rwc, cd)
	conn := jsonrpc2.NewConn(ctx, cd.stream, jsonrpc2.HandlerWithError(s.handle).SuppressErrClosed())
	select {
	case <-s.exited:
		conn.Close()
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
		return ctx.Err()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.shutdown {
		return errors.New("the client left without shutdown")
	}
	return nil
}

func (s *Server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	params := json.RawMessage("null")
	if req.Params != nil {
		params = *req.Params
	}
	decode := func(v any) error {
		if err := json.Unmarshal(params, v); err != nil {
			return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: err.Error()}
		}
		return nil
	}
	// After shutdown only exit is served: a request is an invalid
	// request, a notification is dropped (LSP's lifecycle).
	s.mu.Lock()
	down := s.shutdown
	s.mu.Unlock()
	if down && req.Method != "exit" {
		if req.Notif {
			return nil, nil
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the server is shut down: only exit is served"}
	}
	switch req.Method {
	case "initialize":
		var p initializeParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		return s.initialize(p), nil
	case "initialized":
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case "exit":
		s.exitOnce.Do(func() { close(s.exited) })
		return nil, nil
	case "textDocument/didOpen":
		var p didOpenParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		s.open(p.TextDocument.URI, p.TextDocument.Text, p.TextDocument.Version)
	case "textDocument/didChange":
		var p didChangeParams
		if err := decode(&p); err != nil || len(p.ContentChanges) == 0 {
			return nil, err
		}
		// Full sync: the last change holds the whole text.
		s.open(p.TextDocument.URI, p.ContentChanges[len(p.ContentChanges)-1].Text, p.TextDocument.Version)
	case "textDocument/didSave":
		var p documentParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		if s.isRuleFile(uriPath(p.TextDocument.URI)) {
			s.reload()
		}
	case "textDocument/didClose":
		var p documentParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		s.close(p.TextDocument.URI)
	case "workspace/didChangeWatchedFiles":
		var p didChangeWatchedFilesParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		for _, c := range p.Changes {
			if s.isRuleFile(uriPath(c.URI)) {
				s.reload()
				break
			}
		}
	case "textDocument/codeAction":
		var p codeActionParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	default:
		if req.Notif {
			return nil, nil // $/cancelRequest, $/setTrace, …: nothing to do
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "claimlint does not handle " + req.Method}
	}
	return nil, nil
}

func (s *Server) initialize(p initializeParams) any {
	s.mu.Lock()
	for _, enc := range []string{"utf-8", "utf-16", "utf-32"} {
		if slices.Contains(p.Capabilities.General.PositionEncodings, enc) {
			s.encoding = enc // the client's list is honoured; UTF-8 is cheapest
			break
		}
	}
	switch {
	case p.RootURI != "":
		s.root = uriPath(p.RootURI)
	case len(p.WorkspaceFolders) > 0:
		s.root = uriPath(p.WorkspaceFolders[0].URI)
	case p.RootPath != "":
		s.root = p.RootPath
	default:
		s.root, _ = os.Getwd()
	}
	s.mu.Unlock()
	s.loadConfig()
	s.reload()
	if p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration {
		go s.watchRuleFiles()
	}
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": s.encoding,
			"textDocumentSync": map[string]any{"openClose": true, "change": 1, "save": map[string]any{"includeText": false}},
			"codeActionProvider": map[string]any{
				"codeActionKinds": []string{"quickfix"},
			},
		},
		"serverInfo": map[string]any{"name": "claimlint", "version": s.opt.Version},
	}
}

// watchRuleFiles asks the client to tell of rule files changing on disk.
func (s *Server) watchRuleFiles() {
	params := map[string]any{"registrations": []any{map[string]any{
		"id": "claimlint-rules", "method": "workspace/didChangeWatchedFiles",
		"registerOptions": map[string]any{"watchers": []any{map[string]any{"globPattern": "**/*.{yaml,yml}"}}},
	}}}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if err := conn.Call(ctx, "client/registerCapability", params, nil); err != nil {
		s.log.Printf("register file watcher: %v", err)
	}
}

func (s *Server) loadConfig() {
	s.mu.Lock()
	defer s.mu.Unlock()
	path, err := config.Find(s.root)
	if err != nil || path == "" {
		return
	}
	known := make([]string, 0, len(checker.Rules))
	for _, r := range checker.Rules {
		known = append(known, r.ID)
	}
	cfg, err := config.Load(path, known)
	if err != nil {
		s.log.Printf("%v", err)
		return
	}
	s.cfg = cfg
	for _, r := range cfg.Rules {
		if r == embeddedName {
			s.ruleDirs = append(s.ruleDirs, r) // kept as a name: no file is under it
			continue
		}
		if !filepath.IsAbs(r) {
			r = filepath.Join(cfg.Dir, r)
		}
		s.ruleDirs = append(s.ruleDirs, filepath.Clean(r))
	}
}

// isRuleFile reports whether path is one of the workspace's rule files.
func (s *Server) isRuleFile(path string) bool {
	if ext := filepath.Ext(path); ext != ".yaml" && ext != ".yml" {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.ruleDirs {
		if path == d || strings.HasPrefix(path, d+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// reload reads the rule files, with the text of any that is open in the
// editor, publishes their errors as diagnostics, and re-checks every open
// article. While the rules are invalid, articles keep the last good rules.
func (s *Server) reload() {
	s.mu.Lock()
	dirs, root := s.ruleDirs, s.root
	open := map[string]string{}
	for _, d := range s.docs {
		open[d.path] = d.text
	}
	s.mu.Unlock()

	files := s.opt.DefaultRules
	if len(dirs) > 0 {
		files = nil
		for _, d := range dirs {
			if d == embeddedName {
				files = append(files, s.opt.EmbeddedRules...)
				continue
			}
			fs, err := runner.ReadRulePaths([]string{d})
			if err != nil {
				s.log.Printf("%v", err)
				return
			}
			files = append(files, fs...)
		}
		for i := range files {
			if text, ok := open[files[i].Name]; ok {
				files[i].Data = []byte(text)
			}
		}
	}
	l, err := ledger.Load(files)
	byFile := map[string][]Diagnostic{}
	var list ledger.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			src := ruleText(files, e.Pos.File)
			at := Position{Line: max(e.Pos.Line-1, 0), Character: s.character(src, e.Pos.Line, byteCol(src, e.Pos.Line, e.Pos.Col))}
			byFile[e.Pos.File] = append(byFile[e.Pos.File], Diagnostic{
				Range: Range{at, at}, Severity: SeverityError, Code: "rule-file", Source: "claimlint", Message: e.Msg,
			})
		}
	} else if err != nil {
		s.log.Printf("%v", err)
	}
	if l != nil && len(dirs) > 0 {
		// The ledger's self-check (--lint-rules), on the workspace's own rule files.
		for _, f := range checker.LintLedger(l) {
			src := ruleText(files, f.Path)
			at := Position{Line: max(f.Line-1, 0), Character: s.character(src, f.Line, byteCol(src, f.Line, f.Column))}
			byFile[f.Path] = append(byFile[f.Path], Diagnostic{
				Range: Range{at, at}, Severity: SeverityWarning, Code: f.Rule,
				CodeDescription: &CodeDescription{Href: report.RuleURI(f.Rule)}, Source: "claimlint", Message: f.Message,
			})
		}
	}

	// The embedded files are no document of the workspace: log, not publish.
	for f, ds := range byFile {
		if strings.HasPrefix(f, embeddedName+"/") {
			for _, d := range ds {
				s.log.Printf("%s:%d: %s", f, d.Range.Start.Line+1, d.Message)
			}
			delete(byFile, f)
		}
	}

	var rs *ruleSet
	if l != nil {
		rs = newRuleSet(checker.New(l), files, root)
	}
	s.mu.Lock()
	if rs != nil {
		s.rules = rs
	}
	// Clear rule files that had errors and have none now.
	var clear []string
	for f := range s.ruleDiags {
		if _, still := byFile[f]; !still {
			clear = append(clear, f)
			delete(s.ruleDiags, f)
		}
	}
	for f := range byFile {
		s.ruleDiags[f] = true
	}
	uris := make([]string, 0, len(s.docs))
	for uri := range s.docs {
		uris = append(uris, uri)
	}
	s.mu.Unlock()

	sort.Strings(clear)
	for _, f := range clear {
		s.publish(pathURI(f), nil, []Diagnostic{})
	}
	names := make([]string, 0, len(byFile))
	for f := range byFile {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		s.publish(pathURI(f), nil, byFile[f])
	}
	sort.Strings(uris)
	for _, uri := range uris {
		s.schedule(uri)
	}
}

func ruleText(files []ledger.File, name string) string {
	for _, f := range files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

// character converts a 1-based line and byte column of text into a
// character offset in the negotiated encoding.
func (s *Server) character(text string, line, col int) int {
	lines := splitLines(text)
	if line < 1 || line > len(lines) {
		return 0
	}
	l := lines[line-1]
	return s.count(l[:min(max(col-1, 0), len(l))])
}

// count measures a piece of a line in the negotiated encoding.
func (s *Server) count(prefix string) int {
	switch s.encoding {
	case "utf-8":
		return len(prefix)
	case "utf-32":
		return utf8.RuneCountInString(prefix)
	}
	n := 0
	for _, r := range prefix {
		n += len(utf16.Encode([]rune{r}))
	}
	return n
}

// position converts a byte offset of text into an LSP position.
func (s *Server) position(text string, off int) Position {
	off = min(max(off, 0), len(text))
	line, start := 0, 0 // line ends are LF, CRLF or a lone CR
	for i := 0; i < off; i++ {
		switch text[i] {
		case '\n':
			line, start = line+1, i+1
		case '\r':
			if i+1 == len(text) || text[i+1] != '\n' {
				line, start = line+1, i+1
			}
		}
	}
	return Position{Line: line, Character: s.count(text[start:off])}
}

// splitLines splits text after each line end: LF, CRLF or a lone CR, as
// LSP and claimlint's positions count lines. The last piece has none (and
// may be empty).
func splitLines(text string) []string {
	var lines []string
	for {
		i := strings.IndexAny(text, "\r\n")
		if i < 0 {
			return append(lines, text)
		}
		j := i + 1
		if text[i] == '\r' && j < len(text) && text[j] == '\n' {
			j++
		}
		lines, text = append(lines, text[:j]), text[j:]
	}
}

func (s *Server) open(uri, text string, version int) {
	path := uriPath(uri)
	s.mu.Lock()
	s.docs[uri] = &document{uri: uri, path: path, text: text, version: version}
	s.mu.Unlock()
	if s.isRuleFile(path) {
		s.reload()
		return
	}
	s.schedule(uri)
}

func (s *Server) close(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	delete(s.docs, uri)
	s.mu.Unlock()
	if d != nil && s.isRuleFile(d.path) {
		s.reload() // back to the file on disk
	}
	if d != nil && !s.isRuleFile(d.path) {
		s.publish(uri, nil, []Diagnostic{})
	}
}

// checkState is a document's background check: at most one runs at a
// time, and edits made while it runs ask for one more, of the newest text.
type checkState struct {
	running bool
	again   bool               // an edit (or new rules) came after the running check took its text
	cancel  context.CancelFunc // stops the running check, once it has started
}

// schedule checks a document in the background, debounced and coalesced:
// the check starts once edits pause for Options.Debounce, takes the newest
// text, and edits that arrive while it runs are checked together after it,
// so that a burst of 1,000 edits costs a few checks, not 1,000. A result is
// published only if the document is still at the version, and the rules at
// the generation, that were checked: a slow check of version N never
// overwrites N+1.
func (s *Server) schedule(uri string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.checking[uri]
	if st == nil {
		st = &checkState{}
		s.checking[uri] = st
	}
	if st.running {
		// The running check's text (or rules) is stale now: stop it, and
		// check the newest text after it.
		st.again = true
		if st.cancel != nil {
			st.cancel()
		}
		return
	}
	st.running = true
	go s.checkLoop(uri, st)
}

func (s *Server) checkLoop(uri string, st *checkState) {
	wait := s.opt.Debounce
	if wait == 0 {
		wait = DefaultDebounce
	}
	for {
		// Debounce: wait until no edit came for a while.
		for {
			s.mu.Lock()
			d := s.docs[uri]
			var version int
			if d != nil {
				version = d.version
			}
			s.mu.Unlock()
			if wait > 0 {
				time.Sleep(wait)
			}
			s.mu.Lock()
			d = s.docs[uri]
			settled := d == nil || d.version == version
			s.mu.Unlock()
			if settled || wait <= 0 {
				break
			}
		}
		s.mu.Lock()
		st.again = false
		d := s.docs[uri]
		if d == nil || !runner.IsArticle(d.path) || s.rules == nil || s.shutdown {
			st.running = false
			s.mu.Unlock()
			return
		}
		text, version, path, rs, cfg := d.text, d.version, d.path, s.rules, s.cfg
		ctx, cancel := context.WithCancel(context.Background())
		st.cancel = cancel
		s.mu.Unlock()
		if s.opt.Delay != nil {
			time.Sleep(s.opt.Delay(uri, version))
		}
		findings, diags, err := s.check(ctx, path, text, rs, cfg)
		s.mu.Lock()
		st.cancel = nil
		cancel()
		if s.opt.Done != nil {
			s.opt.Done(uri, version, err)
		}
		if cur := s.docs[uri]; err == nil && cur != nil && cur.version == version && s.rules == rs {
			cur.findings, cur.diags, cur.src = findings, diags, text
			v := version
			s.notify(uri, &v, diags)
		}
		if !st.again {
			st.running = false
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
	}
}

// check runs the checker on an article's text. It takes no lock: what it
// needs of the server's state is passed in. The diagnostics are one for
// each finding, in order (or one for a text that cannot be parsed). Once
// ctx is done, it stops and returns ctx's error.
func (s *Server) check(ctx context.Context, path, text string, rs *ruleSet, cfg *config.Config) ([]checker.Finding, []Diagnostic, error) {
	a, err := article.Parse(path, []byte(text), article.Options{Published: cfg.PublishedFor(path)})
	if err != nil {
		var ae *article.Error
		at := Position{}
		if errors.As(err, &ae) && ae.Line > 0 {
			at = Position{Line: ae.Line - 1, Character: s.character(text, ae.Line, byteCol(text, ae.Line, ae.Col))}
			err = errors.New(ae.Msg)
		}
		return nil, []Diagnostic{{Range: Range{at, at}, Severity: SeverityError, Code: "input", Source: "claimlint", Message: err.Error()}}, nil
	}
	all, err := rs.chk.CheckContext(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	findings := all
	if s.opt.Process != nil {
		if findings, err = s.opt.Process(cfg, all); err != nil {
			return nil, []Diagnostic{{Severity: SeverityError, Code: "claimlint", Source: "claimlint", Message: err.Error()}}, nil
		}
	}
	diags := make([]Diagnostic, 0, len(findings))
	for _, f := range findings {
		diags = append(diags, s.diagnostic(text, f, rs))
	}
	return findings, diags, nil
}

// byteCol converts a 1-based column in code points (as articles' and rule
// files' positions count) into one in bytes.
func byteCol(text string, line, col int) int {
	lines := splitLines(text)
	if line < 1 || line > len(lines) {
		return 1
	}
	l, n := lines[line-1], 0
	for i := range l {
		if n == col-1 {
			return i + 1
		}
		n++
	}
	return len(l) + 1
}

var severity = map[string]int{checker.Error: SeverityError, checker.Warning: SeverityWarning, checker.Info: SeverityInformation}

// diagnostic turns a finding of rs's checker into a diagnostic. It takes no
// lock.
func (s *Server) diagnostic(text string, f checker.Finding, rs *ruleSet) Diagnostic {
	d := Diagnostic{
		Range:           Range{s.position(text, f.Offset), s.position(text, f.EndOffset)},
		Severity:        severity[f.Severity],
		Code:            f.Rule,
		CodeDescription: &CodeDescription{Href: report.RuleURI(f.Rule)},
		Source:          "claimlint",
		Message:         f.Message,
	}
	if f.Evidence != nil {
		if loc, ok := s.evidence(f.Evidence.Pos, rs); ok {
			d.RelatedInformation = []DiagnosticRelatedInformation{{Location: loc, Message: "ledger: " + f.Evidence.ID}}
		}
	}
	return d
}

// evidence turns a rule-file position (the column in code points) into a
// location, when the file is on disk. The character is counted in the text
// the rules were loaded from (an open rule file's may be unsaved), kept by
// rs: no file is read. It takes no lock.
func (s *Server) evidence(pos ledger.Pos, rs *ruleSet) (Location, bool) {
	if pos.Line == 0 {
		return Location{}, false // no line: the position of a whole file
	}
	src, ok := rs.sources[pos.File]
	if !ok {
		return Location{}, false
	}
	line, col := pos.Line, pos.Col
	at := Position{Line: max(line-1, 0)}
	if line >= 1 && line <= len(src.lines) {
		l := src.lines[line-1]
		at.Character = s.count(l[:byteCol(l, 1, col)-1])
	}
	return Location{URI: pathURI(src.path), Range: Range{at, at}}, true
}

// codeActions offers the certain replacement of every finding in range,
// with the diagnostic as it was published. It holds s.mu only to take the
// document's last result (a document's fields are replaced, never changed
// in place), and calls nothing that locks.
func (s *Server) codeActions(p codeActionParams) []CodeAction {
	actions := []CodeAction{}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.src != d.text || len(d.diags) != len(d.findings) {
		s.mu.Unlock()
		return actions // the findings are of an older text
	}
	text, findings, diags := d.text, d.findings, d.diags
	s.mu.Unlock()
	for i, f := range findings {
		if f.Fix == nil {
			continue
		}
		diag := diags[i]
		if before(p.Range.End, diag.Range.Start) || before(diag.Range.End, p.Range.Start) {
			continue
		}
		edit := TextEdit{Range: Range{s.position(text, f.Fix.Offset), s.position(text, f.Fix.EndOffset)}, NewText: f.Fix.Replacement}
		actions = append(actions, CodeAction{
			Title: f.Fix.Describe() + " (claimlint " + f.Rule + ")", Kind: "quickfix", Diagnostics: []Diagnostic{diag}, IsPreferred: true,
			Edit: WorkspaceEdit{Changes: map[string][]TextEdit{p.TextDocument.URI: {edit}}},
		})
	}
	return actions
}

func before(a, b Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

func (s *Server) publish(uri string, version *int, diags []Diagnostic) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.notify(uri, version, diags)
}

// notify sends publishDiagnostics; the caller holds s.mu, so that results
// go out in the order they were decided.
func (s *Server) notify(uri string, version *int, diags []Diagnostic) {
	if s.shutdown {
		return // a check that ends after shutdown publishes nothing
	}
	if diags == nil {
		diags = []Diagnostic{}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.conn.Notify(ctx, "textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Version: version, Diagnostics: diags}); err != nil {
		s.log.Printf("publish %s: %v", uri, err)
	}
}

// uriPath turns a file:// URI into a path.
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return uri
	}
	return filepath.Clean(filepath.FromSlash(u.Path))
}

// pathURI turns a path into a file:// URI.
func pathURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}
