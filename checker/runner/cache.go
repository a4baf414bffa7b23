package runner

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/ledger"
)

// Cache keeps each article's findings, keyed by everything they depend on:
// the article's bytes, its name's extension (Markdown or text), the date it
// is checked on when its front matter has none, the rules, and the claimlint
// that made them. A second run over an unchanged corpus reads the findings
// back instead of checking; a change to any of those is a miss, so the cache
// never changes a result.
type Cache struct {
	Dir  string // where entries live
	salt []byte // the rules and the program, hashed
}

// NewCache opens a cache in dir for a set of rule files and a program
// identity (the executable's hash, say).
func NewCache(dir string, rules []ledger.File, program string) *Cache {
	h := sha256.New()
	io.WriteString(h, "claimlint cache v1\x00"+program+"\x00")
	for _, f := range rules {
		io.WriteString(h, f.Name+"\x00")
		h.Write(f.Data)
		h.Write([]byte{0})
	}
	return &Cache{Dir: dir, salt: h.Sum(nil)}
}

// ProgramHash hashes the running executable, so that a rebuilt claimlint
// never reads the results of another.
func ProgramHash() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) key(path string, data []byte, published ledger.Date) string {
	h := sha256.New()
	h.Write(c.salt)
	io.WriteString(h, strings.ToLower(filepath.Ext(path))+"\x00"+published.String()+"\x00")
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) file(key string) string { return filepath.Join(c.Dir, key[:2], key[2:]+".json") }

// get returns the findings cached for an article, with its path set.
func (c *Cache) get(path string, data []byte, published ledger.Date) ([]checker.Finding, bool) {
	b, err := os.ReadFile(c.file(c.key(path, data, published)))
	if err != nil {
		return nil, false
	}
	var fs []checker.Finding
	if err := json.Unmarshal(b, &fs); err != nil {
		return nil, false // a damaged entry is a miss
	}
	for i := range fs {
		fs[i].Path = path
	}
	return fs, true
}

// put stores an article's findings. Failing to store is not an error: the
// cache only saves time.
func (c *Cache) put(path string, data []byte, published ledger.Date, fs []checker.Finding) {
	key := c.key(path, data, published)
	stored := make([]checker.Finding, len(fs))
	for i, f := range fs {
		f.Path = "" // set back on reading: the same text under another name has the same findings
		stored[i] = f
	}
	b, err := json.Marshal(stored)
	if err != nil {
		return
	}
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
