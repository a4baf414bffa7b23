package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/pipeline"
	embedded "github.com/claimlint/claimlint/rules"
)

const rules = `entities:
  - id: putin
    kind: person
    name: Vladimir Putin
    aliases: [Putin]
  - id: xi
    kind: person
    name: Xi Jinping
    aliases: [Xi]
events:
  - id: call
    kind: call
    date: 2025-02-24
    participants: [xi, putin]
`

// TestStaleResultsNeverWin: the check of version 1 is slow; version 2
// arrives meanwhile. Only version 2's result may be published.
func TestStaleResultsNeverWin(t *testing.T) {
	server, client := net.Pipe()
	opt := Options{
		DefaultRules: []ledger.File{{Name: "r.yaml", Data: []byte(rules)}},
		Delay: func(uri string, version int) time.Duration {
			if version == 1 {
				return 300 * time.Millisecond
			}
			return 0
		},
	}
	done := make(chan error, 1)
	go func() { done <- Serve(context.Background(), server, opt) }()
	got := make(chan PublishDiagnosticsParams, 10)
	conn := connect(client, got)
	ctx := context.Background()
	require.NoError(t, conn.Call(ctx, "initialize", map[string]any{"rootUri": "file:///nonexistent", "capabilities": map[string]any{}}, nil))
	uri := "file:///nonexistent/a.md"
	wrong := "---\npublished: 2025-02-25\n---\nPutin called Xi on Friday.\n"
	right := "---\npublished: 2025-02-25\n---\nPutin called Xi on Monday.\n"
	require.NoError(t, conn.Notify(ctx, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 1, "text": wrong}}))
	require.NoError(t, conn.Notify(ctx, "textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": right}}}))

	select {
	case p := <-got:
		require.NotNil(t, p.Version)
		assert.Equal(t, 2, *p.Version)
		assert.Empty(t, p.Diagnostics)
	case <-time.After(5 * time.Second):
		t.Fatal("no diagnostics")
	}
	select {
	case p := <-got:
		t.Fatalf("a stale result was published after version 2: %+v", p)
	case <-time.After(600 * time.Millisecond):
	}
	require.NoError(t, conn.Call(ctx, "shutdown", nil, nil))
	require.NoError(t, conn.Notify(ctx, "exit", nil))
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("no exit")
	}
}

// connect is a client on one end of a pipe that sends every set of
// diagnostics the server publishes to got.
func connect(client net.Conn, got chan<- PublishDiagnosticsParams) *jsonrpc2.Conn {
	return jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(client, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(func(ctx context.Context, c *jsonrpc2.Conn, r *jsonrpc2.Request) (any, error) {
			if r.Method == "textDocument/publishDiagnostics" {
				var p PublishDiagnosticsParams
				if err := json.Unmarshal(*r.Params, &p); err != nil {
					return nil, err
				}
				got <- p
			}
			return nil, nil
		}))
}

func TestPositionEncodings(t *testing.T) {
	text := "a𝐀é\nxyz"
	off := len("a𝐀é")
	for enc, want := range map[string]int{"utf-8": 7, "utf-16": 4, "utf-32": 3} {
		s := &Server{encoding: enc}
		assert.Equal(t, Position{Line: 0, Character: want}, s.position(text, off), enc)
		assert.Equal(t, Position{Line: 1, Character: 1}, s.position(text, len(text)-2), enc)
	}
}

// TestPositionsWithCRLineEnds: LSP counts LF, CRLF and a lone CR as line
// ends, as claimlint's lines and columns do.
func TestPositionsWithCRLineEnds(t *testing.T) {
	s := &Server{encoding: "utf-16"}
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		text := "é one" + eol + eol + "two é three"
		off := strings.Index(text, "three")
		assert.Equal(t, Position{Line: 2, Character: 6}, s.position(text, off), "%q", eol)
		assert.Equal(t, 6, s.character(text, 3, 8), "%q", eol) // code point column 7 = byte column 8
		assert.Equal(t, 8, byteCol(text, 3, 7), "%q", eol)
	}
}

