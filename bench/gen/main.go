// Command gen writes deterministic benchmark inputs: a corpus of articles
// built from the demo corpus, with varied weekdays, titles and media (some
// right, some wrong), a large ledger, and the patterns ripgrep is given.
//
//	go run ./bench/gen -articles 20000 -out /tmp/corpus
//	go run ./bench/gen -ledger 100000 -out /tmp/ledger
//	go run ./bench/gen -patterns /tmp/patterns.txt
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/rules"
)

func main() {
	articles := flag.Int("articles", 0, "write this many articles to -out")
	ledgerSize := flag.Int("ledger", 0, "write a ledger of this many entities, and as many events, to -out")
	patterns := flag.String("patterns", "", "write the default ledger's aliases, titles and cue words to this file, one a line")
	seeds := flag.String("seeds", "seeds", "the demo corpus to build articles from")
	out := flag.String("out", "", "the folder to write to")
	flag.Parse()
	if err := run(*articles, *ledgerSize, *patterns, *seeds, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(articles, ledgerSize int, patterns, seeds, out string) error {
	if patterns != "" {
		if err := writePatterns(patterns); err != nil {
			return err
		}
	}
	if articles > 0 {
		if err := writeCorpus(articles, seeds, out); err != nil {
			return err
		}
	}
	if ledgerSize > 0 {
		return writeLedger(ledgerSize, out)
	}
	return nil
}

var (
	weekday = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	medium  = regexp.MustCompile(`\b(phone|video)\b`)
	days    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

// writeCorpus writes n articles: the demo articles in turn, each copy with
// some weekdays and media changed at random (seeded, so the corpus is the
// same every time), now and then a "former" put before a title, and three to
// five paragraphs of background at the end, so that each article is
// different and about the size of a news article.
func writeCorpus(n int, seeds, out string) error {
	paths, err := filepath.Glob(filepath.Join(seeds, "*.md"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("no articles in %s", seeds)
	}
	sort.Strings(paths)
	var srcs []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		srcs = append(srcs, string(b))
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < n; i++ {
		src := srcs[i%len(srcs)]
		src = weekday.ReplaceAllStringFunc(src, func(d string) string {
			if r.Intn(4) == 0 {
				return days[r.Intn(7)]
			}
			return d
		})
		src = medium.ReplaceAllStringFunc(src, func(m string) string {
			if r.Intn(5) == 0 {
				return map[string]string{"phone": "video", "video": "phone"}[m]
			}
			return m
		})
		if r.Intn(3) == 0 {
			src = strings.Replace(src, " President ", " former President ", 1)
		}
		var b strings.Builder
		b.WriteString(strings.TrimRight(src, "\n"))
		for range 3 + r.Intn(3) {
			b.WriteString("\n\n")
			for k := range 5 + r.Intn(5) {
				if k > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(background[r.Intn(len(background))])
			}
		}
		b.WriteByte('\n')
		src = b.String()
		dir := filepath.Join(out, fmt.Sprintf("%03d", i/1000))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%06d.md", i)), []byte(src), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var syllables = []string{"ka", "lo", "mir", "van", "sen", "ta", "ri", "do", "bel", "nov", "ash", "ei", "gor", "lin", "mu", "per", "sha", "tov", "ul", "zen"}

// name makes a pronounceable name from a number, deterministically.
func name(k int, parts int) string {
	var b strings.Builder
	for p := 0; p < parts; p++ {
		b.WriteString(syllables[k%len(syllables)])
		k /= len(syllables)
		b.WriteString(syllables[(k+p*7)%len(syllables)])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// writeLedger writes a rule file of n people (two aliases each), n/10
// offices, and n calls between people, in n/100 countries.
func writeLedger(n int, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("entities:\n")
	countries := max(n/100, 1)
	for c := 0; c < countries; c++ {
		fmt.Fprintf(&b, "  - {id: country-%d, kind: country, name: %s land %d, demonyms: [%sian%d]}\n", c, name(c, 2), c, name(c, 2), c)
	}
	for i := 0; i < n; i++ {
		first, last := name(i, 1), name(i*31+7, 2)
		fmt.Fprintf(&b, "  - {id: p%d, kind: person, name: %s %s %d, short: %s%d, aliases: [%s %d, %s%d], country: country-%d}\n",
			i, first, last, i, last, i, last, i, last, i, i%countries)
	}
	b.WriteString("offices:\n")
	for o := 0; o < max(n/10, 1); o++ {
		fmt.Fprintf(&b, "  - id: office-%d\n    title: Minister %d\n    country: country-%d\n    phrasings: [Minister %d]\n    holders:\n      - {who: p%d, from: 2020-01-01}\n",
			o, o, o%countries, o, o)
	}
	b.WriteString("events:\n")
	for e := 0; e < n; e++ {
		a, c := e%n, (e*7+1)%n
		if a == c {
			c = (c + 1) % n
		}
		fmt.Fprintf(&b, "  - {id: e%d, kind: call, date: 2025-%02d-%02d, participants: [p%d, p%d], medium: phone, sources: [{outlet: gen}]}\n",
			e, 1+e%12, 1+e%28, a, c)
	}
	return os.WriteFile(filepath.Join(out, "ledger.yaml"), []byte(b.String()), 0o644)
}

// writePatterns writes what ripgrep is asked to find: every alias, demonym,
// title phrasing and anchor name of the default ledger, and the cue words.
func writePatterns(path string) error {
	files, err := ledger.ReadFS(rules.FS, ".", "rules")
	if err != nil {
		return err
	}
	l, err := ledger.Load(files)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var pats []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			pats = append(pats, regexp.QuoteMeta(s))
		}
	}
	for _, e := range l.Entities {
		for _, a := range append(append([]string{}, e.Aliases...), e.Demonyms...) {
			add(a)
		}
	}
	for _, o := range l.Offices {
		for _, p := range o.Phrasings {
			add(p)
		}
	}
	for _, e := range l.Events {
		for _, a := range e.Aliases {
			add(a)
		}
	}
	for _, w := range checker.CueWords() {
		add(w)
	}
	return os.WriteFile(path, []byte(strings.Join(pats, "\n")+"\n"), 0o644)
}
