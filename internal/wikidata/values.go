package wikidata

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/claimlint/claimlint/checker/civil"
	"github.com/claimlint/claimlint/checker/ledger"
)

// The calendar models of a time value.
const (
	gregorian = "http://www.wikidata.org/entity/Q1985727"
	julian    = "http://www.wikidata.org/entity/Q1985786"
)

// The precisions of a time value that a rule file can take.
const (
	precYear  = 9
	precMonth = 10
	precDay   = 11
)

// item returns the item id of an entity-id value.
func (s Snak) item() (string, bool) {
	if s.Snaktype != "value" || s.Datavalue == nil || s.Datavalue.Type != "wikibase-entityid" {
		return "", false
	}
	var v struct {
		ID        string `json:"id"`
		NumericID int64  `json:"numeric-id"`
		Type      string `json:"entity-type"`
	}
	if json.Unmarshal(s.Datavalue.Value, &v) != nil {
		return "", false
	}
	if v.ID == "" && v.NumericID > 0 && (v.Type == "" || v.Type == "item") {
		v.ID = "Q" + strconv.FormatInt(v.NumericID, 10)
	}
	return v.ID, ledger.ValidQID(v.ID)
}

// text returns a string value (a URL, an identifier).
func (s Snak) text() (string, bool) {
	if s.Snaktype != "value" || s.Datavalue == nil || s.Datavalue.Type != "string" {
		return "", false
	}
	var v string
	if json.Unmarshal(s.Datavalue.Value, &v) != nil {
		return "", false
	}
	return strings.TrimSpace(v), v != ""
}

// monolingual returns a monolingual text value and its language.
func (s Snak) monolingual() (text, lang string, ok bool) {
	if s.Snaktype != "value" || s.Datavalue == nil || s.Datavalue.Type != "monolingualtext" {
		return "", "", false
	}
	var v struct {
		Text     string `json:"text"`
		Language string `json:"language"`
	}
	if json.Unmarshal(s.Datavalue.Value, &v) != nil {
		return "", "", false
	}
	return strings.TrimSpace(v.Text), v.Language, v.Text != ""
}

// date returns a time value as a rule file writes a date, at the precision
// Wikidata gives it (2024-05-07, 2024-05 or 2024), or why it cannot.
func (s Snak) date() (string, error) {
	switch s.Snaktype {
	case "somevalue":
		return "", fmt.Errorf("unknown value")
	case "novalue":
		return "", fmt.Errorf("no value")
	}
	if s.Datavalue == nil || s.Datavalue.Type != "time" {
		return "", fmt.Errorf("not a time value")
	}
	var v struct {
		Time          string `json:"time"`
		Precision     int    `json:"precision"`
		CalendarModel string `json:"calendarmodel"`
	}
	if err := json.Unmarshal(s.Datavalue.Value, &v); err != nil {
		return "", fmt.Errorf("not a time value: %v", err)
	}
	if v.CalendarModel == julian {
		return "", fmt.Errorf("%s is in the Julian calendar", v.Time)
	}
	if v.CalendarModel != gregorian && v.CalendarModel != "" {
		return "", fmt.Errorf("%s: unknown calendar model %s", v.Time, v.CalendarModel)
	}
	// +2024-05-07T00:00:00Z; the month and day are 00 when not known.
	t, ok := strings.CutPrefix(v.Time, "+")
	if !ok {
		return "", fmt.Errorf("%s is not a year of the common era", v.Time)
	}
	ymd, _, _ := strings.Cut(t, "T")
	parts := strings.Split(ymd, "-")
	if len(parts) != 3 {
		return "", fmt.Errorf("%s is not a time as Wikidata writes it", v.Time)
	}
	year, err := strconv.Atoi(parts[0])
	if err != nil || year < 1000 || year > 9999 {
		return "", fmt.Errorf("%s: a rule file takes years 1000 to 9999", v.Time)
	}
	y := fmt.Sprintf("%04d", year)
	var d string
	switch {
	case v.Precision >= precDay: // an hour or finer is still that day
		d = y + "-" + parts[1] + "-" + parts[2]
	case v.Precision == precMonth:
		d = y + "-" + parts[1]
	case v.Precision == precYear:
		d = y
	default:
		return "", fmt.Errorf("%s is given to %s; a rule file takes a day, a month or a year", v.Time, precisionName(v.Precision))
	}
	// What a rule file cannot read (a month 00 at month precision, a day
	// 31 of April) is no date.
	if _, err := civil.ParseDate(d); err != nil {
		return "", fmt.Errorf("%s at precision %d is no date a rule file can hold", v.Time, v.Precision)
	}
	return d, nil
}

func precisionName(p int) string {
	switch p {
	case 8:
		return "a decade"
	case 7:
		return "a century"
	case 6:
		return "a millennium"
	}
	return "precision " + strconv.Itoa(p)
}