// TestRapidEdits sends many versions of a document as fast as it can, with
// the rules changing underneath: the last diagnostics published are those
// of the last version (run under -race in .ci/run).
func TestRapidEdits(t *testing.T) {
	server, client := net.Pipe()
	opt := Options{DefaultRules: []ledger.File{{Name: "r.yaml", Data: []byte(rules)}}}
	go Serve(context.Background(), server, opt)
	got := make(chan PublishDiagnosticsParams, 1000)
	conn := connect(client, got)
	ctx := context.Background()
	require.NoError(t, conn.Call(ctx, "initialize", map[string]any{"rootUri": "file:///nonexistent", "capabilities": map[string]any{}}, nil))
	uri := "file:///nonexistent/a.md"
	wrong := "---\npublished: 2025-02-25\n---\nPutin called Xi on Friday.\n"
	right := "---\npublished: 2025-02-25\n---\nPutin called Xi on Monday.\n"
	require.NoError(t, conn.Notify(ctx, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 1, "text": wrong}}))
	const last = 200
	for v := 2; v <= last; v++ {
		text := wrong
		if v%2 == 0 {
			text = right
		}
		require.NoError(t, conn.Notify(ctx, "textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": v}, "contentChanges": []any{map[string]any{"text": text}}}))
	}
	// The last version (even: right) must be the last published, with no
	// diagnostics; no version may be published after a later one.
	deadline := time.After(10 * time.Second)
	seen := 0
	for {
		select {
		case p := <-got:
			require.NotNil(t, p.Version)
			require.Greater(t, *p.Version, seen, "version %d published after %d", *p.Version, seen)
			seen = *p.Version
			if seen == last {
				assert.Empty(t, p.Diagnostics)
				return
			}
		case <-deadline:
			t.Fatalf("the last version was never published (last seen: %d)", seen)
		}
	}
}

// embeddedRules are the rule files `claimlint lsp` uses when the
// workspace's config names none, read as cmd/claimlint reads them.
func embeddedRules(t *testing.T) []ledger.File {
	t.Helper()
	files, err := ledger.ReadFS(embedded.FS, ".", "rules")
	require.NoError(t, err)
	return files
}

// call is a request with a bounded wait: a server that never answers fails
// the test instead of hanging the suite.
func call(t *testing.T, conn *jsonrpc2.Conn, method string, params, result any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := conn.Call(ctx, method, params, result)
	if errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("%s: no answer in 5s: the server is stuck (deadlocked?)", method)
	}
	require.NoError(t, err, method)
}

// waitFor returns the next diagnostics published for uri.
func waitFor(t *testing.T, got <-chan PublishDiagnosticsParams, uri string) PublishDiagnosticsParams {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case p := <-got:
			if p.URI == uri {
				return p
			}
		case <-deadline:
			t.Fatalf("no diagnostics for %s in 10s", uri)
		}
	}
}

func fileURI(p string) string { return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String() }

