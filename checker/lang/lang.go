// Package lang holds the words of a language that claimlint reads: event
// words, hedges, tense cues, reporting verbs, ordinals, numbers, duration
// units, months, weekdays and the rest. They are data, in a file per
// language (en.yaml, embedded), loaded and validated like a rule file: every
// error names the file, line and column. The engine holds no word list of
// its own.
package lang

import (
	_ "embed"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"
)

// Phrase is a run of words, in lower case: "took office".
type Phrase []string

// Lang is one language's words. The yaml tags are the keys of the file.
type Lang struct {
	// Events maps an event word to the kinds of event it may name. In the
	// file a kind may be a group (contact, in-person); here groups are
	// expanded.
	Events map[string][]string `yaml:"events"`
	Cues   struct {
		OccasionPrepositions Set `yaml:"occasion-prepositions"`
		CallNouns            Set `yaml:"call-nouns"`
		CallNotBefore        Set `yaml:"call-not-before"`
		CallingVerbs         Set `yaml:"calling-verbs"`
		CallParticles        Set `yaml:"call-particles"`
		HostingVerbs         Set `yaml:"hosting-verbs"`
		NamingAfter          Set `yaml:"naming-after"`
		SpeakingVerbs        Set `yaml:"speaking-verbs"`
		SpeakingBefore       Set `yaml:"speaking-before"`
		SpeakingFor          Set `yaml:"speaking-for"`
		RoundNouns           Set `yaml:"round-nouns"`
		RoundBefore          Set `yaml:"round-before"`
		ContactNouns         Set `yaml:"contact-nouns"`
		ContactBefore        Set `yaml:"contact-before"`
		// NounsAfter are event words only right after one of their
		// words: "video conference", not "press conference".
		NounsAfter       map[string]Set `yaml:"nouns-after"`
		PlanVerbs        Set            `yaml:"plan-verbs"`
		PeriodBounds     Set            `yaml:"period-bounds"`
		DatePrepositions Set            `yaml:"date-prepositions"`
		NoEvent          Set            `yaml:"no-event"`
		ScopeEnds        Set            `yaml:"scope-ends"`
		PlanTo           Set            `yaml:"plan-to"`
		Definite         Set            `yaml:"definite"`
		CallOn           Set            `yaml:"call-on"`
		Since            Set            `yaml:"since"`
	} `yaml:"cues"`
	Hedges Set `yaml:"hedges"`
	// HedgeAdjectives are hedges that qualify a noun ("a possible
	// summit"): after a determiner and before a noun that names no event,
	// they are about that noun, not the clause's event.
	HedgeAdjectives Set `yaml:"hedge-adjectives"`
	Determiners     Set `yaml:"determiners"`
	// PossessivePronouns own an event: "his Tuesday call".
	PossessivePronouns Set `yaml:"possessive-pronouns"`
	// HedgeSuffix ends a negated word: "didn't".
	HedgeSuffix string `yaml:"hedge-suffix"`
	Denials     Set    `yaml:"denials"`
	Tense       struct {
		Future       Set            `yaml:"future"`
		FutureBefore map[string]Set `yaml:"future-before"`
		// NotFutureBefore are future words that are none before the
		// listed words: "ahead of".
		NotFutureBefore map[string]Set `yaml:"not-future-before"`
		// FutureAdjectives after a determiner qualify their own noun:
		// "his upcoming trip".
		FutureAdjectives Set `yaml:"future-adjectives"`
		Past             Set `yaml:"past"`
		NotPast          Set `yaml:"not-past"`
		// PastSuffix ends a regular past form ("met" aside, "-ed");
		// NotPastSuffix ends words that have it but are none ("agreed").
		PastSuffix    string `yaml:"past-suffix"`
		NotPastSuffix string `yaml:"not-past-suffix"`
		Reporting     Set    `yaml:"reporting"`
	} `yaml:"tense"`
	// Reporting: who says a thing and when. A date right after a
	// reporting verb (and its object: "told reporters on Wednesday") dates
	// the report, not the event.
	Reporting struct {
		Verbs       Set `yaml:"verbs"`
		Objects     Set `yaml:"objects"`
		Auxiliaries Set `yaml:"auxiliaries"`
		// SelfPronouns open what the reporter says about themself: "C
		// said he had a call with B" (Complementizers may come first).
		SelfPronouns    Set      `yaml:"self-pronouns"`
		Complementizers Set      `yaml:"complementizers"`
		According       []Phrase `yaml:"according"`
	} `yaml:"reporting"`
	Subordinators Set `yaml:"subordinators"`
	Attributive   Set `yaml:"attributive"`
	GroupNouns    Set `yaml:"group-nouns"`
	Joiners       struct {
		List Set `yaml:"list"`
		And  Set `yaml:"and"`
		Pair Set `yaml:"pair"`
	} `yaml:"joiners"`
	Ordinals       map[string]int `yaml:"ordinals"`
	OrdinalNames   []string       `yaml:"ordinal-names"`
	OrdinalFillers Set            `yaml:"ordinal-fillers"`

	// OrdinalNumberSuffixes write an ordinal beyond the names in figures:
	// the suffix for its last two digits, else for its last digit, else
	// "other" ("11th", "22nd").
	OrdinalNumberSuffixes map[string]string `yaml:"ordinal-number-suffixes"`
	// Counts are the words around an ordinal that say what it counts:
	// "her second visit to Ruritania this year", "met for the third time",
	// "the 14th annual summit", "the first visit by a British prime minister".
	Counts struct {
		Restrictive   Set            `yaml:"restrictive"`
		Bilateral     Set            `yaml:"bilateral"`
		Series        Set            `yaml:"series"`
		Abroad        Set            `yaml:"abroad"`
		Times         Set            `yaml:"times"`
		For           Set            `yaml:"for"`
		Determiners   Set            `yaml:"determiners"`
		To            Set            `yaml:"to"`
		Parties       Set            `yaml:"parties"`
		PartyWords    Set            `yaml:"party-words"`
		By            Set            `yaml:"by"`
		ClassArticles Set            `yaml:"class-articles"`
		GerundSuffix  string         `yaml:"gerund-suffix"`
		PeriodCues    Set            `yaml:"period-cues"`
		In            Set            `yaml:"in"`
		Units         map[string]int `yaml:"units"`
		Rough         Set            `yaml:"rough"`
		Narrowing     Set            `yaml:"narrowing"`
		OfficeStart   []Phrase       `yaml:"office-start"`
	} `yaml:"counts"`
	LastMet struct {
		Last        Set `yaml:"last"`
		Verbs       Set `yaml:"verbs"`
		Speaking    Set `yaml:"speaking"`
		NounVerbs   Set `yaml:"noun-verbs"`
		Auxiliaries Set `yaml:"auxiliaries"`
	} `yaml:"last-met"`
	Medium struct {
		Phone           Set    `yaml:"phone"`
		Video           Set    `yaml:"video"`
		InPerson        Set    `yaml:"in-person"`
		InPersonPair    Phrase `yaml:"in-person-pair"`
		OrdinalPhone    Set    `yaml:"ordinal-phone"`
		OrdinalVideo    Set    `yaml:"ordinal-video"`
		OrdinalInPerson Set    `yaml:"ordinal-in-person"`
		Replaceable     Set    `yaml:"replaceable"`
	} `yaml:"medium"`
	MediumNames map[string]string `yaml:"medium-names"`
	// MediumWays write one of several accepted media: "by phone".
	MediumWays map[string]string `yaml:"medium-ways"`
	Initiator  struct {
		PlacedByVerbs Set `yaml:"placed-by-verbs"`
		By            Set `yaml:"by"`
		AfterName     Set `yaml:"after-name"`
		// AskingVerbs and AskingFor: "X asked for the call".
		AskingVerbs  Set `yaml:"asking-verbs"`
		AskingFor    Set `yaml:"asking-for"`
		RequestNouns Set `yaml:"request-nouns"`
		Request      Set `yaml:"request"`
		At           Set `yaml:"at"`
		Of           Set `yaml:"of"`
		The          Set `yaml:"the"`
	} `yaml:"initiator"`
	Edges struct {
		Start    Set      `yaml:"start"`
		End      Set      `yaml:"end"`
		EndPairs []Phrase `yaml:"end-pairs"`
		// Arrivals are event words of a visit that give its first day.
		Arrivals   Set `yaml:"arrivals"`
		Parts      Set `yaml:"parts"`
		Departures Set `yaml:"departures"`
		PartsOf    Set `yaml:"parts-of"`
	} `yaml:"edges"`
	Venue struct {
		Prepositions Set `yaml:"prepositions"`
		NotVenue     Set `yaml:"not-venue"`
		GapStops     Set `yaml:"gap-stops"`
		TopicCues    Set `yaml:"topic-cues"`
	} `yaml:"venue"`
	Relatives Set `yaml:"relatives"`
	Durations struct {
		Units    map[string]time.Duration `yaml:"units"`
		Counts   map[string]float64       `yaml:"counts"`
		Hour     Set                      `yaml:"hour"`
		Half     Set                      `yaml:"half"`
		Long     Set                      `yaml:"long"`
		An       Set                      `yaml:"an"`
		AndAHalf Phrase                   `yaml:"and-a-half"`
		// One are the words that count one of a unit: "an hour".
		One Set `yaml:"one"`
		And Set `yaml:"and"`
		// Fractions written after a number: "2½".
		Fractions map[string]float64 `yaml:"fractions"`
		// Bounds before a length: at least, at most, about.
		AtLeast []Phrase `yaml:"at-least"`
		AtMost  []Phrase `yaml:"at-most"`
		About   []Phrase `yaml:"about"`
		// Words after or before a length that make it an offset in time.
		NotAfter  Set `yaml:"not-after"`
		NotBefore Set `yaml:"not-before"`
	} `yaml:"durations"`
	Terms struct {
		Start []Phrase `yaml:"start"`
		End   []Phrase `yaml:"end"`
		// StartWithOffice cues a start only with an office after it.
		StartWithOffice  []Phrase `yaml:"start-with-office"`
		EndWithOffice    []Phrase `yaml:"end-with-office"`
		GerundStart      []Phrase `yaml:"gerund-start"`
		GerundEnd        []Phrase `yaml:"gerund-end"`
		GerundAfter      Set      `yaml:"gerund-after"`
		Adverbs          Set      `yaml:"adverbs"`
		Relative         Set      `yaml:"relative"`
		Role             Set      `yaml:"role"`
		RoleFillers      Set      `yaml:"role-fillers"`
		DatePrepositions Set      `yaml:"date-prepositions"`
		Since            Set      `yaml:"since"`
		Until            Set      `yaml:"until"`
		From             Set      `yaml:"from"`
		To               Set      `yaml:"to"`
		Link             Set      `yaml:"link"`
		PreOffice        Set      `yaml:"pre-office"`
		Announce         Set      `yaml:"announce"`
	} `yaml:"terms"`
	Titles struct {
		// RolePrepositions before a title make it whom the named person
		// serves: "an aide to the president, X".
		RolePrepositions Set `yaml:"role-prepositions"`
		PeriodBefore     Set `yaml:"period-before"`
		PastTime         Set `yaml:"past-time"`
		Hedges           Set `yaml:"hedges"`
		FunctionWords    Set `yaml:"function-words"`
		Former           Set `yaml:"former"`
		Ex               Set `yaml:"ex"`
		Definite         Set `yaml:"definite"`
		Indefinite       Set `yaml:"indefinite"`
		Fillers          Set `yaml:"fillers"`
		Of               Set `yaml:"of"`
		List             Set `yaml:"list"`
		Close            Set `yaml:"close"`
		NotAfterDesc     Set `yaml:"not-after-description"`
		EventLinks       Set `yaml:"event-links"`
		Honorifics       Set `yaml:"honorifics"`
	} `yaml:"titles"`
	Anniversary struct {
		Words         Set      `yaml:"words"`
		Of            Set      `yaml:"of"`
		Approach      Set      `yaml:"approach"`
		ApproachPairs []Phrase `yaml:"approach-pairs"`
		Mark          Set      `yaml:"mark"`
		On            Set      `yaml:"on"`
		The           Set      `yaml:"the"`
		OtherTime     Set      `yaml:"other-time"`
		// Near maps a unit of "days after the anniversary" to the days it
		// may span at most.
		Near         map[string]int    `yaml:"near"`
		After        Set               `yaml:"after"`
		Before       Set               `yaml:"before"`
		Year         Set               `yaml:"year"`
		Enter        Set               `yaml:"enter"`
		EnterPairs   []Phrase          `yaml:"enter-pairs"`
		In           Set               `yaml:"in"`
		Its          Set               `yaml:"its"`
		SubjectLinks Set               `yaml:"subject-links"`
		Units        map[string]string `yaml:"units"`
		Elapsed      Set               `yaml:"elapsed"`
		Ago          Set               `yaml:"ago"`
		Under        Set               `yaml:"under"`
		UnderPairs   []Phrase          `yaml:"under-pairs"`
		Over         Set               `yaml:"over"`
		OverPairs    []Phrase          `yaml:"over-pairs"`
		About        Set               `yaml:"about"`
		Then         Set               `yaml:"then"`
		Perfect      Set               `yaml:"perfect"`
		Bounds       Set               `yaml:"bounds"`
		StartNouns   Set               `yaml:"start-nouns"`
		DatePreps    Set               `yaml:"date-prepositions"`
		Verbs        Set               `yaml:"verbs"`
		VerbPairs    []Phrase          `yaml:"verb-pairs"`
		Passive      Set               `yaml:"passive"`
		PeriodNouns  Set               `yaml:"period-nouns"`
		Determiners  Set               `yaml:"determiners"`
	} `yaml:"anniversary"`
	Dates struct {
		Months map[string]time.Month `yaml:"months"`
		// MonthAbbreviations are short forms of month names.
		MonthAbbreviations map[string]time.Month   `yaml:"month-abbreviations"`
		Weekdays           map[string]time.Weekday `yaml:"weekdays"`
		Numbers            map[string]int          `yaml:"numbers"`
		YearCues           Set                     `yaml:"year-cues"`
		// Dayparts may stand between a weekday and its date: "Sunday night (11)".
		Dayparts Set `yaml:"dayparts"`
		// Relative maps a phrase ("last week", "yesterday") to the form of
		// date it names; package timex knows the forms.
		Relative    map[string]string `yaml:"relative"`
		MonthPrefix Set               `yaml:"month-prefix"`
		MonthLast   Set               `yaml:"month-last"`
		MonthNext   Set               `yaml:"month-next"`
		And         Set               `yaml:"and"`
		// RangeTo joins the days of a range: "May 9 to 12".
		RangeTo  Set `yaml:"range-to"`
		YearsAgo Set `yaml:"years"`
		Ago      Set `yaml:"ago"`
	} `yaml:"dates"`
	Text struct {
		Abbreviations   Set `yaml:"abbreviations"`
		ClauseWords     Set `yaml:"clause-words"`
		OrdinalSuffixes Set `yaml:"ordinal-suffixes"`
		ListAnd         Set `yaml:"list-and"`
		ListArticles    Set `yaml:"list-articles"`
		PositionMarks   Set `yaml:"position-marks"`
	} `yaml:"text"`
}

