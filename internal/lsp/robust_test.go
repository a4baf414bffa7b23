package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/checker/ledger"
)

// rawClient writes framed messages as given and reads the server's.
type rawClient struct {
	conn net.Conn
	r    *bufio.Reader
}

func (c *rawClient) send(t *testing.T, body string) {
	t.Helper()
	_, err := fmt.Fprintf(c.conn, "Content-Length: %d\r\n\r\n%s", len(body), body)
	require.NoError(t, err)
}

// read returns the next message the server writes, within 5 s.
func (c *rawClient) read(t *testing.T) map[string]any {
	t.Helper()
	c.conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	n := 0
	for {
		line, err := c.r.ReadString('\n')
		require.NoError(t, err)
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			n, _ = strconv.Atoi(v)
		}
	}
	body := make([]byte, n)
	_, err := io.ReadFull(c.r, body)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(body, &m), "%s", body)
	return m
}

func startRaw(t *testing.T) (*rawClient, chan error) {
	server, client := net.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- Serve(context.Background(), server, Options{DefaultRules: []ledger.File{{Name: "r.yaml", Data: []byte(rules)}}})
	}()
	t.Cleanup(func() { client.Close() })
	return &rawClient{conn: client, r: bufio.NewReader(client)}, done
}

// TestMalformedMessages: a body that is not JSON, or not a JSON-RPC
// message, gets an error response with a null id (-32700 parse error,
// -32600 invalid request), and the server goes on serving. It used to
// close the connection and exit.
func TestMalformedMessages(t *testing.T) {
	c, done := startRaw(t)
	for _, tt := range []struct {
		body string
		code float64
	}{
		{`{this is not json`, jsonrpc2.CodeParseError},
		{`[1, 2`, jsonrpc2.CodeParseError},
		{`"a string"`, jsonrpc2.CodeInvalidRequest},
		{`{"jsonrpc":"2.0","id":1}`, jsonrpc2.CodeInvalidRequest},
	} {
		c.send(t, tt.body)
		m := c.read(t)
		require.Contains(t, m, "error", "%s: %v", tt.body, m)
		assert.Nil(t, m["id"], tt.body)
		assert.Contains(t, m, "id", "a response to a message without an id has \"id\": null")
		assert.Equal(t, tt.code, m["error"].(map[string]any)["code"], tt.body)
	}
	c.send(t, `{"jsonrpc":"2.0","id":7,"method":"initialize","params":{"rootUri":"file:///nonexistent","capabilities":{}}}`)
	m := c.read(t)
	assert.Equal(t, float64(7), m["id"])
	assert.Contains(t, m, "result", "the server still serves: %v", m)
	select {
	case err := <-done:
		t.Fatalf("the server stopped: %v", err)
	default:
	}
}

