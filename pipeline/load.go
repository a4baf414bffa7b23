package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/article"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/config"
	"github.com/claimlint/claimlint/internal/ledgercache"
	"github.com/claimlint/claimlint/internal/runner"
	"github.com/claimlint/claimlint/rules"
)

// RuleIDs lists the id of every check, in the order of checker.Rules.
func RuleIDs() []string {
	var ids []string
	for _, r := range checker.Rules {
		ids = append(ids, r.ID)
	}
	return ids
}

// FindConfig returns the path of the .claimlint.yaml in dir or the nearest
// folder above it (dir "": the working directory), or "" when there is none.
func FindConfig(dir string) (string, error) {
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		dir = wd
	}
	return config.Find(dir)
}

// LoadConfig reads a config file. Every problem in it is reported at once,
// each with its line and column.
func LoadConfig(path string) (*config.Config, error) {
	c, err := config.Load(path, RuleIDs())
	if err != nil {
		return nil, errors.New("config:\n" + err.Error())
	}
	return c, nil
}

// Rules are the rule files of a run and the ledger loaded from them.
type Rules struct {
	Ledger *ledger.Ledger
	Files  []ledger.File
}

// Embedded is the name that stands, in --rules and the config's rules:,
// for the rule files embedded in claimlint, so that a desk can keep them and
// add its own. A folder of that name is written ./embedded.
const Embedded = "embedded"

// EmbeddedFiles returns the rule files embedded in claimlint, named
// prefix/NAME.yaml.
func EmbeddedFiles(prefix string) ([]ledger.File, error) {
	return ledger.ReadFS(rules.FS, ".", prefix)
}

// LoadRules reads the rule files or folders at paths; with none, those the
// config's rules: names; with none either, the rule files embedded in
// claimlint. Among paths, Embedded names the embedded rule files (then named
// embedded/NAME.yaml in positions). Problems in the rule files are reported
// all at once, each with its position.
func LoadRules(paths []string, cfg *config.Config) (*Rules, error) {
	files, err := RuleFiles(paths, cfg)
	if err != nil {
		return nil, err
	}
	return LoadFiles(files)
}

// RuleFiles reads the rule files LoadRules would load, without loading them.
func RuleFiles(paths []string, cfg *config.Config) ([]ledger.File, error) {
	if len(paths) == 0 && cfg != nil {
		for _, p := range cfg.Rules {
			if p != Embedded {
				p = cfg.Resolve(p)
			}
			paths = append(paths, p)
		}
	}
	if len(paths) > 0 {
		return readRules(paths)
	}
	return EmbeddedFiles("rules")
}

// LoadFiles loads rule files read by RuleFiles (and others beside them).
func LoadFiles(files []ledger.File) (*Rules, error) { return loadFiles(files, ledger.Load) }

// LoadFilesCached is LoadFiles, but rule files of a megabyte or more have
// their ledger kept compiled in the result cache's folder, and read back
// from there while they and claimlint are unchanged (internal/ledgercache).
func LoadFilesCached(files []ledger.File) (*Rules, error) {
	dir, err := runner.DefaultCacheDir()
	if err != nil {
		return LoadFiles(files)
	}
	dir = filepath.Join(dir, "ledger")
	return loadFiles(files, func(files []ledger.File) (*ledger.Ledger, error) {
		return ledgercache.Load(dir, files, runner.ProgramID)
	})
}

func loadFiles(files []ledger.File, load func([]ledger.File) (*ledger.Ledger, error)) (*Rules, error) {
	l, err := load(files)
	if err != nil {
		var list ledger.ErrorList
		if errors.As(err, &list) {
			for i, e := range list {
				if strings.HasPrefix(e.Msg, "duplicate id ") && (strings.HasPrefix(e.Pos.File, Embedded+"/") || strings.Contains(e.Msg, " already declared at "+Embedded+"/")) {
					list[i].Msg += "; the embedded rules cannot be edited in place: delete yours, or write them out with 'claimlint rules export DIR' and name DIR instead of " + Embedded
				}
			}
			return nil, fmt.Errorf("%d problem(s) in the rule files:\n%s", len(list), list.Error())
		}
		return nil, err
	}
	return &Rules{Ledger: l, Files: files}, nil
}

// readRules reads the rule files at paths, in order, where Embedded stands
// for the embedded ones.
func readRules(paths []string) ([]ledger.File, error) {
	var files []ledger.File
	embedded := false
	for _, p := range paths {
		var fs []ledger.File
		var err error
		if p == Embedded {
			if embedded {
				return nil, fmt.Errorf("rules: %s is named twice", Embedded)
			}
			embedded = true
			fs, err = EmbeddedFiles(Embedded)
		} else {
			fs, err = runner.ReadRulePaths([]string{p})
		}
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
	}
	return files, nil
}

// Hash identifies the rules a shard was checked with, so that Merge
// refuses to compare shards under other rules.
func (r *Rules) Hash() string {
	h := sha256.New()
	for _, f := range r.Files {
		h.Write(f.Data)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Paths is what a run checks: paths, else the config's paths:, else the
// working directory.
func Paths(paths []string, cfg *config.Config) []string {
	if len(paths) == 0 && cfg != nil {
		for _, p := range cfg.Paths {
			paths = append(paths, cfg.Resolve(p))
		}
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	return paths
}

// TestPaths is what `claimlint test` reads: paths, else the config's tests:
// (the annotated examples), else its paths:, else the working directory.
func TestPaths(paths []string, cfg *config.Config) []string {
	if len(paths) == 0 && cfg != nil {
		for _, p := range cfg.Tests {
			paths = append(paths, cfg.Resolve(p))
		}
	}
	return Paths(paths, cfg)
}

// Articles reads and parses files one after the other, each with the date
// the config's published: gives it when its front matter has none, else
// opt's, and yields each article, or the error that kept a file from being
// read or parsed. It is for the commands that look at each article (test,
// claims); Run checks on every core.
func Articles(files []string, cfg *config.Config, opt article.Options) iter.Seq2[*article.Article, error] {
	return func(yield func(*article.Article, error) bool) {
		for _, path := range files {
			src, err := runner.ReadRegular(path, runner.DefaultMaxSize)
			var a *article.Article
			if err == nil {
				o := opt
				if d := cfg.PublishedFor(path); !d.IsZero() {
					o.Published = d
				}
				a, err = article.Parse(path, src, o)
			}
			if !yield(a, err) {
				return
			}
		}
	}
}