// Kinds of event a word may name, and the groups the file may use.
var (
	kinds  = []string{"call", "meeting", "talks", "summit", "visit"}
	groups = map[string][]string{
		"contact":   {"call", "meeting", "talks", "summit", "visit"},
		"in-person": {"meeting", "talks", "summit", "visit"},
	}
)

//go:embed en.yaml
var english []byte

// English is the embedded English file, loaded once. A broken embedded
// file is a programming error that every test meets, so it panics.
var English = func() *Lang {
	l, err := Load("lang/en.yaml", english)
	if err != nil {
		panic(err)
	}
	return l
}()

// NewEnglish returns a copy of the embedded English that a caller may add
// words to.
func NewEnglish() *Lang {
	l, err := Load("lang/en.yaml", english)
	if err != nil {
		panic(err)
	}
	return l
}

// Error is a problem in a language file, at a position.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// Errors are every problem of a file, in order.
type Errors []Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Load reads a language file. Every key must be known, every value of the
// right shape; a missing section is an empty one.
func Load(file string, data []byte) (*Lang, error) {
	l := &Lang{}
	if err := l.Add(file, data); err != nil {
		return nil, err
	}
	return l, nil
}

// Add reads words from data into l, beside those it has: a rule file's
// `words:` adds a newsroom's own. A word given again takes the new value.
func (l *Lang) Add(file string, data []byte) error {
	var root yaml.Node
	if err := yaml.Load(data, &root); err != nil {
		var many *yaml.LoadErrors
		var one *yaml.LoadError
		switch {
		case errors.As(err, &many):
			var es Errors
			for _, e := range many.Errors {
				es = append(es, Error{file, e.Mark.Line, e.Mark.Column, e.Message})
			}
			return es
		case errors.As(err, &one):
			return Errors{{file, one.Mark.Line, one.Mark.Column, one.Message}}
		}
		return Errors{{file, 1, 1, err.Error()}}
	}
	n := &root
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		n = n.Content[0]
	}
	return l.AddNode(file, n)
}

