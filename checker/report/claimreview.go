package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/claimlint/claimlint/checker"
)

// ratings name, for each check that judges a claim against the ledger, the
// kind of error a ClaimReview's rating reports.
var ratings = map[string]string{
	"title-at-date":   "False: wrong title for the date",
	"office-holder":   "False: wrong office holder",
	"event-date":      "False: wrong date",
	"event-medium":    "False: wrong medium",
	"event-initiator": "False: wrong initiator",
	"event-venue":     "False: wrong venue",
	"event-duration":  "Inaccurate: wrong duration",
	"ordinal":         "False: wrong count",
	"event-unknown":   "False: no such event",
	"office-term":     "False: wrong term of office",
	"anniversary":     "False: wrong anniversary",
}

// ClaimReview writes each contradicted claim as a schema.org ClaimReview, in
// one JSON-LD document: the claim, the article it appears in (its url: or
// base-url:, and date), a rating naming the kind of error, and the author
// from .claimlint.yaml. Findings that judge no claim (wording, directives,
// cross-source) are left out.
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
	graph := []any{}
	fps := Fingerprints(r.Root, r.Findings)
	for i, f := range r.Findings {
		rating, ok := ratings[f.Rule]
		if !ok {
			continue
		}
		claim := claimText(claims[f.Path], f)
		appearance := map[string]any{"@type": "NewsArticle"}
		a := arts[f.Path]
		if a != nil {
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
		review := map[string]any{
			"@type":         "ClaimReview",
			"identifier":    fps[i],
			"claimReviewed": claim,
			"itemReviewed":  item,
			"reviewRating": map[string]any{
				"@type": "Rating", "ratingValue": 1, "worstRating": 1, "bestRating": 5,
				"alternateName": rating,
			},
			"reviewBody": f.Message,
		}
		if a != nil && a.URL != "" {
			review["url"] = a.URL + "#claimlint-" + fps[i]
		}
		if author := authorOf(v.Author); author != nil {
			review["author"] = author
		}
		if e := f.Evidence; e != nil && len(e.Sources) > 0 {
			var cites []any
			for _, s := range e.Sources {
				c := map[string]any{"@type": "CreativeWork"}
				if s.URL != "" {
					c["url"] = s.URL
				}
				if s.Outlet != "" {
					c["publisher"] = map[string]any{"@type": "Organization", "name": s.Outlet}
				}
				cites = append(cites, c)
			}
			review["citation"] = cites
		}
		graph = append(graph, review)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(map[string]any{"@context": "https://schema.org", "@graph": graph})
}

// claimText is the sentence the finding judges: the text of the narrowest
// claim of its article that holds it, or the words it found.
func claimText(claims []checker.Claim, f checker.Finding) string {
	best := ""
	for _, c := range claims {
		if c.Offset <= f.Offset && f.EndOffset <= c.EndOffset && c.Verdict == checker.Contradicted {
			if best == "" || len(c.Text) < len(best) {
				best = c.Text
			}
		}
	}
	if best == "" {
		best = strings.Join(strings.Fields(f.Found), " ")
	}
	return best
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
