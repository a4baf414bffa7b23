// Package ledgercache keeps compiled ledgers (checker/ledger's
// WriteCompiled) in files, so that a large ledger, loaded once, is read
// back on the next runs instead of being parsed and checked again: a
// 100,000-entity ledger of 29 MB loads in about a second, and reads back in
// about a tenth of one.
//
// A compiled ledger is keyed by the rule files (their names and bytes, in
// order) and the claimlint that compiled it: any change to either is
// another key. Only ledgers loaded without a problem are kept, so problems
// are always found and reported by loading. A file is a head (a magic
// string, the key, the record's length and its CRC-32C) and the record; a
// file with another key, length or checksum, or whose record does not read
// back whole, is a miss, and is written again.
package ledgercache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/claimlint/claimlint/checker/ledger"
)

// MinBytes is the size of rule files from which their ledger is cached:
// smaller ones load in milliseconds, less than hashing, reading and
// writing a compiled copy would take.
const MinBytes = 1 << 20

// Keep is how many compiled ledgers are kept: those used last. A desk
// editing its ledger makes a new one at each change.
const Keep = 4

const magic = "claimlint ledger cache 1\n"

// headSize is the length of a file's head: magic, key, length, checksum.
const headSize = len(magic) + sha256.Size + 8 + 4

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Load returns the ledger of files, as ledger.Load does: read from a
// compiled copy in dir when there is one for these files and this
// program (program returns an identity of the claimlint running), else
// loaded, and then written to dir for the next run when it loads without a
// problem. Rule files of fewer than MinBytes in all, or a program whose
// identity is "", are loaded as they are.
// Failing to read or write the cache is never an error: it only saves time.
func Load(dir string, files []ledger.File, program func() string) (*ledger.Ledger, error) {
	size := 0
	for _, f := range files {
		size += len(f.Data)
	}
	if dir == "" || size < MinBytes {
		return ledger.Load(files)
	}
	id := program()
	if id == "" {
		return ledger.Load(files) // a program that cannot say which it is keeps nothing
	}
	key := Key(files, id)
	path := filepath.Join(dir, hex.EncodeToString(key[:]))
	if l, ok := read(path, key); ok {
		now := time.Now()
		_ = os.Chtimes(path, now, now) // used last: kept longest
		return l, nil
	}
	l, err := ledger.Load(files)
	if err != nil {
		return nil, err
	}
	if write(dir, path, key, l) {
		prune(dir, path)
	}
	return l, nil
}

// Key identifies the rule files, by name and content, and the program.
func Key(files []ledger.File, program string) [sha256.Size]byte {
	h := sha256.New()
	io.WriteString(h, "claimlint compiled ledger\x00"+program+"\x00")
	var n [8]byte
	for _, f := range files {
		binary.BigEndian.PutUint64(n[:], uint64(len(f.Name)))
		h.Write(n[:])
		io.WriteString(h, f.Name)
		binary.BigEndian.PutUint64(n[:], uint64(len(f.Data)))
		h.Write(n[:])
		h.Write(f.Data)
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

// read reads the compiled ledger at path, if it is a whole one of key.
func read(path string, key [sha256.Size]byte) (*ledger.Ledger, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var head [headSize]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return nil, false
	}
	want := appendHead(nil, key, 0, 0)
	if !bytes.Equal(head[:len(magic)+sha256.Size], want[:len(magic)+sha256.Size]) {
		return nil, false
	}
	n := binary.BigEndian.Uint64(head[len(magic)+sha256.Size:])
	sum := binary.BigEndian.Uint32(head[len(magic)+sha256.Size+8:])
	st, err := f.Stat()
	if err != nil || uint64(st.Size()) != uint64(headSize)+n {
		return nil, false
	}
	// The record is read into a string whose parts the ledger's strings
	// are, checksummed as it is read.
	var body strings.Builder
	body.Grow(int(n))
	crc := crc32.New(castagnoli)
	if m, err := io.Copy(io.MultiWriter(&body, crc), f); err != nil || uint64(m) != n || crc.Sum32() != sum {
		return nil, false
	}
	l, err := ledger.ReadCompiled(body.String())
	if err != nil {
		return nil, false
	}
	return l, true
}

func appendHead(b []byte, key [sha256.Size]byte, n uint64, sum uint32) []byte {
	b = append(b, magic...)
	b = append(b, key[:]...)
	b = binary.BigEndian.AppendUint64(b, n)
	return binary.BigEndian.AppendUint32(b, sum)
}

// write writes l compiled to path, through a temporary file in dir, and
// reports whether it did.
func write(dir, path string, key [sha256.Size]byte, l *ledger.Ledger) bool {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return false
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(appendHead(nil, key, 0, 0)); err != nil {
		return false
	}
	crc := crc32.New(castagnoli)
	count := &counter{}
	w := bufio.NewWriterSize(io.MultiWriter(tmp, crc, count), 256<<10)
	if l.WriteCompiled(w) != nil || w.Flush() != nil {
		return false
	}
	if _, err := tmp.WriteAt(appendHead(nil, key, count.n, crc.Sum32()), 0); err != nil {
		return false
	}
	if tmp.Close() != nil || os.Rename(tmp.Name(), path) != nil {
		return false
	}
	ok = true
	return true
}

// counter counts the bytes written through it.
type counter struct{ n uint64 }

func (c *counter) Write(b []byte) (int, error) {
	c.n += uint64(len(b))
	return len(b), nil
}

// prune removes all but the Keep compiled ledgers of dir used last, and
// temporary files an interrupted run left an hour ago or more; never keep,
// the one just written.
func prune(dir, keep string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type file struct {
		path string
		mod  time.Time
	}
	var compiled []file
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), ".tmp-"):
			if time.Since(info.ModTime()) > time.Hour {
				os.Remove(p)
			}
		case len(e.Name()) == 2*sha256.Size && p != keep:
			compiled = append(compiled, file{p, info.ModTime()})
		}
	}
	slices.SortFunc(compiled, func(a, b file) int { return b.mod.Compare(a.mod) })
	for i, f := range compiled {
		if i >= Keep-1 {
			os.Remove(f.path)
		}
	}
}