// AddNode is Add for a node of a YAML document already parsed (a rule
// file's `words:`).
func (l *Lang) AddNode(file string, n *yaml.Node) error {
	d := &decoder{file: file}
	d.value(n, reflect.ValueOf(l).Elem(), "")
	sealAll(reflect.ValueOf(l).Elem())
	if len(d.errs) > 0 {
		return d.errs
	}
	return nil
}

type decoder struct {
	file string
	errs Errors
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, Error{d.file, n.Line, n.Column, fmt.Sprintf(format, args...)})
}

var (
	setType      = reflect.TypeFor[Set]()
	phraseType   = reflect.TypeFor[Phrase]()
	durationType = reflect.TypeFor[time.Duration]()
	monthType    = reflect.TypeFor[time.Month]()
	weekdayType  = reflect.TypeFor[time.Weekday]()
)

// value decodes n into v, by v's type; key is the key n is the value of,
// for messages and for the few keys whose values are checked further.
func (d *decoder) value(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind == yaml.AliasNode {
		d.errorf(n, "%s: aliases are not allowed in a language file", key)
		return
	}
	switch {
	case v.Type() == setType:
		words, ok := d.words(n, key)
		if !ok {
			return
		}
		s := v.Addr().Interface().(*Set)
		for _, w := range words {
			s.add(w)
		}
		return
	case v.Type() == phraseType:
		if words, ok := d.words(n, key); ok {
			if len(words) == 0 {
				d.errorf(n, "%s: a phrase needs a word at least", key)
				return
			}
			v.Set(reflect.ValueOf(Phrase(words)))
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			d.errorf(n, "%s: want a mapping of keys to values", orTop(key))
			return
		}
		fields := map[string]int{}
		var names []string
		for i := 0; i < v.NumField(); i++ {
			tag := v.Type().Field(i).Tag.Get("yaml")
			fields[tag] = i
			names = append(names, tag)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			f, ok := fields[k.Value]
			if !ok {
				sort.Strings(names)
				d.errorf(k, "unknown key %q%s: the keys here are %s", k.Value, under(key), strings.Join(names, ", "))
				continue
			}
			d.value(val, v.Field(f), join(key, k.Value))
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.errorf(n, "%s: want a mapping of words to values", key)
			return
		}
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			word, ok := d.word(k, key)
			if !ok {
				continue
			}
			x := reflect.New(v.Type().Elem()).Elem()
			if key == "events" {
				d.kinds(val, x)
			} else {
				d.value(val, x, key+": "+word)
			}
			v.SetMapIndex(reflect.ValueOf(word), x)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, "%s: want a list", key)
			return
		}
		x := reflect.MakeSlice(v.Type(), 0, len(n.Content))
		for _, item := range n.Content {
			e := reflect.New(v.Type().Elem()).Elem()
			d.value(item, e, key)
			x = reflect.Append(x, e)
		}
		v.Set(x)
	case reflect.String:
		if n.Kind != yaml.ScalarNode || n.Value == "" {
			d.errorf(n, "%s: want a word", key)
			return
		}
		v.SetString(n.Value)
	case reflect.Int, reflect.Int64, reflect.Float64:
		d.number(n, v, key)
	default:
		d.errorf(n, "%s: a value of an unknown kind", key)
	}
}