// TestCodeActionWithEmbeddedRules: with no .claimlint.yaml the server uses
// the embedded rules, whose evidence positions are relative
// (rules/events.yaml:79:5). Asking for the quick fix of such a finding
// deadlocked: codeActions held the server's mutex and evidence locked it
// again to read the workspace root. Every editor asks for code actions as
// the cursor moves.
func TestCodeActionWithEmbeddedRules(t *testing.T) {
	for _, onDisk := range []bool{false, true} {
		name := "rules not on disk"
		if onDisk {
			name = "rules on disk" // as in claimlint's own repository: the evidence links to them
		}
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			if found, _ := config.Find(root); found != "" {
				t.Skipf("%s above the temporary folder would name other rules", found)
			}
			if onDisk {
				sub, err := fs.Sub(embedded.FS, ".")
				require.NoError(t, err)
				require.NoError(t, os.CopyFS(filepath.Join(root, "rules"), sub))
			}
			server, client := net.Pipe()
			t.Cleanup(func() { client.Close() })
			done := make(chan error, 1)
			go func() { done <- Serve(context.Background(), server, Options{DefaultRules: embeddedRules(t)}) }()
			got := make(chan PublishDiagnosticsParams, 100)
			conn := connect(client, got)
			call(t, conn, "initialize", map[string]any{"rootUri": fileURI(root), "capabilities": map[string]any{}}, nil)
			require.NoError(t, conn.Notify(context.Background(), "initialized", map[string]any{}))

			// The call of 2025-02-24 (a Monday) is in the embedded rules.
			uri := fileURI(filepath.Join(root, "draft.md"))
			text := "---\npublished: 2025-02-25\n---\nPutin called Xi on Friday.\n"
			require.NoError(t, conn.Notify(context.Background(), "textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text}}))
			p := waitFor(t, got, uri)
			require.Len(t, p.Diagnostics, 1)
			d := p.Diagnostics[0]
			require.Equal(t, "event-date", d.Code)
			if onDisk {
				require.Len(t, d.RelatedInformation, 1)
				assert.Equal(t, fileURI(filepath.Join(root, "rules", "events.yaml")), d.RelatedInformation[0].Location.URI)
				assert.Equal(t, "ledger: xi-putin-call-2025-02-24", d.RelatedInformation[0].Message)
				assert.Equal(t, Position{Line: 78, Character: 4}, d.RelatedInformation[0].Location.Range.Start, "rules/events.yaml:79:5, 0-based")
			} else {
				assert.Empty(t, d.RelatedInformation, "no link to a file that is not there")
			}

			var actions []CodeAction
			call(t, conn, "textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": d.Range,
				"context": map[string]any{"diagnostics": p.Diagnostics}}, &actions)
			require.Len(t, actions, 1)
			assert.Equal(t, "quickfix", actions[0].Kind)
			assert.Equal(t, []Diagnostic{d}, actions[0].Diagnostics, "the action names the diagnostic as published")
			require.Len(t, actions[0].Edit.Changes[uri], 1)
			assert.Equal(t, "Monday", actions[0].Edit.Changes[uri][0].NewText)
			assert.Equal(t, d.Range, actions[0].Edit.Changes[uri][0].Range)

			call(t, conn, "shutdown", nil, nil)
			require.NoError(t, conn.Notify(context.Background(), "exit", nil))
			select {
			case err := <-done:
				assert.NoError(t, err)
			case <-time.After(5 * time.Second):
				t.Fatal("no exit")
			}
		})
	}
}

// TestEvidence: the link to a finding's ledger fact is computed from the
// rule text the rules were loaded from (an open rule file's may be
// unsaved), kept at the reload, not read again from disk for every
// diagnostic; it is offered only for a file that is on disk, a relative
// name (the embedded rules') under the workspace's root.
func TestEvidence(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "rules"), 0o755))
	onDisk := filepath.Join(root, "rules", "r.yaml")
	require.NoError(t, os.WriteFile(onDisk, []byte("# what is on disk differs\n"), 0o644))
	rs := newRuleSet(nil, []ledger.File{
		{Name: "rules/r.yaml", Data: []byte("a: 1\n  𝐀x: 2\n")},
		{Name: "rules/gone.yaml", Data: []byte("a: 1\n")},
		{Name: filepath.Join(root, "gone.yaml"), Data: []byte("a: 1\n")},
	}, root)
	for enc, want := range map[string]int{"utf-8": 6, "utf-16": 4, "utf-32": 3} {
		s := &Server{encoding: enc}
		loc, ok := s.evidence(ledger.Pos{File: "rules/r.yaml", Line: 2, Col: 4}, rs) // x, after two spaces and 𝐀
		require.True(t, ok, enc)
		assert.Equal(t, fileURI(onDisk), loc.URI, enc)
		assert.Equal(t, Range{Position{1, want}, Position{1, want}}, loc.Range, enc)
	}
	s := &Server{encoding: "utf-16"}
	loc, ok := s.evidence(ledger.Pos{File: "rules/r.yaml", Line: 9, Col: 1}, rs)
	assert.True(t, ok, "a line past the end")
	assert.Equal(t, Position{Line: 8}, loc.Range.Start)
	for _, pos := range []ledger.Pos{{File: "rules/gone.yaml", Line: 1, Col: 1}, {File: filepath.Join(root, "gone.yaml"), Line: 1, Col: 1},
		{File: "other.yaml", Line: 1, Col: 1}, {File: "rules/r.yaml"}, {}} {
		_, ok := s.evidence(pos, rs)
		assert.False(t, ok, pos)
	}
}

