package main

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimlint/claimlint/checker"
	"github.com/claimlint/claimlint/checker/analysis"
	"github.com/claimlint/claimlint/checker/corpus"
	"github.com/claimlint/claimlint/internal/runner"
	"github.com/claimlint/claimlint/pipeline"
)

func newLedgerCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "ledger",
		Short: "Work on the ledger: suggest events from the articles, import facts from Wikidata",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	c.AddCommand(newSuggestCmd(), newImportCmd())
	return c
}

// suggestAttrs are the values of an event that articles must agree on for
// a suggestion, besides its kind and participants, in output order.
var suggestAttrs = []string{"date", "medium", "initiator", "venue", "duration"}

// suggestSource is one article that tells of a suggested event.
type suggestSource struct {
	Outlet string `json:"outlet,omitempty"`
	URL    string `json:"url,omitempty"`
	Date   string `json:"date,omitempty"` // the article's publication date
	Path   string `json:"path"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Text   string `json:"text"`
}

// suggestion is an event two or more articles agree on.
type suggestion struct {
	ID           string            `json:"id"`
	Kind         string            `json:"kind"`
	OtherKinds   []string          `json:"otherKinds,omitempty"` // kinds the event words may also name
	Participants []string          `json:"participants"`
	Values       map[string]string `json:"values"` // date, and medium, initiator, venue, duration where said
	Sources      []suggestSource   `json:"sources"`
}

// dispute is an event the articles tell of differently.
type dispute struct {
	Kind         string    `json:"kind"`
	OtherKinds   []string  `json:"otherKinds,omitempty"`
	Participants []string  `json:"participants"`
	Disagree     []string  `json:"disagree"` // the attributes the versions differ on
	Versions     []version `json:"versions"`
}

// version is what some articles say of a disputed event.
type version struct {
	Values   map[string]string `json:"values"`
	Articles []suggestSource   `json:"articles"`
}

func newSuggestCmd() *cobra.Command {
	var rulePaths []string
	var cfgPath, published, format string
	cmd := &cobra.Command{
		Use:   "suggest [flags] [PATH...]",
		Short: "Propose ledger events that two or more articles agree on",
		Long: `suggest reads the articles' event claims the ledger does not cover (those claimlint
claims --not-covered lists as "no event of this kind between these participants") and
groups them as the cross-source check does: the same participants, a kind in common, days
within three of each other, two or more articles, no article giving two dates. Where every
article that says a value (date, medium, initiator, venue, duration) says the same, it
proposes a ledger event, citing each article (its url:, outlet: and publication date from
the front matter, and its path) as a source. Where they differ, it lists each version with
its articles and chooses none.