func (d *decoder) number(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s: want a number", key)
		return
	}
	switch v.Type() {
	case durationType:
		dur, err := time.ParseDuration(n.Value)
		if err != nil || dur <= 0 {
			d.errorf(n, "%s: %q is not a duration such as 1m or 1h", key, n.Value)
			return
		}
		v.SetInt(int64(dur))
		return
	case reflect.TypeFor[float64]():
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil || f <= 0 {
			d.errorf(n, "%s: %q is not a positive number", key, n.Value)
			return
		}
		v.SetFloat(f)
		return
	}
	i, err := strconv.Atoi(n.Value)
	lo, hi := 1, 1<<20
	switch v.Type() {
	case monthType:
		hi = 12
	case weekdayType:
		lo, hi = 0, 6
	}
	if err != nil || i < lo || i > hi {
		d.errorf(n, "%s: %q is not a whole number from %d to %d", key, n.Value, lo, hi)
		return
	}
	v.SetInt(int64(i))
}

// words reads a list of words.
func (d *decoder) words(n *yaml.Node, key string) ([]string, bool) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s: want a list of words", key)
		return nil, false
	}
	var out []string
	for _, item := range n.Content {
		if w, ok := d.word(item, key); ok {
			out = append(out, w)
		}
	}
	return out, true
}