// diagnostics keeps the last diagnostics published for each document, and
// notes any published for an older version after a newer one. Its handler
// never blocks: the server publishes while it holds its lock.
type diagnostics struct {
	mu       sync.Mutex
	last     map[string]PublishDiagnosticsParams
	problems []string
	changed  chan struct{}
}

func newDiagnostics() *diagnostics {
	return &diagnostics{last: map[string]PublishDiagnosticsParams{}, changed: make(chan struct{}, 1)}
}

func (c *diagnostics) conn(client net.Conn) *jsonrpc2.Conn {
	return jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(client, jsonrpc2.VSCodeObjectCodec{}), c)
}

// Handle answers the server's requests (client/registerCapability) from
// another goroutine, as editors do: net.Pipe has no buffer, and a reply
// written from the read loop while the server writes too would block both.
func (c *diagnostics) Handle(ctx context.Context, conn *jsonrpc2.Conn, r *jsonrpc2.Request) {
	if !r.Notif {
		go conn.Reply(ctx, r.ID, nil)
		return
	}
	if r.Method != "textDocument/publishDiagnostics" || r.Params == nil {
		return
	}
	var p PublishDiagnosticsParams
	if err := json.Unmarshal(*r.Params, &p); err != nil {
		c.mu.Lock()
		c.problems = append(c.problems, err.Error())
		c.mu.Unlock()
		return
	}
	c.mu.Lock()
	if old, ok := c.last[p.URI]; ok && old.Version != nil && p.Version != nil && *p.Version < *old.Version {
		c.problems = append(c.problems, fmt.Sprintf("%s: version %d published after %d", p.URI, *p.Version, *old.Version))
	}
	c.last[p.URI] = p
	c.mu.Unlock()
	select {
	case c.changed <- struct{}{}:
	default:
	}
}

// wait returns the diagnostics of uri once those of version are published.
func (c *diagnostics) wait(t *testing.T, uri string, version int) PublishDiagnosticsParams {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		c.mu.Lock()
		p, ok := c.last[uri]
		c.mu.Unlock()
		if ok && p.Version != nil && *p.Version == version {
			return p
		}
		select {
		case <-c.changed:
		case <-deadline:
			t.Fatalf("version %d of %s was never published (last: %+v)", version, uri, p)
		}
	}
}

// TestConcurrentSession runs sessions in which everything happens at once:
// edits of two articles, code actions asked for as the cursor moves, and,
// with the workspace's own rules, the rule file changing on disk
// (didChangeWatchedFiles, didSave) and in the editor, while checks run in
// the background, slowed down so that they overlap. No request may go
// unanswered, code actions must match their diagnostics, no old version's
// diagnostics may follow a newer one's, and the end state is that of the
// last text and the last rules. Run under -race (.ci/run does) it checks
// the server's locking.
func TestConcurrentSession(t *testing.T) {
	t.Run("workspace rules", func(t *testing.T) { concurrentSession(t, true) })
	// With no .claimlint.yaml, the embedded rules: their evidence positions
	// are relative, which is where codeActions used to deadlock.
	t.Run("embedded rules", func(t *testing.T) { concurrentSession(t, false) })
}

