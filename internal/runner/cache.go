package runner

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/rec"
)

// Cache keeps each article's findings, keyed by everything they depend on:
// the article's bytes, its name's extension (Markdown or text), the date it
// is checked on when its front matter has none, the cap on claims an
// article is read for (checker.Checker.Limit), the rules, and the claimlint
// that made them. A second run over an unchanged corpus reads the findings
// back instead of checking; a change to any of those is a miss, so the cache
// never changes a result.
type Cache struct {
	Dir  string // where entries live
	salt []byte // the rules and the program, hashed
}

// NewCache opens a cache in dir for a set of rule files and a program
// identity (ProgramID).
func NewCache(dir string, rules []ledger.File, program string) *Cache {
	h := sha256.New()
	io.WriteString(h, "claimlint cache v3\x00"+program+"\x00")
	for _, f := range rules {
		io.WriteString(h, f.Name+"\x00")
		h.Write(f.Data)
		h.Write([]byte{0})
	}
	return &Cache{Dir: dir, salt: h.Sum(nil)}
}

func (c *Cache) key(path string, data []byte, published civil.Date, limit int) string {
	h := sha256.New()
	h.Write(c.salt)
	io.WriteString(h, strings.ToLower(filepath.Ext(path))+"\x00"+published.String()+"\x00"+strconv.Itoa(limit)+"\x00")
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) file(key string) string { return filepath.Join(c.Dir, key[:2], key[2:]) }

// entry is what the cache keeps of an article: its findings and, when they
// were recorded, its claims.
type entry struct {
	Findings []checker.Finding
	Claims   []checker.Claim
	Stmts    []corpus.Stmt
	Mode     ClaimMode // which claims were kept
}

// An entry is stored as one record (package rec) and its CRC-32C: reading
// a record back is about ten times faster than JSON, which was half the
// time of a run from the cache, and the checksum makes an entry that a
// crash or a full disk left damaged (zeroed, cut short) a miss.
const entryMagic = "claimlint result v4\n"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func (e *entry) encode() []byte {
	b := e.record([]byte(entryMagic))
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b[len(entryMagic):], castagnoli))
}

// record appends the entry's record to b.
func (e *entry) record(b []byte) []byte {
	w := rec.Writer{B: b}
	w.Int(int(e.Mode))
	rec.WriteSlice(&w, e.Findings, checker.EncodeFinding)
	rec.WriteSlice(&w, e.Claims, checker.EncodeClaim)
	rec.WriteSlice(&w, e.Stmts, corpus.EncodeStmt)
	return w.B
}

func decodeEntry(b []byte) (entry, error) {
	rest, ok := bytes.CutPrefix(b, []byte(entryMagic))
	if !ok || len(rest) < 4 {
		return entry{}, rec.ErrDamaged
	}
	body, sum := rest[:len(rest)-4], rest[len(rest)-4:]
	if crc32.Checksum(body, castagnoli) != binary.BigEndian.Uint32(sum) {
		return entry{}, rec.ErrDamaged
	}
	return readEntry(body)
}

// readEntry reads what record wrote.
func readEntry(b []byte) (entry, error) {
	r := rec.NewReader(b)
	var e entry
	e.Mode = ClaimMode(r.Int())
	e.Findings = rec.ReadSlice(r, checker.DecodeFinding)
	e.Claims = rec.ReadSlice(r, checker.DecodeClaim)
	e.Stmts = rec.ReadSlice(r, corpus.DecodeStmt)
	if err := r.Done(); err != nil {
		return entry{}, err
	}
	return e, nil
}

// get returns what is cached for an article, with its path set. An entry
// that kept fewer claims than wanted is a miss; one that kept more gives
// what is wanted.
func (c *Cache) get(path string, data []byte, published civil.Date, limit int, claims ClaimMode) (entry, bool) {
	b, err := os.ReadFile(c.file(c.key(path, data, published, limit)))
	if err != nil {
		return entry{}, false
	}
	e, err := decodeEntry(b)
	if err != nil || e.Mode < claims {
		return entry{}, false // a damaged entry is a miss
	}
	switch claims {
	case NoClaims:
		e.Claims, e.Stmts = nil, nil
	case CorpusClaims:
		e.Claims = nil
	}
	for i := range e.Findings {
		e.Findings[i].Path = path
	}
	for i := range e.Claims {
		e.Claims[i].Path = path
	}
	for i := range e.Stmts {
		e.Stmts[i].Path = path
	}
	return e, true
}

// put stores an article's findings (and claims). Failing to store is not an
// error: the cache only saves time. Paths are set back on reading: the same
// text under another name has the same findings.
func (c *Cache) put(path string, data []byte, published civil.Date, limit int, e entry) {
	key := c.key(path, data, published, limit)
	stored := entry{Findings: make([]checker.Finding, len(e.Findings)), Mode: e.Mode}
	for i, f := range e.Findings {
		f.Path = ""
		stored.Findings[i] = f
	}
	for _, cl := range e.Claims {
		cl.Path = ""
		stored.Claims = append(stored.Claims, cl)
	}
	for _, st := range e.Stmts {
		st.Path = ""
		stored.Stmts = append(stored.Stmts, st)
	}
	b := stored.encode()
	p := c.file(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), p) != nil {
		os.Remove(tmp.Name())
	}
}

// Clean removes every entry.
func (c *Cache) Clean() error { return os.RemoveAll(c.Dir) }

// DefaultCacheDir is claimlint's folder in the user's cache directory.
func DefaultCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "claimlint", "results"), nil
}