// word reads one word: a non-empty scalar, in lower case.
func (d *decoder) word(n *yaml.Node, key string) (string, bool) {
	if n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "" {
		d.errorf(n, "%s: want a word", orTop(key))
		return "", false
	}
	if n.Value != strings.ToLower(n.Value) {
		d.errorf(n, "%s: %q: words are written in lower case (they match any case)", orTop(key), n.Value)
		return "", false
	}
	return n.Value, true
}

// kinds reads the kinds an event word may name, expanding groups.
func (d *decoder) kinds(n *yaml.Node, v reflect.Value) {
	words, ok := d.words(n, "events")
	if !ok {
		return
	}
	var out []string
	for _, w := range words {
		switch g, isGroup := groups[w]; {
		case isGroup:
			out = append(out, g...)
		case contains(kinds, w):
			out = append(out, w)
		default:
			d.errorf(n, "events: unknown kind %q: the kinds are %s, and the groups contact and in-person", w, strings.Join(kinds, ", "))
		}
	}
	v.Set(reflect.ValueOf(out))
}

func contains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + ": " + key
}

func orTop(key string) string {
	if key == "" {
		return "the file"
	}
	return key
}

func under(key string) string {
	if key == "" {
		return ""
	}
	return " under " + key
}

// OrdinalName writes n as an ordinal word ("first"), or as "11th" past the
// file's ordinal names.
func (l *Lang) OrdinalName(n int) string {
	if n > 0 && n <= len(l.OrdinalNames) {
		return l.OrdinalNames[n-1]
	}
	suffix, ok := l.OrdinalNumberSuffixes[strconv.Itoa(n%100)]
	if !ok {
		suffix, ok = l.OrdinalNumberSuffixes[strconv.Itoa(n%10)]
	}
	if !ok {
		suffix = l.OrdinalNumberSuffixes["other"]
	}
	return strconv.Itoa(n) + suffix
}

// HasOrdinalName reports whether n has an ordinal word.
func (l *Lang) HasOrdinalName(n int) bool { return n > 0 && n <= len(l.OrdinalNames) }