The output is YAML to review and paste under events: (or --format json). suggest never
writes a file. With no PATH it reads the config's paths:, or the working directory.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "yaml" && format != "json" {
				return usageErr("unknown --format %q: want yaml or json", format)
			}
			cfg, rules, aopt, err := setup(cfgPath, rulePaths, published)
			if err != nil {
				return err
			}
			files, err := runner.Collect(pipeline.Paths(args, cfg))
			if err != nil {
				return usageErr("%v", err)
			}
			c := checker.New(rules.Ledger)
			type at struct {
				path   string
				offset int
			}
			claims := map[at]checker.Claim{}
			meta := map[string]suggestSource{}
			var stmts []corpus.Stmt
			bad, read := 0, 0
			for a, err := range pipeline.Articles(files, cfg, aopt) {
				if err != nil {
					fmt.Fprintln(cmd.ErrOrStderr(), "claimlint: "+err.Error())
					bad++
					continue
				}
				read++
				src := suggestSource{Outlet: a.Meta.Outlet, URL: a.Meta.URL, Path: a.Path}
				if !a.Meta.Published.IsZero() {
					src.Date = a.Meta.Published.String()
				}
				meta[a.Path] = src
				all, _ := c.Claims(a)
				for _, cl := range all {
					if cl.Kind == "event" {
						claims[at{cl.Path, cl.Offset}] = cl
					}
				}
				s, _ := corpus.Statements(c, a)
				stmts = append(stmts, s...)
			}
			var sugg []suggestion
			var disp []dispute
			ids := map[string]bool{}
			for _, ev := range corpus.Cluster(rules.Ledger, stmts) {
				if ev.Ledger != nil {
					continue
				}
				kinds := []string(nil)
				type said struct {
					vals map[string]string
					src  suggestSource
				}
				var says []said
				for i, s := range ev.Claims {
					cl := claims[at{s.Path, s.Offset}]
					if i == 0 {
						kinds = slices.Clone(s.Kinds)
					} else {
						kinds = slices.DeleteFunc(kinds, func(k string) bool { return !slices.Contains(s.Kinds, k) })
					}
					v := map[string]string{"date": s.Date.String(), "medium": s.Medium, "initiator": s.Initiator, "venue": s.Venue}
					if cl.Event != nil && cl.Event.Duration > 0 {
						v["duration"] = durationValue(cl.Event.Duration, cl.Event.DurBound)
					}
					src := meta[s.Path]
					src.Line, src.Column, src.Text = s.Line, s.Column, cl.Text
					says = append(says, said{v, src})
				}
				if len(kinds) == 0 {
					continue
				}
				parts := slices.Clone([]string(ev.Participants))
				sort.Strings(parts)
				var disagree []string
				agreed := map[string]string{}
				for _, attr := range suggestAttrs {
					for _, s := range says {
						v := s.vals[attr]
						if v == "" {
							continue
						}
						if prev, ok := agreed[attr]; ok && prev != v {
							disagree = append(disagree, attr)
							break
						}
						agreed[attr] = v
					}
				}
				if len(disagree) == 0 {
					id := suggestID(kinds[0], agreed["date"], parts)
					for n := 2; ids[id] || rules.Ledger.Event(id) != nil; n++ {
						id = suggestID(kinds[0], agreed["date"], parts) + "-" + strconv.Itoa(n)
					}
					ids[id] = true
					sg := suggestion{ID: id, Kind: kinds[0], OtherKinds: kinds[1:], Participants: parts, Values: agreed}
					for _, s := range says {
						sg.Sources = append(sg.Sources, s.src)
					}
					sugg = append(sugg, sg)
					continue
				}
				d := dispute{Kind: kinds[0], OtherKinds: kinds[1:], Participants: parts, Disagree: disagree}
				byKey := map[string]int{}
				for _, s := range says {
					var key []string
					vals := map[string]string{}
					for _, attr := range suggestAttrs {
						key = append(key, s.vals[attr])
						if s.vals[attr] != "" {
							vals[attr] = s.vals[attr]
						}
					}
					k := strings.Join(key, "\x00")
					i, ok := byKey[k]
					if !ok {
						i = len(d.Versions)
						byKey[k] = i
						d.Versions = append(d.Versions, version{Values: vals})
					}
					d.Versions[i].Articles = append(d.Versions[i].Articles, s.src)
				}
				sort.SliceStable(d.Versions, func(i, j int) bool {
					for _, attr := range suggestAttrs {
						if a, b := d.Versions[i].Values[attr], d.Versions[j].Values[attr]; a != b {
							return a < b
						}
					}
					return false
				})
				disp = append(disp, d)
			}
			w := cmd.OutOrStdout()
			if format == "json" {
				if sugg == nil {
					sugg = []suggestion{}
				}
				if disp == nil {
					disp = []dispute{}
				}
				err = writeJSON(w, map[string]any{"events": sugg, "disputed": disp})
			} else {
				err = writeSuggestYAML(w, read, sugg, disp)
			}
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			if bad > 0 {
				return &exitError{code: 2, msg: fmt.Sprintf("%d %s could not be read", bad, plural(bad, "file", "files"))}
			}
			return nil
		},
	}
	f := cmd.Flags()
	ledgerFlags(cmd, &rulePaths, &cfgPath, &published)
	f.StringVar(&format, "format", "yaml", "yaml or json")
	return cmd
}

