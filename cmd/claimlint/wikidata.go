package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/internal/wikidata"
	"github.com/claimlint/claimlint/pipeline"
)

func newImportCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "import",
		Short: "Write rule files from another source of facts (see import wikidata)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	c.AddCommand(newWikidataCmd())
	return c
}

// langCode is a Wikidata language code: en, en-gb, zh-hant.
var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]+)*$`)

func newWikidataCmd() *cobra.Command {
	var langs, rulePaths []string
	var out, cfgPath string
	cmd := &cobra.Command{
		Use:   "wikidata [--lang en] [-o FILE] FILE...",
		Short: "Write people, the offices they held, and countries from Wikidata's entity JSON",
		Long: `wikidata reads Wikidata's entity JSON, as Special:EntityData/Q….json serves it or as a
dump (one entity a line, gzip-compressed or not, streamed; - reads standard input), and
writes a rule file:

  people     the label and aliases in the chosen languages (--lang, first one first)
  offices    from each person's position held (P39): the position's label and aliases
             as phrasings, its country (P17, or P1001) and the body it is part of
             (P361) when those are among the entities read; a term for each statement,
             from its start (P580) to its end (P582), to the day, month or year
             Wikidata gives; deprecated statements skipped
  countries  label, aliases and demonyms (P1549)
  sources    each term's references (P854 reference URL, P248 stated in) and the
             person's Wikidata page

Every item carries its Q-id (wikidata: Q…). With -o, a file an earlier import wrote is
merged by Q-id: what was read again is replaced, the rest kept; a file the import did not
write is never touched. Without -o the rule file goes to standard output.

The desk's rules (--rules, the config's rules:, or the embedded ones; the -o file left
out) are read first: an item they hold by its wikidata: id is referred to by its id and
not written again, an office written there by hand gets no terms from an import, and an
item they hold by name with no wikidata: id is not imported (the report says how to link
the two). New ids never clash with theirs.

What a rule file cannot say (a term with no start, an unknown end, a qualifier claimlint
does not read, a position or country not among the entities read) is reported on
standard error with its Q-id and left out, never guessed. A file that is not entity JSON,
or an entity with no label in the chosen languages, is an error: nothing is written.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			stderr := cmd.ErrOrStderr()
			for _, l := range langs {
				if !langCode.MatchString(l) {
					return usageErr("--lang %q: want a Wikidata language code such as en or en-gb", l)
				}
			}
			var items []*wikidata.Item
			keep := func(it *wikidata.Item) error { items = append(items, it); return nil }
			var from []string
			for _, name := range args {
				if err := readWikidata(name, cmd.InOrStdin(), langs, keep); err != nil {
					return usageErr("%v (nothing written)", err)
				}
				from = append(from, displayName(name))
			}
			var old *wikidata.File
			if out != "" {
				var err error
				if old, err = readGenerated(out); err != nil {
					return usageErr("%v (nothing written)", err)
				}
			}
			desk, deskFiles, err := deskLedger(cfgPath, rulePaths, out)
			if err != nil {
				return err
			}
			f, reports, err := wikidata.Build(items, wikidata.Options{Langs: langs, Old: old, Ledger: desk})
			if err != nil {
				return usageErr("%v (nothing written)", err)
			}
			data, err := f.Marshal(langs, from)
			if err != nil {
				return exit2(err)
			}
			// What is written must load beside the desk's rules.
			name := cmpOr(out, "standard output")
			if _, err := pipeline.LoadFiles(append(deskFiles, ledger.File{Name: name, Data: data})); err != nil {
				return usageErr("the rule file made from the import does not load beside the desk's rules, so nothing is written; please report it with the input:\n%v", err)
			}
			for _, r := range reports {
				fmt.Fprintf(stderr, "claimlint: wikidata: %s\n", r)
			}
			if out == "" {
				_, err = cmd.OutOrStdout().Write(data)
				return err
			}
			if err := pipeline.WriteFile(out, data); err != nil {
				return exit2(err)
			}
			terms := 0
			for _, o := range f.Offices {
				terms += len(o.Holders)
			}
			kinds := map[string]int{}
			for _, e := range f.Entities {
				kinds[e.Kind]++
			}
			fmt.Fprintf(stderr, "claimlint: wrote %s: %d %s, %d %s, %d %s, %d %s with %d %s; %d %s\n", out,
				kinds["person"], plural(kinds["person"], "person", "people"),
				kinds["country"], plural(kinds["country"], "country", "countries"),
				kinds["organisation"], plural(kinds["organisation"], "body", "bodies"),
				len(f.Offices), plural(len(f.Offices), "office", "offices"),
				terms, plural(terms, "term", "terms"),
				len(reports), plural(len(reports), "item reported above", "items reported above"))
			return nil
		},
	}
	ledgerFlags(cmd, &rulePaths, &cfgPath, nil)
	cmd.Flags().StringSliceVar(&langs, "lang", []string{"en"}, "the languages of names and aliases, first one first (repeat or separate with commas)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write (or merge into) this rule file instead of standard output")
	return cmd
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// readWikidata reads one input: a file (a regular file, a pipe) or - for
// stdin.
func readWikidata(name string, stdin io.Reader, langs []string, fn func(*wikidata.Item) error) error {
	if name == "-" {
		return wikidata.Read("standard input", stdin, langs, fn)
	}
	st, err := os.Stat(name)
	if err != nil {
		return err
	}
	if st.IsDir() {
		return fmt.Errorf("%s is a folder: name the entity JSON files in it", name)
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return wikidata.Read(name, io.Reader(f), langs, fn)
}

// readGenerated reads the file -o names when it is a regular file an
// earlier import wrote; nil when there is none yet (or it is a device).
func readGenerated(path string) (*wikidata.File, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	case st.IsDir():
		return nil, fmt.Errorf("-o %s is a folder: name a file", path)
	case !st.Mode().IsRegular():
		return nil, nil
	case st.Size() > maxGenerated:
		return nil, fmt.Errorf("%s: larger than %d MB: not a file an import wrote", path, maxGenerated>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(string(data)) == "" {
		return nil, fmt.Errorf("%s is empty: an import merges only into a file it wrote; remove it or name a new file", path)
	}
	return wikidata.Parse(path, data)
}

// deskLedger loads the desk's rule files, as check would, but for the file
// an import writes: what the import refers to and must not repeat.
func deskLedger(cfgPath string, rulePaths []string, out string) (*ledger.Ledger, []ledger.File, error) {
	cfg, err := loadConfig(cfgPath, "")
	if err != nil {
		return nil, nil, err
	}
	files, err := pipeline.RuleFiles(rulePaths, cfg)
	if err != nil {
		return nil, nil, exit2(err)
	}
	if out != "" {
		files = slices.DeleteFunc(files, func(f ledger.File) bool { return samePath(f.Name, out) })
	}
	r, err := pipeline.LoadFiles(files)
	if err != nil {
		return nil, nil, exit2(err)
	}
	return r.Ledger, files, nil
}

// samePath reports whether two paths name one file.
func samePath(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(sa, sb)
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}

// maxGenerated bounds the rule file an import merges into.
const maxGenerated = 1 << 30
