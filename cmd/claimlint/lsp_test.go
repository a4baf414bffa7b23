package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/internal/lsp"
)

type pipes struct {
	io.Reader
	io.Writer
	closers []io.Closer
}

func (p pipes) Close() error {
	for _, c := range p.closers {
		c.Close()
	}
	return nil
}

// lspClient is an editor talking to `claimlint lsp` over pipes.
type lspClient struct {
	t     *testing.T
	conn  *jsonrpc2.Conn
	diags chan publish
	done  chan int
}

type publish struct {
	lsp.PublishDiagnosticsParams
	raw json.RawMessage
}

func startLSP(t *testing.T) *lspClient {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &lspClient{t: t, diags: make(chan publish, 100), done: make(chan int, 1)}
	go func() {
		var stderr strings.Builder
		code := run([]string{"lsp"}, inR, outW, &stderr)
		outW.Close()
		if stderr.Len() > 0 {
			t.Logf("server stderr: %s", stderr.String())
		}
		c.done <- code
	}()
	handler := jsonrpc2.HandlerWithError(func(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
		if req.Method == "textDocument/publishDiagnostics" && req.Params != nil {
			var p publish
			if err := json.Unmarshal(*req.Params, &p.PublishDiagnosticsParams); err != nil {
				return nil, err
			}
			p.raw = append(json.RawMessage(nil), *req.Params...)
			c.diags <- p
		}
		return nil, nil
	})
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(pipes{outR, inW, []io.Closer{inW, outR}}, jsonrpc2.VSCodeObjectCodec{}), handler)
	return c
}

func (c *lspClient) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(c.t, c.conn.Call(ctx, method, params, result), method)
}

func (c *lspClient) notify(method string, params any) {
	c.t.Helper()
	require.NoError(c.t, c.conn.Notify(context.Background(), method, params), method)
}

// wait returns the next diagnostics published for uri.
func (c *lspClient) wait(uri string) publish {
	c.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case p := <-c.diags:
			if p.URI == uri {
				return p
			}
		case <-deadline:
			c.t.Fatalf("no diagnostics for %s", uri)
		}
	}
}

func fileURI(p string) string { return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String() }

const lspRules = `entities:
  - id: putin
    kind: person
    name: Vladimir Putin
    short: Putin
    aliases: [Putin]
  - id: xi
    kind: person
    name: Xi Jinping
    short: Xi
    aliases: [Xi]
events:
  - id: call-2025-02-24
    kind: call
    date: 2025-02-24
    participants: [xi, putin]
    sources: [{outlet: Kremlin}]
`