func concurrentSession(t *testing.T, workspaceRules bool) {
	root := t.TempDir()
	rulePath := filepath.Join(root, "rules", "r.yaml")
	monday, friday := rules, strings.Replace(rules, "date: 2025-02-24", "date: 2025-02-21", 1)
	writeRules := func(text string) error { // whole, as editors save, so that no reload reads half a file
		tmp := rulePath + ".tmp"
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			return err
		}
		return os.Rename(tmp, rulePath)
	}
	if workspaceRules {
		require.NoError(t, os.MkdirAll(filepath.Join(root, "rules"), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(root, ".claimlint.yaml"), []byte("rules: [rules/]\n"), 0o644))
		require.NoError(t, writeRules(monday))
	} else if found, _ := config.Find(root); found != "" {
		t.Skipf("%s above the temporary folder would name other rules", found)
	}

	server, client := net.Pipe()
	t.Cleanup(func() { client.Close() })
	opt := Options{
		DefaultRules: embeddedRules(t),
		Delay:        func(uri string, version int) time.Duration { return time.Duration(version%4) * time.Millisecond },
	}
	done := make(chan error, 1)
	go func() { done <- Serve(context.Background(), server, opt) }()
	c := newDiagnostics()
	conn := c.conn(client)
	ctx := context.Background()
	call(t, conn, "initialize", map[string]any{"rootUri": fileURI(root), "capabilities": map[string]any{
		"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}},
	}}, nil)
	require.NoError(t, conn.Notify(ctx, "initialized", map[string]any{}))

	article := func(day string) string {
		return "---\npublished: 2025-02-25\n---\nPutin called Xi on " + day + ".\n"
	}
	a, b := fileURI(filepath.Join(root, "a.md")), fileURI(filepath.Join(root, "b.md"))
	ruleURI := fileURI(rulePath)
	for _, uri := range []string{a, b} {
		require.NoError(t, conn.Notify(ctx, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": article("Friday")}}))
	}
	c.wait(t, a, 1)

	// Goroutines note their failures here and stop; the test reports them.
	// (A goroutine stuck on a stuck server must not use t after the test.)
	var failMu sync.Mutex
	var failures []string
	fail := func(format string, args ...any) {
		failMu.Lock()
		defer failMu.Unlock()
		failures = append(failures, fmt.Sprintf(format, args...))
	}
	notify := func(method string, params any) bool {
		if err := conn.Notify(ctx, method, params); err != nil {
			fail("%s: %v", method, err)
			return false
		}
		return true
	}
	change := func(uri string, version int, text string) bool {
		return notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": []any{map[string]any{"text": text}}})
	}
	days := []string{"Friday", "Monday"}
	const edits = 60
	var wg sync.WaitGroup
	wg.Go(func() { // typing in a
		for v := 2; v <= edits; v++ {
			if !change(a, v, article(days[v%2])) {
				return
			}
		}
	})
	wg.Go(func() { // typing in b, closing and opening it again
		for v := 2; v <= edits; v++ {
			ok := true
			if v%15 == 0 {
				ok = notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": b}}) &&
					notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": b, "languageId": "markdown", "version": v, "text": article(days[v%2])}})
			} else {
				ok = change(b, v, article(days[v%2]))
			}
			if !ok {
				return
			}
		}
	})
	wg.Go(func() { // the cursor moving over both articles
		for i := range 3 * edits {
			uri := []string{a, b}[i%2]
			cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			var actions []CodeAction
			err := conn.Call(cctx, "textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
				"range": Range{Position{Line: 3}, Position{Line: 3, Character: 30}}, "context": map[string]any{"diagnostics": []any{}}}, &actions)
			cancel()
			if err != nil {
				fail("codeAction %d: %v (the server is stuck?)", i, err)
				return
			}
			for _, act := range actions {
				te := act.Edit.Changes[uri]
				if len(act.Diagnostics) != 1 || len(te) != 1 || te[0].Range != act.Diagnostics[0].Range ||
					(te[0].NewText != "Monday" && te[0].NewText != "Friday") {
					fail("codeAction %d: an action that does not match its diagnostic: %+v", i, act)
					return
				}
			}
		}
	})
	wg.Go(func() { // the rules changing on disk and in the editor
		if !workspaceRules {
			return // the embedded rules do not change
		}
		for i := range 12 {
			if err := writeRules([]string{friday, monday}[i%2]); err != nil {
				fail("%v", err)
				return
			}
			var ok bool
			switch i % 3 {
			case 0:
				ok = notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": ruleURI, "type": 2}}})
			case 1:
				ok = notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": ruleURI}})
			case 2: // open, typed into (invalid for a moment), closed: back to the file on disk
				ok = notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": ruleURI, "languageId": "yaml", "version": 1, "text": monday}}) &&
					notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": ruleURI, "version": 2}, "contentChanges": []any{map[string]any{"text": monday + "    mood: happy\n"}}}) &&
					notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": ruleURI, "version": 3}, "contentChanges": []any{map[string]any{"text": friday}}}) &&
					notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": ruleURI}})
			}
			if !ok {
				return
			}
		}
	})
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(20 * time.Second):
		failMu.Lock()
		defer failMu.Unlock()
		t.Fatalf("the session did not end in 20s: the server is stuck; %q", failures)
	}
	require.Empty(t, failures)

	// With the workspace's rules, the last rules (the call on Friday, on
	// disk) and the last text (Monday): one finding, whose quick fix says
	// Friday. With the embedded rules (the call on Monday), the other way.
	const last = edits + 1
	text, fix, message := article("Friday"), "Monday", "was on Monday 2025-02-24, not Friday"
	if workspaceRules {
		require.NoError(t, writeRules(friday))
		require.NoError(t, conn.Notify(ctx, "workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": ruleURI, "type": 2}}}))
		text, fix, message = article("Monday"), "Friday", "was on Friday 2025-02-21, not Monday"
	}
	require.NoError(t, conn.Notify(ctx, "textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": a, "version": last}, "contentChanges": []any{map[string]any{"text": text}}}))
	p := c.wait(t, a, last)
	require.Len(t, p.Diagnostics, 1)
	assert.Contains(t, p.Diagnostics[0].Message, message)
	if workspaceRules {
		require.Len(t, p.Diagnostics[0].RelatedInformation, 1)
		assert.Equal(t, ruleURI, p.Diagnostics[0].RelatedInformation[0].Location.URI)
	}
	var actions []CodeAction
	call(t, conn, "textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": a}, "range": p.Diagnostics[0].Range,
		"context": map[string]any{"diagnostics": p.Diagnostics}}, &actions)
	require.Len(t, actions, 1)
	assert.Equal(t, fix, actions[0].Edit.Changes[a][0].NewText)
	assert.Equal(t, p.Diagnostics, actions[0].Diagnostics)
	c.mu.Lock()
	assert.Empty(t, c.problems)
	c.mu.Unlock()

	call(t, conn, "shutdown", nil, nil)
	require.NoError(t, conn.Notify(ctx, "exit", nil))
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("no exit")
	}
}

