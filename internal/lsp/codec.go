package lsp

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"strconv"
	"strings"

	"github.com/sourcegraph/jsonrpc2"
)

// maxMessage is the largest message body read, in bytes (a whole article
// in a didChange, with room to spare).
const maxMessage = 256 << 20

// codec reads and writes LSP's Content-Length framed messages, as
// jsonrpc2.VSCodeObjectCodec does, but reads each body whole first: a body
// that is not JSON, or not a JSON-RPC message, gets an error response with
// a null id (a parse error, or an invalid request) and the next message is
// read, where the library's codec ended the connection. A broken header
// still ends it: past one, where the next message starts is unknown.
type codec struct {
	stream jsonrpc2.ObjectStream // to answer on, set once it is made
	log    *log.Logger
}

func (c *codec) WriteObject(w io.Writer, obj any) error {
	return jsonrpc2.VSCodeObjectCodec{}.WriteObject(w, obj)
}

func (c *codec) ReadObject(r *bufio.Reader, v any) error {
	for {
		body, err := readFrame(r)
		if err != nil {
			return err
		}
		err = json.Unmarshal(body, v)
		if err == nil {
			return nil
		}
		code, what := int64(jsonrpc2.CodeInvalidRequest), "Invalid request"
		if !json.Valid(body) {
			code, what = jsonrpc2.CodeParseError, "Parse error"
		}
		c.log.Printf("%s: %v", strings.ToLower(what), err)
		resp := map[string]any{"jsonrpc": "2.0", "id": nil, "error": map[string]any{"code": code, "message": what + ": " + err.Error()}}
		if err := c.stream.WriteObject(resp); err != nil {
			return err
		}
	}
}

// readFrame reads one message's headers and its body.
func readFrame(r *bufio.Reader) ([]byte, error) {
	n := int64(-1)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		if !strings.HasSuffix(line, "\r\n") {
			return nil, fmt.Errorf(`jsonrpc2: header lines must end in \r\n`)
		}
		line = strings.TrimSuffix(line, "\r\n")
		if line == "" {
			break
		}
		name, val, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("jsonrpc2: malformed header %q", line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err = strconv.ParseInt(strings.TrimSpace(val), 10, 64)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("jsonrpc2: bad Content-Length %q", val)
			}
		}
	}
	if n < 0 {
		return nil, fmt.Errorf("jsonrpc2: no Content-Length header found")
	}
	if n > maxMessage {
		return nil, fmt.Errorf("jsonrpc2: message of %d bytes, over the limit of %d", n, maxMessage)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	return body, nil
}