// durationValue writes a length as an article gives it: "1h25m", or with
// its bound, "more than 2h" or "at most 2h".
func durationValue(d time.Duration, bound int) string {
	s := analysis.ShortDuration(d)
	switch {
	case bound > 0:
		return "at least " + s
	case bound < 0:
		return "at most " + s
	}
	return s
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// suggestID is a proposed id: kind, date and participants.
func suggestID(kind, date string, parts []string) string {
	id := kind + "-" + date + "-" + strings.Join(parts, "-")
	return strings.Trim(nonID.ReplaceAllString(strings.ToLower(id), "-"), "-")
}

// writeSuggestYAML writes the suggestions as YAML to paste under events:,
// and the disputes as YAML to read.
func writeSuggestYAML(w io.Writer, articles int, sugg []suggestion, disp []dispute) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# claimlint ledger suggest: %d %s read; %d %s that two or more articles\n", articles, plural(articles, "article", "articles"),
		len(sugg), plural(len(sugg), "event", "events"))
	b.WriteString("# agree on and the ledger does not hold, and " + strconv.Itoa(len(disp)) + " they tell of differently (at the end,\n# commented out). The whole loads as a rule file beside the ledger it was made with.\n")
	b.WriteString("# Review each against its sources before pasting it under events: in a rule file.\n")
	b.WriteString("# The ids are proposals; nothing here was written to a rule file.\n")
	if len(sugg) == 0 {
		b.WriteString("events: []\n")
	} else {
		b.WriteString("events:\n")
	}
	for _, s := range sugg {
		fmt.Fprintf(&b, "  - id: %s\n    kind: %s", s.ID, s.Kind)
		if len(s.OtherKinds) > 0 {
			fmt.Fprintf(&b, " # the event words may also name: %s", strings.Join(s.OtherKinds, ", "))
		}
		fmt.Fprintf(&b, "\n    date: %s\n    participants: [%s]\n", s.Values["date"], strings.Join(s.Participants, ", "))
		for _, attr := range suggestAttrs[1:] {
			v := s.Values[attr]
			switch {
			case v == "":
			case attr == "duration" && strings.HasPrefix(v, "at "):
				fmt.Fprintf(&b, "    # duration: the articles say %s\n", v)
			default:
				fmt.Fprintf(&b, "    %s: %s\n", attr, yamlScalar(v))
			}
		}
		b.WriteString("    sources:\n")
		for _, src := range s.Sources {
			b.WriteString("      - " + sourceYAML(src) + " # " + fmt.Sprintf("%s:%d:%d", oneLine(src.Path), src.Line, src.Column) + "\n")
		}
	}
	if len(disp) > 0 {
		// Commented out, so that the whole output loads as a rule file.
		b.WriteString("\n# Told differently: each version with its articles; claimlint chooses none.\n")
		b.WriteString("# Check the sources, then write the event as it was under events:.\n# disputed:\n")
	}
	for _, d := range disp {
		fmt.Fprintf(&b, "#   - kind: %s", d.Kind)
		if len(d.OtherKinds) > 0 {
			fmt.Fprintf(&b, " (the event words may also name: %s)", strings.Join(d.OtherKinds, ", "))
		}
		fmt.Fprintf(&b, "\n#     participants: [%s]\n#     disagree: [%s]\n#     versions:\n", strings.Join(d.Participants, ", "), strings.Join(d.Disagree, ", "))
		for _, v := range d.Versions {
			first := true
			for _, attr := range suggestAttrs {
				if x := v.Values[attr]; x != "" {
					lead := "#         "
					if first {
						lead = "#       - "
						first = false
					}
					fmt.Fprintf(&b, "%s%s: %s\n", lead, attr, yamlScalar(x))
				}
			}
			b.WriteString("#         articles:\n")
			for _, src := range v.Articles {
				fmt.Fprintf(&b, "#           - {path: %s, line: %d, %s\n", yamlScalar(src.Path), src.Line, strings.TrimPrefix(sourceYAML(src), "{"))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sourceYAML writes an article as a ledger source: its outlet, url and
// publication date, or its path when its front matter names neither.
func sourceYAML(s suggestSource) string {
	var f []string
	if s.Outlet != "" {
		f = append(f, "outlet: "+yamlScalar(s.Outlet))
	}
	if s.URL != "" {
		f = append(f, "url: "+yamlScalar(s.URL))
	}
	if len(f) == 0 {
		f = append(f, "outlet: "+yamlScalar(s.Path))
	}
	if s.Date != "" {
		f = append(f, "date: "+s.Date)
	}
	return "{" + strings.Join(f, ", ") + "}"
}

var plainScalar = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 ._/-]*$`)

// yamlScalar writes s as a YAML scalar: plain when it is plainly a string
// of words, ids, dates or paths, else double-quoted (a JSON string is a
// valid YAML double-quoted scalar).
func yamlScalar(s string) string {
	switch strings.ToLower(s) {
	case "yes", "no", "true", "false", "on", "off", "null", "y", "n":
		b, _ := json.Marshal(s)
		return string(b)
	}
	if plainScalar.MatchString(s) && !strings.HasSuffix(s, " ") {
		return s
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// oneLine is s for a comment: quoted when it holds a line break or another
// control character.
func oneLine(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 }) >= 0 {
		return strconv.Quote(s)
	}
	return s
}