func TestLanguageServer(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "rules"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, ".claimlint.yaml"), []byte("rules: [rules/]\n"), 0o644))
	rulePath := filepath.Join(root, "rules", "r.yaml")
	require.NoError(t, os.WriteFile(rulePath, []byte(lspRules), 0o644))

	c := startLSP(t)
	var init struct {
		Capabilities struct {
			PositionEncoding   string `json:"positionEncoding"`
			CodeActionProvider struct {
				CodeActionKinds []string `json:"codeActionKinds"`
			} `json:"codeActionProvider"`
		} `json:"capabilities"`
	}
	c.call("initialize", map[string]any{"rootUri": fileURI(root), "capabilities": map[string]any{}}, &init)
	assert.Equal(t, "utf-16", init.Capabilities.PositionEncoding, "UTF-16 unless the client offers another")
	assert.Equal(t, []string{"quickfix"}, init.Capabilities.CodeActionProvider.CodeActionKinds)
	c.notify("initialized", map[string]any{})

	// An unsaved article with a known discrepancy, after a character that is
	// two UTF-16 units ("𝐀") so that columns are checked in UTF-16.
	uri := fileURI(filepath.Join(root, "draft.md"))
	text := "---\npublished: 2025-02-25\n---\n𝐀 Putin called Xi on Friday.\n"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
	p := c.wait(uri)
	require.Len(t, p.Diagnostics, 1)
	d := p.Diagnostics[0]
	assert.Equal(t, "event-date", d.Code)
	assert.Equal(t, "claimlint", d.Source)
	assert.Equal(t, lsp.SeverityError, d.Severity)
	assert.Equal(t, "the Putin–Xi call was on Monday 2025-02-24, not Friday (2025-02-21)", d.Message)
	assert.Equal(t, lsp.Range{Start: lsp.Position{Line: 3, Character: 22}, End: lsp.Position{Line: 3, Character: 28}}, d.Range)
	require.NotNil(t, d.CodeDescription)
	assert.Contains(t, d.CodeDescription.Href, "#rule-event-date")
	require.Len(t, d.RelatedInformation, 1)
	assert.Equal(t, fileURI(rulePath), d.RelatedInformation[0].Location.URI)
	assert.Equal(t, 12, d.RelatedInformation[0].Location.Range.Start.Line, "the event's line in the rule file")

	// The quick fix, applied as the editor would, clears the diagnostics with [].
	var actions []lsp.CodeAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": d.Range,
		"context": map[string]any{"diagnostics": p.Diagnostics}}, &actions)
	require.Len(t, actions, 1)
	assert.Equal(t, "quickfix", actions[0].Kind)
	edits := actions[0].Edit.Changes[uri]
	require.Len(t, edits, 1)
	assert.Equal(t, "Monday", edits[0].NewText)
	assert.Equal(t, d.Range, edits[0].Range)
	fixed := strings.Replace(text, "Friday", edits[0].NewText, 1)
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": fixed}}})
	p = c.wait(uri)
	assert.Empty(t, p.Diagnostics)
	assert.Contains(t, string(p.raw), `"diagnostics":[]`, "clearing sends [], never null")

	// A broken rule file, open in the editor: its errors are published on it,
	// at their positions.
	ruleURI := fileURI(rulePath)
	broken := lspRules + "    mood: happy\n" // line 18, an unknown key
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": ruleURI, "languageId": "yaml", "version": 1, "text": broken}})
	rp := c.wait(ruleURI)
	require.Len(t, rp.Diagnostics, 1)
	assert.Equal(t, `unknown key "mood"`, rp.Diagnostics[0].Message)
	assert.Equal(t, lsp.Position{Line: 17, Character: 4}, rp.Diagnostics[0].Range.Start, "0-based")

	// After characters of two bytes, an error is where the editor counts:
	// the parser counts characters, not bytes.
	accented := lspRules + "  - {id: call-2, kind: call, date: 2025-02-25, participants: [xi, putin], title: Zoë Ünal, mood: happy}\n"
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": ruleURI, "version": 2}, "contentChanges": []any{map[string]any{"text": accented}}})
	rp = c.wait(ruleURI)
	require.Len(t, rp.Diagnostics, 1)
	assert.Equal(t, `unknown key "mood"`, rp.Diagnostics[0].Message)
	assert.Equal(t, lsp.Position{Line: 17, Character: 91}, rp.Diagnostics[0].Range.Start, "the column of mood, in UTF-16 units")

	// Valid but suspect: the ledger's self-check is published on it too.
	dup := lspRules + `  - id: call-copy
    kind: call
    date: 2025-02-24
    participants: [putin, xi]
`
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": ruleURI, "version": 3}, "contentChanges": []any{map[string]any{"text": dup}}})
	rp = c.wait(ruleURI)
	require.Len(t, rp.Diagnostics, 1)
	assert.Equal(t, "ledger-duplicate-event", rp.Diagnostics[0].Code)
	assert.Equal(t, lsp.SeverityWarning, rp.Diagnostics[0].Severity)
	assert.Equal(t, lsp.Position{Line: 17, Character: 4}, rp.Diagnostics[0].Range.Start)
	assert.Empty(t, c.wait(uri).Diagnostics, "the article is checked again: still right")

	// Fixed, with the call moved to Friday: the rule file is cleared and the
	// open article is checked again with the new rules.
	moved := strings.Replace(lspRules, "date: 2025-02-24", "date: 2025-02-21", 1)
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": ruleURI, "version": 4}, "contentChanges": []any{map[string]any{"text": moved}}})
	assert.Empty(t, c.wait(ruleURI).Diagnostics)
	p = c.wait(uri)
	require.Len(t, p.Diagnostics, 1, "Monday is now wrong")
	assert.Contains(t, p.Diagnostics[0].Message, "was on Friday 2025-02-21, not Monday")

	// Closing clears; shutdown and exit end the server with status 0.
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	assert.Empty(t, c.wait(uri).Diagnostics)
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case code := <-c.done:
		assert.Equal(t, 0, code)
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
}

