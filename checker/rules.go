package checker

// Rule documents one check: its stable id, default severity and what it
// catches. The same text serves `explain`, the README and machine formats.
type Rule struct {
	ID       string
	Severity string
	Title    string // one line
	Doc      string // what it catches and when it stays silent
	Bad      string // an example it reports
	Good     string // the same claim, right
	Fields   string // the ledger fields it reads
}

// Rules lists every check, in the order they are documented.
var Rules = []Rule{
	{
		ID: "title-at-date", Severity: Error,
		Title: "a title that does not fit the publication date",
		Doc: `Reports "former X" for a person who holds office X on the publication date, and a
current title for a person whose term in that office has ended. A sentence that dates
itself ("in 2023, President …") is not judged, nor are "then-", "acting" or "outgoing".`,
		Bad:    "former U.S. President Donald Trump (in an article of 2026)",
		Good:   "U.S. President Donald Trump",
		Fields: "offices: phrasings, country, holders (who, from, to)",
	},
	{
		ID: "office-holder", Severity: Error,
		Title: "a title naming an office the person never held",
		Doc: `Reports a title before a name when the person has never held that office and someone
else held it on the publication date. Suggests the title the person held in the same body
when the ledger has one. A bare word such as "Chairman" that names no office of the
ledger is not judged.`,
		Bad:    "Russian Security Council Chairman Sergei Shoigu",
		Good:   "Russian Security Council Secretary Sergei Shoigu",
		Fields: "offices: phrasings, country, body, holders",
	},
	{
		ID: "event-date", Severity: Error,
		Title: "a date or weekday that the ledger gives differently",
		Doc: `Resolves the date of a claimed event against the publication date ("on Friday",
"January 21", "last week") and compares it, at its own precision, with the ledger event
of that kind and those participants nearest to it. A date that is the event's date in
the time zone of a participant, of the venue or of the outlet is right.`,
		Bad:    "Putin called Xi on Friday (the call was on Monday)",
		Good:   "Putin called Xi on Monday",
		Fields: "events: kind, date, end, time, tz, participants; entities: tz",
	},
	{
		ID: "event-medium", Severity: Error,
		Title:  "phone, video or in person, contradicted",
		Doc:    `Compares "phone call", "video call", "by phone", "in person" with the event's medium.`,
		Bad:    "held a phone call on Wednesday (it was a video call)",
		Good:   "held a video call on Wednesday",
		Fields: "events: medium",
	},
	{
		ID: "event-initiator", Severity: Error,
		Title: "who placed the call, contradicted",
		Doc: `Reads "X called Y", "initiated by X", "at X's request" and compares X with the event's
initiator. "X called for …" and "X called on …" are not calls.`,
		Bad:    "Xi called Putin (the ledger: Putin placed the call)",
		Good:   "Putin called Xi",
		Fields: "events: initiator",
	},
	{
		ID: "event-venue", Severity: Error,
		Title: "a place named for an event held elsewhere",
		Doc: `Compares "in <place>" near an event word with the event's venue. Naming a place that
contains the venue is right ("in Saudi Arabia" for talks held in Riyadh).`,
		Bad:    "set to meet again in Riyadh for a second round (it was held in Istanbul)",
		Good:   "set to meet again in Istanbul",
		Fields: "events: venue; entities: in",
	},
	{
		ID: "event-duration", Severity: Warning,
		Title: "a stated length far from the ledger's",
		Doc: `Compares "a 30-minute call", "an hour-and-a-half discussion" with the event's
duration. Rounding is fine: only a length half as long again, or more, is reported.`,
		Bad:    "a 30-minute call (it lasted 1h25m)",
		Good:   "an hour-and-a-half call",
		Fields: "events: duration",
	},
	{
		ID: "ordinal", Severity: Error,
		Title: "first, second, last: the order of events, contradicted",
		Doc: `Checks "the first call … this year", "the second round", "their third meeting this
year" and "last met in person in September" against the ledger's events of that kind and
those participants. A count is refuted by events the ledger holds; it is confirmed only
where coverage is declared, so a missing event never causes a finding.`,
		Bad:    "Monday's call, the first between Xi and Putin this year (one was held on January 21)",
		Good:   "Monday's call, their second this year",
		Fields: "events: kind, date, participants, series, round, medium",
	},
	{
		ID: "event-unknown", Severity: Error,
		Title: "an event the ledger declares complete coverage for, but does not hold",
		Doc: `Reports an event claimed between participants, of a kind, on a day for which the
ledger declares coverage, when the ledger holds no such event near that day. Names the
nearest covered events. A date near a ledger event is an event-date finding instead.`,
		Bad:    "Putin and Xi spoke by phone on March 14, 2025",
		Good:   "(no such call; remove the claim or add the event to the ledger)",
		Fields: "coverage: kinds, participants, from, to; events",
	},
	{
		ID: "office-term", Severity: Error,
		Title: "took office or stepped down at the wrong time",
		Doc: `Checks "took office", "was sworn in", "left office", "stepped down" with a date
against the start or end of the person's term in the office named in the sentence.`,
		Bad:    "Nikolai Patrushev stepped down as Security Council Secretary in 2023",
		Good:   "… in 2024",
		Fields: "offices: holders (from, to)",
	},
	{
		ID: "anniversary", Severity: Error,
		Title: "the Nth anniversary, miscounted",
		Doc: `Checks "the third anniversary of Russia's invasion" against the anchor event's date
and the publication date. "Approaches its fourth anniversary" is right in the weeks before.`,
		Bad:    "marked the third anniversary of the invasion (in February 2026)",
		Good:   "marked the fourth anniversary of the invasion",
		Fields: "events of kind anchor: date, aliases",
	},
	{
		ID: "wording", Severity: Warning,
		Title: "a pattern from the rule files' wording rules",
		Doc: `Reports each match of a wording rule's RE2 pattern, within the rule's window on the
publication date, with its message and, when given, its replacement. The severity is the
rule's own.`,
		Bad:    "Kiev (a rule asks for Kyiv after 2022)",
		Good:   "Kyiv",
		Fields: "wording: pattern, after, before, message, replacement, severity",
	},
	{
		ID: "missing-date", Severity: Info,
		Title: "no publication date: date-relative checks were skipped",
		Doc: `An article with no date in its front matter and none given with --published still
gets the checks that need no date. This notice says the others were skipped.`,
		Bad:    "an article with no published: key",
		Good:   "---\npublished: 2025-02-24\n---",
		Fields: "none",
	},
}

// RuleByID returns the documentation of a rule.
func RuleByID(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
