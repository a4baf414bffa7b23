package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/config"
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
		loc, ok := s.evidence("rules/r.yaml:2:4", rs) // x, after two spaces and 𝐀
		require.True(t, ok, enc)
		assert.Equal(t, fileURI(onDisk), loc.URI, enc)
		assert.Equal(t, Range{Position{1, want}, Position{1, want}}, loc.Range, enc)
	}
	s := &Server{encoding: "utf-16"}
	loc, ok := s.evidence("rules/r.yaml:9:1", rs)
	assert.True(t, ok, "a line past the end")
	assert.Equal(t, Position{Line: 8}, loc.Range.Start)
	for _, pos := range []string{"rules/gone.yaml:1:1", filepath.Join(root, "gone.yaml") + ":1:1", "other.yaml:1:1", "rules/r.yaml", ""} {
		_, ok := s.evidence(pos, rs)
		assert.False(t, ok, pos)
	}
}