// TestLanguageServerEmbeddedRules: with no .claimlint.yaml, `claimlint lsp`
// checks with the embedded rules, whose evidence positions are relative
// (rules/events.yaml:…). The first code action on such a finding used to
// hang the server for good.
func TestLanguageServerEmbeddedRules(t *testing.T) {
	root := t.TempDir()
	if found, _ := config.Find(root); found != "" {
		t.Skipf("%s above the temporary folder would name other rules", found)
	}
	c := startLSP(t)
	c.call("initialize", map[string]any{"rootUri": fileURI(root), "capabilities": map[string]any{}}, nil)
	c.notify("initialized", map[string]any{})
	uri := fileURI(filepath.Join(root, "draft.md"))
	text := "---\npublished: 2025-02-25\n---\nPutin called Xi on Friday.\n"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
	p := c.wait(uri)
	require.Len(t, p.Diagnostics, 1)
	assert.Equal(t, "event-date", p.Diagnostics[0].Code)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var actions []lsp.CodeAction
	err := c.conn.Call(ctx, "textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": p.Diagnostics[0].Range,
		"context": map[string]any{"diagnostics": p.Diagnostics}}, &actions)
	if errors.Is(err, context.DeadlineExceeded) {
		t.Fatal("textDocument/codeAction: no answer in 5s: the server is stuck (deadlocked?)")
	}
	require.NoError(t, err)
	require.Len(t, actions, 1)
	require.Len(t, actions[0].Edit.Changes[uri], 1)
	assert.Equal(t, "Monday", actions[0].Edit.Changes[uri][0].NewText)

	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case code := <-c.done:
		assert.Equal(t, 0, code)
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
}

// TestLanguageServerEmbeddedPlusDesk: rules: [embedded, desk.yaml] checks
// with the embedded rules and the desk's own file, whose event refers to an
// embedded entity (before, "embedded" was read as a missing folder and the
// server checked with no rules of the workspace).
func TestLanguageServerEmbeddedPlusDesk(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, ".claimlint.yaml"), []byte("rules: [embedded, desk.yaml]\n"), 0o644))
	desk := "entities:\n  - {id: desk-mayor, kind: person, name: Anna Berg, short: Berg, aliases: [Berg]}\nevents:\n" +
		"  - {id: desk-call, kind: call, date: 2026-03-10, participants: [xi-jinping, desk-mayor], sources: [{outlet: desk}]}\n"
	require.NoError(t, os.WriteFile(filepath.Join(root, "desk.yaml"), []byte(desk), 0o644))
	c := startLSP(t)
	c.call("initialize", map[string]any{"rootUri": fileURI(root), "capabilities": map[string]any{}}, nil)
	c.notify("initialized", map[string]any{})
	uri := fileURI(filepath.Join(root, "draft.md"))
	text := "---\npublished: 2026-03-12\n---\nXi Jinping spoke with Anna Berg by phone on Monday.\n\nPutin called Xi on Friday, February 21, 2025.\n"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
	p := c.wait(uri)
	var msgs []string
	for _, d := range p.Diagnostics {
		msgs = append(msgs, d.Message)
	}
	assert.ElementsMatch(t, []string{
		"the Xi–Berg call was on Tuesday 2026-03-10, not Monday (2026-03-09)",
		"the Putin–Xi call was on Monday 2025-02-24, not Friday, February 21, 2025 (2025-02-21)",
	}, msgs)
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case code := <-c.done:
		assert.Equal(t, 0, code)
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
}
