package lsp

import (
	"context"
	"encoding/json"
	"net"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/ledger"
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