// TestNothingAfterShutdown: after shutdown, a request gets an
// invalid-request error, a notification does nothing (no diagnostics for a
// document opened), and exit ends the server cleanly.
func TestNothingAfterShutdown(t *testing.T) {
	c, done := startRaw(t)
	c.send(t, `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"file:///nonexistent","capabilities":{}}}`)
	require.Contains(t, c.read(t), "result")
	c.send(t, `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
	m := c.read(t)
	require.Equal(t, float64(2), m["id"])
	require.Contains(t, m, "result")
	open := map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
		"uri": "file:///nonexistent/a.md", "version": 1, "text": "---\npublished: 2025-02-25\n---\nPutin called Xi on Friday.\n"}}}
	b, _ := json.Marshal(open)
	c.send(t, string(b))
	c.send(t, `{"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///nonexistent/a.md"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}}`)
	m = c.read(t) // the next message is the error, not diagnostics
	require.Equal(t, float64(3), m["id"], "%v", m)
	require.Contains(t, m, "error")
	assert.Equal(t, float64(jsonrpc2.CodeInvalidRequest), m["error"].(map[string]any)["code"])
	c.send(t, `{"jsonrpc":"2.0","method":"exit"}`)
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("no exit")
	}
}

// TestFastEditsAreCoalesced sends 300 edits as fast as it can to a document
// whose every check takes 30 ms: the server checks a few versions, not
// each one (it checked all 300, so 1,000 edits to a long article took
// minutes to settle), and the last version is published, and last.
func TestFastEditsAreCoalesced(t *testing.T) {
	server, client := net.Pipe()
	var mu sync.Mutex
	var checked []int
	opt := Options{DefaultRules: []ledger.File{{Name: "r.yaml", Data: []byte(rules)}},
		Delay: func(uri string, version int) time.Duration {
			mu.Lock()
			checked = append(checked, version)
			mu.Unlock()
			return 30 * time.Millisecond
		}}
	go Serve(context.Background(), server, opt)
	got := make(chan PublishDiagnosticsParams, 1000)
	conn := connect(client, got)
	ctx := context.Background()
	require.NoError(t, conn.Call(ctx, "initialize", map[string]any{"rootUri": "file:///nonexistent", "capabilities": map[string]any{}}, nil))
	uri := "file:///nonexistent/a.md"
	wrong := "---\npublished: 2025-02-25\n---\nPutin called Xi on Friday.\n"
	right := "---\npublished: 2025-02-25\n---\nPutin called Xi on Monday.\n"
	require.NoError(t, conn.Notify(ctx, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 1, "text": right}}))
	const last = 300
	start := time.Now()
	for v := 2; v <= last; v++ {
		text := right
		if v%2 == 1 {
			text = wrong
		}
		require.NoError(t, conn.Notify(ctx, "textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": v}, "contentChanges": []any{map[string]any{"text": text}}}))
	}
	seen := 0
	for seen != last {
		select {
		case p := <-got:
			require.NotNil(t, p.Version)
			require.Greater(t, *p.Version, seen)
			seen = *p.Version
		case <-time.After(10 * time.Second):
			t.Fatalf("the last version was never published (last seen: %d)", seen)
		}
	}
	settled := time.Since(start)
	select {
	case p := <-got:
		t.Fatalf("published after the last version: %+v", p)
	case <-time.After(300 * time.Millisecond):
	}
	mu.Lock()
	defer mu.Unlock()
	assert.Less(t, len(checked), 20, "checked versions %v: each edit was checked", checked)
	assert.Equal(t, last, checked[len(checked)-1])
	t.Logf("%d edits settled in %v with %d checks", last, settled, len(checked))
}

// TestStaleCheckIsStopped: an edit made while a check runs stops that
// check (its text is stale) instead of letting it run to its end, and the
// newest text is checked and published. The check of version 1 is held for
// a second; version 2 arrives at once.
func TestStaleCheckIsStopped(t *testing.T) {
	server, client := net.Pipe()
	type end struct {
		version int
		err     error
	}
	ends := make(chan end, 10)
	opt := Options{DefaultRules: []ledger.File{{Name: "r.yaml", Data: []byte(rules)}},
		Debounce: -1,
		Delay: func(uri string, version int) time.Duration {
			if version == 1 {
				return time.Second
			}
			return 0
		},
		Done: func(uri string, version int, err error) { ends <- end{version, err} }}
	go Serve(context.Background(), server, opt)
	got := make(chan PublishDiagnosticsParams, 10)
	conn := connect(client, got)
	ctx := context.Background()
	require.NoError(t, conn.Call(ctx, "initialize", map[string]any{"rootUri": "file:///nonexistent", "capabilities": map[string]any{}}, nil))
	uri := "file:///nonexistent/a.md"
	wrong := "---\npublished: 2025-02-25\n---\nPutin called Xi on Friday.\n"
	require.NoError(t, conn.Notify(ctx, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 1, "text": wrong}}))
	time.Sleep(100 * time.Millisecond) // the check of version 1 has started
	require.NoError(t, conn.Notify(ctx, "textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": wrong + "\nMore.\n"}}}))
	first := <-ends
	assert.Equal(t, 1, first.version)
	assert.ErrorIs(t, first.err, context.Canceled, "the stale check ran to its end")
	second := <-ends
	assert.Equal(t, end{2, nil}, second)
	select {
	case p := <-got:
		require.NotNil(t, p.Version)
		assert.Equal(t, 2, *p.Version)
		assert.NotEmpty(t, p.Diagnostics)
	case <-time.After(5 * time.Second):
		t.Fatal("version 2 was never published")
	}
}
