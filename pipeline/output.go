package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/changes"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/internal/report"
	"github.com/claimlint/claimlint/internal/runner"
)

// Output is one output format and where it is written.
type Output struct {
	Format string // text, json, sarif, github, rdjsonl, checkstyle, html or claimreview
	Path   string // "": Options.Stdout
}

// FormatNames lists the output formats, in the order documented.
func FormatNames() []string {
	var names []string
	for _, f := range report.Formats {
		names = append(names, f.Name)
	}
	return names
}

// ParseOutputs reads output specs NAME[:PATH]; with none, the config's
// formats:, whose relative paths are relative to the config's folder; with
// none either, text on standard output.
func ParseOutputs(specs []string, cfg *config.Config) ([]Output, error) {
	dir := "" // the folder relative paths are in: the working directory's for flags
	if len(specs) == 0 && cfg != nil {
		specs, dir = cfg.Formats, cfg.Dir
	}
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	var outs []Output
	for _, s := range specs {
		name, path, _ := strings.Cut(s, ":")
		if _, ok := report.LookupFormat(name); !ok {
			return nil, fmt.Errorf("unknown --format %q: want one of %s, optionally :PATH", name, strings.Join(FormatNames(), ", "))
		}
		if path != "" && dir != "" && !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		outs = append(outs, Output{name, path})
	}
	return outs, nil
}

// CanMerge says why Merge cannot write outs, if it cannot: the formats
// that show the articles themselves need their text, which the shards'
// JSON does not hold.
func CanMerge(outs []Output) error {
	if corpusView(outs) {
		return fmt.Errorf("merge cannot write html or claimreview: the shards' JSON holds no article text; run claimlint on the whole corpus for them")
	}
	return nil
}

// corpusView reports whether an output needs every claim and article text.
func corpusView(outs []Output) bool {
	for _, out := range outs {
		if out.Format == "html" || out.Format == "claimreview" {
			return true
		}
	}
	return false
}

// streamable reports whether outs can be written file by file as findings
// come: text on standard output, and nothing else.
func streamable(outs []Output) bool {
	for _, out := range outs {
		if out.Format != "text" || out.Path != "" {
			return false
		}
	}
	return len(outs) > 0
}

// writeOutputs writes a run in each output format, to stdout or to its file.
func writeOutputs(stdout io.Writer, outs []Output, run *report.Run) error {
	for _, out := range outs {
		format, ok := report.LookupFormat(out.Format)
		if !ok {
			return fmt.Errorf("unknown format %q: want one of %s", out.Format, strings.Join(FormatNames(), ", "))
		}
		var err error
		if out.Path == "" {
			err = format.Write(stdout, run)
		} else {
			var buf bytes.Buffer
			if err = format.Write(&buf, run); err == nil {
				err = writeFile(out.Path, buf.Bytes())
			}
		}
		if err != nil {
			return fmt.Errorf("write %s: %v", format.Name, err)
		}
	}
	return nil
}

// corpusData gathers what the corpus formats show beside the findings:
// each article's text and front matter, every claim, and the events.
func corpusData(l *ledger.Ledger, cfg *config.Config, aopt article.Options, inputs []runner.Input, res runner.Result, events []*corpus.Event) *report.View {
	v := &report.View{Ledger: l, Claims: res.Claims, Events: events, Author: report.Author(cfg.AuthorOrZero()),
		Reviewed: time.Now().UTC().Format("2006-01-02")}
	for _, in := range inputs {
		src, ok := res.Sources[in.Path]
		if !ok {
			continue // not read: reported as an error
		}
		opt := aopt
		if !in.Published.IsZero() {
			opt.Published = in.Published
		}
		art := report.Article{Path: in.Path, Src: src, URL: cfg.ArticleURL(in.Path)}
		if a, err := article.Parse(in.Path, src, opt); err == nil {
			art.Title, art.Outlet, art.Published = a.Meta.Title, a.Meta.Outlet, a.Meta.Published
			if a.Meta.URL != "" {
				art.URL = a.Meta.URL
			}
		}
		v.Articles = append(v.Articles, art)
	}
	return v
}

// modulePath is claimlint's module, to find its version in a program that
// embeds it.
const modulePath = "github.com/claimlint/claimlint"

// Version names this claimlint wherever it names itself (SARIF's driver, the
// HTML report, the language server, `claimlint version`): the module version
// the build recorded, else "devel" with the VCS revision the build stamped
// (and "+dirty" when the tree had changes), else "devel".
func Version() string {
	bi, _ := debug.ReadBuildInfo()
	return versionOf(bi)
}

// Revision is the VCS revision this claimlint was built from, with
// "(modified)" when the tree had changes, or "" when the build did not say.
func Revision() string {
	bi, _ := debug.ReadBuildInfo()
	rev, modified := revisionOf(bi)
	if rev != "" && modified {
		rev += " (modified)"
	}
	return rev
}

// versionOf is Version for the build information bi (nil when there is none).
func versionOf(bi *debug.BuildInfo) string {
	if bi == nil {
		return "devel"
	}
	m := &bi.Main
	if m.Path != modulePath {
		for _, d := range bi.Deps {
			if d.Path == modulePath {
				m = d
				break
			}
		}
	}
	if m.Path == modulePath && m.Version != "" && m.Version != "(devel)" {
		return m.Version
	}
	rev, modified := revisionOf(bi)
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified {
		return "devel-" + rev + "+dirty"
	}
	return "devel-" + rev
}

// revisionOf is the vcs.revision and vcs.modified settings of bi.
func revisionOf(bi *debug.BuildInfo) (rev string, modified bool) {
	if bi == nil {
		return "", false
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	return rev, modified
}

// RepoRoot is the top of the git repository around the working directory,
// or the working directory itself: outputs, baselines and diffs give paths
// relative to it.
func RepoRoot() string {
	wd, _ := os.Getwd()
	if root, err := changes.Root(wd); err == nil {
		return root
	}
	return wd
}

// writeFile writes data to path. A regular file, or a path that does not
// exist yet, is written through a temporary file in the same folder and a
// rename, so a reader never sees half a file. Anything else is written in
// place: a device (/dev/null, /dev/stdout), a pipe or a socket is opened and
// written, never replaced by a regular file; a symbolic link is followed,
// and its target written by the same rules, so the link stays a link.
func writeFile(path string, data []byte) error {
	return writeFileFrom(path, bytes.NewReader(data))
}

// writeFileFrom is writeFile of what data reads.
func writeFileFrom(path string, data io.Reader) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return renameInto(path, data, 0o644)
	case err != nil:
		return err
	case fi.Mode().IsRegular():
		return renameInto(path, data, fi.Mode().Perm())
	case fi.Mode()&fs.ModeSymlink != 0:
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			// A dangling link (or a loop): let the system follow it.
			return writeInPlace(path, data)
		}
		if ti, err := os.Stat(target); err == nil && ti.Mode().IsRegular() {
			return renameInto(target, data, ti.Mode().Perm())
		}
		return writeInPlace(path, data)
	case fi.IsDir():
		return fmt.Errorf("%s is a directory", path)
	default:
		return writeInPlace(path, data)
	}
}

// writeInPlace opens path for writing, following links, and writes data:
// for devices and pipes, which a rename would replace.
func writeInPlace(path string, data io.Reader) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// renameInto replaces the regular file (or nothing) at path with data,
// through a temporary file in the same folder, giving it mode perm.
func renameInto(path string, data io.Reader, perm fs.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	if _, err := io.Copy(tmp, data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
