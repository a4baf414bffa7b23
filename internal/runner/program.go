package runner

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"debug/macho"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// ProgramID identifies the code of the running claimlint, for the result
// cache: a cache entry made by one build is never read by another. It is,
// in order:
//
//   - the build information (runtime/debug), hashed, when it pins every
//     byte of source: a module version with its checksum (go install
//     …@version), or a VCS revision from a tree the build says was clean;
//     and no module replaced by a local folder. It holds the Go version,
//     every dependency's version and checksum, and the build flags, so
//     two builds with the same one compile the same code the same way;
//   - else the Go build ID of the executable, which the go command makes
//     of hashes of the build's inputs and of the linked program itself,
//     so that any change to the code (a build from a modified tree, with
//     -buildvcs=false, under go run) changes it. It is read from the
//     start of the file (an ELF note, the head of a Mach-O's text, or the
//     first 32 KiB elsewhere), as `go tool buildid` reads it, never the
//     whole executable;
//   - else (a build made with -ldflags=-buildid=) a SHA-256 of the whole
//     executable, as every run did before: slow, and safe.
//
// It is "" when none can be had (the executable cannot be opened): the
// run then uses no cache.
func ProgramID() string {
	bi, _ := debug.ReadBuildInfo()
	if id := buildInfoID(bi); id != "" {
		return id
	}
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	return executableID(f)
}

// buildInfoID is the build information of bi hashed, when it pins the
// source (see ProgramID); else "".
func buildInfoID(bi *debug.BuildInfo) string {
	if bi == nil {
		return ""
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	released := func(m *debug.Module) bool {
		if m.Replace != nil {
			m = m.Replace
		}
		return m.Version != "" && m.Version != "(devel)" && !strings.HasSuffix(m.Version, "+dirty")
	}
	// A module downloaded at a version carries its checksum; one built in
	// its own checkout is pinned by a clean revision (its version, when
	// the go command makes one from the tags, says +dirty otherwise).
	pinned := rev != "" && modified == "false" ||
		rev == "" && modified == "" && released(&bi.Main) && bi.Main.Sum != ""
	if !pinned {
		return ""
	}
	for _, d := range bi.Deps {
		// A module replaced by a local folder (its version is empty) can
		// change under the same build information.
		if !released(d) {
			return ""
		}
	}
	sum := sha256.Sum256([]byte(bi.String()))
	return "build:" + hex.EncodeToString(sum[:])
}

// executableID is the Go build ID of the executable exe, or when it has
// none a hash of all of it; "" when it cannot be read.
func executableID(exe io.ReaderAt) string {
	if id, err := GoBuildID(exe); err == nil && id != "" {
		return "buildid:" + id
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(exe, 0, 1<<62)); err != nil {
		return ""
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// errNoBuildID is an executable without a Go build ID.
var errNoBuildID = errors.New("no Go build ID")

// rawReadSize is how much of a file that is neither ELF nor Mach-O is
// searched for the build ID, as cmd/go does: the linker writes it as the
// first bytes of the text segment, which starts well within it.
const rawReadSize = 32 << 10

// GoBuildID reads the Go build ID of an executable as `go tool buildid`
// does (cmd/internal/buildid), reading only what it needs: in ELF, the
// headers and the Go note; in Mach-O, the first 32 KiB or else the head
// of the __text section; in other formats (PE, Plan 9), the first 32 KiB.
func GoBuildID(exe io.ReaderAt) (string, error) {
	var magic [4]byte
	if _, err := exe.ReadAt(magic[:], 0); err != nil {
		return "", err
	}
	switch {
	case string(magic[:]) == elf.ELFMAG:
		return elfBuildID(exe)
	case isMachO(magic):
		if id, err := rawBuildID(io.NewSectionReader(exe, 0, rawReadSize)); err == nil {
			return id, nil
		}
		f, err := macho.NewFile(exe)
		if err != nil {
			return "", err
		}
		sec := f.Section("__text")
		if sec == nil {
			return "", errNoBuildID
		}
		return rawBuildID(io.NewSectionReader(exe, int64(sec.Offset), min(int64(sec.Size), rawReadSize)))
	}
	return rawBuildID(io.NewSectionReader(exe, 0, rawReadSize))
}

func isMachO(m [4]byte) bool {
	for _, magic := range []uint32{macho.Magic32, macho.Magic64, macho.MagicFat} {
		if binary.BigEndian.Uint32(m[:]) == magic || binary.LittleEndian.Uint32(m[:]) == magic {
			return true
		}
	}
	return false
}

// elfBuildID reads the note the Go linker writes: owner "Go", type 4.
func elfBuildID(exe io.ReaderAt) (string, error) {
	f, err := elf.NewFile(exe)
	if err != nil {
		return "", err
	}
	const goBuildIDTag = 4
	for _, sec := range f.Sections {
		if sec.Type != elf.SHT_NOTE || sec.Size > 1<<16 {
			continue
		}
		data, err := sec.Data()
		if err != nil {
			return "", err
		}
		for len(data) >= 12 {
			namesz := f.ByteOrder.Uint32(data[0:])
			descsz := f.ByteOrder.Uint32(data[4:])
			typ := f.ByteOrder.Uint32(data[8:])
			data = data[12:]
			nameEnd, descEnd := uint64(align4(namesz)), uint64(align4(namesz))+uint64(descsz)
			if descEnd > uint64(len(data)) {
				break
			}
			if typ == goBuildIDTag && namesz == 4 && string(data[:4]) == "Go\x00\x00" {
				return string(data[nameEnd:descEnd]), nil
			}
			data = data[min(uint64(len(data)), nameEnd+uint64(align4(descsz))):]
		}
	}
	return "", errNoBuildID
}

func align4(n uint32) uint32 { return (n + 3) &^ 3 }

var (
	rawStart = []byte("\xff Go build ID: \"")
	rawEnd   = []byte("\"\n \xff")
)

// rawBuildID finds the build ID where the linker writes it in formats
// without a note: `\xff Go build ID: "ID"\n \xff`.
func rawBuildID(r io.Reader) (string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	i := bytes.Index(data, rawStart)
	if i < 0 {
		return "", errNoBuildID
	}
	j := bytes.Index(data[i+len(rawStart):], rawEnd)
	if j < 0 {
		return "", errNoBuildID
	}
	quoted := data[i+len(rawStart)-1 : i+len(rawStart)+j+1]
	id, err := strconv.Unquote(string(quoted))
	if err != nil {
		return "", errNoBuildID
	}
	return id, nil
}
