package checker

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
	"github.com/claimlint/claimlint/checker/lex"
)

// LintLedger checks the ledger itself for what loads but is probably wrong:
// an event whose participant held no office of the ledger on its date, an
// event dated after every source that backs it, two events of one kind and
// pair on one day, an alias shared by two entities (a mention of it names
// neither), and a phrasing shared by two offices of one country. Each is a
// finding on the rule file, at the entry's position.
func LintLedger(l *ledger.Ledger) []Finding {
	var out []Finding
	add := func(rule string, pos ledger.Pos, id, format string, args ...any) {
		// An entry's position is where its item starts, after indentation
		// and "- ": its column in characters is its column in bytes.
		out = append(out, Finding{
			Path: pos.File, Line: max(pos.Line, 1), Column: max(pos.Col, 1), EndLine: max(pos.Line, 1), EndColumn: max(pos.Col, 1),
			ByteCol: max(pos.Col, 1), EndByteCol: max(pos.Col, 1),
			Rule: rule, Severity: Warning, Message: fmt.Sprintf(format, args...), Found: id,
		})
	}
	// Offices each person holds, to ask "did they hold any on that day?".
	held := map[string][]*ledger.Office{}
	for _, o := range l.Offices {
		for _, t := range o.Terms {
			if !slices.Contains(held[t.Holder], o) {
				held[t.Holder] = append(held[t.Holder], o)
			}
		}
	}
	type dayKey struct{ kind, pair, day string }
	seen := map[dayKey]*ledger.Event{}
	for _, e := range l.Events {
		if e.Kind == ledger.Anchor {
			continue
		}
		if e.Start.Prec == civil.Day {
			for _, p := range e.Participants {
				offices := held[p]
				if len(offices) == 0 {
					continue // the ledger says nothing of this person's offices
				}
				any := false
				for _, o := range offices {
					if h, _ := o.Holds(p, e.Start.First()); h != ledger.DoesNotHold {
						any = true
					}
				}
				if !any {
					add("ledger-participant", e.Pos, e.ID, "event %s on %s: %s held none of their offices in the ledger that day",
						e.ID, e.Start, l.Entity(p).Name)
				}
			}
		}
		var dated []ledger.Source
		for _, s := range e.Sources {
			if !s.Date.IsZero() {
				dated = append(dated, s)
			}
		}
		if len(dated) > 0 && len(dated) == len(e.Sources) {
			latest := dated[0].Date
			for _, s := range dated[1:] {
				if s.Date.Last().After(latest.Last()) {
					latest = s.Date
				}
			}
			if e.Start.First().After(latest.Last()) {
				add("ledger-source-date", e.Pos, e.ID, "event %s is dated %s, after every source that backs it (the latest is %s)",
					e.ID, e.Start, latest)
			}
		}
		if e.Start.Prec == civil.Day {
			pair := slices.Clone(e.Participants)
			sort.Strings(pair)
			k := dayKey{e.Kind, strings.Join(pair, "+"), e.Start.String()}
			if prev, ok := seen[k]; ok {
				add("ledger-duplicate-event", e.Pos, e.ID, "event %s repeats %s (%s): the same kind, participants and day", e.ID, prev.ID, prev.Pos)
			} else {
				seen[k] = e
			}
		}
	}
	// Aliases shared by two entities.
	owner := map[string]*ledger.Entity{}
	for _, e := range l.Entities {
		for _, a := range e.Aliases {
			key := strings.Join(strings.Fields(lex.Normalize(a)), " ")
			if prev, ok := owner[key]; ok && prev != e {
				add("ledger-alias", e.Pos, e.ID, "alias %q of %s is also a name of %s (%s): a mention of it names neither", a, e.ID, prev.ID, prev.Pos)
				continue
			}
			owner[key] = e
		}
	}
	// Phrasings shared by two offices of one country.
	type phr struct{ country, phrasing string }
	offices := map[phr]*ledger.Office{}
	for _, o := range l.Offices {
		for _, p := range o.Phrasings {
			k := phr{o.Country, strings.Join(strings.Fields(lex.Normalize(p)), " ")}
			if prev, ok := offices[k]; ok && prev != o {
				add("ledger-phrasing", o.Pos, o.ID, "phrasing %q of %s is also a phrasing of %s (%s) in the same country: a title written so names neither", p, o.ID, prev.ID, prev.Pos)
				continue
			}
			offices[k] = o
		}
	}
	SortFindings(out)
	return out
}