// TestConfigSeverities: a document's findings go through the processors
// the command gives (pipeline.ForEditor): the config's severity: makes
// event-date a warning, or turns it off.
func TestConfigSeverities(t *testing.T) {
	for _, tc := range []struct {
		config string
		want   []int // the diagnostics' severities
	}{
		{"", []int{SeverityError}},
		{"severity:\n  event-date: warning\n", []int{SeverityWarning}},
		{"severity:\n  event-date: \"off\"\n", nil},
	} {
		root := t.TempDir()
		if tc.config != "" {
			require.NoError(t, os.WriteFile(filepath.Join(root, ".claimlint.yaml"), []byte(tc.config), 0o644))
		} else if found, _ := config.Find(root); found != "" {
			t.Skipf("%s above the temporary folder would name other rules", found)
		}
		server, client := net.Pipe()
		go Serve(context.Background(), server, Options{DefaultRules: embeddedRules(t), Process: pipeline.ForEditor})
		got := make(chan PublishDiagnosticsParams, 100)
		conn := connect(client, got)
		call(t, conn, "initialize", map[string]any{"rootUri": fileURI(root), "capabilities": map[string]any{}}, nil)
		uri := fileURI(filepath.Join(root, "a.md"))
		require.NoError(t, conn.Notify(context.Background(), "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": uri, "version": 1, "text": "---\npublished: 2025-02-25\n---\nPutin called Xi on Friday.\n"}}))
		var sev []int
		for _, d := range waitFor(t, got, uri).Diagnostics {
			sev = append(sev, d.Severity)
		}
		assert.Equal(t, tc.want, sev, "config %q", tc.config)
		client.Close()
	}
}
