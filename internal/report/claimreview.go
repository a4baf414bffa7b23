package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/claimlint/claimlint/checker"
)

// ratings name, for each check that judges a claim against the ledger, the
// kind of error a ClaimReview's rating reports, and whether the claim is
// false or only inaccurate.
var ratings = map[string]struct {
	false bool
	kind  string
}{
	"title-at-date":   {true, "wrong title for the date"},
	"office-holder":   {true, "wrong office holder"},
	"event-date":      {true, "wrong date"},
	"event-medium":    {true, "wrong medium"},
	"event-initiator": {true, "wrong initiator"},
	"event-venue":     {true, "wrong venue"},
	"event-duration":  {false, "wrong duration"},
	"ordinal":         {true, "wrong count"},
	"event-unknown":   {true, "no such event"},
	"office-term":     {true, "wrong term of office"},
	"anniversary":     {true, "wrong anniversary"},
}

// ClaimReview writes each contradicted claim as a schema.org ClaimReview, in
// one JSON-LD document: the claim, the article it appears in (its url: or
// base-url:, title, outlet and date), a rating naming the kinds of error
// (1 of 5, False; 2 for a claim only inaccurate), the findings as the
// review's body, the ledger's sources as citations, the author from
// .claimlint.yaml, and the date of the review when the run gives one.
// Findings that judge no claim against the ledger (wording, directives,
// cross-source) are left out. A review has no url of its own: claimlint
// publishes no page for it.
func ClaimReview(w io.Writer, r *Run) error {
	v := r.View
	if v == nil {
		return fmt.Errorf("the claimreview format needs the articles and claims of the run")
	}
	arts := map[string]*Article{}
	for i := range v.Articles {
		arts[v.Articles[i].Path] = &v.Articles[i]
	}
	claims := map[string][]checker.Claim{}
	for _, c := range v.Claims {
		claims[c.Path] = append(claims[c.Path], c)
	}
	// One review per claim: the findings within one claim are its errors.
	type review struct {
		claim    string
		findings []int
	}
	var reviews []*review
	byClaim := map[string]*review{}
	for i, f := range r.Findings {
		if _, ok := ratings[f.Rule]; !ok {
			continue
		}
		text, at := claimText(claims[f.Path], f)
		key := fmt.Sprintf("%s\x00%d", f.Path, at)
		if at < 0 {
			key = fmt.Sprintf("%s\x00f%d", f.Path, i)
		}
		rv := byClaim[key]
		if rv == nil {
			rv = &review{claim: text}
			byClaim[key] = rv
			reviews = append(reviews, rv)
		}
		rv.findings = append(rv.findings, i)
	}
	fps := Fingerprints(r.Root, r.Findings)
	graph := []any{}
	for _, rv := range reviews {
		first := r.Findings[rv.findings[0]]
		falsehood := false
		var kinds, bodies []string
		var cites []any
		seen := map[string]bool{}
		for _, i := range rv.findings {
			f := r.Findings[i]
			rt := ratings[f.Rule]
			falsehood = falsehood || rt.false
			if !seen["k"+rt.kind] {
				seen["k"+rt.kind] = true
				kinds = append(kinds, rt.kind)
			}
			bodies = append(bodies, f.Message)
			if e := f.Evidence; e != nil {
				for _, s := range e.Sources {
					if seen["s"+s.URL+s.Outlet] {
						continue
					}
					seen["s"+s.URL+s.Outlet] = true
					c := map[string]any{"@type": "CreativeWork"}
					if s.URL != "" {
						c["url"] = s.URL
					}
					if s.Outlet != "" {
						c["publisher"] = map[string]any{"@type": "Organization", "name": s.Outlet}
					}
					cites = append(cites, c)
				}
			}
		}
		verdict, value := "Inaccurate", 2
		if falsehood {
			verdict, value = "False", 1
		}
		appearance := map[string]any{"@type": "NewsArticle"}
		if a := arts[first.Path]; a != nil {
			if a.URL != "" {
				appearance["url"] = a.URL
			}
			if a.Title != "" {
				appearance["headline"] = a.Title
			}
			if !a.Published.IsZero() {
				appearance["datePublished"] = a.Published.String()
			}
			if a.Outlet != "" {
				appearance["publisher"] = map[string]any{"@type": "Organization", "name": a.Outlet}
			}
		}
		item := map[string]any{"@type": "Claim", "appearance": appearance}
		if d, ok := appearance["datePublished"]; ok {
			item["datePublished"] = d
		}
		out := map[string]any{
			"@type":         "ClaimReview",
			"identifier":    fps[rv.findings[0]],
			"claimReviewed": rv.claim,
			"itemReviewed":  item,
			"reviewRating": map[string]any{
				"@type": "Rating", "ratingValue": value, "worstRating": 1, "bestRating": 5,
				"alternateName": verdict + ": " + strings.Join(kinds, ", "),
			},
			"reviewBody": strings.Join(bodies, "; "),
		}
		if v.Reviewed != "" {
			out["datePublished"] = v.Reviewed
		}
		if author := authorOf(v.Author); author != nil {
			out["author"] = author
		}
		if len(cites) > 0 {
			out["citation"] = cites
		}
		graph = append(graph, out)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(map[string]any{"@context": "https://schema.org", "@graph": graph})
}

// claimText is the sentence the finding judges, and where it starts: the
// text of the narrowest contradicted claim of its article that holds it, or
// the words it found and -1.
func claimText(claims []checker.Claim, f checker.Finding) (string, int) {
	best, at := "", -1
	for _, c := range claims {
		if c.Offset <= f.Offset && f.EndOffset <= c.EndOffset && c.Verdict == checker.Contradicted {
			if at < 0 || len(c.Text) < len(best) {
				best, at = c.Text, c.Offset
			}
		}
	}
	if at < 0 {
		best = strings.Join(strings.Fields(f.Found), " ")
	}
	return best, at
}

func authorOf(a Author) map[string]any {
	if a.Name == "" {
		return nil
	}
	out := map[string]any{"@type": "Organization", "name": a.Name}
	if a.URL != "" {
		out["url"] = a.URL
	}
	return out
}
